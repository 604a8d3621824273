"""The home screen with all the shipped guides: every tile present, and a finger can
drag the list (kiosks often have touch screens) while a tap still opens a tile."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.guides.loader import guide_files
from tests.qt.conftest import MakeKiosk


def test_every_shipped_guide_has_a_tile(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(paths.bundled_guides_dir())
    shipped = {file.parent.name for file in guide_files(paths.bundled_guides_dir())}
    tiles = {tile.guide.id for tile in kiosk.window.home.tiles}
    assert tiles == shipped
    assert len(tiles) >= 14


def test_dragging_scrolls_the_tiles(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(paths.bundled_guides_dir())
    area = kiosk.window.home.scroller
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "the test needs more tiles than fit"
    assert bar.value() == 0
    # A finger on a tile, dragged upwards, as the window system delivers it.
    window = kiosk.window.windowHandle()
    assert window is not None
    viewport = area.viewport()
    start = viewport.mapTo(kiosk.window, viewport.rect().center())
    no_keys = Qt.KeyboardModifier.NoModifier
    QTest.mousePress(window, Qt.MouseButton.LeftButton, no_keys, start)
    for step in range(1, 16):
        QTest.mouseMove(window, start - QPoint(0, step * 15), 15)
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, no_keys, start - QPoint(0, 225), 15)
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=5000)
    assert kiosk.window.service.view is None  # dragging over tiles opened none


def test_a_tap_still_opens_a_tile(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(paths.bundled_guides_dir())
    tile = kiosk.window.findChild(QWidget, "tile-practice-login")
    assert tile is not None
    kiosk.window.home.scroller.ensureWidgetVisible(tile)
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.window.service.view is not None)
