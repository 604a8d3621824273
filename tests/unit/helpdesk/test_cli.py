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
