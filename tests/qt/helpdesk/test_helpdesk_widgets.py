"""The help dialog, the status banner and HelpDesk, offscreen with pytest-qt."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.helpdesk.model import Topic
from kiosk.helpdesk.outbox import Outbox
from kiosk.helpdesk.qt.banner import StatusBanner
from kiosk.helpdesk.qt.dialog import HelpDialog, TopicButton
from kiosk.helpdesk.qt.helpdesk import HelpDesk
from kiosk.helpdesk.status import Phase, VisitorStatus
from kiosk.ui.theme import BASE_TEXT_PX, MIN_TOUCH_PX, stylesheet


@dataclass
class FakeClient:
    """Stands in for HelpdeskClient: records what the kiosk asked for."""

    online: bool | None = True
    sent: list[dict[str, Any]] = field(default_factory=list)
    cancelled: list[tuple[str, bool]] = field(default_factory=list)
    on_status: Any = None
    on_online: Any = None
    problem: str | None = None
    outbox: Any = None

    def send(self, topic: Topic, **kwargs: Any) -> str:
        self.sent.append({"topic": topic, **kwargs})
        return f"00000000-0000-4000-8000-{len(self.sent):012d}"

    def cancel(self, request_id: str, *, visitor_left: bool = False) -> None:
        self.cancelled.append((request_id, visitor_left))

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def from_thread(self, status: VisitorStatus) -> None:
        thread = threading.Thread(target=self.on_status, args=(status,))
        thread.start()
        thread.join()


def themed(widget: QWidget) -> QWidget:
    widget.setStyleSheet(stylesheet(1.0, False))
    widget.resize(1000, 700)
    widget.show()
    return widget


def hosted(qtbot: QtBot, widget: QWidget) -> QWidget:
    """Put a widget in a shown, themed window (as the main window will); keep the host."""
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    layout.addWidget(widget)
    themed(host)
    return host


def test_dialog_contract_sizes_and_one_send(qtbot: QtBot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    themed(dialog)
    assert dialog.objectName() == "help-dialog"
    for topic in Topic:
        button = dialog.findChild(TopicButton, f"help-topic-{topic.value}")
        assert button is not None and button.height() >= MIN_TOUCH_PX
        assert button.picture.pixmap() is not None and not button.picture.pixmap().isNull()
    phone = dialog.findChild(QLineEdit, "help-phone-input")
    send = dialog.findChild(QPushButton, "help-send-button")
    assert phone is not None and send is not None
    assert phone.height() >= MIN_TOUCH_PX and send.height() >= MIN_TOUCH_PX
    for text in dialog.findChildren(QLabel):
        text.ensurePolished()
        assert text.font().pixelSize() >= BASE_TEXT_PX or text.font().pointSize() >= 15
    assert not send.isEnabled()  # pick a topic first
    sent: list[tuple[Topic, str]] = []
    dialog.send_requested.connect(lambda topic, number: sent.append((topic, number)))
    qtbot.mouseClick(dialog.topics[Topic.PRINT], Qt.MouseButton.LeftButton)
    phone.setText("call me maybe")
    qtbot.mouseClick(send, Qt.MouseButton.LeftButton)
    assert sent == []
    assert dialog.problem.isVisible()
    phone.setText("040 123 45 67")
    qtbot.mouseClick(send, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(send, Qt.MouseButton.LeftButton)
    assert sent == [(Topic.PRINT, "0401234567")]


def test_offline_dialog_shows_the_centre_numbers_and_a_qr_code(qtbot: QtBot) -> None:
    dialog = HelpDialog(centre_phone="09 123 4567", centre_whatsapp="+358 40 765 4321")
    qtbot.addWidget(dialog)
    themed(dialog)
    assert not dialog.offline_box.isVisible()
    dialog.set_online(False)
    assert dialog.offline_box.isVisible()
    assert "connection" in dialog.offline_text.text()
    assert "09 123 4567" in dialog.centre_numbers.text()
    assert "+358 40 765 4321" in dialog.centre_numbers.text()
    assert dialog.qr.data == "tel:091234567" and dialog.qr.modules() > 20


def test_banner_words_for_each_step_and_cancel_needs_confirmation(qtbot: QtBot) -> None:
    banner = StatusBanner()
    host = hosted(qtbot, banner)
    assert banner.objectName() == "help-status" and not banner.isVisible()
    rid = "00000000-0000-4000-8000-000000000001"
    cases = [
        (VisitorStatus(rid, Phase.SENDING), "Sending"),
        (VisitorStatus(rid, Phase.WAITING, code="K-27", position=2), "number 2"),
        (VisitorStatus(rid, Phase.WAITING, code="K-27", position=1), "You are next"),
        (VisitorStatus(rid, Phase.SEEN, code="K-27"), "has seen"),
        (VisitorStatus(rid, Phase.COMING, code="K-27", minutes=5), "in about 5 minutes"),
        (VisitorStatus(rid, Phase.CALLING, code="K-27"), "will call you"),
        (VisitorStatus(rid, Phase.DONE), "Done"),
    ]
    for status, words in cases:
        banner.show_status(status)
        assert banner.isVisible()
        assert words in banner.headline.text()
    banner.show_status(VisitorStatus(rid, Phase.SENDING), online=False)
    assert "when the connection is back" in banner.headline.text()
    banner.show_status(VisitorStatus(rid, Phase.WAITING, code="K-27", message="<b>hi</b>"))
    assert "K-27" in banner.detail.text() and "<b>hi</b>" in banner.detail.text()
    assert banner.detail.textFormat() == Qt.TextFormat.PlainText
    confirmed: list[bool] = []
    banner.cancel_confirmed.connect(lambda: confirmed.append(True))
    cancel = banner.findChild(QPushButton, "help-cancel-button")
    assert cancel is not None and cancel.height() >= MIN_TOUCH_PX
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert banner.confirm_text.isVisible() and confirmed == []
    qtbot.mouseClick(banner.confirm_no, Qt.MouseButton.LeftButton)
    assert confirmed == [] and cancel.isVisible()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(banner.confirm_yes, Qt.MouseButton.LeftButton)
    assert confirmed == [True]
    host.close()


_hosts: list[QWidget] = []


def make_helpdesk(qtbot: QtBot, client: FakeClient) -> tuple[HelpDesk, list[int]]:
    chimes: list[int] = []
    helpdesk = HelpDesk(client, centre_phone="09 123 4567", play_sound=lambda: chimes.append(1))  # type: ignore[arg-type]
    _hosts.append(hosted(qtbot, helpdesk.status_banner()))
    return helpdesk, chimes


def send_from_dialog(qtbot: QtBot, helpdesk: HelpDesk, topic: Topic = Topic.LOGIN) -> None:
    dialog = helpdesk.open_dialog(None, guide_id="kela", step=2)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.topics[topic], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)


def test_helpdesk_follows_the_request_and_makes_one_at_a_time(qtbot: QtBot) -> None:
    client = FakeClient()
    helpdesk, chimes = make_helpdesk(qtbot, client)
    send_from_dialog(qtbot, helpdesk)
    assert client.sent == [{"topic": Topic.LOGIN, "guide_id": "kela", "step": 2, "phone": None}]
    banner = helpdesk.status_banner()
    assert banner.isVisible() and "Sending" in banner.headline.text()
    assert helpdesk.open_dialog(None) is None  # a second press makes no second request
    assert len(client.sent) == 1
    rid = helpdesk.current.request_id  # type: ignore[union-attr]
    before = len(chimes)
    client.from_thread(VisitorStatus(rid, Phase.WAITING, code="K-12", position=3))
    qtbot.waitUntil(lambda: "number 3" in banner.headline.text())
    client.from_thread(VisitorStatus(rid, Phase.COMING, code="K-12", staff_name="Anna"))
    qtbot.waitUntil(lambda: "coming" in banner.headline.text())
    assert "Anna" in banner.detail.text()
    assert len(chimes) == before + 2  # a sound at each step
    client.from_thread(VisitorStatus("someone-else", Phase.DONE))
    assert "coming" in banner.headline.text()
    client.on_online(False)
    qtbot.waitUntil(lambda: helpdesk.online is False)


def test_wipe_cancels_as_visitor_left_and_clears_everything(qtbot: QtBot) -> None:
    client = FakeClient()
    helpdesk, _ = make_helpdesk(qtbot, client)
    send_from_dialog(qtbot, helpdesk)
    rid = helpdesk.current.request_id  # type: ignore[union-attr]
    client.from_thread(VisitorStatus(rid, Phase.WAITING, code="K-12", position=1))
    qtbot.waitUntil(lambda: "next" in helpdesk.status_banner().headline.text())
    cleared: list[object] = []
    helpdesk.status_changed.connect(cleared.append)
    helpdesk.visitor_left()
    assert client.cancelled == [(rid, True)]
    assert helpdesk.current is None and not helpdesk.status_banner().isVisible()
    assert cleared == [None]
    # A late answer about the old request shows nothing to the next visitor.
    client.from_thread(VisitorStatus(rid, Phase.CANCELLED))
    QCoreApplication.sendPostedEvents()  # the thread's status reaches the kiosk now
    assert helpdesk.current is None and not helpdesk.status_banner().isVisible()
    assert helpdesk.open_dialog(None) is not None  # the next visitor can ask


def test_cancel_from_the_banner(qtbot: QtBot) -> None:
    client = FakeClient()
    helpdesk, _ = make_helpdesk(qtbot, client)
    send_from_dialog(qtbot, helpdesk)
    banner = helpdesk.status_banner()
    qtbot.mouseClick(banner.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(banner.confirm_yes, Qt.MouseButton.LeftButton)
    rid = helpdesk.current.request_id  # type: ignore[union-attr]
    assert client.cancelled == [(rid, False)]
    client.from_thread(VisitorStatus(rid, Phase.CANCELLED))
    qtbot.waitUntil(lambda: "cancelled" in banner.headline.text())
    assert banner.ok_button.isVisible()
    qtbot.mouseClick(banner.ok_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_without_a_help_desk_the_dialog_says_ask_the_staff(qtbot: QtBot) -> None:
    helpdesk = HelpDesk(None, centre_phone="09 123 4567", play_sound=lambda: None)
    dialog = helpdesk.open_dialog(None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    themed(dialog)
    assert dialog.offline_box.isVisible() and not dialog.send_button.isVisible()
    assert "ask the staff" in dialog.offline_text.text()


def test_problems_for_the_admin_view_include_the_connection_problem(
    qtbot: QtBot, tmp_path: Path
) -> None:
    client = FakeClient(outbox=Outbox(tmp_path / "outbox.sqlite3"))
    helpdesk, _ = make_helpdesk(qtbot, client)
    assert helpdesk.problems() == []
    client.problem = "The help desk's certificate is not the one this kiosk was paired with."
    assert helpdesk.problems() == [client.problem]
    client.outbox.close()
