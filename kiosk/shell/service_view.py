"""The service view: the e-service in the browser, the guide beside it (or below it),
and a simple bar (Back, All services, Reload, zoom). Friendly pages replace the browser
when a page is not available here or cannot be opened.

The page gets the room: the guide sits beside it when the page side still has room for
its bar in one row, and below it otherwise (a 1024 px screen, big text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import shiboken6
from PySide6.QtCore import QChildEvent, QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.browser.policy import AllowList, BackStep, back_step
from kiosk.guides.progress import GuideProgress
from kiosk.shell.browser_bar import AddressStrip, BrowserBar
from kiosk.shell.guide_panel import PANEL_MIN_WIDTH, GuidePanel
from kiosk.shell.info_pages import BlockedPage, OfflinePage
from kiosk.ui import icons
from kiosk.ui.controls import label
from kiosk.ui.theme import Sizes, palette

if TYPE_CHECKING:
    from kiosk.browser.webengine.view import KioskView

ZOOM_STEPS: tuple[float, ...] = (0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
_NORMAL_ZOOM = ZOOM_STEPS.index(1.0)


class _PageInput(QObject):
    """Tells when the visitor presses, taps or types in a web view (its focus widget is
    a child QtWebEngine makes, and makes again: new children are watched as they come)."""

    _INPUT = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.KeyPress,
            QEvent.Type.TouchBegin,
            QEvent.Type.TabletPress,
        }
    )

    def __init__(self, on_input: Callable[[], None]) -> None:
        super().__init__()
        self._on_input = on_input

    def watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in self._INPUT:
            self._on_input()
        elif kind == QEvent.Type.ChildAdded and isinstance(event, QChildEvent):
            child = event.child()
            if isinstance(child, QWidget):
                child.installEventFilter(self)
        return False


# The guide below the page takes at most this share of the service view's height.
BELOW_SHARE = 0.36
# ... and at least this many pixels (a step's first lines and its buttons).
BELOW_MIN_HEIGHT = 230


class ServiceView(QWidget):
    """Signals:
    home_requested(): "All services" (the window asks first if the service was used).
    leave_requested(): the visitor really leaves the service for the tiles.
    help_requested(),
    view_attached(object): a new ``KioskView`` is about to load its first page (lockdown
    wires its page to the kiosk's own rooms: ``SafeRooms.attach``).
    """

    home_requested = Signal()
    leave_requested = Signal()
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
        self._language = "fi"
        # The language the page was opened in (the browser asked the service for it).
        self._page_language = ""
        # The visitor has done something here (went further than the first page, or
        # clicked or typed in it): leaving asks first.
        self._used = False
        self._shown_url = ""
        self.guide_below = False
        # The on-screen keyboard's keys take the bottom of the window.
        self._keys_open = False

        outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
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

        self.guide_panel.services_requested.connect(self.leave_requested)
        self.guide_panel.page_changed.connect(self._look_for_named_button)
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
        self._page_input = _PageInput(self._on_page_input)
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
        self._page_input.watch(view)
        self.view_attached.emit(view)  # lockdown: before the first page loads
        self.guide_panel.show_guide(progress)
        self._zoom_index = _NORMAL_ZOOM
        self._used = False
        self._page_language = self._language
        self.guide_panel.set_page_language(self._page_language)
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
        self._used = False
        self._page_language = ""
        self._shown_url = ""
        return old

    @property
    def used(self) -> bool:
        """Whether leaving would lose something of the visitor's (asks first then)."""
        view = self.view
        if view is None:
            return False
        progress = self.guide_panel.progress
        moved_on = progress is not None and progress.index > 0
        return self._used or moved_on or view.can_go_back()

    def _on_page_input(self) -> None:
        # A tap, click or key in the page: from then on the visitor may have typed or
        # chosen something there.
        self._used = True

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
        if self.view is not None and not self.view.is_blank:
            self.guide_panel.page_moved(address)
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
        # The browser's modules load with the browser, not with the first screen.
        from kiosk.browser.webengine.page import LOAD_FAILED, LOAD_OK, LOAD_STARTED  # noqa: PLC0415

        if state == LOAD_STARTED:
            if self.content.currentWidget() is self.offline_page:
                self.content.setCurrentWidget(self.browser_slot)
        elif state == LOAD_OK:
            self.content.setCurrentWidget(self.browser_slot)
            self._look_for_named_button()
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

    def _look_for_named_button(self) -> None:
        """Is the button the guide's step names below the page's fold? Then the guide
        says "scroll down"."""
        view = self.view
        names = self.guide_panel.named_buttons()
        if view is None or not names:
            self.guide_panel.show_scroll_hint(False)
            return
        view.find_below_fold(names, self._on_named_button_found)

    def _on_named_button_found(self, below: bool) -> None:
        # The page answers later: the kiosk may be shutting down by then.
        if shiboken6.isValid(self) and shiboken6.isValid(self.guide_panel):
            self.guide_panel.show_scroll_hint(below)

    def _show_address(self, url: str) -> None:
        self._shown_url = url
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
        self.guide_panel.apply_theme(scale, high_contrast)
        self._apply_zoom()
        for page in (self.blocked_page, self.offline_page):
            page.apply_theme(scale, high_contrast)
        if self.view is not None:
            self._show_address(self.view.address)
        self.place_guide()

    # -- where the guide goes --------------------------------------------------------
    def guide_width(self) -> int:
        """The guide's width beside the page: a third of the screen, more for big text."""
        return round(PANEL_MIN_WIDTH * min(self._text_scale, 1.4))

    def place_guide(self) -> None:
        """Beside the page when the page side has room for its bar in one row (compact
        if it must); below the page otherwise. Run again after every change of size,
        text size or language. A hidden view waits until it shows (``showEvent``):
        its size is known then, and each try asks the bar's buttons their sizes."""
        if not self.isVisible():
            return
        width = self.width()
        guide = self.guide_width()
        self.bar.fit(width - guide, self._text_scale)
        below = self.bar.needed_width() > width - guide
        if below:
            self.bar.fit(width, self._text_scale)
        self.guide_below = below
        outer = self._outer
        outer.setDirection(
            QBoxLayout.Direction.TopToBottom if below else QBoxLayout.Direction.LeftToRight
        )
        panel = self.guide_panel
        panel.set_below(below)
        if below:
            height = max(BELOW_MIN_HEIGHT, round(self.height() * BELOW_SHARE))
            panel.setMinimumWidth(0)
            panel.setMaximumWidth(16777215)
            panel.setFixedHeight(min(height, max(self.height() - 120, 0)) or height)
            outer.setStretch(0, 1)
            outer.setStretch(1, 0)
        else:
            panel.setMinimumHeight(0)
            panel.setMaximumHeight(16777215)
            panel.setFixedWidth(guide)
            outer.setStretch(0, 1)
            outer.setStretch(1, 0)
        # Below the page with the keys open, the guide would leave the page a strip too
        # thin to see the field being typed in (a 768 px screen), and its own buttons
        # would be cut off: it steps aside until the keys close.
        panel.setHidden(below and self._keys_open)

    def set_keys_open(self, keys_open: bool) -> None:
        """The on-screen keyboard has opened (or closed) at the bottom of the window."""
        if keys_open != self._keys_open:
            self._keys_open = keys_open
            self.place_guide()

    def browser_area(self) -> QRect:
        """The browser side of the view: its bar and page, not the guide (the rooms
        open over this)."""
        panel = self.guide_panel.geometry()
        if self.guide_panel.isHidden() or panel.isEmpty():
            return self.rect()
        if self.guide_below:
            return QRect(0, 0, self.width(), panel.top())
        if panel.left() > self.width() // 2:
            return QRect(0, 0, panel.left(), self.height())
        return QRect(panel.right() + 1, 0, self.width() - panel.right() - 1, self.height())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.place_guide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size() != event.oldSize():
            self.place_guide()

    def set_language(self, language: str) -> None:
        self._language = language
        self.guide_panel.set_language(language)

    def retranslate_ui(self) -> None:
        self.bar.set_text(self.bar.back, self.tr("Back"))
        self.bar.set_text(self.bar.home, self.tr("All services"))
        self.bar.set_text(self.bar.reload, self.tr("Reload"))
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
        # Everything the kiosk draws changes language at once: the address strip too.
        if self.view is not None and self._shown_url:
            self._show_address(self._shown_url)
        QTimer.singleShot(0, self.place_guide)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
