"""The kiosk's log after two visitors holds nothing of theirs: not what they typed (a web
form, the help dialog, the admin code pad), not the query strings of the pages they
opened (allowed, blocked, failed), and not the digits of a code.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from kiosk import logsetup, paths
from kiosk.app import KioskApp
from tests.e2e.test_wipe import MARKER, _kiosk, end_by_button, visitor_a, visitor_b_sees_nothing
from tests.helpers import state_site
from tests.helpers.pages import wait_until_loaded
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

pytestmark = pytest.mark.e2e

QUERY_MARKER = "hetu=010190-999K"
PHONE = "0405550188"
WRONG_CODE = "913572"
_ADDRESS_WITH_QUERY = re.compile(r"https?://[^\s\"']+\?(?!…)[^\s\"']+")


@pytest.fixture
def json_log() -> Iterator[Path]:
    logsetup.setup(json_mode=True)
    yield paths.log_dir()
    root = logging.getLogger("kiosk")
    for handler in root.handlers:
        handler.close()
    root.handlers.clear()


def _visitor_a_goes_further(qtbot: QtBot, kiosk: KioskApp, web: LocalServer) -> None:
    view = kiosk.window.service.view
    assert view is not None
    # A page with a query string, one that is not allowed, one that cannot be opened.
    web.route("/search", "<h1>Search</h1>")
    view.setUrl(QUrl(web.url(f"/search?{QUERY_MARKER}&q={MARKER}")))
    wait_until_loaded(qtbot, view, "/search")
    view.setUrl(QUrl(f"https://not-allowed.example/x?{QUERY_MARKER}"))
    qtbot.waitUntil(kiosk.window.service.blocked_page.isVisible)
    kiosk.window.service.content.setCurrentWidget(kiosk.window.service.browser_slot)
    # The help dialog, with a call-back number typed.
    dialog = kiosk.helpdesk.open_dialog(kiosk.window, "test-service", 2)
    assert dialog is not None
    for field in dialog.findChildren(type(kiosk.admin.pad.input)):
        qtbot.keyClicks(field, PHONE)
    dialog.reject()
    # Someone tries a code on the staff's pad.
    kiosk.verifier.set_pin("482915")  # type: ignore[attr-defined]
    kiosk.admin.request_unlock()
    qtbot.keyClicks(kiosk.admin.pad.input, WRONG_CODE)
    kiosk.admin.pad.submit()
    qtbot.waitUntil(lambda: kiosk.verifier.status().failures == 1, timeout=15000)
    qtbot.waitUntil(lambda: not kiosk.admin.pad.checking)
    qtbot.mouseClick(kiosk.admin.pad.cancel_button, Qt.MouseButton.LeftButton)


def test_the_log_holds_nothing_of_two_visitors(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, json_log: Path
) -> None:
    reports = state_site.install(web)
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    visitor_a(qtbot, kiosk, web)
    _visitor_a_goes_further(qtbot, kiosk, web)
    assert end_by_button(qtbot, kiosk).ok
    visitor_b_sees_nothing(qtbot, kiosk, web, reports)
    assert end_by_button(qtbot, kiosk).ok

    files = sorted(json_log.glob("*.log"))
    assert files, "no log file was written"
    text = "\n".join(f.read_text("utf-8") for f in files)
    # The log did record the visits (so the checks below look at something real).
    assert "wipe receipt" in text
    assert "navigation refused" in text
    assert "wrong admin code (1 in a row)" in text
    for secret in (MARKER, QUERY_MARKER, "010190", PHONE, WRONG_CODE, "482915"):
        assert secret not in text, f"the log holds {secret!r}"
    assert not _ADDRESS_WITH_QUERY.findall(text)
