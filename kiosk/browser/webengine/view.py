"""The kiosk's web view: no context menu, no drag and drop, zoom controlled by the shell.

The rest of the kiosk uses only this view's own small API (``address``, ``open_address``,
``can_go_back``, ``go_back``, ``reload_page``, ``set_zoom``, ``find_below_fold``,
``renderer_pid``, ``address_changed``, and the page's ``renderer_ended``; for screen
sharing ``origins_on_screen``, ``typing_secret`` and ``probe_secret``), never a
QtWebEngine call: a Qt upgrade touches this package only.

Signals:
    address_changed(str): the page's address changed (the guide and the address strip
        follow it).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView

from kiosk.browser.webengine import sensitive
from kiosk.browser.webengine.page import KioskPage

#: The browser's own limit for a page's zoom.
MAX_ZOOM = 5.0

#: Is a button, link or field labelled with one of NAMES below the visible part of the
#: page? Runs in the kiosk's own script world: the page's scripts cannot see or change it.
_BELOW_FOLD = """
(function (names) {
  const wanted = names.map(n => n.trim().toLowerCase()).filter(n => n);
  const items = document.querySelectorAll(
    'button, a, input[type=submit], input[type=button], [role=button], label, summary');
  let above = false, below = false;
  for (const item of items) {
    const text = (item.innerText || item.value || '').trim().toLowerCase();
    if (!text || !wanted.some(n => text === n || text.startsWith(n))) continue;
    const box = item.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.top >= window.innerHeight) below = true; else above = true;
  }
  return below && !above;
})(%s)
"""


class KioskView(QWebEngineView):
    address_changed = Signal(str)

    def __init__(self, page: KioskPage) -> None:
        super().__init__()
        self.setObjectName("browser")
        self.setPage(page)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)
        self.urlChanged.connect(lambda url: self.address_changed.emit(url.toString()))

    def kiosk_page(self) -> KioskPage:
        page = self.page()
        assert isinstance(page, KioskPage)
        return page

    # -- the kiosk's API -----------------------------------------------------------------
    @property
    def address(self) -> str:
        """The page's address now ("" before the first page)."""
        return self.url().toString()

    @property
    def is_blank(self) -> bool:
        return self.url().isEmpty() or self.address == "about:blank"

    def open_address(self, address: str) -> None:
        self.setUrl(QUrl(address))

    def can_go_back(self) -> bool:
        return self.history().canGoBack()

    def go_back(self) -> bool:
        """One step back in this view's history; False if there is none."""
        history = self.history()
        if not history.canGoBack():
            return False
        # WORKAROUND (Qt 6.12): QWebEngineView.back() (WebAction.Back) is ignored after
        # a script-started navigation; the history object's back() works.
        history.back()
        return True

    def reload_page(self) -> None:
        self.reload()

    def set_zoom(self, factor: float) -> None:
        self.setZoomFactor(min(MAX_ZOOM, factor))

    def find_below_fold(self, names: list[str], answer: Callable[[bool], None]) -> None:
        """``answer(True)`` if the page's button (or link, or field) named one of
        ``names`` is only further down the page than the visitor can see now."""
        script = _BELOW_FOLD % json.dumps(names)
        self.page().runJavaScript(
            script,
            QWebEngineScript.ScriptWorldId.ApplicationWorld,
            lambda result: answer(result is True),
        )

    @property
    def renderer_pid(self) -> int:
        """The process drawing the page (0 before there is one): health and tests."""
        return self.kiosk_page().renderer_pid

    # -- screen sharing ----------------------------------------------------------------------
    def origins_on_screen(self) -> frozenset[str]:
        """``scheme://host:port`` of what may be on the screen now: the page's, the one
        loading and the one being left (until the new page has loaded)."""
        return self.kiosk_page().origins_on_screen

    def typing_secret(self) -> bool:
        """A password field has the focus now (the input-method hints say so; at once)."""
        return sensitive.focus_is_secret(self)

    def probe_secret(self, answer: Callable[[bool | None], None]) -> None:
        """``answer(True)`` if a password or sensitive field is in use on the page (focused,
        once a password, or holding a value), False if none, None if it cannot be told."""
        if self.typing_secret():
            answer(True)
            return
        self.page().runJavaScript(
            sensitive.PROBE,
            sensitive.WORLD,
            lambda result: answer(result if isinstance(result, bool) else None),
        )

    # -- lockdown ------------------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        event.ignore()
