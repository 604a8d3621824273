"""The practice pages follow the kiosk's rules for visitors, measured in a real Chromium:
every text at least 20 px, everything to press at least 64 px each way, and text
contrast at least 4.5:1 against what is behind it. Every page of every way through the
site is measured; each is also saved as a screenshot under test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, sync_playwright

from kiosk.practice import PracticeSite
from tests.helpers import chromium
from tests.helpers.screens import ARTIFACTS

pytestmark = pytest.mark.e2e

MIN_TEXT_PX = 20
MIN_TARGET_PX = 64
MIN_CONTRAST = 4.5

#: Measures the page in the browser; returns a list of plain-language findings.
MEASURE = """
({text, target, contrast}) => {
  const problems = [];
  const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const name = e => (e.id ? '#' + e.id : e.tagName.toLowerCase()) +
    ' "' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '"';
  // Text size: every element that holds text itself.
  for (const e of document.querySelectorAll('body *')) {
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !visible(e)) continue;
    const size = parseFloat(getComputedStyle(e).fontSize);
    if (size < text) problems.push(`text ${size}px: ${name(e)}`);
  }
  // Targets: links, buttons, fields, the summary of a details; a radio or checkbox is
  // pressed by its whole row (.choice); a file input is pressed by its label.
  const targets = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), summary, select, textarea');
  for (const e of targets) {
    if (e.type === 'file') continue;
    const box = (e.type === 'radio' || e.type === 'checkbox') ? e.closest('.choice') : e;
    if (!box || !visible(box)) continue;
    const r = box.getBoundingClientRect();
    if (r.width < target || r.height < target)
      problems.push(`target ${Math.round(r.width)}x${Math.round(r.height)}: ${name(e)}`);
  }
  // Contrast of text against the nearest background colour behind it.
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const background = e => { for (let n = e; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor; const a = rgb(c)[3];
      if (a === undefined || a > 0) return c; } return 'rgb(255, 255, 255)'; };
  for (const e of document.querySelectorAll('body *')) {
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !visible(e)) continue;
    const [l1, l2] = [lum(getComputedStyle(e).color), lum(background(e))].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    if (ratio < contrast) problems.push(`contrast ${ratio.toFixed(2)}: ${name(e)}`);
  }
  return problems;
}
"""
LIMITS = {"text": MIN_TEXT_PX, "target": MIN_TARGET_PX, "contrast": MIN_CONTRAST}


@pytest.fixture
def page() -> Iterator[Page]:
    with PracticeSite() as site, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        context = browser.new_context(
            base_url=site.base_url, viewport={"width": 1024, "height": 768}, locale="fi-FI"
        )
        opened = context.new_page()
        crashes: list[str] = []
        chromium.watch_for_crashes(opened, crashes)
        yield opened
        context.close()
        browser.close()
        assert crashes == []


class Pages:
    """Visits pages, measures each, keeps a screenshot; lists what is wrong."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: dict[str, list[str]] = {}
        self.seen: list[str] = []

    def measure(self, label: str) -> None:
        self.page.wait_for_load_state("load")
        found = self.page.evaluate(MEASURE, LIMITS)
        if found:
            self.problems[label] = found
        self.seen.append(label)
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"practice-chromium-{label}.png"), full_page=True)

    def go(self, path: str, label: str) -> None:
        self.page.goto(path)
        self.measure(label)

    def click(self, selector: str, label: str) -> None:
        self.page.click(selector)
        self.measure(label)


def test_every_practice_page_keeps_the_visitor_rules(page: Page) -> None:
    pages = Pages(page)
    pages.go("/fi/", "front")
    pages.click("#login", "identify")
    pages.click('a[href="/fi/bank/harjoitus"]', "bank")
    pages.click("#submit", "bank-error")
    page.fill("#userid", "12345678")
    pages.click("#submit", "approve")
    pages.click("#show-scam", "approve-scam")
    pages.click("#app-approve", "approved-wrong")
    pages.go("/fi/mobile", "mobile")
    page.fill("#phone", "0401234567")
    pages.click("#submit", "mobile-wait")
    pages.click("#codes-differ", "front-codes-differ")
    pages.go("/fi/idcard", "idcard")
    pages.click("#card-scan", "idcard-read")
    pages.click("#card-read", "idcard-pin")
    pages.click("#card-pin", "continue")
    pages.click("#continue", "digital-mail")
    pages.click("#mail-continue", "digital-mail-error")
    page.fill("#email", "harri@esimerkki.fi")
    pages.click("#mail-continue", "service")
    pages.click("#make-application", "situation")
    pages.click("#next", "situation-error")
    page.click('label[for="living"]')
    page.click('label[for="status"]')
    pages.click("#next", "income")
    pages.click("#next", "income-error")
    for name, amount in (("wages", "0"), ("benefits", "650"), ("other", "0")):
        page.fill(f"#{name}", amount)
    pages.click("#next", "housing")
    page.click('label[for="housing-friends"]')
    pages.click("#next", "attachments")
    pages.click("#upload", "attachments-error")
    with page.expect_download() as download:
        page.click("#download-statement")
    statement = download.value.path()
    assert statement is not None
    page.set_input_files("#attachment", str(statement))
    pages.click("#upload", "attachments-added")
    pages.click("#next", "review")
    pages.click("#approve", "review-error")
    page.click('label[for="confirm"]')
    pages.click("#approve", "sent")
    pages.click("#open-messages", "messages")
    pages.click("#open-decision", "decision")
    pages.click("#logout", "logged-out")
    pages.go("/fi/service", "login-first")
    pages.go("/fi/approve/kivi", "broken")
    pages.go("/fi/no-such-page", "not-found")

    assert len(set(pages.seen)) == len(pages.seen) == 34
    assert pages.problems == {}


def test_the_measure_finds_what_breaks_the_rules(page: Page) -> None:
    """The measure is not blind: small text, a small link, a faint text are all found."""
    page.set_content(
        "<body style='font-size:20px'><p style='font-size:12px'>tiny</p>"
        "<p><a href='/x' style='font-size:20px'>link</a></p>"
        "<p style='color:#bbb'>faint</p><p>fine text</p></body>"
    )
    found = page.evaluate(MEASURE, LIMITS)
    assert any(item.startswith("text 12px") and "tiny" in item for item in found)
    assert any(item.startswith("target") and "link" in item for item in found)
    assert any(item.startswith("contrast") and "faint" in item for item in found)
    assert not any("fine text" in item for item in found)
