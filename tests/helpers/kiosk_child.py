"""A real kiosk in its own process, mid-session, for the kill -9 and SIGTERM tests.

Usage: python -m tests.helpers.kiosk_child GUIDES_DIR PLANT_URL
Prints "READY <session folder>" once visitor A's state is planted and a "downloaded"
file is in the session folder, then runs until killed or stopped, as ``kiosk run`` does.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
from PySide6.QtCore import QTimer, QUrl

from kiosk.app import create
from kiosk.config import from_mapping
from kiosk.launcher import run_until_stopped
from tests.helpers.state_site import MARKER


def main() -> int:
    guides, plant_url = sys.argv[1], sys.argv[2]
    config = {"kiosk": {"windowed": True}, "guides": {"dir": guides}, "speech": {"engine": "mock"}}
    kiosk = create(from_mapping(config))
    kiosk.window.show()
    kiosk.keeper.start_visit()
    kiosk.open_guide("test-service")
    view = kiosk.window.service.view
    assert view is not None
    downloads = kiosk.session.folder / "downloads"

    def on_title(title: str) -> None:
        if title == "planted":
            (downloads / "decision.txt").write_text(f"Decision for {MARKER}")
            sys.stdout.write(f"READY {kiosk.session.folder}\n")
            sys.stdout.flush()

    view.titleChanged.connect(on_title)
    QTimer.singleShot(0, lambda: view.setUrl(QUrl(plant_url)))
    return run_until_stopped(kiosk)


@dataclass
class Child:
    process: subprocess.Popen[bytes]
    folder: Path  # visitor A's session folder
    descendants: list[int]  # the browser engine's and the speech engine's processes

    def wait_for_descendants(self) -> list[int]:
        """Wait until the child's own children have ended; return those still alive."""
        alive = [psutil.Process(p) for p in self.descendants if psutil.pid_exists(p)]
        _gone, still = psutil.wait_procs(alive, timeout=30)
        return [p.pid for p in still if p.status() != psutil.STATUS_ZOMBIE]


#: How long a child may take to start and plant visitor A's state on a loaded machine.
READY_TIMEOUT_S = 120


def _first_line(process: subprocess.Popen[bytes], timeout_s: float) -> str:
    """The child's first line of output, or an error if it does not come in time (a
    child that hangs must fail the test, not hang the test run)."""
    assert process.stdout is not None
    fd = process.stdout.fileno()
    deadline = time.monotonic() + timeout_s
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        ready = select.select([fd], [], [], max(left, 0))[0] if left > 0 else []
        if not ready:
            raise AssertionError(f"the kiosk child said nothing in {timeout_s} s")
        chunk = os.read(fd, 4096)
        if not chunk:  # the child ended before it was ready
            break
        data += chunk
    return data.decode(errors="replace").partition("\n")[0]


@contextmanager
def running_kiosk(guides: Path, plant_url: str) -> Iterator[Child]:
    """A kiosk in its own process, mid-session with visitor A's state planted; killed
    at the end if the test has not stopped it. What the child writes to stderr is kept
    and shown if it does not get ready."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.kiosk_child", str(guides), plant_url],
            cwd=Path(__file__).resolve().parents[2],
            stdout=subprocess.PIPE,
            stderr=errors,
            env=os.environ.copy(),
        )
        try:
            try:
                line = _first_line(process, READY_TIMEOUT_S)
                assert line.startswith("READY "), line or f"exit code {process.poll()}"
            except AssertionError as problem:
                process.kill()
                process.wait(timeout=30)
                errors.seek(0)
                tail = errors.read()[-4000:].decode(errors="replace")
                raise AssertionError(f"{problem}; its last words:\n{tail}") from None
            folder = Path(line.split(" ", 1)[1].strip())
            descendants = [p.pid for p in psutil.Process(process.pid).children(recursive=True)]
            yield Child(process, folder, descendants)
        finally:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)
            if process.stdout is not None:
                process.stdout.close()


if __name__ == "__main__":
    sys.exit(main())
