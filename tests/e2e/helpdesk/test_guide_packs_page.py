"""The staff page's Guides view in a real Chromium: a publisher uploads a guide pack (and
a broken one, refused with its problems by file and line), sees which pack each kiosk
shows, and which guides are due a new check. Screenshots on a phone (390x844) and a
wide screen (1280x800) go to test-artifacts/helpdesk/ for people to look at."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from kiosk.helpdesk.server.roles import Role
from tests.helpers.guide_packs import CHECK, pack_of, publish, with_changed_guide
from tests.helpers.guide_samples import VALID_GUIDE, variant, write_guide
from tests.helpers.helpdesk_page import (  # noqa: F401 - fixtures
    SHOTS,
    sign_in,
    sqlite_database_url,
    staff_context,
)
from tests.helpers.helpdesk_servers import FakeClock, Seeded, StaffApi

SIZES = {"phone": (390, 844), "wide": (1280, 800)}
#: The help desk's day: a few days after the sample guide was checked.
TODAY = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


def _guides(folder: Path) -> Path:
    """Two guides: one checked recently, one checked long ago (due a new check)."""
    write_guide(folder, VALID_GUIDE, "sample")
    old = variant("verified: 2026-12-01", "verified: 2025-01-15")
    write_guide(folder, variant("id: sample", "id: old-guide", old), "old-guide")
    return folder


def _kiosk_reports(url: str, token: str, current: str | None, problem: str | None = None) -> None:
    response = httpx.post(
        f"{url}{CHECK}",
        json={"current": current, "problem": problem},
        headers={"Authorization": f"Bearer {token}"},
    )
    response.raise_for_status()


def _show_guides(page: Page) -> None:
    page.click("#tab-guides")
    expect(page.locator("#view-guides")).to_be_visible()


@pytest.mark.parametrize("size", list(SIZES))
def test_a_publisher_publishes_a_pack_and_sees_the_kiosks(
    browser: Browser, seeded: Seeded, clock: FakeClock, tmp_path: Path, size: str
) -> None:
    clock.now = TODAY
    seeded.accounts.set_role("anna", Role.PUBLISHER)
    olohuone = seeded.pair_kiosk("Olohuone")
    aula = seeded.pair_kiosk("Aula")
    seeded.pair_kiosk("Kellari")  # never reports
    pack = pack_of(_guides(tmp_path / "guides"), tmp_path / "guides.guidepack", "2026-12-05.a")
    broken = pack_of(_guides(tmp_path / "guides"), tmp_path / "broken.guidepack", "2026-12-05.b")
    with_changed_guide(
        broken, "guides/sample/guide.yaml", variant("category: money", "category: food")
    )

    with staff_context(browser, seeded.url, viewport=SIZES[size]) as context:
        page = context.new_page()
        sign_in(page, seeded.url)
        _show_guides(page)
        expect(page.locator("#pack-newest")).to_contain_text("No pack is published yet")
        # Before any pack: the shipped guides' dates are listed (all fresh or not).
        expect(page.locator("#pack-kiosks .pack-kiosk")).to_have_count(3)

        # A broken pack: refused, with the problem by file and line.
        page.set_input_files("#pack-file", str(broken))
        page.click("#pack-publish")
        result = page.locator("#pack-result")
        expect(result).to_have_class("pack-result refused")
        expect(result).to_contain_text("The pack was not published")
        problem = result.locator(".problems li").first
        expect(problem).to_contain_text("guides/sample/guide.yaml:2: error:")
        expect(problem).to_contain_text("category 'food'")
        page.screenshot(path=SHOTS / f"staff-guides-refused-{size}.png", full_page=True)

        # The good pack: published; the newest line and the guide due a check show.
        page.set_input_files("#pack-file", str(pack))
        page.click("#pack-publish")
        expect(result).to_have_class("pack-result ok")
        expect(result).to_contain_text("Published pack 2026-12-05.a with 2 guides")
        expect(page.locator("#pack-newest")).to_contain_text("Pack 2026-12-05.a · 2 guides")
        expect(page.locator("#pack-newest")).to_contain_text("by Anna")
        due = page.locator("#due-guides .due-guide")
        expect(due).to_have_count(1)
        expect(due.first).to_have_attribute("data-guide", "old-guide")
        expect(due.first).to_contain_text("days ago")

        # The kiosks report; the view shows each one's pack after its next refresh.
        _kiosk_reports(seeded.url, olohuone, "2026-12-05.a")
        _kiosk_reports(
            seeded.url, aula, None, "pack 2026-12-05.a: the disk is full: unpacking stopped"
        )
        page.click("#tab-queue")
        _show_guides(page)
        rows = page.locator("#pack-kiosks .pack-kiosk")
        expect(rows).to_have_count(3)
        expect(page.locator(".pack-kiosk.current")).to_contain_text("Olohuone")
        expect(page.locator(".pack-kiosk.current")).to_contain_text("newest pack")
        trouble = page.locator(".pack-kiosk.trouble")
        expect(trouble).to_contain_text("Aula")
        expect(trouble).to_contain_text("installed guides")
        expect(trouble).to_contain_text("Problem: pack 2026-12-05.a: the disk is full")
        expect(page.locator(".pack-kiosk", has_text="Kellari")).to_contain_text(
            "has not reported yet"
        )
        expect(page.locator("#tab-guides .tab-badge")).to_have_text("1")
        page.screenshot(path=SHOTS / f"staff-guides-{size}.png", full_page=True)
        # Nothing runs past the screen's edge on a phone.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= SIZES[size][0], width


def test_the_finnish_view_and_a_second_publication(
    browser: Browser, seeded: Seeded, clock: FakeClock, tmp_path: Path
) -> None:
    clock.now = TODAY
    seeded.accounts.set_role("anna", Role.COORDINATOR)
    pack = pack_of(_guides(tmp_path / "guides"), tmp_path / "guides.guidepack", "7")
    assert publish(StaffApi(seeded.url), pack).status_code == 201

    with staff_context(browser, seeded.url, language="fi", viewport=SIZES["phone"]) as context:
        page = context.new_page()
        sign_in(page, seeded.url)
        expect(page.locator("#tab-guides")).to_have_text("Ohjeet")
        _show_guides(page)
        expect(page.locator("#pack-newest")).to_contain_text("Paketti 7 · 2 ohjetta")
        # The same pack again: it is the newest again (how a centre goes back).
        page.set_input_files("#pack-file", str(pack))
        page.click("#pack-publish")
        expect(page.locator("#pack-result")).to_contain_text("Paketti 7 on taas uusin")
        page.screenshot(path=SHOTS / "staff-guides-fi-phone.png", full_page=True)


def test_staff_without_the_role_do_not_see_the_view(browser: Browser, seeded: Seeded) -> None:
    with staff_context(browser, seeded.url) as context:
        page = context.new_page()
        sign_in(page, seeded.url)
        expect(page.locator("#tab-queue")).to_be_visible()
        expect(page.locator("#tab-guides")).to_be_hidden()
        status = page.evaluate(
            "fetch('/api/v1/staff/guide-packs', {credentials: 'same-origin'}).then(r => r.status)"
        )
        assert status == 403
