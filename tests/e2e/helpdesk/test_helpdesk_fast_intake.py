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
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

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
)


class CountingFastIntake(FastIntake):
    """The short path, noting each request it answered itself (the tests send one at a
    time)."""

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
        await super().__call__(scope, receive, send)
        if scope["type"] == "http" and scope["path"] == PATH and not self._passed_on:
            CountingFastIntake.answered.append(scope["path"])


class Side:
    """One server, two kiosks of one centre."""

    def __init__(self, tmp: Path, name: str, *, short_path: bool) -> None:
        self.server = LiveServer(
            f"sqlite:///{tmp / f'{name}.sqlite3'}", FakeClock(), max_open_per_kiosk=CAP
        )
        middleware = self.server.app.user_middleware
        index = next(i for i, m in enumerate(middleware) if m.cls is FastIntake)
        if short_path:
            middleware[index] = Middleware(CountingFastIntake)
        else:
            del middleware[index]
        self.server.start()
        self.seeded: Seeded = seed(self.server.url, self.server.state.store)
        self.kiosks = [self.seeded.pair_kiosk(f"kiosk-{n}") for n in (1, 2)]

    def post(self, kiosk: int | None, body: bytes, content_type: str) -> httpx.Response:
        headers = {"Content-Type": content_type}
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
