"""Screen shares on the server: :class:`ShareService` ties what is kept (``share_store``:
times and reasons), the pictures in memory (``share_frames``), each share's bandwidth
budget and the live events together. ``app`` makes one (``app.state.share``) and
starts and stops it with the server; ``api_share`` serves it.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from kiosk.helpdesk.server.events import Broker
from kiosk.helpdesk.server.share_frames import Frame, FrameRelay, FrameStore, fetch
from kiosk.helpdesk.server.share_rows import Share
from kiosk.helpdesk.server.share_store import ShareStore
from kiosk.helpdesk.server.store import Store
from kiosk.helpdesk.share_model import MAX_BYTES_PER_S, MAX_FRAME_BYTES, ByteBudget


class ShareService:
    def __init__(self, store: Store, broker: Broker) -> None:
        self.store = store
        self.broker = broker
        self.shares = ShareStore(store)
        self.frames = FrameStore()
        #: Several workers only share a PostgreSQL database: only then is a relay needed.
        self.relay: FrameRelay | None = FrameRelay(self.frames) if store.is_postgres else None
        self._budgets: dict[str, ByteBudget] = {}

    async def start(self) -> None:
        if self.relay is not None:
            await self.relay.start()

    async def stop(self) -> None:
        if self.relay is not None:
            await self.relay.stop()

    # -- pictures ------------------------------------------------------------------------

    def budget(self, share_id: str) -> ByteBudget:
        """The share's bandwidth: :data:`MAX_BYTES_PER_S` on average, a picture at once."""
        budget = self._budgets.get(share_id)
        if budget is None:
            if len(self._budgets) > 1000:  # old shares' budgets; a few bytes each
                self._budgets.clear()
            budget = self._budgets[share_id] = ByteBudget(MAX_BYTES_PER_S, MAX_FRAME_BYTES * 2)
        return budget

    def frame_arrived(
        self, share: Share, data: bytes, width: int, height: int, paused: str
    ) -> Frame:
        """Keep the newest picture and tell the supporter's stream (in whichever worker)."""
        frame = self.frames.put(share.id, data, width, height, paused)
        relay = self.relay
        self.publish(
            {
                "type": "share_frame",
                "share_id": share.id,
                "seq": frame.seq,
                "relay": relay.address if relay else None,
                "key": relay.key if relay else None,
            }
        )
        return frame

    async def frame_for(self, event: dict[str, Any]) -> Frame | None:
        """The picture a ``share_frame`` event announces: from this worker, or fetched
        from the worker that has it (each worker numbers its own pictures)."""
        share_id = str(event["share_id"])
        relay = event.get("relay")
        if not relay or (self.relay is not None and relay == self.relay.address):
            return self.frames.get(share_id)
        return await fetch(str(relay), str(event.get("key", "")), share_id, int(event["seq"]))

    def forget(self, share_id: str) -> None:
        self.frames.drop(share_id)
        self._budgets.pop(share_id, None)

    # -- events ----------------------------------------------------------------------------

    def publish(self, event: dict[str, Any]) -> None:
        """An event stored nowhere, to every worker's streams (call from a thread)."""
        if self.store.is_postgres:
            with self.store.write() as (_conn, events):
                events.append(event)
        else:
            self.broker.publish(event)


def frame_message(frame: Frame) -> str:
    """The stream's ``frame`` event: the picture as base64 JPEG with its size and pause."""
    data = {**frame.describe(), "jpeg": base64.b64encode(frame.data).decode("ascii")}
    return f"event: frame\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"
