"""A page whose renderer crashed or was killed: "This page stopped working", with Try
again and Home, instead of a grey area. The visitor's session goes on (the guide, the
other pages, the help request): only the page is opened again.

``PageCrashed.install(service)`` puts the friendly page in the service view and follows
every view the service view shows (``view_attached``); ``KioskApp`` calls it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

from kiosk.shell.info_pages import _InfoPage
from kiosk.shell.service_view import ServiceView
from kiosk.ui.controls import BigButton

if TYPE_CHECKING:
    from kiosk.browser.webengine.view import KioskView

log = logging.getLogger("kiosk.shell")


class PageCrashedPage(_InfoPage):
    """Signals: retry_requested(), home_requested(), help_requested()"""

    retry_requested = Signal()
    home_requested = Signal()

    def __init__(self) -> None:
        super().__init__("page-crashed", "reload")
        self.retry_button = BigButton(
            "page-crashed-retry-button", role="primary", icon_name="reload"
        )
        self.retry_button.clicked.connect(self.retry_requested)
        self.home_button = BigButton("page-crashed-home-button", icon_name="home")
        self.home_button.clicked.connect(self.home_requested)
        self.buttons.addWidget(self.retry_button)
        self.buttons.addWidget(self.home_button)
        self.buttons.addWidget(self.help_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.heading.setText(self.tr("This page stopped working"))
        self.body.setText(
            self.tr(
                "The page closed unexpectedly. Press Try again to open it again. "
                "If you were filling in a form, check what you typed."
            )
        )
        self.detail.setText(self.tr("If this keeps happening, tell the staff."))
        self.retry_button.setText(self.tr("Try again"))
        self.home_button.setText(self.tr("Home"))


class PageCrashed(QObject):
    """Shows ``PageCrashedPage`` in the service view when its page's renderer ends."""

    def __init__(self, service: ServiceView) -> None:
        super().__init__(service)
        self.service = service
        self.page = PageCrashedPage()
        service.content.addWidget(self.page)
        service.view_attached.connect(self._on_view_attached)
        self.page.retry_requested.connect(self._on_retry)
        self.page.home_requested.connect(service.home_requested)
        self.page.help_requested.connect(service.help_requested)

    @classmethod
    def install(cls, service: ServiceView) -> PageCrashed:
        return cls(service)

    @property
    def shown(self) -> bool:
        return self.service.content.currentWidget() is self.page

    def _on_view_attached(self, view: KioskView) -> None:
        page = view.kiosk_page()
        page.renderer_ended.connect(lambda _kind, v=view: self._on_renderer_ended(v))

    def _on_renderer_ended(self, view: KioskView) -> None:
        if not shiboken6.isValid(view) or view is not self.service.view:
            return  # a page the visitor has already left
        self.service.content.setCurrentWidget(self.page)

    def _on_retry(self) -> None:
        view = self.service.view
        if view is None:
            self.service.home_requested.emit()
            return
        log.info("the visitor opens the page again after its renderer ended")
        self.service.content.setCurrentWidget(self.service.browser_slot)
        view.reload_page()

    def apply_theme(self, scale: float, high_contrast: bool) -> None:
        self.page.apply_theme(scale, high_contrast)
