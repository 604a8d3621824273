"""The staff page in a real Chromium (Debian's ``chromium`` driven by Playwright)."""

from __future__ import annotations

import http.server
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.helpers import chromium
from tests.helpers.helpdesk_servers import REPO, STAFF_PASSWORD, KioskApi, Seeded, free_port

SHOTS = REPO / "test-artifacts" / "helpdesk"
XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'

# A wrapper that records every notification the page shows.
RECORD_NOTIFICATIONS = """
window.__notes = [];
const Original = window.Notification;
window.Notification = class extends Original {
  constructor(title, options) { super(title, options); window.__notes.push([title, options.body]); }
};
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(params=["sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The page does not depend on the database; SQLite keeps these tests quick."""
    return f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}"


@pytest.fixture
def context(browser: Browser, seeded: Seeded) -> Iterator[BrowserContext]:
    context = browser.new_context(
        viewport={"width": 412, "height": 915},
        device_scale_factor=1,
        locale="en-GB",
        extra_http_headers={"Accept-Language": "en-GB,en;q=0.9"},
    )
    context.grant_permissions(["notifications"], origin=seeded.url)
    context.add_init_script(RECORD_NOTIFICATIONS)
    crashes: list[str] = []
    context.on("page", lambda page: chromium.watch_for_crashes(page, crashes))
    yield context
    context.close()
    assert not crashes, f"Chromium's renderer crashed on {crashes}"


def sign_in(page: Page, url: str) -> None:
    page.goto(f"{url}/staff/")
    page.fill("#username", "anna")
    page.fill("#password", STAFF_PASSWORD)
    page.click("#login-form button[type=submit]")
    expect(page.locator("#app")).to_be_visible()


def test_login_then_a_request_arrives_live_with_sound_and_notification(
    context: BrowserContext, seeded: Seeded
) -> None:
    page = context.new_page()
    page.goto(f"{seeded.url}/staff/")
    expect(page.locator("#login h1")).to_have_text("Staff sign-in")
    page.screenshot(path=SHOTS / "staff-login-phone.png")
    page.fill("#username", "anna")
    page.fill("#password", "wrong password")
    page.click("#login-form button[type=submit]")
    expect(page.locator("#login-error")).to_have_text("Wrong user name or password.")
    sign_in(page, seeded.url)
    expect(page.locator("#empty")).to_be_visible()

    kiosk = KioskApi(seeded.url, seeded.pair_kiosk("Common room"))
    request_id = str(uuid.uuid4())
    kiosk.send(
        request_id, topic="form", guide_id="kela-basic-assistance", step=3, phone="0401234567"
    )
    card = page.locator(f"article[data-id='{request_id}']")
    expect(card).to_be_visible()
    expect(card.locator(".topic")).to_have_text("A form or application")
    expect(card).to_contain_text("Common room")
    # The guide by its title in the staff page's language, not its id.
    expect(card).to_contain_text("Guide “Kela: basic social assistance”, step 3")
    expect(card.locator(".phone a")).to_have_attribute("href", "tel:0401234567")
    expect(page.locator("body")).to_have_attribute("data-chimes", "1")
    expect(page.locator("body")).to_have_attribute("data-notifications", "1")
    notes = page.evaluate("window.__notes")
    assert notes[0][0] == "New help request" and "A form or application" in notes[0][1]
    kiosk.send(str(uuid.uuid4()), topic="print")
    expect(page.locator("#count")).to_have_text("2")
    page.screenshot(path=SHOTS / "staff-queue-phone.png", full_page=True)

    card.get_by_role("button", name="I'm coming").click()
    expect(card.locator(".badge")).to_have_text("Someone is coming")
    assert kiosk.status(request_id).json()["request"]["state"] == "coming"
    card.get_by_role("button", name="Close").click()
    page.screenshot(path=SHOTS / "staff-outcomes-phone.png", full_page=True)
    card.get_by_role("button", name="Couldn't reach").click()
    expect(card).to_have_count(0)
    assert kiosk.status(request_id).json()["request"]["outcome"] == "unreachable"


def test_page_in_finnish_and_wide(browser: Browser, seeded: Seeded) -> None:
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, extra_http_headers={"Accept-Language": "fi"}
    )
    try:
        page = context.new_page()
        sign_in(page, seeded.url)
        kiosk = KioskApi(seeded.url, seeded.pair_kiosk("Olohuone"))
        kiosk.send(str(uuid.uuid4()), topic="login", phone="0501112222")
        kiosk.send(str(uuid.uuid4()), topic="computer", guide_id="omakanta-prescriptions", step=1)
        expect(page.locator("article")).to_have_count(2)
        expect(page.locator("article").nth(1)).to_contain_text("Ohje ”OmaKanta: reseptit”, vaihe 1")
        expect(page.get_by_role("button", name="Tulen").first).to_be_visible()
        page.screenshot(path=SHOTS / "staff-queue-wide-fi.png", full_page=True)
    finally:
        context.close()


def test_kiosk_and_visitor_strings_render_as_text(context: BrowserContext, seeded: Seeded) -> None:
    seeded.store.add_centre(XSS[:90])
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk(XSS[:90], centre=XSS[:90]))
    page = context.new_page()
    sign_in(page, seeded.url)
    request_id = str(uuid.uuid4())
    kiosk.send(request_id)
    card = page.locator(f"article[data-id='{request_id}']")
    expect(card).to_be_visible()
    card.locator(".message-row input").fill(XSS[:200])
    card.get_by_role("button", name="Send").click()
    expect(card.locator(".said")).to_contain_text("<script>")
    expect(card.locator(".meta")).to_contain_text("<img src=x")
    assert page.evaluate("window.__xss") is None
    assert page.locator("article img, article script").count() == 0


class _CrossSite(http.server.BaseHTTPRequestHandler):
    target = ""

    def do_GET(self) -> None:
        body = (
            f'<form method="post" action="{self.target}"><input name="x" value="1">'
            '<button id="go">go</button></form>'
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_cross_site_post_is_refused(context: BrowserContext, seeded: Seeded) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    request_id = str(uuid.uuid4())
    kiosk.send(request_id)
    page = context.new_page()
    sign_in(page, seeded.url)
    # Another site (another origin: localhost vs 127.0.0.1, another port) posts a form.
    _CrossSite.target = f"{seeded.url}/api/v1/staff/requests/{request_id}/resolve"
    evil = http.server.HTTPServer(("127.0.0.1", free_port()), _CrossSite)
    thread = threading.Thread(target=evil.serve_forever, daemon=True)
    thread.start()
    try:
        page.goto(f"http://localhost:{evil.server_port}/")
        with page.expect_response(lambda r: "/resolve" in r.url) as answer:
            page.click("#go")
        assert answer.value.status in (401, 403)
    finally:
        evil.shutdown()
        evil.server_close()
        thread.join(5)
    assert kiosk.status(request_id).json()["request"]["state"] == "waiting"


def test_event_stream_refuses_an_unauthenticated_client(browser: Browser, seeded: Seeded) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{seeded.url}/staff/")
        expect(page.locator("#login")).to_be_visible()
        status = page.evaluate(
            "fetch('/api/v1/staff/events').then(r => r.status)",
        )
        assert status == 401
    finally:
        context.close()
