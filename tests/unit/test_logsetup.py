"""Logs: rotated daily and at a size, kept 14 days, JSON with fields, no query strings."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import pytest

from kiosk import logsetup
from kiosk.logsetup import JsonFormatter, RedactingFilter, RotatingLog, redact

DAY = 86400.0


class Clock:
    def __init__(self) -> None:
        self.now = time.mktime((2026, 3, 2, 12, 0, 0, 0, 0, -1))

    def __call__(self) -> float:
        return self.now


def _logger(handler: logging.Handler) -> logging.Logger:
    log = logging.getLogger(f"kiosk.test.{id(handler)}")
    log.propagate = False
    log.handlers = [handler]
    log.setLevel(logging.INFO)
    return log


def test_a_new_file_each_day(tmp_path: Path) -> None:
    clock = Clock()
    handler = RotatingLog(tmp_path / "kiosk.log", clock=clock)
    log = _logger(handler)
    log.info("monday")
    clock.now += DAY
    log.info("tuesday")
    handler.close()
    assert (tmp_path / "kiosk.log").read_text().strip() == "tuesday"
    rotated = handler.rotated()
    assert len(rotated) == 1
    assert rotated[0].read_text().strip() == "monday"


def test_a_new_file_at_the_size_limit(tmp_path: Path) -> None:
    handler = RotatingLog(tmp_path / "kiosk.log", max_bytes=1000, clock=Clock())
    log = _logger(handler)
    for i in range(100):
        log.info("line %03d %s", i, "x" * 40)
    handler.close()
    files = [tmp_path / "kiosk.log", *handler.rotated()]
    assert len(files) >= 5
    assert all(f.stat().st_size <= 1000 for f in files)
    text = "".join(f.read_text() for f in files)
    assert all(f"line {i:03d}" in text for i in range(100))  # nothing lost


def test_files_older_than_fourteen_days_and_beyond_the_count_go(tmp_path: Path) -> None:
    clock = Clock()
    for age_days in (1, 13, 15, 40):
        old = tmp_path / f"kiosk-old{age_days}.log"
        old.write_text("old")
        stamp = clock.now - age_days * DAY
        os.utime(old, (stamp, stamp))
    handler = RotatingLog(tmp_path / "kiosk.log", clock=clock, max_files=4)
    names = sorted(p.name for p in handler.rotated())
    assert names == ["kiosk-old1.log", "kiosk-old13.log"]
    log = _logger(handler)
    for _ in range(3):  # three more rotations: never more than 4 files in all
        log.info("x")
        clock.now += DAY
        log.info("y")
    handler.close()
    assert len(handler.rotated()) <= 3
    assert (tmp_path / "kiosk.log").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("opened https://asiointi.kela.fi/omakela?hetu=010101-123A&x=1 ok",
         "opened https://asiointi.kela.fi/omakela?… ok"),
        ("http://127.0.0.1:8000/form#name=Visitor", "http://127.0.0.1:8000/form?…"),
        ("no address here", "no address here"),
    ],
)  # fmt: skip
def test_query_strings_are_cut_from_any_line(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_json_lines_carry_extra_fields_and_no_query_strings(tmp_path: Path) -> None:
    handler = logging.FileHandler(tmp_path / "out.log")
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactingFilter())
    log = _logger(handler)
    log.info("started %s", "https://x.fi/a?secret=1", extra={"event": "started", "pid": 42})
    handler.close()
    entry = json.loads((tmp_path / "out.log").read_text())
    assert entry["event"] == "started"
    assert entry["pid"] == 42
    assert entry["message"] == "started https://x.fi/a?…"
    assert "secret" not in (tmp_path / "out.log").read_text()


def test_setup_writes_the_kiosk_log_in_the_data_folder(kiosk_dirs: dict[str, Path]) -> None:
    logsetup.setup(json_mode=True)
    try:
        logging.getLogger("kiosk.test").info("hello", extra={"event": "x"})
    finally:
        for handler in logging.getLogger("kiosk").handlers:
            handler.close()
        logging.getLogger("kiosk").handlers.clear()
    lines = (kiosk_dirs["data"] / "logs" / "kiosk.log").read_text().splitlines()
    assert json.loads(lines[-1])["event"] == "x"
