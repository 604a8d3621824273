"""The composition root's part for the on-screen keyboard (issue 17): whether it is on,
where its panel docks, the visitor's layout and look, and its visitor part. Wiring only,
like kiosk/app.py.

With the keyboard off (``keyboard.on_screen = "never"``, or "auto" with a physical
keyboard) nothing here touches Qt's input method, and the panel's module (QtQuick
widgets, the keyboard's QML) is never loaded. With it on, the panel is made when a text
field first takes the focus.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QInputMethodQueryEvent
from PySide6.QtWidgets import QApplication, QDialog, QLayout, QScrollArea, QWidget
from shiboken6 import isValid

from kiosk import exit_codes
from kiosk.config import Config
from kiosk.keyboard import choice
from kiosk.session.lifecycle import State
from kiosk.session.preferences import Choices
from kiosk.ui.theme import palette

if TYPE_CHECKING:
    from kiosk.app import KioskApp
    from kiosk.keyboard.qt.panel import KeyboardPanel

log = logging.getLogger("kiosk.keyboard")

#: The keys' share of the window's height at the normal text size, and the most they
#: may take (the page keeps the other half).
HEIGHT_SHARE = 0.36
MAX_HEIGHT_SHARE = 0.5

#: How often, with keyboard.on_screen = "auto", the kiosk looks whether a keyboard was
#: plugged in or pulled out (reading /proc/bus/input/devices, or one Windows call).
WATCH_MS = 10_000

#: QWebEngineScript.ScriptWorldId.ApplicationWorld (only kiosk.browser.webengine imports
#: QtWebEngine): the kiosk's scripts run apart from the page's own.
APPLICATION_WORLD = 1

#: The focused field of a page, scrolled into the room left above the keys (now, and
#: once more when the page has been made smaller).
_REVEAL_JS = """(() => {
  const field = document.activeElement;
  if (!field || field === document.body) return;
  const reveal = () => field.scrollIntoView({block: "center", inline: "nearest"});
  reveal();
  window.addEventListener("resize", reveal, {once: true});
})();"""


def prepare(config: Config) -> bool:
    """Before the QApplication exists: decide whether the keyboard is on and, if so,
    make Qt Virtual Keyboard Qt's input method. Returns whether it is on."""
    wanted = choice.keyboard_wanted(config.keyboard.on_screen)
    if wanted and QGuiApplication.instance() is None:
        choice.enable_environment()
    return wanted and choice.environment_enabled()


def height_for(window_height: int, text_scale: float) -> int:
    """The keys' height: about a third of the window, more with bigger text, at most half."""
    share = min(MAX_HEIGHT_SHARE, HEIGHT_SHARE + 0.14 * (text_scale - 1.0))
    return int(window_height * share)


def accepts_text(obj: QObject | None) -> bool:
    """Whether ``obj`` (the focus object) takes typed text now: a text field, or a web
    page whose focused element is editable."""
    if obj is None:
        return False
    query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImEnabled)
    QApplication.sendEvent(obj, query)
    return bool(query.value(Qt.InputMethodQuery.ImEnabled))


class OnScreenKeyboard(QObject):
    """The keyboard for one kiosk: follows the focus, docks its panel, forgets at wipes."""

    def __init__(self, kiosk: KioskApp) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.panel: KeyboardPanel | None = None
        self._host: QWidget | None = None
        self._choices: Choices | None = None
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        self._app = app
        app.focusObjectChanged.connect(self._on_focus)
        keys = QGuiApplication.inputMethod()
        keys.visibleChanged.connect(self._on_input_method_visible)
        keys.cursorRectangleChanged.connect(self._on_input_method_visible)

    def shutdown(self) -> None:
        """The kiosk closes: stop following the application's focus."""
        self._app.focusObjectChanged.disconnect(self._on_focus)
        keys = QGuiApplication.inputMethod()
        keys.visibleChanged.disconnect(self._on_input_method_visible)
        keys.cursorRectangleChanged.disconnect(self._on_input_method_visible)
        if self.panel is not None and isValid(self.panel):
            self.panel.forget()
        self.panel = None

    # -- the panel ------------------------------------------------------------------------
    def _ensure_panel(self) -> KeyboardPanel:
        if self.panel is None:
            # Loaded here, at the first text field: start-up stays as lean as without it.
            from kiosk.keyboard.qt.panel import KeyboardPanel  # noqa: PLC0415

            self.panel = KeyboardPanel()
            self.panel.setParent(self.kiosk.window)  # never a window of its own
            self.panel.hide()
            self.panel.active_changed.connect(self._on_active)
            self.panel.height_changed.connect(self._place)
            self._apply()
            log.info("on-screen keyboard loaded")
        self.panel.set_user_data(self.kiosk.session.folder / "keyboard")
        return self.panel

    def _show_keys(self) -> KeyboardPanel:
        made = self.panel is None
        panel = self._ensure_panel()
        keys = QGuiApplication.inputMethod()
        if made:
            keys.hide()  # a request made before the panel existed: asked again, for it
        keys.show()
        return panel

    def _on_focus(self, obj: QObject | None) -> None:
        if accepts_text(obj):
            panel = self._show_keys()
            if panel.active:
                self._dock()  # the field may be in another window (the help dialog)
        elif self.panel is not None and self.panel.active:
            self.panel.hide_keys()

    def _on_input_method_visible(self) -> None:
        # A field inside a web page took the focus (the page's view had it already): the
        # page asks for the keys, or its text cursor appears. Once the panel exists, Qt
        # Virtual Keyboard follows the page itself.
        if self.panel is None and accepts_text(self._app.focusObject()):
            self._show_keys()

    def _on_active(self, active: bool) -> None:
        if active:
            self._dock()
        else:
            self._undock()

    # -- docking --------------------------------------------------------------------------
    def _host_for_focus(self) -> QWidget:
        """The window the field is in: the kiosk's, or one of its dialogs (the help
        dialog is modal: keys outside it could not be tapped)."""
        focused = QApplication.focusWidget()
        window = self.kiosk.window
        if focused is not None:
            top = focused.window()
            if isinstance(top, QDialog) and top.isVisible() and top.parentWidget() is not None:
                return top
        return window

    def _dock(self) -> None:
        panel = self._ensure_panel()
        host = self._host_for_focus()
        if host is not self._host:
            self._undock()
            panel.setParent(host)
            host.installEventFilter(self)
            self._host = host
        self._place()
        panel.show()
        panel.raise_()
        QTimer.singleShot(0, self._reveal_focus)

    def _place(self) -> None:
        """The keys at the bottom of their window; the rest of it shrinks above them."""
        host, panel = self._host, self.panel
        if host is None or panel is None:
            return
        scale = self._choices.text_scale if self._choices else 1.0
        size = panel.fit(host.width(), height_for(host.height(), scale))
        layout = host.layout()
        if layout is not None:
            # The window keeps its size (a full screen can not grow): what is above the
            # keys gets smaller than it would like, rather than the keys leaving it.
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        panel.setGeometry(0, host.height() - size.height(), size.width(), size.height())
        host.setContentsMargins(0, 0, 0, size.height())
        self.kiosk.window.service.set_keys_open(host is self.kiosk.window)

    def _undock(self) -> None:
        host, self._host = self._host, None
        if self.panel is not None:
            self.panel.hide()
            if self.panel.parentWidget() is not self.kiosk.window:
                # Out of a dialog before the dialog is deleted with its children.
                self.panel.setParent(self.kiosk.window)
                self.panel.hide()
        self.kiosk.window.service.set_keys_open(False)
        if host is not None:
            host.removeEventFilter(self)
            host.setContentsMargins(0, 0, 0, 0)
            layout = host.layout()
            if layout is not None:
                layout.setSizeConstraint(QLayout.SizeConstraint.SetDefaultConstraint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host:
            if event.type() == QEvent.Type.Resize:
                self._place()
            elif event.type() == QEvent.Type.Hide:
                self._undock()
        return False

    def _reveal_focus(self) -> None:
        """The field being typed into is never under the keys: the scroll area (or the
        page) it is in scrolls it into the room above them."""
        widget = QApplication.focusWidget()
        view = self.kiosk.window.service.view
        if widget is not None and view is not None and view.isAncestorOf(widget):
            view.page().runJavaScript(_REVEAL_JS, APPLICATION_WORLD)
            return
        parent = widget
        while parent is not None:
            if isinstance(parent, QScrollArea) and widget is not None:
                parent.ensureWidgetVisible(widget)
            parent = parent.parentWidget()

    # -- the visitor's choices ------------------------------------------------------------
    def show_choices(self, choices: Choices) -> None:
        """The visitor's language picks the layout; text size and contrast the look."""
        self._choices = choices
        self._apply()

    def _apply(self) -> None:
        panel, choices = self.panel, self._choices
        if panel is None or choices is None:
            return
        offered = choice.layouts_for(tuple(self.kiosk.config.kiosk.languages))
        panel.set_layouts(choice.layout_for(choices.language), offered)
        colours = palette(choices.high_contrast)
        panel.set_look(colours.focus if choices.high_contrast else colours.border, "#202326")
        self._place()

    # -- the visitor part ---------------------------------------------------------------
    def reset_for_next_visitor(self) -> None:
        if self.panel is not None:
            self.panel.forget()
        self._undock()

    def leftovers(self) -> list[str]:
        found = [] if self.panel is None else self.panel.leftovers()
        if self._host is not None or self.kiosk.window.contentsMargins().bottom():
            found.append("the window still makes room for the on-screen keyboard")
        return found


def watch(kiosk: KioskApp) -> QTimer | None:
    """With "auto": a keyboard plugged in or pulled out is followed by starting the
    kiosk again (the supervisor does it at once) when no visitor is there; during a visit
    it waits for the visit to end."""
    if kiosk.config.keyboard.on_screen != "auto":
        return None
    looks = choice.KeyboardWatch(choice.physical_keyboard_attached)
    timer = QTimer(kiosk)
    timer.setObjectName("keyboard-watch")
    timer.setInterval(WATCH_MS)

    def look() -> None:
        if not looks.changed() or kiosk.keeper.lifecycle.state is not State.ATTRACT:
            return
        timer.stop()
        log.warning(
            "a keyboard was %s: starting again to turn the on-screen keyboard %s",
            "plugged in" if looks.wanted_at_start else "pulled out",
            "off" if looks.wanted_at_start else "on",
        )
        kiosk.qapp.exit(exit_codes.RESTART)

    timer.timeout.connect(look)
    timer.start()
    return timer


def install(kiosk: KioskApp) -> OnScreenKeyboard | None:
    """The keyboard, when ``prepare`` turned it on before Qt started; else None. With
    "auto", also the watch for a keyboard plugged in or pulled out."""
    watch(kiosk)  # a child of the kiosk: it lives as long as the kiosk
    if not prepare(kiosk.config):
        if kiosk.config.keyboard.on_screen == "always":
            log.warning("the on-screen keyboard is off: Qt started before it could be set up")
        return None
    log.info("on-screen keyboard on (keyboard.on_screen = %s)", kiosk.config.keyboard.on_screen)
    return OnScreenKeyboard(kiosk)
