"""The whole path: a visitor asks on the kiosk, a staff member answers on the staff page
in Chromium, and the kiosk's banner says "someone is coming"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.config import from_mapping
from kiosk.helpdesk.client import pair
from kiosk.helpdesk.model import Topic
from kiosk.helpdesk.outbox import Outbox
from kiosk.helpdesk.qt.helpdesk import HelpDesk, create_helpdesk
from kiosk.ui.theme import stylesheet
from tests.helpers import chromium
from tests.helpers.helpdesk_servers import REPO, STAFF_PASSWORD, LiveServer, seed

SHOTS = REPO / "test-artifacts" / "helpdesk"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}").start()
    yield live
    live.stop()


@pytest.fixture
def helpdesk(server: LiveServer, tmp_path: Path) -> Iterator[HelpDesk]:
    seeded = seed(server.url, server.state.store)
    pair(server.url, seeded.store.create_pair_code(seeded.centre, "Olohuone"))
    config = from_mapping({"helpdesk": {"url": server.url, "centre_phone": "09 123 4567"}})
    made = create_helpdesk(
        config, outbox=Outbox(tmp_path / "outbox.sqlite3"), play_sound=lambda: None
    )
    yield made
    made.shutdown()
    assert made.client is not None
    made.client.outbox.close()


def test_staff_answer_reaches_the_kiosk_banner(
    qtbot: QtBot, server: LiveServer, helpdesk: HelpDesk
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host).addWidget(helpdesk.status_banner())
    host.setStyleSheet(stylesheet(1.0, False))
    host.resize(1100, 140)
    host.show()
    qtbot.waitUntil(lambda: helpdesk.online is True, timeout=20000)

    dialog = helpdesk.open_dialog(host, guide_id="kela-toimeentulotuki", step=4)
    assert dialog is not None
    dialog.setStyleSheet(stylesheet(1.0, False))
    dialog.resize(900, 700)
    dialog.grab().save(str(SHOTS / "kiosk-help-dialog.png"))
    qtbot.mouseClick(dialog.topics[Topic.FORM], Qt.MouseButton.LeftButton)
    dialog.phone_input.setText("040 123 4567")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    banner = helpdesk.status_banner()
    qtbot.waitUntil(lambda: "You are next" in banner.headline.text(), timeout=20000)
    assert banner.detail.text().startswith("Your number is K-")
    banner.grab().save(str(SHOTS / "kiosk-banner-waiting.png"))

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            page = browser.new_page(extra_http_headers={"Accept-Language": "en"})
            page.goto(f"{server.url}/staff/")
            page.fill("#username", "anna")
            page.fill("#password", STAFF_PASSWORD)
            page.click("#login-form button[type=submit]")
            card = page.locator("article.card")
            # A guide the help desk does not ship (a centre's own) is shown by its id.
            expect(card).to_contain_text("Guide “kela-toimeentulotuki”, step 4")
            expect(card).to_contain_text("Call back: 0401234567")
            card.locator("select.minutes").select_option("5")
            card.get_by_role("button", name="I'm coming").click()
            expect(card.locator(".badge")).to_have_text("Someone is coming")
        finally:
            browser.close()
    qtbot.waitUntil(
        lambda: "coming to help you in about 5 minutes" in banner.headline.text(), timeout=20000
    )
    assert "Anna" in banner.detail.text()
    banner.grab().save(str(SHOTS / "kiosk-banner-coming.png"))
