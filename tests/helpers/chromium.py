"""Debian's Chromium, driven by Playwright, for the staff-page tests.

Playwright's own browser download is not reachable from these machines, so the tests
point it at ``/usr/bin/chromium``. ``--disable-dev-shm-usage`` keeps a CI container
with a small ``/dev/shm`` from crashing the page's renderer half-way through a test.
"""

from __future__ import annotations

from playwright.sync_api import Browser, Page, Playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",  # the tests run as root in CI; the staff page is ours and local
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def watch_for_crashes(page: Page, crashes: list[str]) -> None:
    """Record a renderer crash, so a test that then times out says why."""
    page.on("crash", lambda crashed: crashes.append(crashed.url))
