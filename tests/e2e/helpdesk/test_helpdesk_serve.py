"""``kiosk helpdesk serve`` as a child process: a login flood does not exhaust it, and it
waits for a PostgreSQL that is not up yet instead of exiting."""

from __future__ import annotations

import concurrent.futures
from pathlib import Path

import httpx
import pytest

from tests.helpers.helpdesk_pg import PostgresCluster
from tests.helpers.helpdesk_servers import KioskApi, ServerProcess, seed, wait_until

MIB = 1024 * 1024


def peak_rss(pid: int) -> int:
    """The process's resident-set high-water mark (VmHWM), in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM")


@pytest.fixture(params=["sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}"


def test_a_login_flood_is_bounded(database_url: str, tmp_path: Path) -> None:
    seeded = seed("", database_url)
    server = ServerProcess(
        database_url, log=tmp_path / "server.log", extra=("--trusted-proxy", "127.0.0.1")
    ).start()
    try:
        seeded.url = server.url
        kiosk = KioskApi(server.url, seeded.pair_kiosk())
        assert server.proc is not None
        before = peak_rss(server.proc.pid)

        def guess(n: int) -> int:
            # 40 names from 40 addresses: no throttle stops them; only the hash gate can.
            response = httpx.post(
                f"{server.url}/api/v1/staff/login",
                json={"username": f"nobody{n}", "password": "guess"},
                headers={"X-Forwarded-For": f"10.1.0.{n}"},
                timeout=120,
            )
            return response.status_code

        with concurrent.futures.ThreadPoolExecutor(40) as pool:
            statuses = list(pool.map(guess, range(40)))
            # The kiosks are still served while the flood runs.
            assert kiosk.http.post("/api/v1/kiosk/heartbeat", json={}).status_code == 204
        after = peak_rss(server.proc.pid)
        assert set(statuses) <= {401, 429} and statuses.count(429) >= 20, statuses
        # Two argon2 checks at once (64 MiB each), not forty (2.5 GiB).
        assert after - before < 300 * MIB, (before // MIB, after // MIB)
    finally:
        server.stop()
        seeded.store.engine.dispose()


def test_serve_waits_for_postgresql(tmp_path: Path) -> None:
    cluster = PostgresCluster().start()
    server: ServerProcess | None = None
    try:
        database = cluster.new_database()
        cluster.pause()
        log = tmp_path / "server.log"
        server = ServerProcess(database, log=log).start(wait=False)
        wait_until(lambda: "cannot be reached yet" in log.read_text(), 60, "the waiting message")
        assert server.proc is not None and server.proc.poll() is None  # still there
        text = log.read_text()
        assert "Traceback" not in text and "trying again in" in text
        cluster.resume()
        server.wait_ready(timeout=90)
        assert httpx.get(f"{server.url}/api/v1/health").json()["ok"] is True
    finally:
        if server is not None:
            server.stop()
        cluster.stop()
