"""The statistics page in a real Chromium: a coordinator picks February and sees the seeded
month's figures, right to the number, with the hidden ones hidden; every chart draws
exactly its table's figures; no CDN, nothing the page's strict CSP refuses. Screenshots
are kept in test-artifacts/stats/ to look at."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.helpers import chromium
from tests.helpers.helpdesk_servers import REPO, STAFF_PASSWORD, FakeClock, Seeded
from tests.helpers.stats_seed import COORDINATOR, KELA, Month, seed_month

SHOTS = REPO / "test-artifacts" / "stats"


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
def month(seeded: Seeded, clock: FakeClock, tmp_path: Path) -> Month:
    return seed_month(seeded, clock, tmp_path)


def _context(browser: Browser, seeded: Seeded, language: str) -> BrowserContext:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale=language,
        extra_http_headers={"Accept-Language": language},
    )
    response = context.request.post(
        f"{seeded.url}/api/v1/staff/login",
        data={"username": COORDINATOR, "password": STAFF_PASSWORD},
    )
    assert response.ok
    return context


@pytest.fixture
def problems() -> list[str]:
    return []


def _open(context: BrowserContext, seeded: Seeded, problems: list[str]) -> Page:
    page = context.new_page()
    outside: list[str] = []
    page.on(
        "console",
        lambda m: (
            problems.append(f"{m.text} {m.location}") if m.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(seeded.url) else None,
    )
    page.goto(f"{seeded.url}/staff/statistics")
    page.wait_for_selector("#report .figure")
    page.fill("#start", "2026-02-01")
    page.fill("#end", "2026-02-28")
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#show")
    page.wait_for_selector("body[data-ready='1']")
    # Every chart drawn (an SVG in each chart box).
    page.wait_for_function(
        "[...document.querySelectorAll('.chart')].every(c => c.querySelector('svg'))"
    )
    assert outside == []  # no CDN, nothing from another site
    return page


def _table(page: Page, key: str) -> dict[str, Any]:
    """The figure's table as the page shows it: row label -> cell texts, and its total."""
    data: dict[str, Any] = page.evaluate(
        """(key) => {
            const figure = document.querySelector(`[data-table="${key}"]`);
            const rows = {};
            for (const tr of figure.querySelectorAll('tbody tr')) {
                rows[tr.querySelector('th').textContent] =
                    [...tr.querySelectorAll('td')].map(td => td.textContent);
            }
            const foot = figure.querySelector('tfoot tr');
            const total = foot ? [...foot.querySelectorAll('td')].map(td => td.textContent) : null;
            return {rows, total};
        }""",
        key,
    )
    return data


def _chart_marks(page: Page, key: str) -> list[str]:
    """What each drawn mark of the figure's chart says (Vega's ARIA description)."""
    labels: list[str] = page.evaluate(
        """(key) => [...document.querySelectorAll(`[data-table="${key}"] .chart svg [aria-label]`)]
                .map(n => n.getAttribute('aria-label'))
                .filter(t => t && t.includes(':') && t.includes(';'))""",
        key,
    )
    return labels


def _marks_as_numbers(marks: list[str], key_field: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for mark in marks:
        parts = dict(part.split(": ", 1) for part in mark.split("; "))
        if key_field in parts and "value" in parts:
            found[parts[key_field]] = int(parts["value"].replace(",", ""))
    return found


def test_the_coordinator_s_month(
    browser: Browser, seeded: Seeded, month: Month, problems: list[str]
) -> None:
    context = _context(browser, seeded, "en-GB")
    page = _open(context, seeded, problems)
    visits = month.kalliola + month.vuosaari
    summary = _table(page, "summary")["rows"]
    assert summary["Sessions (not people)"] == [str(len(visits))]
    assert summary["Help requests"] == ["12"]

    language = _table(page, "language")
    counts = Counter(v.language for v in visits)
    assert language["rows"]["Finnish (Suomi)"] == [str(counts["fi"])]
    assert language["rows"]["Russian (Русский)"] == ["hidden"]
    assert language["rows"]["Swedish (Svenska)"] == ["hidden"]  # its complement
    assert language["total"] == [str(len(visits))]

    guides = _table(page, "guides")["rows"]
    kela = [v for v in visits if v.guide == KELA]
    assert guides["Kela: basic social assistance"][0] == str(len(kela))

    topics = _table(page, "help_topic")["rows"]
    assert topics["Logging in"] == ["7"]
    assert topics["A form or application"] == ["hidden"]

    # The method line and the meaning of "hidden" are on the page.
    text = page.inner_text("header")
    assert "sessions, not people" in text
    assert problems == [], problems

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "statistics-en.png"), full_page=True)
    context.close()


def test_every_chart_draws_its_table(
    browser: Browser, seeded: Seeded, month: Month, problems: list[str]
) -> None:
    context = _context(browser, seeded, "en-GB")
    page = _open(context, seeded, problems)
    keys = page.evaluate(
        "[...document.querySelectorAll('.figure')].filter(f => f.querySelector('.chart'))"
        ".map(f => f.dataset.table)"
    )
    assert {"language", "guides", f"funnel:{KELA}", "help_topic", "heatmap"} <= set(keys)
    for key in keys:
        table = _table(page, key)
        marks = _chart_marks(page, key)
        if key == "heatmap":
            shown = {
                (day, hour): value
                for day, values in table["rows"].items()
                for hour, value in zip(
                    page.evaluate(
                        "[...document.querySelectorAll('[data-table=\"heatmap\"] thead th')]"
                        ".slice(1).map(th => th.textContent)"
                    ),
                    values,
                    strict=True,
                )
                if value != "hidden"
            }
            drawn = {}
            for mark in marks:
                parts = dict(part.split(": ", 1) for part in mark.split("; "))
                if "weekday" in parts and "value" in parts:
                    drawn[parts["weekday"], parts["hour"]] = parts["value"]
            assert drawn == shown, key
            continue
        if key == "sessions_per_day":
            drawn_days = len([m for m in marks if "value" in m])
            shown_days = [v for v in table["rows"].values() if v[0] != "hidden"]
            assert drawn_days == len(shown_days), key
            continue
        drawn_values = _marks_as_numbers(marks, "label")
        shown_values = {
            label: int(values[0].replace(",", ""))
            for label, values in table["rows"].items()
            if values[0] not in ("hidden", "")
        }
        assert drawn_values == shown_values, key
    assert problems == [], problems
    context.close()


def test_in_finnish_with_downloads(
    browser: Browser, seeded: Seeded, month: Month, problems: list[str]
) -> None:
    context = _context(browser, seeded, "fi-FI")
    page = _open(context, seeded, problems)
    assert page.inner_text("h1") == "Tilastot"
    summary = _table(page, "summary")["rows"]
    assert summary["Käyntikerrat (eivät henkilöt)"] == [str(len(month.kalliola + month.vuosaari))]
    assert "käyntikertoja, eivät henkilöitä" in page.inner_text("header")
    href = page.get_attribute("#xlsx", "href")
    assert href and re.search(r"start=2026-02-01.*end=2026-02-28", href)
    with page.expect_download() as download:
        page.click("#pdf")
    assert download.value.suggested_filename == "digituki-statistics-2026-02-01-2026-02-28.pdf"
    page.screenshot(path=str(SHOTS / "statistics-fi.png"), full_page=False)
    assert problems == [], problems
    context.close()


def test_signed_out_the_page_says_to_sign_in(browser: Browser, seeded: Seeded) -> None:
    context = browser.new_context(extra_http_headers={"Accept-Language": "en"})
    page = context.new_page()
    page.goto(f"{seeded.url}/staff/statistics")
    page.wait_for_function("document.getElementById('status').textContent.length > 0")
    assert "Sign in" in page.inner_text("#status")
    context.close()


def test_a_coordinator_finds_it_from_the_staff_page(
    browser: Browser, seeded: Seeded, month: Month
) -> None:
    context = _context(browser, seeded, "en-GB")
    page = context.new_page()
    page.goto(f"{seeded.url}/staff/")
    page.click("#menu-button")
    link = page.locator("#stats-link")
    link.wait_for(state="visible")
    assert link.inner_text() == "Statistics"
    link.click()
    page.wait_for_url(f"{seeded.url}/staff/statistics")
    page.wait_for_selector("body[data-ready='1']")
    context.close()
    # Staff who answer help requests only: no link.
    context = browser.new_context(extra_http_headers={"Accept-Language": "en"})
    assert context.request.post(
        f"{seeded.url}/api/v1/staff/login", data={"username": "anna", "password": STAFF_PASSWORD}
    ).ok
    page = context.new_page()
    page.goto(f"{seeded.url}/staff/")
    page.click("#menu-button")
    page.wait_for_selector("#logout", state="visible")
    assert not page.locator("#stats-link").is_visible()
    context.close()
