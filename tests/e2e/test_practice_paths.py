"""The practice application, end to end in the real kiosk, on every way to log in.

A visitor taps the practice tile, logs in with the bank's app, a mobile certificate or an
ID card (or first cancels and starts over), fills in the application, downloads the sample
bank statement (the kiosk opens it in its own viewer), attaches it with the kiosk's own
file chooser, sends the application and reads the decision. Nothing is injected: the file
the page receives is the one the kiosk downloaded in this visit. At every page the guide
beside the browser must show the step for it by itself.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import KioskApp
from kiosk.browser.webengine.view import KioskView
from tests.helpers import lockdown_site as site
from tests.helpers.kiosk_fixtures import MakeKiosk
from tests.helpers.screens import save_screenshot

pytestmark = pytest.mark.e2e

WAIT_MS = 30_000
STATEMENT = "harjoitus-tiliote.pdf"


@pytest.fixture
def kiosk(make_kiosk: MakeKiosk, tmp_path: Path) -> KioskApp:
    """The real kiosk with the two practice guides; it serves the practice site itself."""
    folder = tmp_path / "guides"
    for guide_id in ("practice-login", "practice-application"):
        shutil.copytree(paths.bundled_guides_dir() / guide_id, folder / guide_id)
    made = make_kiosk(folder)
    assert made.practice is not None, "the kiosk serves the practice site"
    return made


class Visitor:
    """Real taps and clicks on the kiosk and the page; what the guide panel says."""

    def __init__(self, qtbot: QtBot, kiosk: KioskApp) -> None:
        self.qtbot = qtbot
        self.kiosk = kiosk
        self._clicks = 0

    # -- the kiosk ---------------------------------------------------------------------
    def child(self, name: str) -> QWidget:
        found = self.kiosk.window.findChild(QWidget, name)
        assert found is not None, name
        return found

    def tap(self, name: str) -> None:
        self.qtbot.mouseClick(self.child(name), Qt.MouseButton.LeftButton)

    @property
    def view(self) -> KioskView:
        view = self.kiosk.window.service.view
        assert view is not None
        return view

    @property
    def step_text(self) -> str:
        label = self.kiosk.window.findChild(QLabel, "guide-step-text")
        assert label is not None
        return label.text()

    # -- the page ----------------------------------------------------------------------
    @property
    def path(self) -> str:
        return self.view.url().path()

    def js(self, script: str) -> object:
        return site.js(self.qtbot, self.view, script)

    def at(self, path: str, step_text: str) -> None:
        """The page ``path`` is open and the guide shows ``step_text`` by itself."""
        self.qtbot.waitUntil(lambda: self.path == path, timeout=WAIT_MS)
        self.qtbot.waitUntil(lambda: step_text in self.step_text, timeout=WAIT_MS)

    def wait_for(self, selector: str) -> None:
        query = f"document.querySelector({json.dumps(selector)}) !== null"
        self.qtbot.waitUntil(lambda: self.js(query) is True, timeout=WAIT_MS)

    def click(self, selector: str) -> None:
        """A real mouse click (a user's gesture: a file chooser needs one).

        The element is put on a stage above the page, as the lockdown tests do; the stage
        moves between two places far apart, because two presses on one spot in quick
        succession are a double click to Qt, and the page would not see the second press.
        """
        self.wait_for(selector)
        site.wait_for_layout(self.qtbot, self.view)
        self._clicks += 1
        # Chromium drops input that comes before the page's first frames are drawn:
        # wait until the page has drawn two frames since the element appeared.
        mark = f"frame{self._clicks}"
        self.js(
            "(() => { requestAnimationFrame(() => requestAnimationFrame(() =>"
            f" {{ window.kioskTestFrame = {json.dumps(mark)}; }})); return true; }})()"
        )
        self.qtbot.waitUntil(lambda: self.js("window.kioskTestFrame") == mark, timeout=WAIT_MS)
        left, top = (20, 20) if self._clicks % 2 else (320, 260)
        rect = self.js(
            "(() => { document.querySelectorAll('[data-staged]').forEach(old => {"
            " old.style.cssText = old.dataset.staged; delete old.dataset.staged; });"
            f" const e = document.querySelector({json.dumps(selector)});"
            " e.dataset.staged = e.style.cssText;"
            f" Object.assign(e.style, {{position: 'fixed', left: '{left}px', top: '{top}px',"
            " zIndex: 2147483647, margin: '0'});"
            " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2];"
            " })()"
        )
        assert isinstance(rect, list)
        zoom = self.view.zoomFactor()
        target = self.view.focusProxy()
        assert target is not None
        point = QPoint(round(rect[0] * zoom), round(rect[1] * zoom))
        self.qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=point)

    def type(self, element_id: str, text: str) -> None:
        self.wait_for(f"#{element_id}")
        typed = self.js(
            f"(() => {{ const e = document.getElementById({json.dumps(element_id)});"
            f" e.value = {json.dumps(text)}; return e.value; }})()"
        )
        assert typed == text

    def shows(self, selector: str, text: str) -> None:
        """``selector`` is on the page (the address changes before the page is there)
        and its text contains ``text``."""
        self.wait_for(selector)
        script = f"document.querySelector({json.dumps(selector)}).innerText"
        self.qtbot.waitUntil(lambda: text in str(self.js(script)), timeout=WAIT_MS)

    def text_of(self, element_id: str) -> str:
        self.wait_for(f"#{element_id}")
        return str(self.js(f"document.getElementById({json.dumps(element_id)}).textContent"))

    def choose(self, name: str, value: str) -> None:
        self.click(f'input[name="{name}"][value="{value}"]')
        self.qtbot.waitUntil(
            lambda: (
                self.js(f"document.querySelector('input[name=\"{name}\"]:checked')?.value") == value
            ),
            timeout=WAIT_MS,
        )


# -- the ways to log in -------------------------------------------------------------------
def _bank(visitor: Visitor) -> None:
    visitor.click('a[href="/fi/bank/harjoitus"]')
    visitor.at("/fi/bank/harjoitus", "Kirjaudu niin kuin harjoittelit")
    visitor.type("userid", "12345678")
    visitor.click("#submit")
    visitor.at("/fi/approve/harjoitus", "Kirjaudu niin kuin harjoittelit")
    assert visitor.text_of("phone-code") == visitor.text_of("reference-code")
    save_screenshot(visitor.kiosk.window, "practice-approve-in-app")
    visitor.click("#app-approve")


def _mobile(visitor: Visitor) -> None:
    visitor.click("#method-mobile")
    visitor.at("/fi/mobile", "Kirjaudu niin kuin harjoittelit")
    visitor.type("phone", "040 123 4567")
    visitor.click("#submit")
    visitor.at("/fi/mobile-wait", "Kirjaudu niin kuin harjoittelit")
    assert visitor.text_of("phone-code") == visitor.text_of("reference-code")
    visitor.click("#enter-pin")


def _id_card(visitor: Visitor) -> None:
    visitor.click("#method-idcard")
    visitor.at("/fi/idcard", "Kirjaudu niin kuin harjoittelit")
    for button in ("#card-scan", "#card-read", "#card-pin"):
        visitor.click(button)
    save_screenshot(visitor.kiosk.window, "practice-id-card")


def _cancel_then_bank(visitor: Visitor) -> None:
    """The visitor rejects the first login in the app, sees step 1 again, and starts over."""
    visitor.click('a[href="/fi/bank/kuusi"]')
    visitor.at("/fi/bank/kuusi", "Kirjaudu niin kuin harjoittelit")
    visitor.type("userid", "12345678")
    visitor.click("#submit")
    visitor.at("/fi/approve/kuusi", "Kirjaudu niin kuin harjoittelit")
    visitor.click("#app-reject")
    visitor.at("/fi/", "Tämä on palvelun etusivu")
    visitor.shows(".notice", "Painoit Hylkää")
    visitor.click("#login")
    visitor.at("/fi/identify", "Kirjaudu niin kuin harjoittelit")
    _bank(visitor)


PATHS = {"bank": _bank, "mobile": _mobile, "idcard": _id_card, "cancel": _cancel_then_bank}


@pytest.mark.parametrize("way", list(PATHS))
def test_the_application_reaches_its_end_on_every_way_to_log_in(
    qtbot: QtBot, kiosk: KioskApp, way: str
) -> None:
    visitor = Visitor(qtbot, kiosk)
    visitor.tap("tile-practice-application")
    visitor.at("/fi/", "Keksi vastaukset itse")  # "What you need" first
    visitor.click("#login")
    visitor.at("/fi/identify", "Kirjaudu niin kuin harjoittelit")
    PATHS[way](visitor)

    # "Continue to service", then (the first time) the page about official mail.
    visitor.at("/fi/continue", "Kirjaudu niin kuin harjoittelit")
    visitor.click("#continue")
    visitor.at("/fi/digital-mail", "Kirjaudu niin kuin harjoittelit")
    visitor.type("email", "harri@esimerkki.fi")
    visitor.click("#mail-continue")
    visitor.at("/fi/service", "Paina <b>Tee hakemus</b>")

    visitor.click("#make-application")
    visitor.at("/fi/apply/situation", "Valitse, kenen kanssa asut")
    visitor.choose("living", "alone")
    visitor.choose("status", "unemployed")
    visitor.click("#next")
    visitor.at("/fi/apply/income", "Jos et saa rahaa, kirjoita 0")
    for name, amount in (("wages", "0"), ("benefits", "650"), ("other", "0")):
        visitor.type(name, amount)
    visitor.click("#next")
    visitor.at("/fi/apply/housing", "Valitse, missä asut nyt")
    visitor.choose("housing", "friends")
    visitor.click("#next")
    visitor.at("/fi/apply/attachments", "Lataa esimerkkitiliote")

    # The statement: downloaded by the kiosk into this visit's folder, shown in its viewer.
    visitor.click("#download-statement")
    viewer = site.wait_for_room(qtbot, kiosk, "pdf-viewer", WAIT_MS)
    saved = kiosk.session.folder / "downloads" / STATEMENT
    assert saved.read_bytes().startswith(b"%PDF-")
    assert kiosk.safe_rooms.viewer.document.pageCount() == 1
    visitor.tap("viewer-close")
    assert not viewer.isVisible()

    # "Choose file" opens the kiosk's own chooser, which offers only this visit's file.
    chooser = kiosk.safe_rooms.chooser
    offered: list[str] = []

    def choose() -> None:
        offered.extend(tile.item.path.name for tile in chooser.tiles)
        save_screenshot(kiosk.window, f"practice-file-chooser-{way}")
        qtbot.mouseClick(chooser.tiles[0], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(visitor.child("file-chooser-attach"), Qt.MouseButton.LeftButton)

    site.when_open(chooser, choose)
    visitor.click("#choose-file")
    qtbot.waitUntil(lambda: offered == [STATEMENT] and not chooser.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: visitor.text_of("chosen-file") == STATEMENT, timeout=WAIT_MS)
    visitor.click("#upload")
    visitor.at("/fi/apply/attachments/added", "Tiliote on nyt liitteenä")
    visitor.shows(".attachments", STATEMENT)

    visitor.click("#next")
    visitor.at("/fi/apply/review", "Paina <b>Hyväksy</b>")
    visitor.shows("main", STATEMENT)
    visitor.choose("confirm", "yes")
    visitor.click("#approve")
    visitor.at("/fi/apply/sent", "Hakemus on lähetetty")
    visitor.click("#open-messages")
    visitor.at("/fi/messages", "Avaa päätös painamalla sen nimeä")
    visitor.click("#open-decision")
    visitor.at("/fi/messages/decision", "Avaa päätös painamalla sen nimeä")
    visitor.shows("main", "312,45")
