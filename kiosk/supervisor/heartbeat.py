"""The kiosk's heartbeat to its supervisor: short lines over a pipe the supervisor made.

``ready`` once the kiosk's window shows, then ``beat`` every 5 s from a timer on the GUI
thread, so a GUI that hangs stops the beats. The pipe's write end reaches the kiosk as an
inherited file descriptor (Windows: an inherited handle) named in ``KIOSK_HEARTBEAT_FD``.
A kiosk started by hand has none and sends nothing.

Writing never blocks the kiosk: the pipe is non-blocking, and a supervisor that went
away (EPIPE) only ends the beats.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Mapping
from typing import Any

log = logging.getLogger("kiosk.supervisor")

ENV_HEARTBEAT = "KIOSK_HEARTBEAT_FD"
BEAT_INTERVAL_MS = 5000
READY = "ready"
BEAT = "beat"


class HeartbeatSender:
    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd
        # Not passed on to the kiosk's own children (browser engine, speech engine).
        os.set_inheritable(fd, False)
        if hasattr(os, "set_blocking"):
            with contextlib.suppress(OSError):
                os.set_blocking(fd, False)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] = os.environ) -> HeartbeatSender | None:
        value = environ.get(ENV_HEARTBEAT, "")
        if not value:
            return None
        try:
            if value.startswith("handle:"):  # Windows: an inherited pipe handle
                import msvcrt  # noqa: PLC0415

                fd = msvcrt.open_osfhandle(int(value[7:]), os.O_WRONLY)  # type: ignore[attr-defined]
            else:
                fd = int(value)
            os.fstat(fd)
        except (ValueError, OSError, ImportError):
            log.warning("%s does not name an open pipe; no heartbeat", ENV_HEARTBEAT)
            return None
        return cls(fd)

    def ready(self) -> None:
        self._send(READY)

    def beat(self) -> None:
        self._send(BEAT)

    def _send(self, word: str) -> None:
        if self._fd is None:
            return
        try:
            os.write(self._fd, f"{word}\n".encode())
        except BlockingIOError:
            pass  # the supervisor is slow to read: this beat is skipped, not waited for
        except OSError:
            log.warning("the supervisor is gone; no more heartbeats")
            self.close()

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def pipe_for_child() -> tuple[int, int, str, dict[str, Any]]:
    """A pipe for one kiosk child: (read end, write end, the value for
    ``KIOSK_HEARTBEAT_FD``, extra ``subprocess.Popen`` arguments that pass the write end
    on). The caller closes the write end once the child has started."""
    read_fd, write_fd = os.pipe()
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt  # noqa: PLC0415
        import subprocess  # noqa: PLC0415

        handle = msvcrt.get_osfhandle(write_fd)  # type: ignore[attr-defined]
        os.set_handle_inheritable(handle, True)  # type: ignore[attr-defined]
        info = subprocess.STARTUPINFO()  # type: ignore[attr-defined]
        info.lpAttributeList = {"handle_list": [handle]}
        return read_fd, write_fd, f"handle:{handle}", {"startupinfo": info, "close_fds": True}
    return read_fd, write_fd, str(write_fd), {"pass_fds": (write_fd,)}
