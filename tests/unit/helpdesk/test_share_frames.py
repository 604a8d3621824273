"""The server's pictures of a screen share: in memory, the newest one only, gone when the
kiosk falls silent; and the relay between workers, which answers only this server's
workers (the key) and only on loopback."""

from __future__ import annotations

import asyncio

import pytest

from kiosk.helpdesk.server.share_frames import FrameRelay, FrameStore, fetch


def test_only_the_newest_picture_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    monkeypatch.setattr("kiosk.helpdesk.server.share_frames.time.monotonic", lambda: now[0])
    frames = FrameStore(max_age_s=30)
    first = frames.put("s1", b"one", 10, 10, "")
    second = frames.put("s1", b"two", 10, 10, "password")
    assert (first.seq, second.seq) == (1, 2)
    assert frames.get("s1") == second
    assert len(frames) == 1
    now[0] += 20
    frames.touch("s1")  # a keep-alive: the screen has not changed
    now[0] += 20
    assert frames.get("s1") is not None
    now[0] += 31
    assert frames.get("s1") is None  # the kiosk fell silent
    frames.put("s2", b"x", 1, 1, "")
    frames.drop("s2")
    assert frames.get("s2") is None and len(frames) == 0


def test_the_relay_serves_this_servers_workers_only() -> None:
    async def scenario() -> None:
        frames = FrameStore()
        frames.put("s1", b"\xff\xd8\xffpicture", 640, 480, "identification")
        relay = FrameRelay(frames)
        await relay.start()
        try:
            assert relay.address is not None and relay.address.startswith("127.0.0.1:")
            got = await fetch(relay.address, relay.key, "s1", 1)
            assert got is not None
            assert (got.data, got.width, got.height, got.paused) == (
                b"\xff\xd8\xffpicture", 640, 480, "identification",
            )  # fmt: skip
            assert await fetch(relay.address, "not-the-key", "s1", 1) is None
            assert await fetch(relay.address, relay.key, "unknown", 1) is None
            port = relay.address.rsplit(":", 1)[1]
            assert await fetch(f"10.0.0.1:{port}", relay.key, "s1", 1) is None  # not loopback
        finally:
            await relay.stop()

    asyncio.run(scenario())
