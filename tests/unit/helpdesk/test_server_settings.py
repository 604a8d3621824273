"""The help-desk server's settings: typed, from the environment, unsafe ones refused
with one plain message; and the role check every endpoint uses."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi import Depends, FastAPI

from kiosk.helpdesk.server import deps
from kiosk.helpdesk.server.accounts import StaffMember, StaffSession
from kiosk.helpdesk.server.roles import Permission, Role
from kiosk.helpdesk.server.settings import ServerSettings, SettingsError


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_HELPDESK_DATABASE", "/srv/helpdesk.sqlite3")
    monkeypatch.setenv("KIOSK_HELPDESK_ALLOWED_HOSTS", "desk.example.org, 10.0.0.5")
    monkeypatch.setenv("KIOSK_HELPDESK_TRUSTED_PROXIES", "10.0.0.1")
    monkeypatch.setenv("KIOSK_HELPDESK_LANGUAGE", "sv")
    settings = ServerSettings.from_env()
    assert settings.database_url == "sqlite:////srv/helpdesk.sqlite3"
    assert settings.allowed_hosts == ("desk.example.org", "10.0.0.5")
    assert settings.trusted_proxies == ("10.0.0.1",)
    assert settings.language == "sv"
    # What a worker process is given reads back the same.
    for key, value in settings.to_env().items():
        monkeypatch.setenv(key, value)
    assert ServerSettings.from_env() == settings


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("KIOSK_HELPDESK_MAX_BODY_BYTES", "lots", "max_body_bytes"),
        ("KIOSK_HELPDESK_ALLOWED_HOSTS", "*", "'*' is not allowed"),
        ("KIOSK_HELPDESK_TRUSTED_PROXIES", "0.0.0.0/0", "anyone fake"),
        ("KIOSK_HELPDESK_TRUSTED_PROXIES", "proxy.example", "not an IP address"),
        ("KIOSK_HELPDESK_TLS_CERT", "/nonexistent/cert.pem", "both a certificate"),
        ("KIOSK_HELPDESK_LANGUAGE", "de", "language must be one of"),
        ("KIOSK_HELPDESK_TIMEZONE", "Mars/Olympus", "unknown time zone"),
        ("KIOSK_HELPDESK_SURPRISE", "1", ""),  # unknown variables are not settings
    ],
)
def test_unsafe_settings_are_refused(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    monkeypatch.setenv(variable, value)
    if not message:
        ServerSettings.from_env()
        return
    with pytest.raises(SettingsError, match=message):
        ServerSettings.from_env()


def test_a_missing_key_file_is_refused(tmp_path: Path) -> None:
    cert = tmp_path / "cert.pem"
    cert.write_text("x")
    with pytest.raises(SettingsError, match="does not exist"):
        ServerSettings(tls_cert=cert, tls_key=tmp_path / "key.pem").checked()


def _app(role: Role) -> FastAPI:
    app = FastAPI()
    member = StaffMember(1, "anna", "Anna", None, False, role)

    async def signed_in() -> StaffSession:
        return StaffSession(member, "csrf")

    app.dependency_overrides[deps.staff_session] = signed_in

    @app.get("/publish")
    async def publish(
        session: StaffSession = Depends(deps.requires(Permission.PUBLISH_GUIDES)),  # noqa: B008
    ) -> dict[str, str]:
        return {"who": session.staff.username}

    return app


async def _call(role: Role) -> int:
    transport = httpx.ASGITransport(app=_app(role))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return (await client.get("/publish")).status_code


@pytest.mark.parametrize(
    ("role", "status"), [(Role.STAFF, 403), (Role.PUBLISHER, 200), (Role.COORDINATOR, 200)]
)
def test_permissions_are_checked_by_one_dependency(role: Role, status: int) -> None:
    import asyncio

    assert asyncio.run(_call(role)) == status
