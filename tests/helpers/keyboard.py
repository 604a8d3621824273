"""Driving the on-screen keyboard as a visitor does: taps on its keys, found in its QML
item tree (each key is a QtQuick item with ``key`` and ``text``)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, Qt, QUrl
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.keyboard.qt.panel import KeyboardPanel


def panel_of(kiosk: KioskApp) -> KeyboardPanel:
    assert kiosk.keyboard is not None, "the kiosk's keyboard is off"
    panel = kiosk.keyboard.panel
    assert panel is not None, "the keyboard's panel was never made"
    return panel


def wait_until_shown(qtbot: QtBot, kiosk: KioskApp) -> KeyboardPanel:
    qtbot.waitUntil(lambda: kiosk.keyboard is not None and kiosk.keyboard.panel is not None)
    panel = panel_of(kiosk)
    qtbot.waitUntil(lambda: panel.isVisible() and panel.active and bool(key_items(panel)))
    return panel


def key_items(panel: KeyboardPanel) -> list[QQuickItem]:
    """The keys a visitor can see and tap now."""
    found: list[QQuickItem] = []

    def walk(item: QQuickItem) -> None:
        for child in item.childItems():
            if not child.isVisible():
                continue
            if child.property("keyType") is not None and child.property("enabled"):
                found.append(child)
            walk(child)

    root = panel.rootObject()
    assert root is not None
    walk(root)
    return found


def key_texts(panel: KeyboardPanel) -> list[str]:
    return [str(item.property("text") or "") for item in key_items(panel)]


def key_rect(panel: KeyboardPanel, item: QQuickItem) -> QRect:
    """The key's rectangle in the panel widget's coordinates."""
    top_left = item.mapToScene(QPointF(0, 0)).toPoint()
    return QRect(
        top_left, QPoint(top_left.x() + int(item.width()), top_left.y() + int(item.height()))
    )


#: Qt Virtual Keyboard's key types (``QtVirtualKeyboard.KeyType``) of its function keys.
BACKSPACE, CHANGE_LANGUAGE, ENTER, HIDE = 1, 2, 3, 6


def find_key(panel: KeyboardPanel, *, text: str = "", key_type: int = -1) -> QQuickItem:
    """The key that types ``text``, or the function key of ``key_type``."""
    for item in key_items(panel):
        if text and item.property("text") == text and item.property("keyType") != 1:
            return item
        if key_type >= 0 and item.property("keyType") == key_type:
            return item
    raise AssertionError(f"no key {text or key_type!r} on the keyboard: {key_texts(panel)}")


def tap(qtbot: QtBot, panel: KeyboardPanel, *, text: str = "", key_type: int = -1) -> None:
    """A real tap (a mouse press and release) in the middle of the key."""
    item = find_key(panel, text=text, key_type=key_type)
    centre = key_rect(panel, item).center()
    qtbot.mouseClick(panel, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def type_text(qtbot: QtBot, panel: KeyboardPanel, text: str) -> None:
    for character in text:
        tap(qtbot, panel, text=character)


def run_qml(panel: KeyboardPanel, statement: str) -> None:
    """Run ``statement`` in the keyboard's QML engine, with Qt Virtual Keyboard's
    ``InputContext`` in reach (to plant state a visitor could leave)."""
    component = QQmlComponent(panel.engine())
    component.setData(
        b"import QtQuick\nimport QtQuick.VirtualKeyboard\n"
        b"QtObject { Component.onCompleted: { " + statement.encode() + b" } }",
        QUrl(),
    )
    made = component.create()
    assert made is not None, [error.toString() for error in component.errors()]
    made.deleteLater()


def window_rect(widget: QWidget) -> QRect:
    """``widget``'s rectangle in its top-level window's coordinates."""
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())
