"""A visitor taps a practice tile in the real kiosk and walks the practice site; the guide
panel beside the browser moves to the right step by itself at every page.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import KioskApp
from kiosk.browser.webengine.view import KioskView
from kiosk.practice import PracticeSite
from tests.helpers.kiosk_fixtures import MakeKiosk

pytestmark = pytest.mark.e2e

WAIT_MS = 30_000


@pytest.fixture
def practice_guides(tmp_path: Path) -> Path:
    """Only the practice guides: a home screen of two tiles."""
    folder = tmp_path / "guides"
    for guide_id in ("practice-login", "practice-application"):
        shutil.copytree(paths.bundled_guides_dir() / guide_id, folder / guide_id)
    return folder


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


@contextmanager
def _practice_site(kiosk: KioskApp) -> Iterator[None]:
    """Make sure the practice site answers where the kiosk's practice guides point.

    The kiosk fills ``{practice}`` in with the address of the site it serves. Until
    ``kiosk/app.py`` starts the site itself (the ``[practice]`` settings), the guides keep
    the default address (``kiosk.guides.loader.DEFAULT_SUBSTITUTIONS``), and the test
    serves the site there.
    """
    guide = kiosk.library.by_id("practice-login")
    assert guide is not None, [str(p) for p in kiosk.library.problems]
    port = urlsplit(guide.start_url).port
    assert port is not None
    if _listening(port):
        yield
        return
    with PracticeSite(port=port):
        yield


class Kiosk:
    """What the visitor sees and does: tiles, the web page, the guide panel."""

    def __init__(self, qtbot: QtBot, kiosk: KioskApp) -> None:
        self.qtbot = qtbot
        self.kiosk = kiosk

    def tap_tile(self, guide_id: str) -> None:
        tile = self.kiosk.window.findChild(QWidget, f"tile-{guide_id}")
        assert tile is not None, f"no tile for {guide_id}"
        self.qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)

    @property
    def view(self) -> KioskView:
        view = self.kiosk.window.service.view
        assert view is not None
        return view

    @property
    def path(self) -> str:
        return self.view.url().path()

    @property
    def step_text(self) -> str:
        found = self.kiosk.window.findChild(QLabel, "guide-step-text")
        assert found is not None
        return found.text()

    def wait_for(self, path: str, step_text: str) -> None:
        """The page ``path`` has loaded and the panel shows ``step_text`` by itself."""
        self.qtbot.waitUntil(lambda: self.path == path, timeout=WAIT_MS)
        self.qtbot.waitUntil(lambda: step_text in self.step_text, timeout=WAIT_MS)

    def js(self, script: str) -> object:
        results: list[object] = []
        self.view.page().runJavaScript(script, 0, results.append)
        self.qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
        return results[0]

    def wait_for_element(self, element_id: str) -> None:
        self.qtbot.waitUntil(
            lambda: self.js(f"document.getElementById({element_id!r}) !== null") is True,
            timeout=WAIT_MS,
        )

    def click(self, element_id: str) -> None:
        self.wait_for_element(element_id)
        self.view.page().runJavaScript(f"document.getElementById({element_id!r}).click()")

    def click_link(self, href: str) -> None:
        # The address changes before the page's links exist: wait for the link first.
        selector = f'a[href="{href}"]'
        self.qtbot.waitUntil(
            lambda: self.js(f"document.querySelector('{selector}') !== null") is True,
            timeout=WAIT_MS,
        )
        self.js(f"document.querySelector('{selector}').click(); true")

    def type(self, element_id: str, text: str) -> None:
        self.wait_for_element(element_id)
        assert (
            self.js(
                f"(function () {{ const e = document.getElementById({element_id!r});"
                f" e.value = {text!r}; return e.value; }})()"
            )
            == text
        )

    def choose(self, name: str, value: str) -> None:
        selector = f'input[name="{name}"][value="{value}"]'
        self.qtbot.waitUntil(
            lambda: self.js(f"document.querySelector('{selector}') !== null") is True,
            timeout=WAIT_MS,
        )
        assert self.js(
            f"(function () {{ const e = document.querySelector("
            f'\'input[name="{name}"][value="{value}"]\'); e.click(); return e.checked; }})()'
        )

    def log_in(self) -> None:
        """The bank login, from the identification page to "Continue to service"."""
        self.click_link("/fi/bank/harjoitus")
        self.wait_for_element("userid")
        self.type("userid", "12345678")
        self.click("submit")
        self.qtbot.waitUntil(lambda: self.path == "/fi/keycode/harjoitus", timeout=WAIT_MS)
        self.wait_for_element("app-code")
        code = str(self.js("document.getElementById('app-code').textContent"))
        self.type("code", code.replace(" ", ""))
        self.click("submit")


def test_practice_login_tile_walks_with_the_guide(
    qtbot: QtBot, make_kiosk: MakeKiosk, practice_guides: Path
) -> None:
    kiosk = make_kiosk(practice_guides)
    with _practice_site(kiosk):
        visitor = Kiosk(qtbot, kiosk)
        visitor.tap_tile("practice-login")
        # The site opens in the visitor's language; the panel starts with "what you need".
        visitor.wait_for("/fi/", "Et tarvitse mitään")
        visitor.click("login")
        visitor.wait_for("/fi/identify", "Paina <b>Harjoituspankki</b>")
        visitor.click_link("/fi/bank/harjoitus")
        visitor.wait_for("/fi/bank/harjoitus", "Kirjoita käyttäjätunnus")
        visitor.type("userid", "12345678")
        visitor.click("submit")
        visitor.wait_for("/fi/keycode/harjoitus", "Katso koodi puhelimen kuvasta")
        code = str(visitor.js("document.getElementById('app-code').textContent"))
        visitor.type("code", code.replace(" ", ""))
        visitor.click("submit")
        visitor.wait_for("/fi/continue", "Tarkista, että nimi on oikein")
        visitor.click("continue")
        visitor.wait_for("/fi/service", "Nyt olet kirjautunut sisään")
        visitor.click("logout")
        visitor.wait_for("/fi/logged-out", "Olet kirjautunut ulos")


def test_practice_application_tile_walks_with_the_guide(
    qtbot: QtBot, make_kiosk: MakeKiosk, practice_guides: Path
) -> None:
    kiosk = make_kiosk(practice_guides)
    with _practice_site(kiosk):
        visitor = Kiosk(qtbot, kiosk)
        visitor.tap_tile("practice-application")
        visitor.wait_for("/fi/", "Keksi vastaukset itse")
        visitor.click("login")
        visitor.wait_for("/fi/identify", "Kirjaudu niin kuin harjoittelit")
        visitor.log_in()
        visitor.wait_for("/fi/continue", "Kirjaudu niin kuin harjoittelit")
        visitor.click("continue")
        visitor.wait_for("/fi/service", "Paina <b>Tee hakemus</b>")
        visitor.click("make-application")
        visitor.wait_for("/fi/apply/situation", "Valitse, kenen kanssa asut")
        visitor.choose("living", "alone")
        visitor.choose("status", "unemployed")
        visitor.click("next")
        visitor.wait_for("/fi/apply/income", "Jos et saa rahaa, kirjoita 0")
        for name, amount in (("wages", "0"), ("benefits", "650"), ("other", "0")):
            visitor.type(name, amount)
        visitor.click("next")
        visitor.wait_for("/fi/apply/housing", "Valitse, missä asut nyt")
        visitor.choose("housing", "friends")
        visitor.click("next")
        visitor.wait_for("/fi/apply/attachments", "Liite on paperi tai kuva")
        visitor.click("next")  # the practice lets a visitor go on without a file
        visitor.wait_for("/fi/apply/review", "Paina <b>Hyväksy</b>")
        visitor.choose("confirm", "yes")
        visitor.click("approve")
        visitor.wait_for("/fi/apply/sent", "Hakemus on lähetetty")
        visitor.click("open-messages")
        visitor.wait_for("/fi/messages", "Avaa päätös painamalla sen nimeä")
        visitor.click("open-decision")
        visitor.wait_for("/fi/messages/decision", "Avaa päätös painamalla sen nimeä")
