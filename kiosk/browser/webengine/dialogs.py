"""A page's questions to the visitor (alert, confirm, prompt, leave-page, log-in, files),
answered in the kiosk's own overlays instead of Qt's or Chromium's dialogs.

QtWebEngine asks these synchronously (``javaScriptAlert`` and friends must return the
answer), so the page emits a request, the shell shows it, and :func:`wait_for_answer`
runs a nested event loop until the visitor answers. A request nobody shows is answered
"no" at once (fail closed). If the page is deleted while it waits (home, or the session
wipe), the request is cancelled and the loop ends; Chromium's own callbacks are weak, so
the answer then goes nowhere.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QEventLoop, QObject

log = logging.getLogger("kiosk.browser")

#: A page's text is shown, never logged; this long at most.
MAX_MESSAGE_CHARS = 600
#: Dialogs one page load may open; more are answered "no" without asking (a dialog storm
#: must not trap the visitor).
MAX_DIALOGS_PER_PAGE = 5


class DialogKind(enum.Enum):
    ALERT = "alert"
    CONFIRM = "confirm"
    PROMPT = "prompt"
    LEAVE = "leave"  # onbeforeunload: "leave this page?"
    LOGIN = "login"  # HTTP authentication: name and password


@dataclass(eq=False)
class _Request:
    """Answered once; listeners learn of the answer."""

    shown: bool = False
    answered: bool = False
    _listeners: list[Callable[[], None]] = field(default_factory=list)

    def on_answer(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _finish(self) -> None:
        if self.answered:
            return
        self.answered = True
        for listener in self._listeners:
            listener()


@dataclass(eq=False)
class DialogRequest(_Request):
    kind: DialogKind = DialogKind.ALERT
    message: str = ""
    default_text: str = ""
    host: str = ""
    accepted: bool = False
    text: str = ""
    user: str = ""
    password: str = ""

    def answer(self, accepted: bool, text: str = "", user: str = "", password: str = "") -> None:
        if self.answered:
            return
        self.accepted, self.text, self.user, self.password = accepted, text, user, password
        self._finish()

    def cancel(self) -> None:
        self.answer(False)


@dataclass(eq=False)
class FileRequest(_Request):
    """``<input type=file>``: which of the visitor's files to give the page."""

    multiple: bool = False
    accepted_types: tuple[str, ...] = ()
    paths: list[str] = field(default_factory=list)

    def answer(self, paths: list[str]) -> None:
        if self.answered:
            return
        self.paths = list(paths) if self.multiple else list(paths[:1])
        self._finish()

    def cancel(self) -> None:
        self.answer([])


def shorten(text: str) -> str:
    text = text.strip()
    return text if len(text) <= MAX_MESSAGE_CHARS else text[: MAX_MESSAGE_CHARS - 1] + "…"


def wait_for_answer(request: DialogRequest | FileRequest, page: QObject) -> None:
    """Run a nested event loop until ``request`` is answered.

    QtWebEngine asks synchronously, as Qt's own dialogs do with ``exec()``. If the page
    is deleted meanwhile (the visitor went home, or the session was wiped), the request
    is cancelled; the caller must then not touch the page (only plain Python values).
    """
    if request.answered:
        return
    loop = QEventLoop()
    request.on_answer(loop.quit)
    page.destroyed.connect(request.cancel)
    try:
        if not request.answered:
            loop.exec()
    finally:
        if shiboken6.isValid(page):
            page.destroyed.disconnect(request.cancel)
