"""New windows and popups open inside the kiosk, never as windows of their own.

``window.open``, ``target=_blank``, a middle-click or Ctrl+click make a new page of the
same visitor's profile, with the same allow-list, shown by the shell on top of the page
that opened it (with a big "close and go back" button). The opener stays alive: a bank's
identification popup can talk to the page that opened it (``window.opener``) and close
itself when it is done. At most ``MAX_OPEN_POPUPS`` are open at once, and one service may
open ``MAX_POPUPS_PER_SERVICE`` in all: a storm of popups is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWebEngineCore import QWebEngineNewWindowRequest

from kiosk.browser.policy import Navigation, decide
from kiosk.browser.webengine.page import KioskPage
from kiosk.browser.webengine.view import KioskView

log = logging.getLogger("kiosk.browser")

MAX_OPEN_POPUPS = 3
MAX_POPUPS_PER_SERVICE = 20


class PopupManager(QObject):
    """The popups of one service view (the view a tile opened).

    ``new_view``/``close_view`` are the session's ``BrowserContext`` methods, so that the
    wipe deletes popups (pages before the profile) like every other view.

    Signals:
        popup_opened(object): a new ``KioskView`` to show on top.
        popup_closed(object): a ``KioskView`` that is gone (the shell removes it first).
        popup_refused(): too many popups; nothing opened.
    """

    popup_opened = Signal(object)
    popup_closed = Signal(object)
    popup_refused = Signal()

    def __init__(
        self,
        main_view: KioskView,
        new_view: Callable[..., KioskView],
        close_view: Callable[[KioskView], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.main_view = main_view
        self._new_view = new_view
        self._close_view = close_view
        self.popups: list[KioskView] = []
        self.opened = 0
        self._watch(main_view.kiosk_page())

    def _watch(self, page: KioskPage) -> None:
        page.window_opener = lambda request: self._on_request(page, request)

    def _on_request(self, opener: KioskPage, request: QWebEngineNewWindowRequest) -> bool:
        url = request.requestedUrl().toString()
        if url and url != "about:blank":
            decision = decide(Navigation(url), opener.allow_list)
            if not decision.allowed:
                # A popup to somewhere not allowed: the opener shows the friendly page
                # (or the phone/e-mail card), and nothing opens.
                opener.apply(decision, url)
                return True
        if len(self.popups) >= MAX_OPEN_POPUPS or self.opened >= MAX_POPUPS_PER_SERVICE:
            log.info("popup refused: too many (%d open)", len(self.popups))
            self.popup_refused.emit()
            return True
        view = self._new_view(opener.allow_list)
        page = view.kiosk_page()
        page.set_declared_permissions(opener.permissions.declared)
        self._watch(page)
        page.windowCloseRequested.connect(lambda: self.close_popup(view))
        self.popups.append(view)
        self.opened += 1
        request.openIn(page)
        log.info("popup opened inside the kiosk (%d open)", len(self.popups))
        self.popup_opened.emit(view)
        return True

    @property
    def top(self) -> KioskView | None:
        return self.popups[-1] if self.popups else None

    def close_popup(self, view: KioskView) -> None:
        """Close ``view`` and every popup it opened after it."""
        if view not in self.popups:
            return
        while self.popups:
            last = self.popups.pop()
            self.popup_closed.emit(last)
            self._close_view(last)
            if last is view:
                break

    def close_all(self) -> None:
        if self.popups:
            self.close_popup(self.popups[0])
