"""Every door of the catalogue (``doors.py``) stays closed in the real kiosk, full screen."""

from __future__ import annotations

import logging
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


#: Every door of the catalogue by name, written out here on purpose: a door that is
#: dropped from (or renamed in) ``doors.py`` fails this test instead of quietly no longer
#: being tried. Adding a door means adding its name here too.
PAGE_KEYS = (
    "Alt+F4", "Ctrl+W", "Ctrl+Q", "Ctrl+N", "Ctrl+T", "Ctrl+O", "Ctrl+S", "Ctrl+P", "Ctrl+U",
    "Ctrl+J", "Ctrl+H", "Ctrl+F", "Ctrl+Shift+I", "Ctrl+Shift+J", "Ctrl+Shift+C",
    "Ctrl+Shift+Delete", "F1", "F3", "F7", "F11", "F12", "Menu", "Shift+F10", "Ctrl+Tab",
    "Alt+Home", "Ctrl+L", "Ctrl+0",
)  # fmt: skip
SHELL_KEYS = ("Alt+F4", "Ctrl+W", "Ctrl+Q", "Ctrl+P", "F11", "F12", "Menu", "Alt+Tab")
EXPECTED_DOORS = frozenset(
    {f"key {chord} on {target}" for chord in PAGE_KEYS for target in ("web", "proxy")}
    | {f"key {chord} on shell" for chord in SHELL_KEYS}
    | {
        "key Alt+Left is the kiosk's Back", "key F5 is the kiosk's Reload",
        "typing reaches the page",
        "link ms-settings", "link ms-msdt", "link search-ms", "link shell", "link intent",
        "link smb", "link ftp", "link ssh", "link steam", "link away", "link other-host",
        "link file", "link javascript-file", "link view-source", "link chrome",
        "link chrome-gpu", "link qrc", "link data", "blob top level",
        "link mailto", "link tel", "link sms",
        "window.open", "target=_blank", "middle click", "ctrl click", "shift click",
        "popup storm", "popup elsewhere", "popup file", "bank popup",
        "alert", "confirm", "prompt", "alert storm", "onbeforeunload", "http auth",
        "window.print",
        "right click page", "right click page focus widget", "right click shell",
        "drop link", "drop file", "drop javascript", "drop on page widget, filter off",
        "page full screen", "minimise", "leave full screen", "window system close",
        "camera", "microphone", "screen sharing", "geolocation", "notifications",
        "clipboard read", "open file picker", "save file picker", "directory picker",
        "mouse lock",
        "download exe", "download sh", "download bat", "download jar", "download zip",
        "download unknown", "download html", "download double extension",
        "download fake pdf", "download path traversal", "pdf as a page",
        "file input", "folder input",
        "stray file dialog", "stray print dialog", "stray message box", "stray menu",
    }
)  # fmt: skip


def test_the_catalogue_is_exactly_these_doors() -> None:
    assert len(EXPECTED_DOORS) == 141
    assert set(DOORS) == EXPECTED_DOORS, {
        "missing": sorted(EXPECTED_DOORS - set(DOORS)),
        "not listed here": sorted(set(DOORS) - EXPECTED_DOORS),
    }


@pytest.fixture
def door(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    web: LocalServer,
    caplog: pytest.LogCaptureFixture,
) -> Iterator[DoorContext]:
    caplog.set_level(logging.INFO, logger="kiosk")
    site.door_page(web)
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides", kiosk={"windowed": False})
    kiosk.window.show_kiosk()
    qtbot.waitUntil(kiosk.window.isFullScreen)
    kiosk.safe_rooms.printer.make_printer = lambda: site.test_printer(kiosk.session.folder)
    view = site.open_tile(qtbot, kiosk)
    context = DoorContext(qtbot, kiosk, view, web, caplog)
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
