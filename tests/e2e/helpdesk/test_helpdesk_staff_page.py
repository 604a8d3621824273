"""The staff page in a real Chromium (Debian's ``chromium`` driven by Playwright)."""

from __future__ import annotations

import http.server
import re
import threading
from datetime import timedelta

from playwright.sync_api import Browser, BrowserContext, expect

from tests.helpers.helpdesk_page import (  # noqa: F401 - fixtures
    SHOTS,
    card,
    rid,
    sign_in,
    sqlite_database_url,
    staff_context,
    staff_page_context,
)
from tests.helpers.helpdesk_servers import (
    STAFF_PASSWORD,
    FakeClock,
    KioskApi,
    Seeded,
    StaffApi,
    free_port,
)

XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'

# Chrome on Android: `new Notification()` throws; only a service worker can show one.
ANDROID_NOTIFICATION = """
window.Notification = class {
  constructor() { throw new TypeError("Failed to construct 'Notification': Illegal constructor."); }
  static get permission() { return "granted"; }
  static requestPermission() { return Promise.resolve("granted"); }
};
"""


def test_login_then_a_request_arrives_live_with_sound_and_notification(
    context: BrowserContext, seeded: Seeded
) -> None:
    page = context.new_page()
    page.goto(f"{seeded.url}/staff/")
    expect(page.locator("#login h1")).to_have_text("Staff sign-in")
    page.fill("#username", "anna")
    page.fill("#password", "wrong password")
    page.click("#login-form button[type=submit]")
    expect(page.locator("#login-error")).to_have_text("Wrong user name or password.")
    sign_in(page, seeded.url)
    expect(page.locator("#empty")).to_be_visible()

    kiosk = KioskApi(seeded.url, seeded.pair_kiosk("Common room"))
    request_id = rid()
    kiosk.send(
        request_id, topic="form", guide_id="kela-basic-assistance", step=3, phone="0401234567"
    )
    found = card(page, request_id)
    expect(found).to_be_visible()
    expect(found.locator(".topic")).to_have_text("A form or application")
    expect(found).to_contain_text("Common room")
    # The guide by its title in the staff page's language, not its id.
    expect(found).to_contain_text("Guide “Kela: basic social assistance”, step 3")
    expect(found.locator(".phone a")).to_have_attribute("href", "tel:0401234567")
    expect(page.locator("body")).to_have_attribute("data-chimes", "1")
    expect(page.locator("body")).to_have_attribute("data-notifications", "1")
    kiosk.send(rid(), topic="print")
    badge = page.locator("#tab-queue .tab-badge")
    expect(badge).to_have_text("2")
    # "Seen" is not "taken": the badge still counts it; "I'm coming" takes it.
    found.get_by_role("button", name="Seen").click()
    expect(found.locator(".badge")).to_have_text("Seen")
    expect(badge).to_have_text("2")
    found.get_by_role("button", name="I'm coming").click()
    expect(found.locator(".badge")).to_have_text("Someone is coming")
    expect(badge).to_have_text("1")
    assert kiosk.status(request_id).json()["request"]["state"] == "coming"
    found.get_by_role("button", name="Close").click()
    found.get_by_role("button", name="Couldn't reach").click()
    expect(found).to_have_count(0)
    assert kiosk.status(request_id).json()["request"]["outcome"] == "unreachable"


def test_android_notification_path_keeps_the_card(browser: Browser, seeded: Seeded) -> None:
    """`new Notification` throws on Android: the card is there all the same, and the
    notification goes out through the service worker."""
    with staff_context(browser, seeded.url, init_script=ANDROID_NOTIFICATION) as context:
        page = context.new_page()
        sign_in(page, seeded.url)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
        request_id = rid()
        code = kiosk.send(request_id, topic="login").json()["request"]["code"]
        expect(card(page, request_id)).to_be_visible()
        expect(page.locator("body")).to_have_attribute("data-notifications", "1")
        shown = page.evaluate(
            "navigator.serviceWorker.ready.then(r => r.getNotifications())"
            ".then(list => list.map(n => [n.title, n.body]))"
        )
        assert shown and shown[0][0] == "New help request" and code in shown[0][1]


def test_guide_ids_are_looked_up_safely(context: BrowserContext, seeded: Seeded) -> None:
    page = context.new_page()
    sign_in(page, seeded.url)
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    request_id = rid()
    kiosk.send(request_id, guide_id="constructor", step=1)
    found = card(page, request_id)
    expect(found).to_contain_text("Guide “constructor”, step 1")
    assert "native code" not in found.inner_text()


def test_visitor_left_offers_a_call_back_not_coming(
    context: BrowserContext, seeded: Seeded
) -> None:
    page = context.new_page()
    sign_in(page, seeded.url)
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    request_id = rid()
    kiosk.send(request_id, phone="0401234567")
    kiosk.cancel(request_id, "visitor_left")
    found = card(page, request_id)
    expect(found).to_contain_text("The visitor has left the computer")
    call_back = found.locator("a.call-back")
    expect(call_back).to_have_text("I'll call back")
    expect(call_back).to_have_attribute("href", "tel:0401234567")
    expect(found.get_by_role("button", name="I'm coming")).to_have_count(0)
    # One thing to tap: the number is there to read, not a second link that would dial
    # without telling colleagues that someone is calling.
    expect(found.locator(".phone")).to_have_text("Call back: 0401234567")
    expect(found.locator("a[href^='tel:']")).to_have_count(1)
    # Calling is marked, and "called, no answer" puts it back with the attempt counted.
    page.evaluate("document.querySelector('a.call-back').removeAttribute('href')")
    call_back.click()
    expect(found.locator(".badge")).to_have_text("Calling back")
    found.get_by_role("button", name="No answer — try later").click()
    expect(found).to_contain_text("Called 1× without an answer")
    expect(found.locator(".badge")).to_have_text("Waiting")
    expect(found.locator("a.call-back")).to_have_text("I'll call back")


def test_supporter_covering_several_centres(
    browser: Browser, seeded: Seeded, clock: FakeClock
) -> None:
    seeded.store.add_centre("Vallila")
    seeded.accounts.add_staff("ville", "another long password", display_name="Ville")
    one = KioskApi(seeded.url, seeded.pair_kiosk("Olohuone"))
    two = KioskApi(seeded.url, seeded.pair_kiosk("Aula", centre="Vallila"))
    seeded.pair_kiosk("Kellari", centre="Vallila")  # never connects
    first, second, third = rid(), rid(), rid()
    one.send(first, topic="login")
    clock.advance(timedelta(minutes=12))  # the first has waited long
    one.http.post("/api/v1/kiosk/heartbeat", json={})
    two.http.post("/api/v1/kiosk/heartbeat", json={})
    two.send(second, topic="print", phone="0409998877")
    code_three = two.send(third, topic="form").json()["request"]["code"]
    with staff_context(browser, seeded.url, viewport=(1280, 800)) as context:
        page = context.new_page()
        sign_in(page, seeded.url)
        groups = page.locator(".centre-group")
        expect(groups).to_have_count(2)
        expect(groups.nth(0).locator(".centre-head")).to_contain_text("Kalliola")
        expect(groups.nth(0).locator(".centre-head")).to_contain_text("1 not taken · 1 open")
        expect(groups.nth(1).locator(".centre-head")).to_contain_text("kiosks online 1/2")
        expect(card(page, first)).to_have_class("card state-waiting long-wait")
        expect(card(page, first)).to_contain_text("Has waited long")
        # Per-centre chips filter; search by code finds one request.
        page.locator(".chip", has_text="Vallila").click()
        expect(page.locator("article.card")).to_have_count(2)
        page.fill("#search", code_three.removeprefix("K-"))
        expect(page.locator("article.card")).to_have_count(1)
        expect(card(page, third)).to_be_visible()
        page.fill("#search", "")
        page.locator(".chip", has_text="All centres").click()
        # Take one, note it privately, hand it to Ville.
        taken = card(page, second)
        taken.get_by_role("button", name="I'm coming").click()
        expect(taken.locator(".badge")).to_have_text("Someone is coming")
        taken.get_by_role("button", name="More").click()
        taken.locator(".note-row input").fill("Needs the printer fixed first")
        taken.locator(".note-row button").click()
        expect(taken.locator(".note")).to_have_text("Note: Needs the printer fixed first")
        # A saved note fills its field: its label stays, so it is not taken for the
        # message to the visitor's screen.
        expect(taken.locator(".note-row input")).to_have_value("Needs the printer fixed first")
        expect(taken.get_by_label("Private note (staff only)")).to_have_value(
            "Needs the printer fixed first"
        )
        expect(taken.locator(".note-row label")).to_be_visible()
        expect(taken.locator(".message-row label")).to_have_text("Message to the screen")
        assert "note" not in two.status(second).json()["request"]  # staff only
        taken.locator("select.hand-over").select_option(label="Ville")
        taken.get_by_role("button", name="Hand over").click()
        expect(taken).to_contain_text("by Ville")
        assert two.status(second).json()["request"]["staff_name"] == "Ville"
        # Kiosks: online and never connected.
        page.click("#tab-kiosks")
        expect(page.locator("li.kiosk.online")).to_have_count(2)
        expect(page.locator("li.kiosk.offline")).to_contain_text("never connected")
        # Today's history: who did what.
        page.click("#tab-today")
        rows = page.locator("#history .history-row")
        expect(rows.first).to_contain_text("Handed over to Ville")
        expect(rows.first).to_contain_text("Anna")
        expect(page.locator("#history")).to_contain_text("Coming")


def test_a_long_wait_gets_one_gentle_reminder(
    browser: Browser, seeded: Seeded, clock: FakeClock
) -> None:
    """Ten minutes without anyone taking it: the card is marked, and the page reminds once
    (a chime and a notification naming the code); it does not nag every half minute."""
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    long_wait, fresh = rid(), rid()
    code = kiosk.send(long_wait, topic="login").json()["request"]["code"]
    clock.advance(timedelta(minutes=11))
    kiosk.send(fresh, topic="print")
    with staff_context(browser, seeded.url) as context:
        page = context.new_page()
        page.clock.install()
        sign_in(page, seeded.url)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        expect(card(page, long_wait)).to_contain_text("Has waited long")
        expect(card(page, fresh)).not_to_contain_text("Has waited long")
        body = page.locator("body")
        expect(body).to_have_attribute("data-notifications", "0")
        page.clock.run_for("00:31")  # the page looks again every 30 seconds
        expect(body).to_have_attribute("data-notifications", "1")
        shown = page.evaluate(
            "navigator.serviceWorker.ready.then(r => r.getNotifications())"
            ".then(list => list.map(n => n.title))"
        )
        assert shown == [f"{code} has waited 11 min"], shown
        page.clock.run_for("02:00")
        expect(body).to_have_attribute("data-notifications", "1")
        expect(body).to_have_attribute("data-chimes", "1")


def test_page_in_finnish_and_wide(browser: Browser, seeded: Seeded) -> None:
    with staff_context(browser, seeded.url, language="fi", viewport=(1280, 800)) as context:
        page = context.new_page()
        sign_in(page, seeded.url)
        kiosk = KioskApi(seeded.url, seeded.pair_kiosk("Olohuone"))
        kiosk.send(rid(), topic="login", phone="0501112222")
        kiosk.send(rid(), topic="computer", guide_id="omakanta-prescriptions", step=1)
        expect(page.locator("article")).to_have_count(2)
        expect(page.locator("article").nth(1)).to_contain_text("Ohje ”OmaKanta: reseptit”, vaihe 1")
        expect(page.get_by_role("button", name="Tulen").first).to_be_visible()
        # On a wide screen the pointer explains "Seen" and "On duty" where they are.
        expect(page.get_by_role("button", name="Nähty").first).to_have_attribute(
            "title", "Nähty — kertoo kävijälle, että pyyntö on nähty, lupaamatta vielä tulla."
        )
        expect(page.locator("label.duty")).to_have_attribute(
            "title", re.compile(r"^Olen vuorossa — kollegat ja kävijät näkevät")
        )
        # Wide: the cards sit side by side.
        boxes = [page.locator("article").nth(i).bounding_box() for i in range(2)]
        assert boxes[0] and boxes[1] and boxes[0]["y"] == boxes[1]["y"]


# Holds the page's queue snapshots back once they have come (the server answered before
# what the test does next) until the test lets them through; counts those applied (a task
# after the answer is read, when the page has put it on screen).
HOLD_QUEUE_SNAPSHOTS = """
window.__held = [];
window.__applied = 0;
const fetchNow = window.fetch;
window.fetch = (url, options) => {
  const queue = String(url).endsWith("/api/v1/staff/queue");
  if (!queue || window.__released) return fetchNow(url, options);
  return fetchNow(url, options).then((response) => new Promise((resolve) => {
    const read = response.json.bind(response);
    response.json = () => read().then((data) => {
      setTimeout(() => window.__applied++, 0);
      return data;
    });
    window.__held.push(() => resolve(response));
  }));
};
"""


def test_changes_during_a_queue_snapshot_are_not_lost(
    context: BrowserContext, seeded: Seeded
) -> None:
    """The page asks for the whole queue when it connects; a request sent (or closed) while
    that answer is on its way arrives by the live stream first, and the older snapshot
    must not undo it (a supporter would never see the new request)."""
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    earlier = rid()
    kiosk.send(earlier)
    page = context.new_page()
    page.add_init_script(HOLD_QUEUE_SNAPSHOTS)
    page.goto(f"{seeded.url}/staff/")
    page.fill("#username", "anna")
    page.fill("#password", STAFF_PASSWORD)
    page.click("#login-form button[type=submit]")
    expect(page.locator("#app")).to_be_visible()
    # One snapshot is asked for on signing in, one when the live stream says it is ready.
    page.wait_for_function("() => window.__held.length >= 2")
    later = rid()
    kiosk.send(later)
    assert StaffApi(seeded.url).act(earlier, "resolve", outcome="done").status_code == 200
    # The live stream brings both changes before any snapshot does.
    expect(card(page, later)).to_be_visible()
    expect(card(page, earlier)).to_have_count(0)
    held = page.evaluate(
        "window.__released = true; window.__held.forEach((go) => go()); window.__held.length"
    )
    assert held == 2, f"the page asked for {held} queue snapshots, not 2"
    page.wait_for_function("() => window.__applied === 2")
    expect(page.locator("body")).to_have_attribute("data-connected", "yes")
    expect(card(page, later)).to_be_visible()
    expect(card(page, earlier)).to_have_count(0)
    # The same holds after a fresh, unhurried snapshot (a page that holds nothing back).
    fresh = context.new_page()
    fresh.goto(f"{seeded.url}/staff/")
    expect(card(fresh, later)).to_be_visible()
    expect(card(fresh, earlier)).to_have_count(0)


def test_kiosk_and_visitor_strings_render_as_text(context: BrowserContext, seeded: Seeded) -> None:
    seeded.store.add_centre(XSS[:90])
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk(XSS[:90], centre=XSS[:90]))
    page = context.new_page()
    sign_in(page, seeded.url)
    request_id = rid()
    kiosk.send(request_id)
    found = card(page, request_id)
    expect(found).to_be_visible()
    found.get_by_role("button", name="More").click()
    found.locator(".message-row input").fill(XSS[:200])
    found.get_by_role("button", name="Send").click()
    expect(found.locator(".said")).to_contain_text("<script>")
    expect(page.locator(".centre-head").first).to_contain_text("<img src=x")
    expect(found.locator(".meta")).to_contain_text("<img src=x")
    assert page.evaluate("window.__xss") is None
    assert page.locator("article img, article script, .centre-head img").count() == 0


def test_the_csrf_token_is_checked_not_only_same_site(
    context: BrowserContext, seeded: Seeded
) -> None:
    """From the page itself (same origin: the cookie goes along whatever SameSite says),
    a state change needs this session's own token."""
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    request_id = rid()
    kiosk.send(request_id)
    other = StaffApi(seeded.url)  # another session of the same person
    page = context.new_page()
    sign_in(page, seeded.url)
    post = """async ([id, token]) => {
      const headers = {"Content-Type": "application/json"};
      if (token !== null) headers["X-CSRF-Token"] = token;
      const r = await fetch(`/api/v1/staff/requests/${id}/see`,
        {method: "POST", headers, body: "{}", credentials: "same-origin"});
      return r.status;
    }"""
    assert page.evaluate(post, [request_id, None]) == 403
    assert page.evaluate(post, [request_id, "wrong"]) == 403
    assert page.evaluate(post, [request_id, other.csrf]) == 403
    assert kiosk.status(request_id).json()["request"]["state"] == "waiting"
    own = page.evaluate("fetch('/api/v1/staff/me').then(r => r.json()).then(d => d.csrf_token)")
    assert page.evaluate(post, [request_id, own]) == 200
    assert kiosk.status(request_id).json()["request"]["state"] == "seen"


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
    request_id = rid()
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
    with staff_context(browser, seeded.url) as context:
        page = context.new_page()
        page.goto(f"{seeded.url}/staff/")
        expect(page.locator("#login")).to_be_visible()
        assert page.evaluate("fetch('/api/v1/staff/events').then(r => r.status)") == 401


def test_signing_out_shows_the_sign_in_form(context: BrowserContext, seeded: Seeded) -> None:
    page = context.new_page()
    sign_in(page, seeded.url)
    page.click("#menu-button")
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator("#login")).to_be_visible()
    assert page.evaluate("fetch('/api/v1/staff/me').then(r => r.status)") == 401
    SHOTS.mkdir(parents=True, exist_ok=True)
