"""The practice guides walk through the practice site end to end in a real web view.

A bare ``QWebEngineView`` on an off-the-record profile loads the practice site; the test
drives it with page script (clicks, typing) as a visitor would, and at every page checks
that the guide's progress moves to the step for that page by itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.guides.loader import load_guide
from kiosk.guides.model import Guide
from kiosk.guides.progress import GuideProgress, PageKind
from kiosk.practice import PracticeSite

LOAD_TIMEOUT_MS = 30_000
#: A real (tiny) PDF for the attachment; the site checks the first bytes.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class _ChoosingPage(QWebEnginePage):
    """Answers the page's file chooser with a prepared file; Qt's default would open a
    QFileDialog. (tests/e2e/test_practice_paths.py does the same with the kiosk's own
    download, viewer and file chooser, and nothing prepared.)"""

    def __init__(self, profile: QWebEngineProfile, file: Path) -> None:
        super().__init__(profile)
        self.file = file
        self.chooser_opened = 0

    def chooseFiles(self, mode: Any, old_files: Any, accepted_mime_types: Any) -> list[str]:
        self.chooser_opened += 1
        return [str(self.file)]


class Browser:
    """A web view and the few things a visitor does in it."""

    def __init__(self, qtbot: QtBot, view: QWebEngineView, page: _ChoosingPage) -> None:
        self.qtbot = qtbot
        self.view = view
        self.page = page

    @property
    def url(self) -> str:
        return self.view.url().toString()

    @property
    def path(self) -> str:
        return self.view.url().path()

    def load(self, url: str) -> None:
        with self.qtbot.waitSignal(self.view.loadFinished, timeout=LOAD_TIMEOUT_MS) as done:
            self.view.load(QUrl(url))
        assert done.args == [True], f"{url} did not load"

    def js(self, script: str) -> Any:
        """Run page script and return its result."""
        results: list[Any] = []
        self.page.runJavaScript(script, 0, results.append)
        self.qtbot.waitUntil(lambda: bool(results), timeout=LOAD_TIMEOUT_MS)
        return results[0]

    def navigate_by(self, script: str, *, ok: bool = True) -> None:
        """Run script that makes the page go somewhere (a click, a form sent), and wait.

        ``ok=False``: the site answers with an HTTP error status (a form with mistakes is
        shown again with 400); QtWebEngine then reports the load as not ok, although the
        page is shown.
        """
        with self.qtbot.waitSignal(self.view.loadFinished, timeout=LOAD_TIMEOUT_MS) as done:
            self.page.runJavaScript(script)
        assert done.args == [ok], f"the page after {script!r}: loadFinished{done.args}"

    def click(self, element_id: str, *, ok: bool = True) -> None:
        self.navigate_by(f"document.getElementById({element_id!r}).click()", ok=ok)

    def click_link(self, href: str) -> None:
        self.navigate_by(f"document.querySelector('a[href=\"{href}\"]').click()")

    def type(self, element_id: str, text: str) -> None:
        typed = self.js(
            f"(function () {{ const e = document.getElementById({element_id!r});"
            f" e.focus(); e.value = {text!r}; e.dispatchEvent(new Event('input'));"
            " return e.value; })()"
        )
        assert typed == text

    def choose(self, name: str, value: str) -> None:
        assert self.js(
            f"(function () {{ const e = document.querySelector("
            f'\'input[name="{name}"][value="{value}"]\'); e.click(); return e.checked; }})()'
        )

    def mouse_click(self, element_id: str) -> None:
        """A real mouse click in the middle of an element (script clicks are not gestures)."""
        box = self.js(
            f"(function () {{ const e = document.getElementById({element_id!r});"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return JSON.stringify([r.left + r.width / 2, r.top + r.height / 2]); })()"
        )
        x, y = json.loads(box)
        target = self.view.focusProxy()
        assert target is not None
        point = QPoint(round(x), round(y))
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    def text_of(self, element_id: str) -> str:
        return str(self.js(f"document.getElementById({element_id!r}).textContent"))

    def heading(self) -> str:
        return str(self.js("document.querySelector('h1').textContent"))


@pytest.fixture
def site() -> Iterator[PracticeSite]:
    with PracticeSite() as running:
        yield running


@pytest.fixture
def browser(qtbot: QtBot, tmp_path: Path) -> Iterator[Browser]:
    attachment = tmp_path / "vuokrasopimus.pdf"
    attachment.write_bytes(PDF)
    profile = QWebEngineProfile()  # no storage name: off the record
    assert profile.isOffTheRecord()
    page = _ChoosingPage(profile, attachment)
    view = QWebEngineView()
    view.setPage(page)
    view.resize(1024, 768)
    view.show()
    qtbot.waitExposed(view)
    yield Browser(qtbot, view, page)
    # QtWebEngine: pages must go before their profile.
    view.close()
    view.setPage(None)  # type: ignore[arg-type]
    page.deleteLater()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    profile.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _guide(guide_id: str, site: PracticeSite) -> Guide:
    file = paths.bundled_guides_dir() / guide_id / "guide.yaml"
    guide, problems = load_guide(file, (), {"practice": site.base_url})
    assert guide is not None, [str(p) for p in problems]
    assert not problems, [str(p) for p in problems]
    return guide


def _follows(progress: GuideProgress, browser: Browser) -> Callable[[int | None], None]:
    """Feed each new address to the guide, as the kiosk's service view does."""

    def expect(step: int | None) -> None:
        progress.follow_url(browser.url)
        where = f"{browser.path} ({browser.heading()!r})"
        if step is None:
            assert progress.page.kind is PageKind.NEEDS, where
        else:
            assert progress.step_index == step, f"{where}: step {progress.step_index}"

    return expect


def _log_in(
    browser: Browser, expect: Callable[[int | None], None], lang: str, bank: str, steps: list[int]
) -> None:
    """From the front page to "My services" by the bank app, checking each page's step."""
    on_identify, on_bank, on_approve, on_continue, on_mail, on_service = steps
    browser.click("login")
    assert browser.path == f"/{lang}/identify"
    expect(on_identify)
    browser.click_link(f"/{lang}/bank/{bank}")
    expect(on_bank)
    browser.type("userid", "1234 5678")
    browser.click("submit")
    assert browser.path == f"/{lang}/approve/{bank}"
    expect(on_approve)
    assert browser.text_of("phone-code") == browser.text_of("reference-code")
    browser.click("app-approve")
    assert browser.path == f"/{lang}/continue"
    expect(on_continue)
    browser.click("continue")
    assert browser.path == f"/{lang}/digital-mail"
    expect(on_mail)
    browser.type("email", "harri@example.com")
    browser.click("mail-continue")
    assert browser.path == f"/{lang}/service"
    expect(on_service)


def test_practice_login_walks_the_site(browser: Browser, site: PracticeSite) -> None:
    guide = _guide("practice-login", site)
    progress = GuideProgress(guide)
    expect = _follows(progress, browser)
    browser.page.profile().setHttpAcceptLanguage("fi-FI,fi;q=0.9,en;q=0.5")

    browser.load(guide.start_url)
    assert browser.path == "/fi/"  # the site chose the browser's language
    expect(None)  # "What you need" stays until the visitor moves on
    _log_in(browser, expect, "fi", "harjoitus", [1, 2, 3, 7, 8, 9])
    browser.click("logout")
    assert browser.path == "/fi/logged-out"
    expect(10)
    assert not progress.follow_url(browser.url)  # the same page again: no change


def test_practice_application_walks_the_site(
    qtbot: QtBot, browser: Browser, site: PracticeSite
) -> None:
    guide = _guide("practice-application", site)
    progress = GuideProgress(guide)
    expect = _follows(progress, browser)
    browser.page.profile().setHttpAcceptLanguage("sv-FI,sv;q=0.9,fi;q=0.6,en;q=0.5")

    browser.load(guide.start_url)
    assert browser.path == "/sv/"
    expect(None)
    _log_in(browser, expect, "sv", "kivi", [1, 1, 1, 1, 1, 2])
    browser.click("make-application")
    assert browser.path == "/sv/apply/situation"
    expect(3)

    # A mistake first: the page explains and the guide stays on the step.
    browser.click("next", ok=False)
    assert browser.path == "/sv/apply/situation"
    assert "Välj vem du bor med" in browser.js("document.body.innerText")
    expect(3)
    browser.choose("living", "alone")
    browser.choose("status", "unemployed")
    browser.click("next")
    assert browser.path == "/sv/apply/income"
    expect(4)
    for name, amount in (("wages", "0"), ("benefits", "650,50"), ("other", "0")):
        browser.type(name, amount)
    browser.click("next")
    assert browser.path == "/sv/apply/housing"
    expect(5)
    browser.choose("housing", "rent")
    browser.type("rent", "420")
    browser.click("next")
    assert browser.path == "/sv/apply/attachments"
    expect(6)

    # The attachment: a real click on "Choose file" (a file chooser needs a user's
    # gesture), our chooser answers, the page shows the name, "Add" uploads it.
    browser.mouse_click("choose-file")
    qtbot.waitUntil(lambda: browser.page.chooser_opened == 1)
    qtbot.waitUntil(lambda: browser.text_of("chosen-file") == "vuokrasopimus.pdf")
    assert browser.text_of("chosen-file") == "vuokrasopimus.pdf"
    browser.click("upload")
    assert browser.path == "/sv/apply/attachments/added"
    assert "vuokrasopimus.pdf" in browser.js("document.querySelector('.attachments').innerText")
    expect(7)
    browser.click("next")
    assert browser.path == "/sv/apply/review"
    expect(8)
    browser.choose("confirm", "yes")
    browser.click("approve")
    assert browser.path == "/sv/apply/sent"
    expect(9)
    browser.click("open-messages")
    assert browser.path == "/sv/messages"
    expect(10)
    browser.click("open-decision")
    assert browser.path == "/sv/messages/decision"
    expect(10)
    assert "312,45" in browser.js("document.body.innerText")
