"""The pictures of screen shares, in memory only: the newest one of each share, handed
from the kiosk's upload to the supporter's stream and dropped when the share ends (or
its kiosk falls silent). Never written to the database or a file.

With several workers (PostgreSQL), the picture arrives in one worker and the
supporter's stream may run in another: each worker listens on a loopback port of its
own (:class:`FrameRelay`), and the event that announces a picture says where to fetch
it, with a key only this server's workers learn (through the database's
notifications). Nothing outside the machine can reach the port.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hmac
import json
import logging
import secrets
import struct
import threading
import time
from dataclasses import dataclass

from kiosk.helpdesk.share_model import KIOSK_SILENCE_S, MAX_FRAME_BYTES

log = logging.getLogger("kiosk.helpdesk.server")

#: A relay fetch that takes longer than this is given up (the next picture comes soon).
RELAY_TIMEOUT_S = 3.0
_HEADER = struct.Struct(">II")  # length of the JSON description, length of the picture
_MAX_LINE = 256


@dataclass(frozen=True, slots=True)
class Frame:
    seq: int
    data: bytes
    width: int
    height: int
    paused: str
    at: float  # time.monotonic() when it arrived

    def describe(self) -> dict[str, object]:
        return {"seq": self.seq, "width": self.width, "height": self.height, "paused": self.paused}


class FrameStore:
    """The newest picture of each live share in this process (used from the event loop
    and from the thread pool alike)."""

    def __init__(self, max_age_s: float = KIOSK_SILENCE_S) -> None:
        self.max_age_s = max_age_s
        self._frames: dict[str, Frame] = {}
        self._seqs: dict[str, int] = {}
        self._lock = threading.Lock()

    def put(self, share_id: str, data: bytes, width: int, height: int, paused: str) -> Frame:
        self.sweep()
        with self._lock:
            seq = self._seqs.get(share_id, 0) + 1
            self._seqs[share_id] = seq
            frame = Frame(seq, data, width, height, paused, time.monotonic())
            self._frames[share_id] = frame
            return frame

    def get(self, share_id: str) -> Frame | None:
        with self._lock:
            frame = self._frames.get(share_id)
        if frame is not None and time.monotonic() - frame.at > self.max_age_s:
            self.drop(share_id)
            return None
        return frame

    def touch(self, share_id: str) -> None:
        """The kiosk says its screen has not changed: the newest picture is still current."""
        with self._lock:
            frame = self._frames.get(share_id)
            if frame is not None:
                self._frames[share_id] = dataclasses.replace(frame, at=time.monotonic())

    def drop(self, share_id: str) -> None:
        with self._lock:
            self._frames.pop(share_id, None)
            self._seqs.pop(share_id, None)

    def sweep(self) -> None:
        """Forget the pictures of shares whose kiosk has gone silent."""
        now = time.monotonic()
        with self._lock:
            old = [s for s, f in self._frames.items() if now - f.at > self.max_age_s]
        for share_id in old:
            self.drop(share_id)

    def __len__(self) -> int:
        return len(self._frames)


class FrameRelay:
    """This worker's loopback port, from which the other workers fetch its pictures."""

    def __init__(self, frames: FrameStore) -> None:
        self.frames = frames
        self.key = secrets.token_hex(16)
        self.address: str | None = None
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, limit=_MAX_LINE)
        port = self._server.sockets[0].getsockname()[1]
        self.address = f"127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await self._server.wait_closed()
            self._server = None
        self.address = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            line = await asyncio.wait_for(reader.readline(), RELAY_TIMEOUT_S)
            key, share_id, _seq = line.decode("ascii").split()
            if not hmac.compare_digest(key.encode(), self.key.encode()):
                return  # not one of this server's workers
            frame = self.frames.get(share_id)
            description = json.dumps(frame.describe() if frame else {}).encode()
            data = frame.data if frame else b""
            writer.write(_HEADER.pack(len(description), len(data)) + description + data)
            await writer.drain()
        except (TimeoutError, ValueError, UnicodeDecodeError, OSError, asyncio.LimitOverrunError):
            return
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()


async def fetch(address: str, key: str, share_id: str, seq: int) -> Frame | None:
    """The picture another worker holds (None if it has none, or cannot be reached)."""
    host, _, port = address.rpartition(":")
    if host != "127.0.0.1" or not port.isdigit():
        return None  # only ever a worker of this server, on this machine
    writer: asyncio.StreamWriter | None = None
    try:
        async with asyncio.timeout(RELAY_TIMEOUT_S):
            reader, writer = await asyncio.open_connection(host, int(port))
            writer.write(f"{key} {share_id} {seq}\n".encode("ascii"))
            await writer.drain()
            meta_len, data_len = _HEADER.unpack(await reader.readexactly(_HEADER.size))
            if meta_len > 1024 or data_len > MAX_FRAME_BYTES:
                return None
            described = json.loads(await reader.readexactly(meta_len))
            data = await reader.readexactly(data_len)
    except (TimeoutError, OSError, ValueError, asyncio.IncompleteReadError) as exc:
        log.info("could not fetch a shared picture from another worker (%s)", type(exc).__name__)
        return None
    finally:
        if writer is not None:
            writer.close()
    if not described or not data:
        return None
    return Frame(
        int(described["seq"]),
        data,
        int(described["width"]),
        int(described["height"]),
        str(described["paused"]),
        time.monotonic(),
    )
