"""A visitor taps the practice login tile in the real kiosk and walks the practice site's
login page by page; the guide panel beside the browser moves to the right step by itself.

(The application, on every way to log in, is in test_practice_paths.py.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import paths
from tests.e2e.test_practice_paths import Visitor
from tests.helpers.kiosk_fixtures import MakeKiosk

pytestmark = pytest.mark.e2e


def test_practice_login_tile_walks_with_the_guide(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    folder = tmp_path / "guides"
    shutil.copytree(paths.bundled_guides_dir() / "practice-login", folder / "practice-login")
    kiosk = make_kiosk(folder)
    visitor = Visitor(qtbot, kiosk)
    visitor.tap("tile-practice-login")
    # The site opens in the visitor's language; the panel starts with "what you need".
    visitor.at("/fi/", "Et tarvitse mitään")
    visitor.click("#login")
    visitor.at("/fi/identify", "Valitse, millä tunnistaudut")
    visitor.click('a[href="/fi/bank/harjoitus"]')
    visitor.at("/fi/bank/harjoitus", "Kirjoita käyttäjätunnus")
    visitor.type("userid", "12345678")
    visitor.click("#submit")
    visitor.at("/fi/approve/harjoitus", "Katso puhelimen kuvaa sivun vieressä")
    visitor.click("#app-approve")
    visitor.at("/fi/continue", "Tarkista, että nimi on oikein")
    visitor.click("#continue")
    visitor.at("/fi/digital-mail", "Viranomaisten posti tulee nyt verkkoon")
    visitor.type("email", "harri@esimerkki.fi")
    visitor.click("#mail-continue")
    visitor.at("/fi/service", "Nyt olet kirjautunut sisään")
    visitor.click("#logout")
    visitor.at("/fi/logged-out", "Olet kirjautunut ulos")
