"""The visitor asks for help from the kiosk's own dialog, as a visitor does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.helpdesk.model import Topic
from kiosk.helpdesk.qt.dialog import HelpDialog
from kiosk.helpdesk.status import Phase


def ask_for_help(qtbot: QtBot, kiosk: KioskApp) -> str:
    """The visitor sends a help request from the kiosk's dialog; its id."""
    qtbot.waitUntil(lambda: kiosk.helpdesk.online is True, timeout=20000)
    qtbot.mouseClick(kiosk.window.top_bar.help, Qt.MouseButton.LeftButton)
    dialogs: list[HelpDialog] = []

    def opened() -> bool:
        dialogs[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible()
        ]
        return bool(dialogs)

    qtbot.waitUntil(opened)
    qtbot.mouseClick(dialogs[0].topics[Topic.LOGIN], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialogs[0].send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            kiosk.helpdesk.current is not None and kiosk.helpdesk.current.phase is Phase.WAITING
        ),
        timeout=20000,
    )
    assert kiosk.helpdesk.current is not None
    return kiosk.helpdesk.current.request_id
