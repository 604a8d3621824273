"""Where an installed kiosk and its admin verifier find each other: the paths are owned by
kiosk.admin.layout, and the doctor's list of installed paths names the same ones."""

from __future__ import annotations

import sys
from pathlib import Path, PureWindowsPath

import pytest

from kiosk.admin import layout
from kiosk.doctor import installed


def test_the_doctor_checks_the_paths_the_verifier_uses() -> None:
    assert installed.ADMIN_SOCKET is layout.LINUX_SOCKET
    assert installed.ADMIN_STATE_DIR is layout.LINUX_STATE
    assert installed.WINDOWS_ADMIN_PIPE is layout.WINDOWS_PIPE
    assert installed.KIOSK_USER == layout.KIOSK_GROUP == "kiosk"
    windows_state = PureWindowsPath(r"C:\ProgramData\DigitukiKiosk\admin")
    assert windows_state == installed.WINDOWS_ADMIN_STATE_DIR


def test_an_installed_kiosk_finds_the_verifier_where_the_installers_put_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert layout.service_address({}) == str(installed.ADMIN_SOCKET)
    assert layout.state_dir({}) == installed.ADMIN_STATE_DIR
    monkeypatch.setattr(sys, "platform", "win32")
    assert layout.service_address({}) == installed.WINDOWS_ADMIN_PIPE
    state = layout.state_dir({"PROGRAMDATA": "/programdata"})
    assert state == Path("/programdata", "DigitukiKiosk", "admin")
    assert state.parts[-2:] == installed.WINDOWS_ADMIN_STATE_DIR.parts[-2:]
