"""An outage never signs staff out: the staff page behind a proxy that answers 502, with
the help desk itself killed and started again, and with its PostgreSQL stopped and
started again (real Chromium, real database)."""

from __future__ import annotations

import uuid
from pathlib import Path

from playwright.sync_api import Browser, expect

from tests.helpers.helpdesk_gateway import Gateway
from tests.helpers.helpdesk_page import (  # noqa: F401 - sqlite_database_url: a fixture
    card,
    sign_in,
    sqlite_database_url,
    staff_context,
)
from tests.helpers.helpdesk_pg import PostgresCluster
from tests.helpers.helpdesk_servers import (
    KioskApi,
    LiveServer,
    Seeded,
    ServerProcess,
    seed,
    wait_until,
)

#: The page backs off up to 30 s between tries; give it time for a few.
RECOVERY_MS = 60_000


def test_a_bad_gateway_keeps_the_queue_and_recovers(browser: Browser, seeded: Seeded) -> None:
    live_port = int(seeded.url.rsplit(":", 1)[1])
    gateway = Gateway(live_port)
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    waiting = str(uuid.uuid4())
    kiosk.send(waiting, phone="0401234567")
    try:
        with staff_context(browser, gateway.url) as context:
            page = context.new_page()
            sign_in(page, gateway.url)
            expect(card(page, waiting)).to_be_visible()
            gateway.fail()
            expect(page.locator("#conn")).to_be_visible(timeout=RECOVERY_MS)
            expect(page.locator("#conn")).to_contain_text("Reconnecting")
            # It keeps trying through the 502s, and keeps what it had on screen.
            wait_until(lambda: gateway.bad_gateways >= 3, RECOVERY_MS / 1000, "retries")
            expect(page.locator("#login")).to_be_hidden()
            expect(card(page, waiting)).to_be_visible()

            # Signing in on another phone during the outage: not "wrong password". (The
            # page itself comes past the gateway; its sign-in gets the proxy's 502.)
            with staff_context(browser, seeded.url) as elsewhere:
                other = elsewhere.new_page()
                other.route("**/api/v1/staff/login", lambda route: route.fulfill(status=502))
                other.goto(f"{seeded.url}/staff/")
                other.fill("#username", "anna")
                other.fill("#password", "correct horse battery")
                other.click("#login-form button[type=submit]")
                expect(other.locator("#login-error")).to_have_text(
                    "The help desk cannot be reached right now. Try again in a moment."
                )

            gateway.restore()
            expect(page.locator("#conn")).to_be_hidden(timeout=RECOVERY_MS)
            arrived = str(uuid.uuid4())
            kiosk.send(arrived, topic="print")
            expect(card(page, arrived)).to_be_visible()
            expect(page.locator("#login")).to_be_hidden()
    finally:
        gateway.close()


def test_the_server_killed_and_started_again(browser: Browser, tmp_path: Path) -> None:
    """Nothing answers at all for a while (the process is gone, the port closed): the
    page keeps the queue under "Reconnecting…" and picks up where it was."""
    database = f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}"
    seeded = seed("", database)
    server = ServerProcess(database, log=tmp_path / "server.log").start()
    try:
        seeded.url = server.url
        token = seeded.pair_kiosk()
        waiting = str(uuid.uuid4())
        KioskApi(server.url, token).send(waiting)
        with staff_context(browser, server.url) as context:
            page = context.new_page()
            sign_in(page, server.url)
            expect(card(page, waiting)).to_be_visible()
            server.kill()
            expect(page.locator("#conn")).to_be_visible(timeout=RECOVERY_MS)
            page.wait_for_timeout(4000)  # a few tries against the closed port
            expect(page.locator("#login")).to_be_hidden()
            expect(card(page, waiting)).to_be_visible()
            # A tap that cannot reach the server says so, and signs nobody out.
            card(page, waiting).get_by_role("button", name="Seen").click()
            expect(page.locator("#problem")).to_have_text("That did not work. Try again.")
            expect(page.locator("#login")).to_be_hidden()

            server.start()
            expect(page.locator("#conn")).to_be_hidden(timeout=RECOVERY_MS)
            arrived = str(uuid.uuid4())
            KioskApi(server.url, token).send(arrived)
            expect(card(page, arrived)).to_be_visible(timeout=RECOVERY_MS)
            expect(page.locator("#login")).to_be_hidden()
    finally:
        server.stop()
        seeded.store.engine.dispose()


def test_postgres_stopped_and_started_again(browser: Browser, tmp_path: Path) -> None:
    cluster = PostgresCluster().start()
    live: LiveServer | None = None
    seeded: Seeded | None = None
    try:
        database = cluster.new_database()
        seeded = seed("", database)
        live = LiveServer(database).start()
        seeded.url = live.url
        kiosk = KioskApi(live.url, seeded.pair_kiosk())
        waiting = str(uuid.uuid4())
        kiosk.send(waiting)
        with staff_context(browser, live.url) as context:
            page = context.new_page()
            sign_in(page, live.url)
            expect(card(page, waiting)).to_be_visible()
            cluster.pause()
            # The page asks the server, which cannot ask its database: 503, not 401.
            page.reload()
            expect(page.locator("#conn")).to_be_visible(timeout=RECOVERY_MS)
            expect(page.locator("#login")).to_be_hidden()
            status = page.evaluate("fetch('/api/v1/staff/me').then(r => r.status)")
            assert status == 503
            cluster.resume()
            expect(page.locator("#conn")).to_be_hidden(timeout=RECOVERY_MS)
            expect(card(page, waiting)).to_be_visible()
            arrived = str(uuid.uuid4())
            wait_until(lambda: kiosk.send(arrived).status_code in (200, 201), 30, "a send")
            expect(card(page, arrived)).to_be_visible(timeout=RECOVERY_MS)
            expect(page.locator("#login")).to_be_hidden()
    finally:
        if live is not None:
            live.stop()
        if seeded is not None:
            seeded.store.engine.dispose()
        cluster.stop()
