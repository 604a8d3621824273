"""The kiosk's help-desk client, the parts that need no help desk: what importing it
costs, the event-stream parser, "Retry-After", back-off, where secrets are kept, and
pairing's plain messages."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from kiosk import secrets
from kiosk.helpdesk import client
from kiosk.helpdesk.client import Backoff, PairingError, pair, retry_after, sse_events
from kiosk.helpdesk.connection import Response
from tests.helpers.helpdesk_fixtures import MemoryKeyring
from tests.helpers.helpdesk_servers import free_port

#: What the kiosk's process must not carry for its help-desk client.
HEAVY = ("httpx", "httpcore", "h11", "anyio", "keyring", "PySide6", "fastapi", "sqlalchemy")


@pytest.mark.parametrize(
    "module", ["kiosk.helpdesk.client", "kiosk.helpdesk.embedded", "kiosk.helpdesk.connection"]
)
def test_importing_the_client_loads_no_http_stack(module: str) -> None:
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    assert module in loaded  # the check looks at the right interpreter
    heavy = [m for m in loaded if m.split(".")[0] in HEAVY]
    assert heavy == []


def test_event_stream_parser() -> None:
    lines = [
        ": keep-alive",  # a comment: nothing
        "",
        "event: status",
        'data: {"a":',
        "data:  1}",
        "",
        "event: ready",
        "data: {}",
        "",
        'data: {"b": 2}',  # no name: "message"
        "",
        "event: status",
        'data: {"cut": "off"}',  # the stream ended before the blank line: not an event
    ]
    assert list(sse_events(iter(lines))) == [
        ("status", {"a": 1}),
        ("ready", {}),
        ("message", {"b": 2}),
    ]


def test_event_stream_parser_refuses_a_broken_event() -> None:
    with pytest.raises(ValueError):
        list(sse_events(iter(["event: status", "data: {not json", ""])))


def _answer(**headers: str) -> Response:
    return Response(429, headers, b"")


def test_retry_after_in_seconds_as_a_date_or_nonsense() -> None:
    assert retry_after(_answer(**{"Retry-After": "120"})) == 120.0
    assert retry_after(_answer(**{"retry-after": " 7 "})) == 7.0
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=300), usegmt=True)
    assert 250 < retry_after(_answer(**{"Retry-After": later})) <= 300
    past = format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    assert retry_after(_answer(**{"Retry-After": past})) == 0.0
    assert retry_after(_answer(**{"Retry-After": "soon"})) == 0.0
    assert retry_after(_answer(**{"Retry-After": "-5"})) == 0.0
    assert retry_after(_answer()) == 0.0


def test_backoff_grows_to_its_limit_and_resets() -> None:
    backoff = Backoff(first=0.25, limit=2.0)
    delays = [backoff.next_delay() for _ in range(20)]
    assert all(0.125 <= d <= 2.0 for d in delays)
    assert max(delays[8:]) > 0.5  # it grew (full jitter: one of twelve draws is enough)
    backoff.reset()
    assert backoff.next_delay() <= 0.25


def test_secrets_are_kept_per_help_desk_origin() -> None:
    assert client.token_secret_name("https://desk.example:8443/helpdesk/") == (
        "helpdesk-token https://desk.example:8443"
    )
    assert client.certificate_secret_name("https://desk.example:8443/x") == (
        "helpdesk-certificate https://desk.example:8443"
    )
    assert client.token_secret_name("http://desk.example") != client.token_secret_name(
        "https://desk.example"
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://desk.example", "must start with http:// or https://"),
        ("http://127.0.0.1:99999", "bad port"),
    ],
)
def test_pairing_with_a_bad_address_says_so(url: str, message: str) -> None:
    with pytest.raises(PairingError, match=message):
        pair(url, "ABCD2345")


def test_pairing_with_nobody_there_says_so(memory_secrets: MemoryKeyring) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(PairingError, match=r"cannot be reached \(ConnectionRefusedError\)"):
        pair(url, "ABCD2345")
    assert memory_secrets.values == {}


def test_a_secret_store_that_fails_makes_a_plain_pairing_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Refusing(MemoryKeyring):
        def set_password(self, service: str, name: str, value: str) -> None:
            raise RuntimeError("locked")

    secrets.use_store(secrets.KeyringStore(Refusing()))
    answer = Response(200, {}, b'{"token": "t", "kiosk_id": 1, "kiosk_name": "k", "centre": "c"}')
    monkeypatch.setattr(client.Http, "post", lambda _self, _path, _body: answer)
    with pytest.raises(PairingError, match="could not be stored"):
        pair("http://127.0.0.1:1", "ABCD2345")
