"""A marker scan of the kiosk itself after two visitors.

Visitor A types a marker into a web form and into every input the kiosk owns: the page's
question in the kiosk's own dialog (answered), a log-in card and the help dialog's phone
field (both left open, as by a visitor who walks away); a page's phone link shows its
number. After the wipe, and after visitor B has started, no live QObject holds A's marker
in any Qt property, item model, undo history or Python attribute. New visitor state that
forgot to register as a visitor part fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.browser.webengine.dialogs import DialogKind, DialogRequest
from kiosk.helpdesk.qt.dialog import HelpDialog
from kiosk.session.receipts import WipeReceipt
from tests.e2e.test_wipe import MARKER, _kiosk, no_marker_on_disk, visitor_a
from tests.helpers import lockdown_site as site
from tests.helpers import state_site
from tests.helpers.object_scan import find_marker
from tests.helpers.pages import evaluate
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

pytestmark = pytest.mark.e2e

PHONE_MARKER = "0405550173"

_ASK = """<h1>Ask</h1><p id="answer">none</p>
<button id="ask" onclick="document.getElementById('answer').textContent =
 prompt('Your name?') || 'none'; document.title = 'answered';">Ask</button>"""


def _type_into_kiosk_inputs(qtbot: QtBot, kiosk: KioskApp, web: LocalServer) -> HelpDialog:
    rooms = kiosk.safe_rooms
    view = kiosk.window.service.view
    assert view is not None
    # The page asks a question: the kiosk's own dialog, typed into, answered.
    web.route("/ask", _ASK)
    site.go(qtbot, view, web.url("/ask"), "/ask")

    def answer() -> None:  # inside the page's wait, as the visitor's typing would be
        qtbot.keyClicks(rooms.dialog.input, MARKER)
        qtbot.mouseClick(rooms.dialog.ok, Qt.MouseButton.LeftButton)

    site.when_open(rooms.dialog, answer)
    site.click_element(qtbot, view, "#ask")
    qtbot.waitUntil(lambda: view.title() == "answered", timeout=15000)
    assert evaluate(qtbot, view, "document.getElementById('answer').textContent") == MARKER
    # A page's phone link: the kiosk's card shows the number.
    rooms.link_card.show_link("tel", PHONE_MARKER)
    # A log-in card, typed into and left open.
    login = DialogRequest(kind=DialogKind.LOGIN, host="127.0.0.1")
    rooms.dialog.ask(login)
    qtbot.keyClicks(rooms.dialog.user, MARKER)
    qtbot.keyClicks(rooms.dialog.password, MARKER)
    # The help dialog: a call-back number typed, and the visitor walks away.
    dialog = kiosk.helpdesk.open_dialog(kiosk.window, "test-service", 2)
    assert dialog is not None
    phone = dialog.findChild(QLineEdit, "help-phone-input")
    assert phone is not None
    qtbot.keyClicks(phone, PHONE_MARKER)
    assert phone.text() == PHONE_MARKER
    return dialog


def test_nothing_of_visitor_a_is_left_in_the_kiosk_itself(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    state_site.install(web)
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    visitor_a(qtbot, kiosk, web)
    _type_into_kiosk_inputs(qtbot, kiosk, web)
    # The scan finds the markers while A is here (it can fail).
    assert find_marker(MARKER, [kiosk])
    assert find_marker(PHONE_MARKER, [kiosk])

    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker:
        assert kiosk.keeper.end_session()
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    assert receipt.ok, receipt.failed

    # Visitor B starts and opens the same service.
    qtbot.mouseClick(kiosk.window.attract, Qt.MouseButton.LeftButton)
    kiosk.open_guide("test-service")
    assert find_marker(MARKER, [kiosk]) == []
    assert find_marker(PHONE_MARKER, [kiosk]) == []
    no_marker_on_disk(tmp_path)
