"""The kiosk's one window.

Between visitors it shows the attract screen. During a visit: the top bar over either
the home tiles or the service view. The idle warning, the end-session question and the
"leave this service?" question are overlays over all of it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.browser.policy import AllowList
from kiosk.guides.model import Guide
from kiosk.session.preferences import Choices
from kiosk.shell.attract import AttractScreen
from kiosk.shell.home import HomeScreen
from kiosk.shell.language_chooser import LanguageChooser
from kiosk.shell.service_view import ServiceView
from kiosk.shell.session_overlays import EndConfirm, IdleWarning, LeaveServiceConfirm
from kiosk.shell.top_bar import TopBar
from kiosk.ui.controls import BigButton, is_at_start, scroll_to_start
from kiosk.ui.theme import stylesheet
from kiosk.ui.window_overlay import WindowOverlay

# The size of ``kiosk demo``'s window (and of tests'), when the screen has room for it.
WINDOWED_SIZE = (1366, 768)


class MainWindow(QMainWindow):
    def __init__(
        self,
        guides: tuple[Guide, ...],
        languages: tuple[str, ...],
        identification: AllowList,
        windowed: bool,
        centre_name: str = "",
    ) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.windowed = windowed
        if not windowed:
            self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.Window)
        self.setWindowTitle("Digituki kiosk")

        self.root = QStackedWidget()
        self.root.setObjectName("central")
        self.attract = AttractScreen(languages, centre_name)
        self.root.addWidget(self.attract)

        self.visit = QWidget()
        self.visit.setObjectName("visit")
        # The visit itself holds the keyboard focus at its start: no button does, so
        # none shows a focus ring before a key is pressed.
        self.visit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout = QVBoxLayout(self.visit)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.top_bar = TopBar(languages)
        layout.addWidget(self.top_bar)
        self._visit_layout = layout
        self.stack = QStackedWidget()
        self.home = HomeScreen(guides)
        self.service = ServiceView(identification)
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.service)
        layout.addWidget(self.stack, 1)
        self.root.addWidget(self.visit)
        self.setCentralWidget(self.root)

        self.language_chooser = LanguageChooser(languages, self.root)
        self.top_bar.more_languages_requested.connect(self.language_chooser.popup)
        self.end_confirm = EndConfirm(self.root)
        self.leave_confirm = LeaveServiceConfirm(self.root)
        self.idle_warning = IdleWarning(self.root)
        # "All services" in a service the visitor has used asks first.
        self.service.home_requested.connect(self._on_all_services)
        self.leave_confirm.cancelled.connect(self.leave_confirm.hide)
        self.leave_confirm.confirmed.connect(self._on_leave_confirmed)

    def add_banner(self, banner: QWidget) -> None:
        """A strip under the top bar, on every screen of a visit (the help status)."""
        self._visit_layout.insertWidget(1, banner)

    # -- screens ---------------------------------------------------------------------
    def show_attract(self, *, after_wipe: bool) -> None:
        self.attract.show_thanks(after_wipe)
        self.root.setCurrentWidget(self.attract)
        self.attract.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_visit(self) -> None:
        self.attract.show_thanks(False)
        self.root.setCurrentWidget(self.visit)
        self.visit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_home(self) -> None:
        self.stack.setCurrentWidget(self.home)

    def show_service(self) -> None:
        self.stack.setCurrentWidget(self.service)

    def _on_all_services(self) -> None:
        if self.service.used:
            self.leave_confirm.popup()
        else:
            self.service.leave_requested.emit()

    def _on_leave_confirmed(self) -> None:
        self.leave_confirm.hide()
        self.service.leave_requested.emit()

    # -- the visitor's choices -------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Set every text again now (Qt's LanguageChange events arrive only later)."""
        for widget in self.findChildren(QWidget):
            retranslate = getattr(widget, "retranslate_ui", None)
            if callable(retranslate):
                retranslate()

    def apply_choices(
        self,
        choices: Choices,
        can_grow: bool,
        can_shrink: bool,
        shown: Choices | None = None,
    ) -> None:
        """Render the visitor's language, text size and contrast everywhere.

        ``shown`` is what the window shows now; only what differs is drawn again (a
        new style sheet re-polishes every widget: too slow to do at every wipe).
        """
        look_changed = shown is None or (shown.text_scale, shown.high_contrast) != (
            choices.text_scale,
            choices.high_contrast,
        )
        if look_changed:
            self.setStyleSheet(stylesheet(choices.text_scale, choices.high_contrast))
        self.top_bar.show_choices(choices, can_grow, can_shrink)
        self.language_chooser.show_current(choices.language)
        if shown is None or shown.language != choices.language:
            self.home.show_language(choices.language)
            self.service.set_language(choices.language)
        if look_changed:
            self.home.apply_theme(choices.text_scale, choices.high_contrast)
            self.service.apply_theme(choices.text_scale, choices.high_contrast)
            for button in self.findChildren(BigButton):
                button.apply_theme(choices.text_scale, choices.high_contrast)

    @property
    def overlays(self) -> tuple[WindowOverlay, ...]:
        return (self.idle_warning, self.end_confirm, self.leave_confirm, self.language_chooser)

    def reset_for_next_visitor(self) -> None:
        """The window as the next visitor should find it: no overlay, the home screen,
        every view scrolled back to its start, the keyboard focus nowhere in the visit
        (where the last visitor scrolled or tabbed to hints at what they did). The
        service view, the rooms and the help widgets are parts of their own."""
        for overlay in self.overlays:
            overlay.reset_for_next_visitor()
        self.home.reset_for_next_visitor()
        for area in self.findChildren(QAbstractScrollArea):
            scroll_to_start(area)
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        self.show_home()

    def leftovers(self) -> list[str]:
        found = [item for overlay in self.overlays for item in overlay.leftovers()]
        if self.stack.currentWidget() is not self.home:
            found.append("the next visit would not start on the home screen")
        scrolled = [a for a in self.findChildren(QAbstractScrollArea) if not is_at_start(a)]
        if scrolled:
            found.append(f"{len(scrolled)} view(s) are still scrolled where a visitor left them")
        focused = QApplication.focusWidget()
        if focused is not None and self.visit.isAncestorOf(focused):
            found.append("the keyboard focus is still where the last visitor left it")
        return found + self.home.leftovers()

    def windowed_geometry(self) -> QRect:
        """``kiosk demo``'s window: 1366x768, or what the screen it opens on has room for."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = WINDOWED_SIZE
        if screen is None:
            return QRect(0, 0, width, height)
        room = screen.availableGeometry()
        # The window system's frame and title bar come on top of the window's own size.
        frame_w = max(0, self.frameGeometry().width() - self.width())
        frame_h = max(0, self.frameGeometry().height() - self.height())
        size_w = min(width, room.width() - frame_w)
        size_h = min(height, room.height() - frame_h)
        rect = QRect(0, 0, size_w, size_h)
        rect.moveCenter(room.center())
        return rect

    def show_kiosk(self) -> None:
        if self.windowed:
            self.setGeometry(self.windowed_geometry())
            self.show()
        else:
            self.showFullScreen()
