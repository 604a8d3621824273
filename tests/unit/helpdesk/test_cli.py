"""``kiosk helpdesk ...`` and ``kiosk pair``: plain messages, exit 2 for bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kiosk.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_admin_commands(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    database = ["--database", f"sqlite:///{tmp_path / 'hd.sqlite3'}"]
    assert run(capsys, "helpdesk", "migrate", *database)[0] == 0
    assert run(capsys, "helpdesk", "add-centre", "Kalliola", *database)[0] == 0
    code, _, err = run(capsys, "helpdesk", "add-centre", "Kalliola", *database)
    assert code == 2 and "exists already" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("long enough password\n"))
    code, out, _ = run(
        capsys,
        "helpdesk",
        "add-staff",
        "anna",
        "--password-stdin",
        "--centre",
        "Kalliola",
        *database,
    )
    assert code == 0 and "anna" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = run(capsys, "helpdesk", "add-staff", "ville", "--password-stdin", *database)
    assert code == 2 and "at least 10 characters" in err
    code, out, err = run(capsys, "helpdesk", "pair-code", "--centre", "Kalliola", *database)
    assert code == 0 and len(out.strip()) == 9 and "once" in err
    code, _, err = run(capsys, "helpdesk", "pair-code", "--centre", "Nowhere", *database)
    assert code == 2 and "add-centre" in err


def test_serve_refuses_bad_settings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sqlite = f"sqlite:///{tmp_path / 'hd.sqlite3'}"
    code, _, err = run(capsys, "helpdesk", "serve", "--database", sqlite, "--workers", "4")
    assert code == 2 and "PostgreSQL" in err
    code, _, err = run(capsys, "helpdesk", "serve", "--port", "70000")
    assert code == 2 and "port" in err
    code, _, err = run(capsys, "helpdesk", "serve", "--allowed-host", "*")
    assert code == 2 and "'*'" in err


def test_pair_with_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "pair", "ftp://example", "ABCD-EFGH")
    assert code == 2 and "http://" in err
    code, _, err = run(capsys, "pair", "http://127.0.0.1:9", "ABCD-EFGH")
    assert code == 2 and "cannot be reached" in err


def test_account_management(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from kiosk.helpdesk.server import db
    from kiosk.helpdesk.server.accounts import Accounts
    from kiosk.helpdesk.server.roles import Role
    from kiosk.helpdesk.server.store import Store

    url = f"sqlite:///{tmp_path / 'hd.sqlite3'}"
    database = ["--database", url]
    monkeypatch.setattr("sys.stdin", io.StringIO("long enough password\n"))
    code, out, _ = run(
        capsys, "helpdesk", "add-staff", "Anna", "--role", "coordinator", "--password-stdin",
        *database,
    )  # fmt: skip
    assert code == 0 and "coordinator" in out
    store = Store(db.make_engine(url))
    accounts = Accounts(store)
    try:
        assert accounts.by_username("anna").role is Role.COORDINATOR
        sessions = [accounts.session(token) for token in _sign_in_twice(accounts)]
        assert all(sessions)
        # A new password signs every session out.
        monkeypatch.setattr("sys.stdin", io.StringIO("a brand new password\n"))
        code, out, _ = run(
            capsys, "helpdesk", "set-password", "anna", "--password-stdin", *database
        )
        assert code == 0 and "2 session(s)" in out
        assert accounts.session(_sign_in_twice(accounts)[0]) is not None
        code, out, _ = run(capsys, "helpdesk", "end-sessions", "anna", *database)
        assert code == 0 and "2 session(s)" in out
        code, out, _ = run(capsys, "helpdesk", "set-role", "anna", "publisher", *database)
        assert code == 0 and accounts.by_username("anna").role is Role.PUBLISHER
        code, out, _ = run(capsys, "helpdesk", "end-sessions", "--all", *database)
        assert code == 0
        code, _, err = run(capsys, "helpdesk", "remove-staff", "nobody", *database)
        assert code == 2 and "no staff member called 'nobody'" in err
        code, out, _ = run(capsys, "helpdesk", "remove-staff", "anna", *database)
        assert code == 0 and accounts.count() == 0
        with pytest.raises(SystemExit) as refused:
            run(capsys, "helpdesk", "set-role", "anna", "king", *database)
        assert refused.value.code == 2 and "invalid choice" in capsys.readouterr().err
    finally:
        store.engine.dispose()


def _sign_in_twice(accounts: object) -> list[str]:
    """Two sessions of anna with the password the test set last."""
    import asyncio

    from kiosk.helpdesk.server.accounts import Accounts

    assert isinstance(accounts, Accounts)
    tokens = []
    for password in ("long enough password", "a brand new password"):
        for address in ("10.0.0.1", "10.0.0.2"):
            result = asyncio.run(accounts.login("anna", password, address))
            if result is not None:
                tokens.append(result[0])
    return tokens


def test_fingerprint_of_a_certificate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.helpers.helpdesk_tls import self_signed

    cert, _key = self_signed(tmp_path)
    code, out, _ = run(capsys, "helpdesk", "fingerprint", str(cert))
    assert code == 0 and out.startswith("sha256:") and len(out.strip()) == 7 + 95
    (tmp_path / "junk.pem").write_text("not a certificate")
    code, _, err = run(capsys, "helpdesk", "fingerprint", str(tmp_path / "junk.pem"))
    assert code == 2 and "no PEM certificate" in err
    code, _, err = run(capsys, "helpdesk", "serve", "--tls-cert", str(cert))
    assert code == 2 and "both a certificate" in err


def test_plain_http_on_a_network_address_is_loud() -> None:
    from kiosk.helpdesk.server.settings import ServerSettings, plain_http_warning

    plain = ServerSettings(database_url="sqlite:///x")
    assert plain_http_warning("127.0.0.1", plain) is None
    warning = plain_http_warning("0.0.0.0", plain)
    assert warning is not None and "unencrypted" in warning and "--tls-cert" in warning
    proxied = ServerSettings(database_url="sqlite:///x", trusted_proxies=("10.0.0.2",))
    assert plain_http_warning("0.0.0.0", proxied) is None


@pytest.mark.parametrize(
    "args",
    [("helpdesk", "serve"), ("helpdesk", "migrate"), ("helpdesk", "fingerprint", "cert.pem")],
)
def test_without_the_server_the_helpdesk_commands_say_where_it_comes_from(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """The kiosk's bundle has no help-desk server (installer/trim.py)."""
    monkeypatch.setattr("kiosk.helpdesk.availability.server_available", lambda: False)
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert "not part of the kiosk's bundle" in err and "pip install digituki-kiosk" in err


def test_the_server_is_here_outside_the_bundle() -> None:
    from kiosk.helpdesk.availability import server_available

    assert server_available()
