"""The staff page in Chromium: a browser per test module, contexts that record page
errors, and signing in."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.helpers import chromium
from tests.helpers.helpdesk_servers import REPO, STAFF_PASSWORD, Seeded

SHOTS = REPO / "test-artifacts" / "helpdesk"

# A wrapper that records every notification the page shows with `new Notification`.
RECORD_NOTIFICATIONS = """
window.__notes = [];
const Original = window.Notification;
window.Notification = class extends Original {
  constructor(title, options) { super(title, options); window.__notes.push([title, options.body]); }
};
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for a test module (import this fixture into the module)."""
    with sync_playwright() as playwright:
        launched = chromium.launch(playwright)
        yield launched
        launched.close()


@pytest.fixture(name="database_url", params=["sqlite"])
def sqlite_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The page does not depend on the database; SQLite keeps these tests quick."""
    return f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}"


@contextmanager
def staff_context(
    browser: Browser,
    url: str,
    *,
    language: str = "en",
    viewport: tuple[int, int] = (412, 915),
    init_script: str | None = RECORD_NOTIFICATIONS,
    notifications: bool = True,
) -> Iterator[BrowserContext]:
    """A browser context for the staff page; fails the test on a page error or crash."""
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]},
        device_scale_factor=1,
        locale={"en": "en-GB", "fi": "fi-FI", "sv": "sv-FI"}[language],
        extra_http_headers={"Accept-Language": f"{language};q=1"},
    )
    if notifications:
        context.grant_permissions(["notifications"], origin=url)
    if init_script:
        context.add_init_script(init_script)
    problems: list[str] = []

    def watch(page: Page) -> None:
        chromium.watch_for_crashes(page, problems)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    context.on("page", watch)
    try:
        yield context
    finally:
        context.close()
    assert not problems, f"the staff page failed: {problems}"


def sign_in(page: Page, url: str, username: str = "anna", password: str = STAFF_PASSWORD) -> None:
    page.goto(f"{url}/staff/")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("#login-form button[type=submit]")
    expect(page.locator("#app")).to_be_visible()
    expect(page.locator("body")).to_have_attribute("data-connected", "yes")


def card(page: Page, request_id: str) -> Any:
    return page.locator(f"article[data-id='{request_id}']")


@pytest.fixture(name="context")
def staff_page_context(browser: Browser, seeded: Seeded) -> Iterator[BrowserContext]:
    """The staff page's context, in English on a phone's screen (import it as a fixture)."""
    with staff_context(browser, seeded.url) as context:
        yield context


def rid() -> str:
    """A new request id."""
    return str(uuid.uuid4())
