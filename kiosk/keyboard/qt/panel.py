"""The on-screen keyboard's panel: a QQuickWidget holding Qt Virtual Keyboard's InputPanel
(``keyboard.qml``), docked by the kiosk at the bottom of the window that has the focus.

Qt Virtual Keyboard is the application's input method (``QT_IM_MODULE``, set before Qt
started): it shows its keys when a text field asks for them, types into whatever has
the focus, and picks the number pad itself for number-only fields (Qt's
``ImhDigitsOnly``/``ImhDialableCharactersOnly``, a web page's ``type=tel`` or
``inputmode=numeric``). The panel never takes the focus, so tapping a key leaves it in
the field.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMetaObject, QSize, Qt, QUrl, Signal, qInstallMessageHandler
from PySide6.QtQuickWidgets import QQuickWidget

log = logging.getLogger("kiosk.keyboard")

QML = Path(__file__).resolve().with_name("keyboard.qml")


class KeyboardPanel(QQuickWidget):
    """Signals: active_changed(bool): Qt Virtual Keyboard wants its keys shown (or not);
    height_changed(): the keys' height changed (the window gives them room again)."""

    active_changed = Signal(bool)
    height_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("on-screen-keyboard")
        # A tap on a key must not take the focus from the field being typed into.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        # WORKAROUND (PySide6 6.12): loading the keyboard's QML blocks the GUI thread
        # (holding Python's lock) while Qt's QML loader thread reports a message; a
        # Python message handler (the kiosk's log, kiosk.launcher.route_qt_messages)
        # then waits for that lock forever. Qt's own handler takes the messages meanwhile.
        python_handler = qInstallMessageHandler(None)
        try:
            self.setSource(QUrl.fromLocalFile(str(QML)))
        finally:
            if python_handler is not None:
                qInstallMessageHandler(python_handler)
        if self.status() != QQuickWidget.Status.Ready:
            problems = "; ".join(error.toString() for error in self.errors())
            raise RuntimeError(f"the on-screen keyboard did not load: {problems}")
        self.root = self.rootObject()
        self._layouts: list[str] = []
        self.root.activeChanged.connect(self._on_active)  # type: ignore[attr-defined]
        self.root.panelHeightChanged.connect(self.height_changed)  # type: ignore[attr-defined]
        self.hide()

    def _on_active(self) -> None:
        self.active_changed.emit(self.active)

    # -- what the kiosk sets ------------------------------------------------------------
    def set_layouts(self, current: str, offered: list[str]) -> None:
        """The visitor's layout, and those the language key cycles through."""
        if current not in offered:
            offered = [current, *offered]
        if self._layouts != offered:
            self._layouts = offered
            self.root.setProperty("layouts", offered)
        self.root.setProperty("layout", current)

    def set_look(self, edge: str, background: str) -> None:
        self.root.setProperty("edge", edge)
        self.root.setProperty("color", background)

    def set_user_data(self, folder: Path) -> None:
        """Where an input method may keep what it learns: the session's folder."""
        self.root.setProperty("userData", QUrl.fromLocalFile(str(folder)).toString())

    def fit(self, width: int, max_height: int) -> QSize:
        """The keys for ``width``, at most ``max_height`` tall; the size they take."""
        self.root.setProperty("maxKeysHeight", max_height)
        self.resize(width, max_height)
        height = int(self.root.property("panelHeight") or 0)
        return QSize(width, min(max_height, height or max_height))

    # -- what the kiosk reads -----------------------------------------------------------
    @property
    def active(self) -> bool:
        return bool(self.root.property("active"))

    @property
    def layout_locale(self) -> str:
        """The layout chosen (Qt Virtual Keyboard's locale setting, such as "fi_FI")."""
        return str(self.root.property("settingsLocale"))

    @property
    def input_locale(self) -> str:
        """The locale of the input method in use ("ar_EG" for the Arabic layout)."""
        return str(self.root.property("activeLocale"))

    def hide_keys(self) -> None:
        QMetaObject.invokeMethod(self.root, "hidePanel")

    def forget(self) -> None:
        """Hide, and drop what the keyboard holds: text being composed, the input
        method's state, what an input method learnt, shift and caps lock."""
        QMetaObject.invokeMethod(self.root, "forget")
        self.hide()

    def leftovers(self) -> list[str]:
        found = []
        if self.active or not self.isHidden():
            found.append("the on-screen keyboard is still open")
        if self.root.property("userData") or self.root.property("userDataInUse"):
            found.append("the on-screen keyboard still keeps its data in the last visitor's folder")
        if self.root.property("preedit"):
            found.append("the on-screen keyboard still holds text being typed")
        if self.root.property("capsLockOn"):
            found.append("the on-screen keyboard's caps lock is still on")
        return found
