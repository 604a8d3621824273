"""What the visitor is told about their request, as a plain value (no Qt).

The banner shows one :class:`Phase` at a time, in plain words, and plays a sound and
changes colour whenever the phase (or the place in line) changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.helpdesk.model import Outcome, State, Topic


class Phase(StrEnum):
    SENDING = "sending"  # in the outbox, not yet confirmed by the server
    WAITING = "waiting"
    SEEN = "seen"
    COMING = "coming"
    CALLING = "calling"
    DONE = "done"
    CANCELLED = "cancelled"


_PHASES = {
    State.WAITING: Phase.WAITING,
    State.SEEN: Phase.SEEN,
    State.COMING: Phase.COMING,
    State.CALLING: Phase.CALLING,
    State.RESOLVED: Phase.DONE,
    State.CANCELLED: Phase.CANCELLED,
    State.VISITOR_LEFT: Phase.CANCELLED,
}

FINAL_PHASES = frozenset({Phase.DONE, Phase.CANCELLED})


@dataclass(frozen=True, slots=True)
class VisitorStatus:
    request_id: str
    phase: Phase
    topic: Topic | None = None
    code: str | None = None
    position: int | None = None
    minutes: int | None = None
    staff_name: str | None = None
    message: str | None = None
    outcome: Outcome | None = None

    @property
    def is_final(self) -> bool:
        return self.phase in FINAL_PHASES

    def alert_key(self) -> tuple[Phase, int | None, str | None]:
        """What, when it changes, deserves a sound and a visual change."""
        return self.phase, self.position, self.message


def sending(request_id: str, topic: Topic | None = None) -> VisitorStatus:
    return VisitorStatus(request_id, Phase.SENDING, topic=topic)


def from_server(payload: Mapping[str, Any]) -> VisitorStatus:
    """From the kiosk API's ``{"request": {...}, "position": n}``; ValueError if malformed."""
    try:
        request = payload["request"]
        state = State(request["state"])
        outcome = request.get("outcome")
        position = payload.get("position")
        minutes = request.get("minutes")
        return VisitorStatus(
            request_id=str(request["id"]),
            phase=_PHASES[state],
            topic=Topic(request["topic"]),
            code=request.get("code"),
            position=int(position) if position is not None else None,
            minutes=int(minutes) if minutes is not None else None,
            staff_name=request.get("staff_name"),
            message=request.get("message"),
            outcome=Outcome(outcome) if outcome else None,
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed status: {type(exc).__name__}") from exc
