"""What an outsider on the centre's network, or a careless set-up, must not achieve:
forged state changes, lock-outs, floods, streams that outlive their session, numbers left
in the database files; and what TLS gives (HSTS, the pinned fingerprint)."""

from __future__ import annotations

import concurrent.futures
import logging
import ssl
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from kiosk.helpdesk.model import PHONE_RETENTION
from kiosk.helpdesk.server import api_kiosk, sse
from kiosk.helpdesk.server.security import CSP
from kiosk.helpdesk.server.tls import certificate_fingerprint, der_fingerprint
from tests.helpers.helpdesk_servers import (
    STAFF_PASSWORD,
    EventReader,
    FakeClock,
    KioskApi,
    LiveServer,
    Seeded,
    StaffApi,
    client,
    seed,
    wait_until,
)
from tests.helpers.helpdesk_tls import self_signed


def rid() -> str:
    return str(uuid.uuid4())


def login(url: str, username: str, password: str, address: str | None = None) -> int:
    headers = {"X-Forwarded-For": address} if address else {}
    response = httpx.post(
        f"{url}/api/v1/staff/login",
        json={"username": username, "password": password},
        headers=headers,
        timeout=60,
    )
    return response.status_code


# -- CSRF on every state change ------------------------------------------------------------

STATE_CHANGES: list[tuple[str, dict[str, Any]]] = [
    ("requests/{id}/see", {}),
    ("requests/{id}/take", {"minutes": 5}),
    ("requests/{id}/call", {}),
    ("requests/{id}/put_back", {}),
    ("requests/{id}/no_answer", {}),
    ("requests/{id}/resolve", {"outcome": "done"}),
    ("requests/{id}/message", {"message": "hello"}),
    ("requests/{id}/note", {"note": "private"}),
    ("requests/{id}/hand_over", {"to": 1}),
    ("duty", {"on_duty": True}),
    ("logout", {}),
]


@pytest.mark.parametrize(("path", "body"), STATE_CHANGES, ids=[p for p, _ in STATE_CHANGES])
def test_every_state_change_needs_this_sessions_csrf_token(
    seeded: Seeded, path: str, body: dict[str, Any]
) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    request_id = rid()
    kiosk.send(request_id, phone="0401234567")
    staff = StaffApi(seeded.url)
    other = StaffApi(seeded.url)  # another session: its token must not do
    target = "/api/v1/staff/" + path.format(id=request_id)
    before = staff.queue()
    for token in (None, "wrong", other.csrf, staff.csrf.upper()):
        headers = {"X-CSRF-Token": token} if token is not None else {}
        refused = staff.http.post(target, json=body, headers=headers)
        assert refused.status_code == 403, (token, refused.text)
        assert refused.json()["detail"] == "missing or wrong CSRF token"
    after = staff.queue()
    assert after["open"] == before["open"] and after["on_duty"] == before["on_duty"]
    assert staff.http.get("/api/v1/staff/me").status_code == 200  # still signed in


def test_security_headers(seeded: Seeded) -> None:
    page = httpx.get(f"{seeded.url}/staff/")
    assert page.headers["content-security-policy"] == CSP
    assert "script-src 'self';" in CSP and "unsafe-inline" not in CSP
    assert "frame-ancestors 'none'" in CSP
    for response in (page, httpx.get(f"{seeded.url}/api/v1/staff/me")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["cache-control"] == "no-store"
        assert "strict-transport-security" not in response.headers  # plain http
    script = httpx.get(f"{seeded.url}/staff/static/views/queue.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert httpx.get(f"{seeded.url}/staff/static/views/..%2Fstaff.html").status_code == 404
    assert httpx.get(f"{seeded.url}/staff/sw.js").status_code == 200


# -- sessions end, and so do their streams -----------------------------------------------


def test_logout_ends_the_session_and_closes_its_stream(seeded: Seeded) -> None:
    staff = StaffApi(seeded.url)
    stream = EventReader(staff.http, "/api/v1/staff/events")
    stream.next("ready")
    kept = StaffApi(seeded.url)  # a colleague's session goes on
    kept_stream = EventReader(kept.http, "/api/v1/staff/events")
    kept_stream.next("ready")
    try:
        response = staff.http.post("/api/v1/staff/logout", headers={"X-CSRF-Token": staff.csrf})
        assert response.status_code == 204
        wait_until(lambda: not stream._thread.is_alive(), what="the stream to close")
        assert staff.http.get("/api/v1/staff/me").status_code == 401
        kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
        request_id = rid()
        kiosk.send(request_id, phone="0401234567")
        assert kept_stream.next("request", lambda d: d["id"] == request_id)["phone"]
        assert all(data.get("id") != request_id for _, data in list(stream.events.queue))
    finally:
        stream.close()
        kept_stream.close()


def test_end_sessions_closes_streams_at_once(seeded: Seeded) -> None:
    staff = StaffApi(seeded.url)
    stream = EventReader(staff.http, "/api/v1/staff/events")
    stream.next("ready")
    try:
        assert seeded.accounts.end_sessions("anna") == 1
        wait_until(lambda: not stream._thread.is_alive(), what="the stream to close")
    finally:
        stream.close()


def test_an_expired_session_closes_its_stream(
    seeded: Seeded, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sse, "KEEPALIVE_S", 0.2)  # keep-alives (and re-checks) come quickly
    staff = StaffApi(seeded.url)
    stream = EventReader(staff.http, "/api/v1/staff/events")
    stream.next("ready")
    try:
        clock.advance(timedelta(hours=13))
        wait_until(lambda: not stream._thread.is_alive(), what="the stream to close")
        assert staff.http.get("/api/v1/staff/me").status_code == 401
    finally:
        stream.close()


# -- the login throttle ------------------------------------------------------------------


def test_concurrent_guesses_are_counted_one_by_one(seeded: Seeded) -> None:
    with concurrent.futures.ThreadPoolExecutor(30) as pool:
        statuses = list(pool.map(lambda _: login(seeded.url, "anna", "guess"), range(30)))
    assert statuses.count(401) <= 5, statuses
    assert set(statuses) <= {401, 429} and statuses.count(429) >= 25


def test_a_refused_sign_in_costs_no_password_check(
    live: LiveServer, seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The throttle answers before argon2 runs: once refused, a guess costs no hash."""
    gate = live.state.accounts.gate
    checks: list[str] = []
    original = gate.verify

    async def counted(password_hash: str | None, password: str) -> bool:
        checks.append(password)
        return await original(password_hash, password)

    monkeypatch.setattr(gate, "verify", counted)
    assert [login(seeded.url, "anna", "guess") for _ in range(5)] == [401] * 5
    assert len(checks) == 5
    assert {login(seeded.url, "anna", "guess") for _ in range(10)} == {429}
    assert login(seeded.url, "anna", STAFF_PASSWORD) == 429
    assert len(checks) == 5


def test_the_throttle_counts_the_name_as_the_login_reads_it(seeded: Seeded) -> None:
    for name in (" anna", "anna ", "ANNA", "Anna", "anna\t"):
        assert login(seeded.url, name, "guess") == 401
    assert login(seeded.url, "  ANNA  ", STAFF_PASSWORD) == 429


@pytest.fixture
def behind_proxy(database_url: str, clock: FakeClock) -> Any:
    """The help desk behind a reverse proxy on 127.0.0.1, named as trusted."""
    server = LiveServer(database_url, clock, trusted_proxies=("127.0.0.1",)).start()
    yield server, seed(server.url, server.state.store)
    server.stop()


def test_guessing_cannot_lock_a_colleague_out(behind_proxy: Any) -> None:
    server, _ = behind_proxy
    attacker = "10.0.0.66"
    statuses = [login(server.url, "anna", f"guess {n}", attacker) for n in range(8)]
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
    # Anna, from her own phone, signs in all the same.
    assert login(server.url, "anna", STAFF_PASSWORD, "10.0.0.5") == 200
    # The attacker's address is refused for any name after 20 failures.
    names = [f"user{n}" for n in range(20)]
    assert {login(server.url, name, "guess", attacker) for name in names} <= {401, 429}
    assert login(server.url, "someone", "guess", attacker) == 429
    assert login(server.url, "anna", STAFF_PASSWORD, "10.0.0.5") == 200


def test_the_security_log_names_nobody(behind_proxy: Any, caplog: pytest.LogCaptureFixture) -> None:
    server, _ = behind_proxy
    caplog.set_level(logging.INFO, "kiosk.helpdesk.security")
    for _ in range(6):
        login(server.url, "anna", "secret guess", "10.0.0.66")
    httpx.post(f"{server.url}/api/v1/pair", json={"code": "WRONG-CODE"})
    text = caplog.text
    assert "sign-in failed" in text and "too many recent failures" in text
    assert "pairing failed" in text
    for private in ("anna", "10.0.0.66", "secret guess", "WRONG"):
        assert private not in text


def test_pairing_codes_are_throttled(seeded: Seeded) -> None:
    for _ in range(10):
        response = httpx.post(f"{seeded.url}/api/v1/pair", json={"code": "ABCD-EFGH"})
        assert response.status_code == 403
    good = seeded.store.create_pair_code(seeded.centre, "k")
    refused = httpx.post(f"{seeded.url}/api/v1/pair", json={"code": good})
    assert refused.status_code == 429


# -- kiosks --------------------------------------------------------------------------------


def test_one_kiosk_cannot_fill_the_queue(seeded: Seeded) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    sent = [rid() for _ in range(5)]
    for request_id in sent:
        assert kiosk.send(request_id).status_code == 201
    refused = kiosk.send(rid())
    assert refused.status_code == 429 and refused.headers["retry-after"]
    assert kiosk.send(sent[0]).status_code == 200  # a resend is still answered
    kiosk.cancel(sent[0])
    assert kiosk.send(rid()).status_code == 201


def test_places_in_line_are_counted_once_per_event(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = seeded.store
    calls: list[int] = []
    original = store.queued_positions_async

    async def counted(centre_id: int) -> dict[str, int]:
        calls.append(centre_id)
        return await original(centre_id)

    monkeypatch.setattr(store, "queued_positions_async", counted)
    staff = StaffApi(seeded.url)
    kiosks = [KioskApi(seeded.url, seeded.pair_kiosk(f"k{n}")) for n in range(8)]
    ids = [rid() for _ in kiosks]
    for kiosk, request_id in zip(kiosks, ids, strict=True):
        kiosk.send(request_id)
    streams = [EventReader(k.http, "/api/v1/kiosk/events") for k in kiosks]
    try:
        for stream in streams:
            stream.next("ready")
        calls.clear()
        staff.act(ids[0], "take")
        for place, stream in enumerate(streams[1:], start=1):
            status = stream.next("status", lambda d, p=place: d["position"] == p)
            assert status["position"] == place
        assert len(calls) == 1, calls
    finally:
        for stream in streams:
            stream.close()


# -- what is deleted is gone ---------------------------------------------------------------


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_purged_number_is_not_in_the_database_files(
    seeded: Seeded, clock: FakeClock, live: LiveServer
) -> None:
    kiosk = KioskApi(seeded.url, seeded.pair_kiosk())
    number = "0407771234567"
    left, stays = rid(), rid()
    kiosk.send(left, phone=number)
    kiosk.cancel(left, "visitor_left")
    kiosk.send(stays, phone="0401110000")
    files = _database_files(live)
    assert any(number.encode() in f.read_bytes() for f in files if f.exists())  # it was there
    clock.advance(PHONE_RETENTION)
    assert seeded.store.purge() == 2
    for path in _database_files(live):
        if path.exists():
            assert number.encode() not in path.read_bytes(), path
    # The visitor left and the number is gone: nothing is left to do, so it is closed.
    assert kiosk.status(left).json()["request"]["state"] == "visitor_left"
    assert kiosk.status(stays).json()["request"]["state"] == "waiting"


def _database_files(live: LiveServer) -> list[Path]:
    main = Path(live.state.store.engine.url.database or "")
    return [main, main.with_name(main.name + "-wal"), main.with_name(main.name + "-journal")]


def test_commits_are_durable(live: LiveServer) -> None:
    store = live.state.store
    with store.engine.connect() as conn:
        if store.is_postgres:
            assert conn.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"
        else:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


# -- TLS -------------------------------------------------------------------------------------


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_https_with_hsts_and_the_fingerprint_a_kiosk_pins(
    database_url: str, tmp_path: Path
) -> None:
    cert, key = self_signed(tmp_path)
    server = LiveServer(database_url, tls_cert=cert, tls_key=key).start()
    try:
        seeded = seed(server.url, server.state.store)
        code = seeded.store.create_pair_code(seeded.centre, "k")
        http = client(server.url, verify=False)
        paired = http.post("/api/v1/pair", json={"code": code}).json()
        seen = ssl.get_server_certificate(("127.0.0.1", server.port))
        assert paired["certificate_sha256"] == der_fingerprint(ssl.PEM_cert_to_DER_cert(seen))
        assert paired["certificate_sha256"] == certificate_fingerprint(cert)
        page = http.get("/staff/")
        assert page.headers["strict-transport-security"] == "max-age=31536000"
        signed_in = http.post(
            "/api/v1/staff/login", json={"username": "anna", "password": STAFF_PASSWORD}
        )
        assert "secure" in signed_in.headers["set-cookie"].lower()
    finally:
        server.stop()


def test_hsts_and_secure_cookies_behind_a_trusted_proxy_only(behind_proxy: Any) -> None:
    server, _ = behind_proxy
    proxied = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.0.0.5"}
    page = httpx.get(f"{server.url}/staff/", headers=proxied)
    assert page.headers["strict-transport-security"] == "max-age=31536000"
    signed_in = httpx.post(
        f"{server.url}/api/v1/staff/login",
        json={"username": "anna", "password": STAFF_PASSWORD},
        headers=proxied,
    )
    assert "secure" in signed_in.headers["set-cookie"].lower()


def test_forwarded_headers_from_anyone_else_are_ignored(seeded: Seeded) -> None:
    page = httpx.get(f"{seeded.url}/staff/", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" not in page.headers
    # Faking another address does not escape the per-address count.
    for n in range(5):
        assert login(seeded.url, "anna", "guess", f"10.0.0.{n}") == 401
    assert login(seeded.url, "anna", STAFF_PASSWORD, "10.0.0.99") == 429


def test_api_kiosk_module_has_no_app_import() -> None:
    """deps.py ends the loop: the API modules import deps, not app."""
    import inspect

    from kiosk.helpdesk.server import api_staff

    for module in (api_kiosk, api_staff):
        assert "server.app import" not in inspect.getsource(module)
