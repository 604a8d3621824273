"""Wipe receipts: anonymous, kept in memory and on disk, and a full disk is no crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.session.receipts import RECEIPTS_FILE, ReceiptLog, WipeReceipt


def receipt(**checks: bool) -> WipeReceipt:
    return WipeReceipt("2026-11-28T10:00:00+00:00", 0.05, "end-button", dict(checks))


def test_ok_only_when_every_check_passed() -> None:
    assert receipt(a=True, b=True).ok
    assert not receipt(a=True, b=False).ok
    assert receipt(a=True, b=False).failed == ["b"]
    assert not receipt().ok  # no checks at all proves nothing


def test_log_keeps_recent_and_writes_json_lines(tmp_path: Path) -> None:
    log = ReceiptLog(tmp_path, keep=2)
    for _ in range(3):
        log.add(receipt(a=True))
    assert len(log.recent) == 2
    lines = (tmp_path / RECEIPTS_FILE).read_text().splitlines()
    assert len(lines) == 3
    assert json.loads(lines[0])["ok"] is True


def test_unwritable_folder_is_not_an_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    log = ReceiptLog(blocker)  # the "folder" is a file: every write fails
    log.add(receipt(a=True))
    assert len(log.recent) == 1
    assert "cannot write the wipe receipt" in caplog.text
