"""The uploader against a small stand-in help desk (the real one: tests/e2e/stats):
finished days only, oldest first, kept through weeks offline, sent again harmlessly,
refusals not retried, the token and the pin used."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from kiosk.stats.events import Hour, SessionStarted
from kiosk.stats.store import StatsStore
from kiosk.stats.uploader import StatsUploader
from tests.helpers.helpdesk_servers import free_port


class StandIn:
    """Answers PUT /api/v1/kiosk/stats/days/<day> as the help desk does: keeps the
    newest revision per day, replaces (never adds)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.days: dict[str, dict[str, Any]] = {}
        self.puts: list[tuple[str, str | None]] = []
        self.answer: int | None = None  # force a status
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_PUT(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                day = self.path.rsplit("/", 1)[-1]
                stand_in.puts.append((day, self.headers.get("Authorization")))
                status = stand_in.answer or 200
                if status == 200:
                    kept = stand_in.days.get(day)
                    if kept is None or kept["revision"] < body["revision"]:
                        stand_in.days[day] = body
                data = json.dumps({"day": day}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                if status == 429:
                    self.send_header("Retry-After", "30")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    server = StandIn(free_port())
    yield server
    server.stop()


class Today:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def _count_a_session(store: StatsStore, day: date) -> None:
    store.append(day, SessionStarted(Hour(10)))
    store.fold_journal()


def _uploader(store: StatsStore, port: int, today: Today) -> StatsUploader:
    return StatsUploader(
        f"http://127.0.0.1:{port}",
        store,
        token=lambda: "device-token",
        certificate=lambda: None,
        today=today,
        timeout_s=5,
    )


def test_weeks_offline_then_every_day_once(tmp_path: Path, stand_in: StandIn) -> None:
    store = StatsStore(tmp_path / "stats.sqlite3")
    today = Today(date(2025, 3, 1))
    uploader = _uploader(store, stand_in.port, today)
    # Five weeks without the help desk: a session a day, a round every day.
    for i in range(35):
        _count_a_session(store, today.day)
        result = uploader.run_once()
        assert result.sent == []
        assert result.stopped == ("ConnectionRefusedError" if i else "")  # day 1: none finished
        today.day += timedelta(days=1)
    assert len(store.pending()) == 35

    stand_in.start()
    result = uploader.run_once()
    # Every finished day, oldest first, with the device token.
    assert result.stopped == ""
    assert result.sent == [date(2025, 3, 1) + timedelta(days=i) for i in range(35)]
    assert [d for d, _auth in stand_in.puts] == [d.isoformat() for d in result.sent]
    assert {auth for _d, auth in stand_in.puts} == {"Bearer device-token"}
    assert store.pending() == []
    # Another round sends nothing; a second session the same day sends that day again,
    # and the help desk replaces it (2 sessions, not 1 + 2).
    assert uploader.run_once().sent == []
    yesterday = today.day - timedelta(days=1)
    _count_a_session(store, yesterday)
    assert uploader.run_once().sent == [yesterday]
    assert stand_in.days[yesterday.isoformat()]["counts"]["sessions"] == {"": 2}
    assert stand_in.days[yesterday.isoformat()]["revision"] == 2


def test_today_is_never_sent(tmp_path: Path, stand_in: StandIn) -> None:
    stand_in.start()
    store = StatsStore(tmp_path / "stats.sqlite3")
    today = Today(date(2025, 3, 4))
    _count_a_session(store, today.day)
    uploader = _uploader(store, stand_in.port, today)
    assert uploader.run_once().sent == []
    assert stand_in.puts == []
    today.day += timedelta(days=1)
    assert uploader.run_once().sent == [date(2025, 3, 4)]


def test_a_refused_day_is_not_sent_again_a_busy_desk_is(tmp_path: Path, stand_in: StandIn) -> None:
    stand_in.start()
    store = StatsStore(tmp_path / "stats.sqlite3")
    _count_a_session(store, date(2025, 3, 1))
    uploader = _uploader(store, stand_in.port, Today(date(2025, 3, 5)))
    stand_in.answer = 429
    result = uploader.run_once()
    assert result.stopped == "HTTP 429" and result.retry_after == 30
    assert len(store.pending()) == 1
    stand_in.answer = 422
    assert uploader.run_once().refused == [date(2025, 3, 1)]
    assert store.pending() == []
    stand_in.answer = None
    assert uploader.run_once().sent == []


def test_not_paired_sends_nothing(tmp_path: Path, stand_in: StandIn) -> None:
    stand_in.start()
    store = StatsStore(tmp_path / "stats.sqlite3")
    _count_a_session(store, date(2025, 3, 1))
    uploader = StatsUploader(
        f"http://127.0.0.1:{stand_in.port}",
        store,
        token=lambda: None,
        certificate=lambda: None,
        today=Today(date(2025, 3, 5)),
    )
    assert uploader.run_once().stopped == "NotPaired"
    assert stand_in.puts == []
    assert len(store.pending()) == 1


def test_the_thread_uploads_and_stops(tmp_path: Path, stand_in: StandIn) -> None:
    from tests.helpers.helpdesk_servers import wait_until

    stand_in.start()
    store = StatsStore(tmp_path / "stats.sqlite3")
    _count_a_session(store, date(2025, 3, 1))
    uploader = _uploader(store, stand_in.port, Today(date(2025, 3, 5)))
    uploader.start()
    try:
        wait_until(lambda: uploader.delivered == 1, what="the day delivered")
    finally:
        uploader.stop()
    assert store.pending() == []
