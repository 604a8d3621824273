"""How a door is tried: the kiosk, its page, and real input as a visitor makes it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.browser.webengine.view import KioskView
from tests.helpers import lockdown_site as site
from tests.helpers.webserver import LocalServer

_M = Qt.KeyboardModifier
_MODIFIERS = {
    "Ctrl": _M.ControlModifier,
    "Alt": _M.AltModifier,
    "Shift": _M.ShiftModifier,
    "Meta": _M.MetaModifier,
}


@dataclass
class DoorContext:
    qtbot: QtBot
    kiosk: KioskApp
    view: KioskView
    web: LocalServer
    #: The kiosk's own log (level INFO): what the kiosk decided, as it tells the log.
    log: pytest.LogCaptureFixture
    refused: list[str] = field(default_factory=list)
    #: Doors that open a stray window on purpose (to see the guard close it).
    made_dialogs: bool = False

    # -- looking -------------------------------------------------------------------------
    def child(self, name: str) -> QWidget:
        found = self.kiosk.window.findChild(QWidget, name)
        assert found is not None, name
        return found

    def shows(self, name: str) -> bool:
        """Is ``name`` on screen? (The rooms are made at their first use: one never made
        is not shown.)"""
        found = self.kiosk.window.findChild(QWidget, name)
        return found is not None and found.isVisible()

    def url(self) -> str:
        return self.view.url().toString()

    def js(self, script: str) -> Any:
        return site.js(self.qtbot, self.view, script)

    def said(self, start: str) -> bool:
        """Has the kiosk logged a line that starts with ``start``?"""
        return any(
            r.name.startswith("kiosk") and r.getMessage().startswith(start)
            for r in self.log.records
        )

    def events(self) -> list[str]:
        return list(self.js("window.events") or [])

    def wait(self, condition: Callable[[], object], timeout: int = 10000) -> None:
        self.qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)

    def wait_event(self, prefix: str) -> str:
        found: list[str] = []

        def seen() -> bool:
            found[:] = [e for e in self.events() if e.startswith(prefix)]
            return bool(found)

        self.wait(seen)
        return found[0]

    # -- doing ---------------------------------------------------------------------------
    def click(
        self,
        selector: str,
        button: Qt.MouseButton = Qt.MouseButton.LeftButton,
        modifier: Qt.KeyboardModifier = _M.NoModifier,
    ) -> None:
        site.click_element(self.qtbot, self.view, selector, button, modifier)

    def click_through_window(self, selector: str, button: Qt.MouseButton) -> None:
        """A click as the OS delivers it: to the kiosk's window, at the element."""
        local = site.element_centre(self.qtbot, self.view, selector)
        proxy = self.view.focusProxy()
        assert proxy is not None
        point = proxy.mapTo(self.kiosk.window, local)
        handle = self.kiosk.window.windowHandle()
        self.qtbot.mouseClick(handle, button, _M.NoModifier, point)

    def focus_field(self) -> None:
        self.js("document.getElementById('field').focus()")
        self.view.setFocus()
        proxy = self.view.focusProxy()
        self.wait(lambda: proxy is not None and proxy.hasFocus())
        # Qt's focus is set at once, the page's arrives from Chromium's browser side a
        # moment later: keys sent in between could be lost (seen once in six runs).
        self.wait(lambda: self.js("document.hasFocus() && document.activeElement.id === 'field'"))

    def press(self, chord: str, target: str) -> None:
        """Press ``chord`` ("Ctrl+Shift+I"): on the page through the window as the OS
        does ("web"), straight to the page's focus widget ("proxy"), or with a kiosk
        button focused ("shell")."""
        *mods, key_text = chord.split("+")
        modifier = _M.NoModifier
        for mod in mods:
            modifier |= _MODIFIERS[mod]
        key = getattr(Qt.Key, f"Key_{key_text}")
        if target == "proxy":
            proxy = self.view.focusProxy()
            assert proxy is not None
            self.qtbot.keyClick(proxy, key, modifier)
        else:
            self.qtbot.keyClick(self.kiosk.window.windowHandle(), key, modifier)

    def press_until_typed(self, key: str, target: str, tries: int = 10) -> None:
        """Press a plain key until the page has one (the page's first keys can arrive
        before Chromium has given it the focus)."""
        for _ in range(tries):
            self.press(key, target)
            try:
                self.wait(lambda: key.lower() in (self.js("window.keys") or []), timeout=1000)
                return
            except WaitTimeout:
                continue
        raise AssertionError(f"the page never had {key}")

    def drop(self, url: str, target: str) -> None:
        """Drag ``url`` over the page and drop it: to the window as the OS delivers a
        drag ("window"), or straight to the page's focus widget ("proxy")."""
        mime = QMimeData()
        mime.setUrls([QUrl(url)])
        mime.setText(url)
        proxy = self.view.focusProxy()
        assert proxy is not None
        local = QPoint(proxy.width() // 2, proxy.height() // 2)
        receiver: Any = proxy
        pos = QPointF(local)
        if target == "window":
            receiver = self.kiosk.window.windowHandle()
            pos = QPointF(proxy.mapTo(self.kiosk.window, local))
        actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction | Qt.DropAction.MoveAction
        buttons = Qt.MouseButton.LeftButton
        for event in (
            QDragEnterEvent(pos, actions, mime, buttons, _M.NoModifier),
            QDragMoveEvent(pos, actions, mime, buttons, _M.NoModifier),
            QDropEvent(pos, actions, mime, buttons, _M.NoModifier),
        ):
            QApplication.sendEvent(receiver, event)

    def sentinel_navigation(self) -> None:
        """Go to /second by an ordinary link: every earlier click has been handled."""
        self.click("#next")
        self.wait(lambda: self.url().endswith("/second") and self.view.title() == "/second")

    def history_paths(self) -> list[str]:
        return [QUrl(item.url()).path() for item in self.view.history().items()]


Door = Callable[[DoorContext], None]
