"""A kiosk's new request answers the same on its short path (``fast_intake``) as through
FastAPI's endpoint: two live servers, one without the short path, get the same requests
and must give the same answers (status, body, headers); the short path must have taken
the everyday ones and left the others to FastAPI.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.helpdesk.server.fast_intake import PATH, FastIntake
from tests.helpers.helpdesk_servers import FakeClock, LiveServer, Seeded, client, seed

#: A kiosk may have this many open requests here (the fourth gets 429).
CAP = 3
#: Differ between two servers by nature: random codes, clock readings.
VARYING = ("code", "created_at", "updated_at")
HEADERS = (
    "content-type",
    "retry-after",
    "www-authenticate",
    "cache-control",
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "x-frame-options",
    "cross-origin-opener-policy",
    "permissions-policy",
    "strict-transport-security",
)


class CountingFastIntake(FastIntake):
    """The short path, noting each request it answered itself (the tests send one at a
    time). Noted as its answer starts, before the client can have it: noted after the
    call returned, a test that looked as soon as its answer came could miss it (seen in
    a full run)."""

    answered: ClassVar[list[str]] = []

    def __init__(self, app: ASGIApp) -> None:
        super().__init__(self._below)
        self._inner = app
        self._passed_on = False

    async def _below(self, scope: Scope, receive: Receive, send: Send) -> None:
        self._passed_on = True
        await self._inner(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self._passed_on = False

        async def noting(message: Message) -> None:
            if message["type"] == "http.response.start" and not self._passed_on:
                CountingFastIntake.answered.append(scope["path"])
            await send(message)

        if scope["type"] == "http" and scope["path"] == PATH:
            await super().__call__(scope, receive, noting)
        else:
            await super().__call__(scope, receive, send)


class Side:
    """One server, two kiosks of one centre."""

    def __init__(self, tmp: Path, name: str, *, short_path: bool) -> None:
        self.server = LiveServer(
            f"sqlite:///{tmp / f'{name}.sqlite3'}", FakeClock(), max_open_per_kiosk=CAP
        )
        self.server.app.short_path = CountingFastIntake if short_path else None
        self.server.start()
        self.seeded: Seeded = seed(self.server.url, self.server.state.store)
        self.kiosks = [self.seeded.pair_kiosk(f"kiosk-{n}") for n in (1, 2)]

    def post(
        self,
        kiosk: int | None,
        body: bytes | Iterator[bytes],
        content_type: str,
        **extra: str,
    ) -> httpx.Response:
        headers = {"Content-Type": content_type, **extra}
        if kiosk is not None:
            headers["Authorization"] = f"Bearer {self.kiosks[kiosk]}"
        return client(self.server.url).post(PATH, content=body, headers=headers)


@pytest.fixture
def sides(tmp_path: Path) -> Iterator[tuple[Side, Side]]:
    CountingFastIntake.answered.clear()
    short, framework = Side(tmp_path, "short", short_path=True), None
    try:
        framework = Side(tmp_path, "framework", short_path=False)
        yield short, framework
    finally:
        short.server.stop()
        if framework is not None:
            framework.server.stop()


def same(a: httpx.Response, b: httpx.Response) -> dict[str, Any]:
    """Asserts that two answers are alike; returns the short path's body."""
    assert a.status_code == b.status_code, (a.text, b.text)
    for name in HEADERS:
        assert a.headers.get(name) == b.headers.get(name), name
    body_a, body_b = a.json(), b.json()
    if isinstance(body_a.get("request"), dict):
        for key in VARYING:
            assert body_a["request"].pop(key) and body_b["request"].pop(key), key
    assert body_a == body_b
    body: dict[str, Any] = a.json()
    return body


def test_the_short_path_answers_as_the_endpoint(sides: tuple[Side, Side]) -> None:
    short, framework = sides
    first, second, third, other = (str(uuid.uuid4()) for _ in range(4))

    def both(kiosk: int | None, payload: Any, content_type: str = "application/json") -> Any:
        body = (
            payload
            if isinstance(payload, bytes)
            else httpx.Request("POST", "http://x", json=payload).content
        )
        return same(
            short.post(kiosk, body, content_type), framework.post(kiosk, body, content_type)
        )

    # The first request of a kiosk meets an uncached token: FastAPI answers and caches it.
    assert both(0, {"id": first, "topic": "login"})["position"] == 1
    assert CountingFastIntake.answered == []
    # From then on the short path answers: new, resent (200), with every field.
    created = both(0, {"id": second, "topic": "print", "guide_id": "kela-toimeentulotuki",
                       "step": 2, "phone": "040 123 4567"})  # fmt: skip
    assert created["position"] == 2 and "phone" not in created["request"]
    assert both(0, {"id": second, "topic": "print"})["request"]["id"] == second
    assert both(0, {"id": third, "topic": "form"}, "application/json; charset=utf-8")
    assert len(CountingFastIntake.answered) == 3
    # The cap: the fourth open request gets 429 with Retry-After.
    refused = both(0, {"id": other, "topic": "login"})
    assert refused == {"detail": "this kiosk has too many open requests"}
    # Another kiosk's request id: 409.
    assert both(1, {"id": str(uuid.uuid4()), "topic": "login"})  # caches kiosk 2's token
    assert "another kiosk" in both(1, {"id": first, "topic": "login"})["detail"]
    answered = len(CountingFastIntake.answered)
    assert answered == 5  # the 429, the 409; not kiosk 2's first (its token uncached)
    # Everything else is FastAPI's to answer, on both servers alike.
    assert both(0, {"id": str(uuid.uuid4()), "topic": "nonsense"})["problems"]
    assert both(0, {"id": "not-a-uuid", "topic": "login"})["problems"]
    assert both(0, {"id": str(uuid.uuid4()), "topic": "login", "extra": 1})["problems"]
    assert both(0, [1, 2])["detail"] == "invalid input"
    assert both(0, b'{"id": ')["detail"] == "invalid input"
    assert both(0, b"", "application/json")["detail"] == "invalid input"
    assert both(0, {"id": str(uuid.uuid4()), "topic": "login"}, "text/plain")
    assert both(None, {"id": str(uuid.uuid4()), "topic": "login"})["detail"] == "Unauthorized"
    assert CountingFastIntake.answered == [PATH] * answered
    # The two databases hold the same requests.
    for side in sides:
        assert side.server.state.store.count_requests() == 4


def test_what_the_middleware_refuses_it_still_refuses(sides: tuple[Side, Side]) -> None:
    """The short path stands in front of the host check and the body limit: a request
    they would refuse must meet them, not the short path."""
    short, framework = sides

    def both(body: Any, **extra: str) -> tuple[httpx.Response, httpx.Response]:
        content = (lambda: iter([body])) if extra.pop("chunked", "") else (lambda: body)
        return (
            short.post(0, content(), "application/json", **extra),
            framework.post(0, content(), "application/json", **extra),
        )

    def request(topic: str = "login", pad: int = 0) -> bytes:
        payload = {"id": str(uuid.uuid4()), "topic": topic, "guide_id": "x" * pad or None}
        return httpx.Request("POST", "http://x", json=payload).content

    same(*both(request()))  # caches the kiosk's token: from here the short path could answer
    CountingFastIntake.answered.clear()
    # A Host the server does not answer to: 400 from the host check, on both.
    wrong = ("evil.example", "127.0.0.1.evil", "::1", "::1:8000")
    for a, b in (both(request(), Host=host) for host in wrong):
        assert a.status_code == b.status_code == 400
        assert a.text == b.text == "Invalid host header"
    # A body over the limit: 413 from the body limit, before anything is stored.
    a, b = both(request(pad=20_000))
    assert a.status_code == b.status_code == 413
    assert a.json() == b.json() == {"detail": "the request body is too large"}
    assert CountingFastIntake.answered == []
    # A body of no declared size (chunked) is the stack's to count, and it stores it.
    created = same(*both(request(), chunked="yes"))
    assert created["position"] == 2
    assert CountingFastIntake.answered == []
    # The short path itself answers with the port in the Host header, and in capitals.
    same(*both(request(), Host=f"LOCALHOST:{short.server.port}"))
    assert CountingFastIntake.answered == [PATH]
    for side in sides:
        assert side.server.state.store.count_requests() == 3


def test_a_failure_on_the_short_path_is_a_plain_500_with_the_headers(
    sides: tuple[Side, Side], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The short path stands outside Starlette's error layer: an unexpected failure must
    still answer (500, the security headers, nothing of the request) and be logged."""
    short, _ = sides
    body = httpx.Request("POST", "http://x", json={"id": str(uuid.uuid4()), "topic": "login"})
    assert short.post(0, body.content, "application/json").status_code == 201  # token cached

    async def broken(*_: object) -> object:
        raise RuntimeError("the disk caught fire")

    monkeypatch.setattr(short.server.state.store, "create_request_async", broken)
    again = httpx.Request("POST", "http://x", json={"id": str(uuid.uuid4()), "topic": "login"})
    answer = short.post(0, again.content, "application/json")
    assert answer.status_code == 500
    assert answer.json() == {"detail": "internal error"}
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["cache-control"] == "no-store"
    assert CountingFastIntake.answered == [PATH]  # the short path's own answer
    assert any("a new request failed" in r.getMessage() for r in caplog.records)
