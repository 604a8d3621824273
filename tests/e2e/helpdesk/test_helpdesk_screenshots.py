"""Screenshots of the staff page on a phone (390x844) and a wide screen (1280x800) in
Finnish, Swedish and English, with a realistic queue across two centres. They are for
people to look at (test-artifacts/helpdesk/); the test checks what a glance needs: the
header is one line, and on a phone the first card starts high on the screen."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from playwright.sync_api import Browser, expect

from tests.helpers.helpdesk_page import (  # noqa: F401 - fixtures
    SHOTS,
    sign_in,
    sqlite_database_url,
    staff_context,
)
from tests.helpers.helpdesk_servers import FakeClock, KioskApi, Seeded, StaffApi

SIZES = {"phone": (390, 844), "wide": (1280, 800)}

# Each shown tab's box against the strip's visible box (the strip scrolls sideways).
TABS_OUT_OF_SIGHT = """() => {
  const strip = document.getElementById("views").getBoundingClientRect();
  return [...document.querySelectorAll("#views .tab")].filter((tab) => !tab.hidden)
    .filter((tab) => { const box = tab.getBoundingClientRect();
      return box.left < strip.left - 1 || box.right > strip.right + 1; })
    .map((tab) => tab.id);
}"""

# "I am on duty" and "Seen", each explained in one line in the page's language.
EXPLAINED = {
    "fi": ("Olen vuorossa — kollegat ja kävijät", "Nähty — kertoo kävijälle"),
    "sv": ("Jag är i tjänst — kolleger och besökare", "Sett — säger till besökaren"),
    "en": ("I am on duty — colleagues and visitors", "Seen — tells the visitor"),
}


def busy_morning(seeded: Seeded, clock: FakeClock) -> None:
    seeded.store.add_centre("Vallila")
    seeded.accounts.add_staff("ville", "another long password", display_name="Ville")
    olohuone = KioskApi(seeded.url, seeded.pair_kiosk("Olohuone"))
    aula = KioskApi(seeded.url, seeded.pair_kiosk("Aula", centre="Vallila"))
    seeded.pair_kiosk("Kellari", centre="Vallila")
    staff = StaffApi(seeded.url)
    long_wait = str(uuid.uuid4())
    olohuone.send(long_wait, topic="form", guide_id="kela-basic-assistance", step=4)
    clock.advance(timedelta(minutes=13))
    left = str(uuid.uuid4())
    aula.send(left, topic="login", phone="0401234567")
    aula.cancel(left, "visitor_left")
    taken = str(uuid.uuid4())
    olohuone.send(taken, topic="print", phone="0451112233")
    staff.act(taken, "take", minutes=5)
    staff.http.post(
        f"/api/v1/staff/requests/{taken}/note",
        json={"note": "Printer out of paper"},
        headers={"X-CSRF-Token": staff.csrf},
    )
    aula.send(str(uuid.uuid4()), topic="computer")
    clock.advance(timedelta(minutes=2))
    for kiosk in (olohuone, aula):
        kiosk.http.post("/api/v1/kiosk/heartbeat", json={})


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_staff_page_screenshots(
    browser: Browser, seeded: Seeded, clock: FakeClock, language: str
) -> None:
    busy_morning(seeded, clock)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for size, viewport in SIZES.items():
        with staff_context(browser, seeded.url, language=language, viewport=viewport) as context:
            page = context.new_page()
            page.goto(f"{seeded.url}/staff/")
            expect(page.locator("#login")).to_be_visible()
            page.screenshot(path=SHOTS / f"staff-login-{language}-{size}.png")
            sign_in(page, seeded.url)
            expect(page.locator("article.card")).to_have_count(4)
            header = page.locator("header.bar").bounding_box()
            assert header is not None and header["height"] < 64, header  # one line
            first = page.locator("article.card").first.bounding_box()
            page.screenshot(path=SHOTS / f"staff-queue-{language}-{size}.png")
            assert first is not None and first["y"] < 200, first
            # Every tab a staff member has is in sight, the Kiosks one too (before a
            # screen is shared there is no Screen tab taking its place).
            assert page.evaluate(TABS_OUT_OF_SIGHT) == []
            expect(page.locator("#tab-kiosks")).to_be_visible()
            expect(page.locator("#tab-screen")).to_be_hidden()
            page.locator("article.card.state-coming").get_by_role("button").last.click()
            page.screenshot(path=SHOTS / f"staff-more-{language}-{size}.png", full_page=True)
            page.click("#menu-button")
            duty, seen = page.locator("#menu .help").all()
            expect(duty).to_contain_text(EXPLAINED[language][0])
            expect(seen).to_contain_text(EXPLAINED[language][1])
            for line in (duty, seen):  # a line each (on a phone: a sentence each)
                box = line.bounding_box()
                assert box is not None and box["height"] < (90 if size == "phone" else 30), box
            page.screenshot(path=SHOTS / f"staff-menu-{language}-{size}.png")
            page.click("#menu-button")
            page.click("#tab-today")
            expect(page.locator("#history .history-row").first).to_be_visible()
            page.screenshot(path=SHOTS / f"staff-today-{language}-{size}.png")
            page.click("#tab-kiosks")
            expect(page.locator("li.kiosk")).to_have_count(3)
            # The queue's tab and its count stay in sight from another view.
            assert page.evaluate(TABS_OUT_OF_SIGHT) == []
            page.screenshot(path=SHOTS / f"staff-kiosks-{language}-{size}.png")
