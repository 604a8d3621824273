"""Keys by the table, no context menus from the mouse, no drops: on every way input enters.

Real input from the OS enters each top-level window through its ``QWindow`` first, so one
filter there sees every key, click and drop in the kiosk window, the web pages included,
before any widget does. The web views' focus widgets are watched too, because code (and
QTest) can send keys to them directly. The filter is thin: each decision is made by the
pure table in ``keys.py``; this module only turns Qt events into plain values.

WORKAROUND (Qt 6.12): not one filter on the whole QApplication, as would be usual.
PySide6 6.12 crashes (segfault in shiboken's ``findDerivedType``) when an application
event filter is handed some of QtWebEngine's internal objects (``ProfileAdapter``); the
session keeper met the same crash and filters the window too.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWindow
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from kiosk.lockdown.keys import Chord, KeyAction, decide, describe

log = logging.getLogger("kiosk.lockdown")

_T = QEvent.Type
_KEY_EVENTS = frozenset({_T.KeyPress, _T.KeyRelease, _T.ShortcutOverride})
_DROP_EVENTS = frozenset({_T.DragEnter, _T.DragMove, _T.Drop})
_MOUSE_EVENTS = frozenset({_T.MouseButtonPress, _T.MouseButtonRelease, _T.MouseButtonDblClick})
_WATCHED = _KEY_EVENTS | _DROP_EVENTS | _MOUSE_EVENTS | {_T.ContextMenu, _T.ChildAdded}

_M = Qt.KeyboardModifier


def key_name(key: int) -> str:
    """Qt's name of a key without ``Key_`` ('A', 'F4', 'Left'); '' if Qt has none."""
    try:
        return Qt.Key(key).name.removeprefix("Key_")
    except ValueError:
        return ""


def chord_of(event: QKeyEvent) -> Chord:
    mods = event.modifiers()
    return Chord(
        key=key_name(event.key()) or f"0x{event.key():x}",
        ctrl=bool(mods & _M.ControlModifier),
        alt=bool(mods & _M.AltModifier),
        shift=bool(mods & _M.ShiftModifier),
        meta=bool(mods & _M.MetaModifier),
    )


class LockdownFilter(QObject):
    """Installed by ``KioskApp._install_lockdown`` on the kiosk window, and on each web view.

    Signals:
        back_requested(): Alt+Left or the mouse's Back button: the kiosk's own Back.
        reload_requested(): F5: the kiosk's own Reload.
        zoom_requested(int): Ctrl+plus (+1) or Ctrl+minus (-1): the kiosk's own zoom.
        admin_requested(): Ctrl+Alt+Shift+A: the staff's code pad.
        refused(str): a door was closed; the argument names it for the log and tests
            (a chord such as "Ctrl+W", "context-menu", "right-click" or "drop").
    """

    back_requested = Signal()
    reload_requested = Signal()
    zoom_requested = Signal(int)
    admin_requested = Signal()
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Off only in admin mode (a later issue); every door is closed while True.
        self.enabled = True
        self._watched: list[QObject] = []

    # -- what is watched ---------------------------------------------------------------
    def watch_window(self, window: QWidget) -> None:
        """Every input of a top-level widget's window (made now if need be)."""
        window.winId()  # the native window, so that windowHandle() exists
        handle = window.windowHandle()
        if handle is not None:
            self._install(handle)

    def watch_view(self, view: QWidget) -> None:
        """A web view: its focus widget now, and each one QtWebEngine makes later."""
        self._install(view)
        for child in view.findChildren(QWidget):
            self._install(child)

    def _install(self, obj: QObject) -> None:
        if obj in self._watched:
            return
        obj.installEventFilter(self)
        self._watched.append(obj)
        obj.destroyed.connect(self._forget)

    def _forget(self, obj: QObject | None = None) -> None:
        self._watched = [o for o in self._watched if isValid(o) and o is not obj]

    def remove(self) -> None:
        for obj in self._watched:
            if isValid(obj):
                obj.removeEventFilter(self)
        self._watched.clear()

    # -- the filter --------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED or not self.enabled:
            return False
        try:
            return self._filter(watched, event, kind)
        except Exception:
            # A filter that fails must not open a door: the input is dropped.
            log.exception("lockdown filter failed; the event was dropped")
            return kind != _T.ChildAdded

    def _filter(self, watched: QObject, event: QEvent, kind: QEvent.Type) -> bool:
        if kind == _T.ChildAdded:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget) and not isinstance(watched, QWindow):
                self._install(child)  # QtWebEngine's new focus widget of a view
            return False
        if kind in _KEY_EVENTS:
            assert isinstance(event, QKeyEvent)
            return self._on_key(event, kind)
        if kind in _DROP_EVENTS:
            event.ignore()
            if kind == _T.Drop:
                self._refuse("drop")
            return True
        if kind == _T.ContextMenu:
            self._refuse("context-menu")
            return True
        assert isinstance(event, QMouseEvent)
        return self._on_mouse(event, kind)

    def _on_key(self, event: QKeyEvent, kind: QEvent.Type) -> bool:
        chord = chord_of(event)
        action = decide(chord, event.text())
        if action is KeyAction.PASS:
            return False
        # Everything else is ours: no widget, page or shortcut sees it.
        event.accept()
        if kind != _T.KeyPress or event.isAutoRepeat():
            return True
        if action is KeyAction.BLOCK:
            self._refuse(str(chord), describe(chord))
        elif action is KeyAction.BACK:
            self.back_requested.emit()
        elif action is KeyAction.RELOAD:
            self.reload_requested.emit()
        elif action is KeyAction.ZOOM_IN:
            self.zoom_requested.emit(1)
        elif action is KeyAction.ZOOM_OUT:
            self.zoom_requested.emit(-1)
        elif action is KeyAction.ADMIN:
            self.admin_requested.emit()
        return True

    def _on_mouse(self, event: QMouseEvent, kind: QEvent.Type) -> bool:
        button = event.button()
        release = kind == _T.MouseButtonRelease
        if button == Qt.MouseButton.BackButton:
            if release:
                self.back_requested.emit()
            return True
        if button == Qt.MouseButton.ForwardButton:
            if release:
                self._refuse("mouse-forward")
            return True
        if button == Qt.MouseButton.RightButton:
            # The right button only opens menus ("save", "inspect"): it does nothing here.
            if release:
                self._refuse("right-click")
            return True
        return False

    def _refuse(self, name: str, why: str = "") -> None:
        log.info("refused %s%s", name, f" ({why})" if why else "")
        self.refused.emit(name)
