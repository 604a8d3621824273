"""The kiosk's window stays the only window: full screen, on top, focused.

Any other visible top-level window (a Qt dialog, a menu, a window a page tried to open)
is closed and logged, unless the table in ``windows.py`` says Qt or QtWebEngine made it
for the kiosk's own widgets (a page's drop-down list, a tooltip). The guard looks when
the focus moves to another window and, to be sure, a few times a second. In windowed
mode (tests, ``kiosk demo``) the window stays windowed and may be closed; in kiosk mode
the window system's close (Alt+F4 in a window manager) is refused, and full screen is
restored whenever the window leaves it.
"""

from __future__ import annotations

import contextlib
import logging

# WORKAROUND (Qt 6.12): PySide6 segfaults (shiboken's findDerivedType) wrapping one of
# QtWebEngine's QtQuick windows when QtQuick's Python module was never imported; the
# guard lists every top-level QWindow, so it imports it.
import PySide6.QtQuick  # noqa: F401
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget
from shiboken6 import isValid

from kiosk.lockdown.windows import ALLOWED_OFFSCREEN_WINDOWS, is_allowed

log = logging.getLogger("kiosk.lockdown")

SWEEP_MS = 250


class WindowGuard(QObject):
    """Watches every top-level window of the application.

    Signals:
        window_refused(str): a window that was not ours was closed; its class name (or
            "close" when the window system tried to close the kiosk).
    """

    window_refused = Signal(str)

    def __init__(self, main: QMainWindow, windowed: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.main = main
        self.windowed = windowed
        #: The kiosk's own top-level widgets (none so far: the kiosk's rooms are overlays
        #: inside its window, so the wipe clears them).
        self._ours: set[int] = set()
        if not windowed:
            self.main.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.main.winId()
        handle = self.main.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)
            handle.windowStateChanged.connect(self._on_window_state_changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._on_focus_window_changed)
            app.aboutToQuit.connect(self.allow_close)
        #: Set when the kiosk itself is stopping (or an admin's maintenance exit).
        self.closing_allowed = False
        self._timer = QTimer(self)
        self._timer.setInterval(SWEEP_MS)
        self._timer.timeout.connect(self.sweep)
        self._timer.start()
        main.destroyed.connect(self.detach)

    def detach(self) -> None:
        """Stop watching (the kiosk window is gone; tests make many kiosks in one app)."""
        self._timer.stop()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            with contextlib.suppress(RuntimeError, TypeError):
                app.focusWindowChanged.disconnect(self._on_focus_window_changed)

    def allow_close(self) -> None:
        """The kiosk is stopping: let its window close."""
        self.closing_allowed = True

    def allow(self, widget: QWidget) -> None:
        """Let one of the kiosk's own top-level widgets be shown."""
        self._ours.add(id(widget))

    # -- the checks --------------------------------------------------------------------
    def is_ours(self, widget: QWidget) -> bool:
        if widget is self.main or id(widget) in self._ours:
            return True
        return is_allowed(widget.metaObject().className(), widget.windowType().name or "")

    def strays(self) -> list[QWidget]:
        """Visible top-level widgets that are not the kiosk's."""
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isValid(w) and w.isVisible() and not self.is_ours(w)
        ]

    def sweep(self) -> int:
        """Close every stray window now; the number closed."""
        if not isValid(self.main):
            self.detach()
            return 0
        closed = 0
        for widget in self.strays():
            self._close(widget)
            closed += 1
        for window in QGuiApplication.topLevelWindows():
            if self._is_stray_window(window):
                name = window.metaObject().className()
                log.warning("closed a window that is not the kiosk's: %s", name)
                window.close()
                self.window_refused.emit(name)
                closed += 1
        if closed:
            self.reassert()
        return closed

    def _is_stray_window(self, window: QWindow) -> bool:
        """A plain QWindow (not a widget's) that is visible and not Qt's own drawing."""
        if not isValid(window) or not window.isVisible() or window.parent() is not None:
            return False
        if window.metaObject().className() == "QWidgetWindow":
            return False  # a widget's window: the widget is checked
        return window.objectName() not in ALLOWED_OFFSCREEN_WINDOWS

    def _close(self, widget: QWidget) -> None:
        name = widget.metaObject().className()
        log.warning("closed a window that is not the kiosk's: %s", name)
        if isinstance(widget, QDialog):
            widget.reject()  # ends its exec(), if it has one
        widget.close()
        widget.hide()
        self.window_refused.emit(name)

    # -- the kiosk window --------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and not self.windowed and not self.closing_allowed:
            # The window system asks its window to close (Alt+F4 in a window manager, a
            # close button, a "close all windows" tool). Only the kiosk itself, stopping,
            # may close it (``allow_close``).
            assert isinstance(event, QCloseEvent)
            event.ignore()
            log.info("refused to close the kiosk window")
            self.window_refused.emit("close")
            return True
        return False

    def _on_window_state_changed(self, _state: Qt.WindowState) -> None:
        if not self.windowed:
            QTimer.singleShot(0, self._restore_full_screen)

    def _on_focus_window_changed(self, window: QWindow | None) -> None:
        if not isValid(self.main):
            return
        if window is not None and window is not self.main.windowHandle():
            QTimer.singleShot(0, self.sweep)
        elif window is None and not self.windowed:
            QTimer.singleShot(0, self.reassert)

    def _restore_full_screen(self) -> None:
        if isValid(self.main) and self.main.isVisible() and not self.main.isFullScreen():
            log.info("the kiosk window left full screen; restored")
            self.main.showFullScreen()

    def reassert(self) -> None:
        """Full screen, on top, focused (kiosk mode only)."""
        if self.windowed or not isValid(self.main) or not self.main.isVisible():
            return
        self._restore_full_screen()
        self.main.raise_()
        self.main.activateWindow()
