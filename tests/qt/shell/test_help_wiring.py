"""The help button in the real kiosk: the dialog opens, steps aside for the idle warning,
and is gone after a wipe."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.session.receipts import WipeReceipt
from tests.helpers.guides import service_guide
from tests.helpers.idle_clock import IdleClock
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk


def _dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def _kiosk(make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer) -> KioskApp:
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    return make_kiosk(tmp_path / "guides")


def test_help_button_opens_the_help_dialog(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    banner = kiosk.helpdesk.status_banner()
    assert banner.window() is kiosk.window  # the status strip is part of the window
    qtbot.mouseClick(kiosk.window.findChild(QWidget, "help-button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_dialogs()))
    assert _dialogs()[0].objectName() == "help-dialog"


def test_idle_warning_sets_the_dialog_aside_and_brings_it_back(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, idle_clock: IdleClock
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    kiosk.call_for_help()
    qtbot.waitUntil(lambda: bool(_dialogs()))
    warning = kiosk.window.findChild(QWidget, "idle-warning")
    assert warning is not None
    idle_clock.advance(kiosk.keeper.lifecycle.idle_timeout_s)  # the visitor stops touching
    qtbot.waitUntil(warning.isVisible, timeout=10000)
    assert _dialogs() == []  # not in front of the warning, not blocking its button
    qtbot.mouseClick(
        kiosk.window.findChild(QWidget, "idle-continue-button"), Qt.MouseButton.LeftButton
    )
    assert not warning.isVisible()
    assert [d.objectName() for d in _dialogs()] == ["help-dialog"]  # back at once


def test_wipe_closes_the_help_dialog(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    kiosk.call_for_help()
    qtbot.waitUntil(lambda: bool(_dialogs()))
    with qtbot.waitSignal(kiosk.wipe_finished) as blocker:
        kiosk.keeper.end_session()
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    assert receipt.ok, receipt.failed
    assert _dialogs() == []
