from __future__ import annotations

import time
from pathlib import Path

import PySide6.QtQuick  # noqa
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.browser.webengine.view import KioskView
from tests.helpers.guides import service_guide
from tests.helpers.webserver import LocalServer


class Spy(QObject):
    def __init__(self):
        super().__init__()
        self.seen = []

    def eventFilter(self, obj, ev):
        t = ev.type()
        if t == QEvent.Type.Show and obj.isWidgetType() and obj.isWindow():
            self.seen.append(("show", obj.metaObject().className(), obj.windowType()))
        if t in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            self.seen.append((t.name, obj.metaObject().className(), ev.key()))
        return False


def test_scratch(qtbot: QtBot, make_kiosk, tmp_path: Path, web: LocalServer) -> None:
    t0 = time.monotonic()
    web.route(
        "/start",
        "<h1>Start</h1><select id=s><option>a</option><option>b</option></select><input id=i>",
    )
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides")
    print("kiosk", time.monotonic() - t0)
    spy = Spy()
    QApplication.instance().installEventFilter(spy)
    qtbot.mouseClick(
        kiosk.window.findChild(QObject, "tile-test-service"), Qt.MouseButton.LeftButton
    )
    view = kiosk.window.findChild(KioskView, "browser")
    qtbot.waitUntil(lambda: view.title() == "/start")
    print("loaded", time.monotonic() - t0)
    print("proxy", view.focusProxy(), view.focusProxy().metaObject().className())
    view.page().runJavaScript("document.getElementById('i').focus()")
    qtbot.wait(200)
    qtbot.keyClick(view.focusProxy(), Qt.Key.Key_A)
    qtbot.wait(200)
    # click select
    proxy = view.focusProxy()
    res = []
    view.page().runJavaScript(
        "JSON.stringify(document.getElementById('s').getBoundingClientRect())", 0, res.append
    )
    qtbot.waitUntil(lambda: bool(res))
    import json

    r = json.loads(res[0])
    qtbot.mouseClick(proxy, Qt.MouseButton.LeftButton, pos=QPoint(int(r["x"] + 5), int(r["y"] + 5)))
    qtbot.wait(1000)
    print(
        [
            (w.metaObject().className(), w.windowType(), w.isVisible())
            for w in QApplication.topLevelWidgets()
        ]
    )
    print("windows", [(w, w.isVisible()) for w in QApplication.topLevelWindows()])
    print(spy.seen)
    QApplication.instance().removeEventFilter(spy)
