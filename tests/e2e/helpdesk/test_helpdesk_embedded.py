"""``kiosk demo``'s help desk: a real server process beside the kiosk, paired, with a demo
staff account whose random password works once printed."""

from __future__ import annotations

from pathlib import Path

import httpx

from kiosk.helpdesk.client import stored_token
from kiosk.helpdesk.embedded import start_demo_helpdesk


def test_demo_helpdesk_starts_pairs_and_stops(kiosk_dirs: dict[str, Path]) -> None:
    demo = start_demo_helpdesk()
    try:
        assert demo.url.startswith("http://127.0.0.1:")
        assert demo.staff_url.endswith("/staff/")
        assert len(demo.password) >= 12
        assert (kiosk_dirs["data"] / "helpdesk-demo.sqlite3").exists()
        token = stored_token(demo.url)
        assert token
        headers = {"Authorization": f"Bearer {token}"}
        request = {"id": "00000000-0000-4000-8000-000000000001", "topic": "other"}
        sent = httpx.post(f"{demo.url}/api/v1/kiosk/requests", json=request, headers=headers)
        assert sent.status_code == 201
        login = httpx.post(
            f"{demo.url}/api/v1/staff/login",
            json={"username": demo.username, "password": demo.password},
        )
        assert login.status_code == 200
    finally:
        demo.stop()
    assert not demo.server.running()
    # A second demo start makes a new password; the old one no longer works.
    again = start_demo_helpdesk()
    try:
        assert again.password != demo.password
        old = httpx.post(
            f"{again.url}/api/v1/staff/login",
            json={"username": demo.username, "password": demo.password},
        )
        assert old.status_code == 401
    finally:
        again.stop()
