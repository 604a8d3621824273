"""The practice site's address from start-up, its pages when first wanted.

The guides need the site's address when they are loaded (their ``{practice}`` links), but
nobody needs a practice page until a visitor opens a practice tile. So the kiosk binds
and listens on the port at start-up (standard library only) and imports the server and
its pages (``kiosk.practice.server``) only when ``serve()`` is called. A browser that
connects before that waits in the socket's queue and is answered once the site serves.
"""

from __future__ import annotations

import contextlib
import socket
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.practice.server import PracticeSite
    from kiosk.practice.visitors import VisitorStore


class PracticeListener:
    """The practice site on ``host``:``port`` (0: a free one), served from its first use."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self._requested_port = port
        self._socket: socket.socket | None = None
        self._site: PracticeSite | None = None

    def start(self) -> None:
        """Hold the address (bind and listen). ``OSError`` if the port is taken."""
        if self._socket is not None or self._site is not None:
            raise RuntimeError("the practice site is already started")
        self._socket = socket.create_server((self.host, self._requested_port))

    def serve(self) -> PracticeSite:
        """The running site: loaded and started on the address held, at the first call."""
        if self._site is None:
            if self._socket is None:
                raise RuntimeError("the practice site is not started; call start() first")
            from kiosk.practice.server import PracticeSite  # noqa: PLC0415 - see above

            site = PracticeSite(self.host, self._requested_port)
            site.start(self._socket)
            self._site, self._socket = site, None
        return self._site

    @property
    def serving(self) -> bool:
        return self._site is not None

    @property
    def port(self) -> int:
        if self._site is not None:
            return self._site.port
        if self._socket is None:
            raise RuntimeError("the practice site is not started; call start() first")
        return int(self._socket.getsockname()[1])

    @property
    def base_url(self) -> str:
        """For example ``http://127.0.0.1:41234`` (no slash at the end)."""
        host = self.host if ":" not in self.host else f"[{self.host}]"
        return f"http://{host}:{self.port}"

    @property
    def visitors(self) -> VisitorStore:
        """The practice visitors' answers (the site serves from now on)."""
        return self.serve().visitors

    def forget_visitors(self) -> None:
        if self._site is not None:
            self._site.forget_visitors()

    def leftovers(self) -> list[str]:
        return self._site.leftovers() if self._site is not None else []

    def stop(self) -> None:
        if self._site is not None:
            self._site.stop()
            self._site = None
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.close()
            self._socket = None
