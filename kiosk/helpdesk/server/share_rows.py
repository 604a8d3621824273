"""A screen share's rows: the two tables, the :class:`Share` value read from them, and
the event that tells the streams of a change (the rules themselves are in
:mod:`kiosk.helpdesk.share_model`; :mod:`share_store` reads and changes the rows)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table

from kiosk.helpdesk.server import db
from kiosk.helpdesk.share_model import EndReason, Pause, ShareState

# The tables (created by migration 0008_remote_share); on the schema's one MetaData.
shares = Table(
    "shares",
    db.metadata,
    Column("id", String(36), primary_key=True),
    Column("request_id", String(36), ForeignKey("requests.id"), nullable=False),
    Column("centre_id", Integer, ForeignKey("centres.id"), nullable=False),
    Column("kiosk_id", Integer, ForeignKey("kiosks.id"), nullable=False),
    # Who asked (an account id, kept as a record of who saw a visitor's screen).
    Column("staff_id", Integer, nullable=False),
    # The first name the visitor was told; deleted when the share ends.
    Column("supporter", String(30)),
    Column("state", String(10), nullable=False),
    Column("asked_at", db.UtcDateTime, nullable=False),
    Column("started_at", db.UtcDateTime),
    Column("expires_at", db.UtcDateTime),
    Column("kiosk_seen_at", db.UtcDateTime),
    # When a supporter last had the share open (migration 0009): see VIEWER_GONE_S.
    Column("viewer_seen_at", db.UtcDateTime),
    Column("paused", String(20), nullable=False, server_default=""),
    Column("ended_at", db.UtcDateTime),
    Column("end_reason", String(20)),
    Index("ix_shares_request", "request_id"),
)

share_events = Table(
    "share_events",
    db.metadata,
    Column("id", Integer, primary_key=True),
    Column("share_id", String(36), nullable=False),
    Column("request_id", String(36), nullable=False),
    # asked, allowed, paused_password, paused_identification, resumed, renewed, ended
    Column("kind", String(24), nullable=False),
    # For "ended": the reason (who stopped it, or why it stopped by itself).
    Column("detail", String(20)),
    Column("at", db.UtcDateTime, nullable=False),
    Index("ix_share_events_request", "request_id"),
)


@dataclass(frozen=True, slots=True)
class Share:
    id: str
    request_id: str
    centre_id: int
    kiosk_id: int
    staff_id: int
    supporter: str | None
    state: ShareState
    asked_at: datetime
    started_at: datetime | None = None
    expires_at: datetime | None = None
    kiosk_seen_at: datetime | None = None
    viewer_seen_at: datetime | None = None
    paused: Pause = Pause.NONE
    ended_at: datetime | None = None
    end_reason: EndReason | None = None

    @property
    def live(self) -> bool:
        return self.state is not ShareState.ENDED

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[f.name] = value.isoformat() if isinstance(value, datetime) else value
        out["paused"] = self.paused.value
        return out

    def for_kiosk(self) -> dict[str, Any]:
        """What the kiosk is told: nothing about staff beyond the first name."""
        wire = self.to_wire()
        keep = ("id", "request_id", "supporter", "state", "expires_at", "end_reason")
        return {key: wire[key] for key in keep}


def from_row(row: Any) -> Share:
    data = dict(row)
    data["state"] = ShareState(data["state"])
    data["paused"] = Pause(data["paused"] or "")
    data["end_reason"] = EndReason(data["end_reason"]) if data["end_reason"] else None
    return Share(**data)


def share_event(share: Share) -> dict[str, Any]:
    return {
        "type": "share",
        "share": share.to_wire(),
        "request_id": share.request_id,
        "kiosk_id": share.kiosk_id,
        "centre_id": share.centre_id,
    }


def row_values(share: Share) -> dict[str, Any]:
    values = {f.name: getattr(share, f.name) for f in dataclasses.fields(share)}
    values["state"] = share.state.value
    values["paused"] = share.paused.value
    values["end_reason"] = share.end_reason.value if share.end_reason else None
    return values
