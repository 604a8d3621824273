"""The service view: the e-service in the browser, the guide beside it, and a simple bar
(Back, Home, Reload, zoom). Friendly pages replace the browser when a page is not
available here or cannot be opened.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.browser.policy import AllowList, BackStep, back_step
from kiosk.browser.webengine.page import LOAD_FAILED, LOAD_OK, LOAD_STARTED
from kiosk.browser.webengine.view import KioskView
from kiosk.guides.progress import GuideProgress
from kiosk.shell.guide_panel import GuidePanel
from kiosk.shell.info_pages import BlockedPage, OfflinePage
from kiosk.ui import icons
from kiosk.ui.controls import BigButton, label
from kiosk.ui.flow_layout import FlowLayout
from kiosk.ui.theme import Sizes, palette

ZOOM_STEPS: tuple[float, ...] = (0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
_NORMAL_ZOOM = ZOOM_STEPS.index(1.0)


class BrowserBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("browser-bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        layout = FlowLayout(self, spacing=10)
        layout.setContentsMargins(12, 8, 12, 8)
        self.back = BigButton("back-button", icon_name="back")
        self.home = BigButton("home-button", icon_name="home")
        self.reload = BigButton("reload-button", icon_name="reload")
        self.zoom_out = BigButton("zoom-out-button", icon_name="zoom-out")
        self.zoom_label = label("zoom-label", wrap=False)
        self.zoom_in = BigButton("zoom-in-button", icon_name="zoom-in")
        for widget in (self.back, self.home, self.reload, self.zoom_out, self.zoom_label):
            layout.addWidget(widget)
        layout.addWidget(self.zoom_in)


class AddressStrip(QWidget):
    """Where the visitor is, under the bar: a lock for https, and the host name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("address-strip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 4, 14, 4)
        row.setSpacing(8)
        self.lock = QLabel()
        self.address = label("address-label", wrap=False)
        row.addWidget(self.lock)
        row.addWidget(self.address, 1)


class ServiceView(QWidget):
    """Signals: home_requested(), help_requested(),
    view_attached(object): a new ``KioskView`` is about to load its first page (lockdown
    wires its page to the kiosk's own rooms: ``SafeRooms.attach``).
    """

    home_requested = Signal()
    help_requested = Signal()
    view_attached = Signal(object)

    def __init__(self, identification: AllowList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("service-view")
        self._identification = identification
        self.view: KioskView | None = None
        self._zoom_index = _NORMAL_ZOOM
        self._went_back = False  # the next address comes from the kiosk's Back button
        self._practice_netloc = ""
        self._text_scale = 1.0
        self._high_contrast = False

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        left = QVBoxLayout()
        left.setSpacing(0)
        self.bar = BrowserBar()
        left.addWidget(self.bar)
        self.address_strip = AddressStrip()
        left.addWidget(self.address_strip)
        self.back_hint = label("back-hint", "notice")
        self.back_hint.setVisible(False)
        left.addWidget(self.back_hint)
        self.content = QStackedWidget()
        self.browser_slot = QWidget()
        self.browser_slot.setObjectName("browser-slot")
        self._slot_layout = QVBoxLayout(self.browser_slot)
        self._slot_layout.setContentsMargins(0, 0, 0, 0)
        self.blocked_page = BlockedPage()
        self.offline_page = OfflinePage()
        for page in (self.browser_slot, self.blocked_page, self.offline_page):
            self.content.addWidget(page)
        left.addWidget(self.content, 1)
        self._outer = outer
        outer.addLayout(left, 65)
        self.guide_panel = GuidePanel()
        outer.addWidget(self.guide_panel, 35)

        self.bar.back.clicked.connect(self._on_back)
        self.bar.home.clicked.connect(self.home_requested)
        self.bar.reload.clicked.connect(self._on_reload)
        self.bar.zoom_in.clicked.connect(lambda: self._set_zoom(self._zoom_index + 1))
        self.bar.zoom_out.clicked.connect(lambda: self._set_zoom(self._zoom_index - 1))
        self.blocked_page.back_requested.connect(self._on_blocked_back)
        self.offline_page.retry_requested.connect(self._on_reload)
        self.offline_page.home_requested.connect(self.home_requested)
        for source in (self.blocked_page, self.offline_page, self.guide_panel):
            source.help_requested.connect(self.help_requested)
        self.retranslate_ui()

    # -- showing a guide ---------------------------------------------------------------
    def show_service(self, view: KioskView, progress: GuideProgress, start_url: str) -> None:
        self.clear()
        self.view = view
        self._slot_layout.addWidget(view)
        page = view.kiosk_page()
        page.navigation_blocked.connect(self._on_blocked)
        page.load_state.connect(self._on_load_state)
        view.address_changed.connect(self._on_address_changed)
        self.view_attached.emit(view)  # lockdown: before the first page loads
        self.guide_panel.show_guide(progress)
        self._zoom_index = _NORMAL_ZOOM
        self._apply_zoom()
        self.content.setCurrentWidget(self.browser_slot)
        view.open_address(start_url)
        self._update_buttons()

    def clear(self) -> KioskView | None:
        """Take the current view out (the caller owns closing it). None if there is no
        view, or if its session's browser has deleted it already."""
        old = self.view
        self.view = None
        if old is not None and not shiboken6.isValid(old):
            old = None
        if old is not None:
            old.address_changed.disconnect(self._on_address_changed)
            self._slot_layout.removeWidget(old)
        self.guide_panel.show_guide(None)
        self.back_hint.setVisible(False)
        self.address_strip.address.clear()
        self.address_strip.lock.clear()
        return old

    def reset_for_next_visitor(self) -> None:
        """The wipe (after ``clear``, whose caller closes the view): the bar, zoom and
        friendly pages as the next visitor should find them."""
        self.guide_panel.reset_for_next_visitor()
        self.blocked_page.show_host("")
        self.content.setCurrentWidget(self.browser_slot)
        self._zoom_index = _NORMAL_ZOOM
        self._went_back = False
        self._apply_zoom()
        self._update_buttons()

    def leftovers(self) -> list[str]:
        found = ["a page is still shown"] if self.view is not None else []
        if self.address_strip.address.text():
            found.append("the address strip still names a page")
        if not self.back_hint.isHidden():
            found.append("the identification hint is still shown")
        if self._zoom_index != _NORMAL_ZOOM:
            found.append("the page zoom is not back to normal")
        if self.content.currentWidget() is not self.browser_slot:
            found.append("an info page is still shown")
        return found + self.blocked_page.leftovers() + self.guide_panel.leftovers()

    # -- reacting to the browser -------------------------------------------------------
    def _on_address_changed(self, address: str) -> None:
        self._follow(address, went_back=self._went_back)
        self._went_back = False
        self.back_hint.setVisible(False)
        self._update_buttons()

    def _follow(self, url: str, *, went_back: bool) -> None:
        progress = self.guide_panel.progress
        if progress is not None:
            progress.follow_url(url, went_back=went_back)
        self._show_address(url)

    def follow_window(self, address: str) -> None:
        """A page's new window is on top: the guide and the address strip follow it (a
        service that opens its next step in a new window is still guided)."""
        if address and address != "about:blank":
            self._follow(address, went_back=False)

    def show_window_address(self, view: KioskView | None) -> None:
        """The window on top has changed (one closed): show its address, or the page's."""
        shown = view if view is not None else self.view
        if shown is not None:
            self._show_address(shown.address)

    def _on_load_state(self, state: str) -> None:
        if state == LOAD_STARTED:
            if self.content.currentWidget() is self.offline_page:
                self.content.setCurrentWidget(self.browser_slot)
        elif state == LOAD_OK:
            self.content.setCurrentWidget(self.browser_slot)
        elif state == LOAD_FAILED:
            # Chromium's own error page says nothing a visitor understands.
            self.content.setCurrentWidget(self.offline_page)
        self._update_buttons()

    def _on_blocked(self, host: str) -> None:
        self.blocked_page.show_host(host)
        self.content.setCurrentWidget(self.blocked_page)

    def _on_blocked_back(self) -> None:
        view = self.view
        if view is None or view.is_blank:
            self.home_requested.emit()
            return
        self.content.setCurrentWidget(self.browser_slot)

    def _on_back(self) -> None:
        view = self.view
        if view is None:
            return
        if self.content.currentWidget() is not self.browser_slot:
            self._on_blocked_back()
            return
        self.go_back(view, new_window=False)

    def go_back(self, view: KioskView, *, new_window: bool) -> BackStep:
        """The kiosk's Back in ``view`` (the page, or a page's new window), as the
        navigation policy decides; the caller closes a new window on CLOSE_WINDOW."""
        step = back_step(
            view.address,
            self._identification,
            can_go_back=view.can_go_back(),
            new_window=new_window,
        )
        if step is BackStep.EXPLAIN_CANCEL:
            self.back_hint.setVisible(True)
        elif step is BackStep.GO_BACK:
            self._went_back = not new_window
            view.go_back()
        return step

    def _on_reload(self) -> None:
        if self.view is not None:
            self.content.setCurrentWidget(self.browser_slot)
            self.view.reload_page()

    def _update_buttons(self) -> None:
        view = self.view
        away = self.content.currentWidget() is not self.browser_slot
        self.bar.back.setEnabled(view is not None and (view.can_go_back() or away))
        self.bar.zoom_in.setEnabled(self._zoom_index < len(ZOOM_STEPS) - 1)
        self.bar.zoom_out.setEnabled(self._zoom_index > 0)

    def set_practice_host(self, netloc: str) -> None:
        """The practice site's host:port, named as practice in the address strip."""
        self._practice_netloc = netloc

    def _show_address(self, url: str) -> None:
        parts = urlsplit(url)
        secure = parts.scheme == "https"
        if self._practice_netloc and parts.netloc == self._practice_netloc:
            self.address_strip.address.setText(self.tr("Practice pages: not a real service"))
        else:
            self.address_strip.address.setText(parts.hostname or "")
        size = Sizes.for_scale(self._text_scale).icon
        if secure:
            colour = palette(self._high_contrast).text
            self.address_strip.lock.setPixmap(
                icons.pixmap_from_svg(icons.icon_path("lock"), colour, size)
            )
        else:
            self.address_strip.lock.clear()

    # -- zoom and text size ------------------------------------------------------------
    def _set_zoom(self, index: int) -> None:
        self._zoom_index = max(0, min(index, len(ZOOM_STEPS) - 1))
        self._apply_zoom()
        self._update_buttons()

    def _apply_zoom(self) -> None:
        zoom = ZOOM_STEPS[self._zoom_index]
        self.bar.zoom_label.setText(f"{round(zoom * 100)} %")
        # Shown only when the page is zoomed, so the bar fits in one row more often.
        self.bar.zoom_label.setVisible(self._zoom_index != _NORMAL_ZOOM)
        if self.view is not None:
            self.view.set_zoom(zoom * self._text_scale)

    @property
    def zoom_factor(self) -> float:
        return ZOOM_STEPS[self._zoom_index] * self._text_scale

    def apply_theme(self, scale: float, high_contrast: bool) -> None:
        self._text_scale = scale
        self._high_contrast = high_contrast
        # Bigger text needs a wider guide: from a third of the width to a half.
        guide_share = round(35 + (min(scale, 2.0) - 1.0) * 15)
        self._outer.setStretch(0, 100 - guide_share)
        self._outer.setStretch(1, guide_share)
        self.guide_panel.apply_theme(scale, high_contrast)
        self._apply_zoom()
        for page in (self.blocked_page, self.offline_page):
            page.apply_theme(scale, high_contrast)
        if self.view is not None:
            self._show_address(self.view.address)

    def set_language(self, language: str) -> None:
        self.guide_panel.set_language(language)

    def retranslate_ui(self) -> None:
        self.bar.back.setText(self.tr("Back"))
        self.bar.home.setText(self.tr("Home"))
        self.bar.reload.setText(self.tr("Reload"))
        self.bar.zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.bar.zoom_in.setToolTip(self.tr("Zoom in"))
        self.bar.zoom_out.setAccessibleName(self.tr("Zoom out"))
        self.bar.zoom_out.setToolTip(self.tr("Zoom out"))
        self.back_hint.setText(
            self.tr(
                "You are proving who you are. Going back now would break it. "
                "To stop, press Cancel on the page."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
