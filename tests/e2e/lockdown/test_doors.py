"""Every door of the catalogue (``doors.py``) stays closed in the real kiosk, full screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from tests.e2e.lockdown.doors import DOORS, DoorContext
from tests.helpers import lockdown_site as site
from tests.helpers.guides import service_guide
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

pytestmark = pytest.mark.e2e

#: Qt's own dialogs and menus: a file manager, "print to file", a way to other programs.
FORBIDDEN = (
    QFileDialog, QPrintDialog, QPageSetupDialog, QColorDialog, QInputDialog, QMessageBox, QMenu,
)  # fmt: skip


def test_the_catalogue_is_big_enough() -> None:
    assert len(DOORS) >= 30


@pytest.fixture
def door(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> Iterator[DoorContext]:
    site.door_page(web)
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides", kiosk={"windowed": False})
    kiosk.window.show_kiosk()
    qtbot.waitUntil(kiosk.window.isFullScreen)
    kiosk.safe_rooms.printer.make_printer = lambda: site.test_printer(kiosk.session.folder)
    view = site.open_tile(qtbot, kiosk)
    context = DoorContext(qtbot, kiosk, view, web)
    kiosk.lockdown_filter.refused.connect(context.refused.append)
    kiosk.window_guard.window_refused.connect(context.refused.append)
    yield context


@pytest.mark.parametrize("door_id", list(DOORS))
def test_door_stays_closed(door_id: str, door: DoorContext, qtbot: QtBot) -> None:
    _what, attempt = DOORS[door_id]
    kiosk = door.kiosk
    window = kiosk.window
    processes = site.child_processes()

    attempt(door)

    # The same for every door: the kiosk's window is the only one, still full screen.
    qtbot.waitUntil(lambda: not kiosk.window_guard.strays(), timeout=5000)
    assert site.visible_windows(window) == []
    if not door.made_dialogs:
        made = [w for w in QApplication.topLevelWidgets() if isinstance(w, FORBIDDEN)]
        assert made == [], f"Qt made {made}"
    assert window.isVisible()
    assert window.isFullScreen()
    assert window.windowHandle() is not None and window.windowHandle().isVisible()
    # Nothing was handed to the OS, and no program started.
    assert kiosk.desktop_guard.refused == 0
    assert site.child_processes() <= processes
