"""A help request, its states and the allowed transitions: pure code used by the
kiosk and by the help-desk server alike (no Qt, no FastAPI, no database).

Life of a request::

    waiting ──see──▶ seen ──take──▶ coming ──resolve──▶ resolved (outcome)
       │  ▲            │              │  ▲
       │  └─put_back───┴──call──▶ calling ─┘
       ▲                                 │
       └────────────no_answer────────────┘  (called, no answer: try again later)
       └──cancel / visitor_left──▶ cancelled / visitor_left

A request is open until it is resolved, cancelled by the visitor, or closed because the
visitor left (the session was wiped). A visitor who left a call-back number asked to be
called, so leaving does not close such a request: it stays open, marked
``visitor_left``, until staff resolve it.

Closing a request anonymises it: the call-back number, the staff message, the staff
member's name and the short code are deleted; times, topic, guide, step, outcome,
centre and kiosk (a machine, not a person) stay for the statistics.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

#: How long a call-back number may be kept at the most, open request or not.
PHONE_RETENTION = timedelta(hours=24)

MAX_MESSAGE_LEN = 200
MAX_NAME_LEN = 60
MAX_GUIDE_ID_LEN = 80
MAX_STEP = 999
MAX_MINUTES = 240

_GUIDE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_PHONE = re.compile(r"^\+?[0-9]{5,15}$")
_PHONE_SEPARATORS = re.compile(r"[\s\-().]")


class Topic(StrEnum):
    """What the visitor needs help with; each has a big picture on the kiosk."""

    LOGIN = "login"
    FORM = "form"
    PRINT = "print"
    COMPUTER = "computer"
    OTHER = "other"


class State(StrEnum):
    WAITING = "waiting"
    SEEN = "seen"
    COMING = "coming"
    CALLING = "calling"
    RESOLVED = "resolved"
    CANCELLED = "cancelled"
    VISITOR_LEFT = "visitor_left"


OPEN_STATES = frozenset({State.WAITING, State.SEEN, State.COMING, State.CALLING})
CLOSED_STATES = frozenset(State) - OPEN_STATES
#: States that count for the visitor's place in line: nobody has taken the request yet.
QUEUED_STATES = frozenset({State.WAITING, State.SEEN})


class Outcome(StrEnum):
    """One-tap result that staff pick when they resolve a request."""

    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"
    UNREACHABLE = "unreachable"


class Action(StrEnum):
    SEE = "see"
    TAKE = "take"
    CALL = "call"
    PUT_BACK = "put_back"
    RESOLVE = "resolve"
    CANCEL = "cancel"
    VISITOR_LEFT = "visitor_left"
    NO_ANSWER = "no_answer"


STAFF_ACTIONS = frozenset(
    {Action.SEE, Action.TAKE, Action.CALL, Action.PUT_BACK, Action.RESOLVE, Action.NO_ANSWER}
)
KIOSK_ACTIONS = frozenset({Action.CANCEL, Action.VISITOR_LEFT})

#: (state, action) -> next state. Anything not listed is refused.
TRANSITIONS: Mapping[tuple[State, Action], State] = {
    (State.WAITING, Action.SEE): State.SEEN,
    (State.WAITING, Action.TAKE): State.COMING,
    (State.WAITING, Action.CALL): State.CALLING,
    (State.WAITING, Action.RESOLVE): State.RESOLVED,
    (State.SEEN, Action.TAKE): State.COMING,
    (State.SEEN, Action.CALL): State.CALLING,
    (State.SEEN, Action.PUT_BACK): State.WAITING,
    (State.SEEN, Action.RESOLVE): State.RESOLVED,
    (State.COMING, Action.CALL): State.CALLING,
    (State.COMING, Action.PUT_BACK): State.WAITING,
    (State.COMING, Action.RESOLVE): State.RESOLVED,
    (State.CALLING, Action.TAKE): State.COMING,
    (State.CALLING, Action.PUT_BACK): State.WAITING,
    (State.CALLING, Action.RESOLVE): State.RESOLVED,
    (State.CALLING, Action.NO_ANSWER): State.WAITING,
    **{(s, Action.CANCEL): State.CANCELLED for s in OPEN_STATES},
    **{(s, Action.VISITOR_LEFT): State.VISITOR_LEFT for s in OPEN_STATES},
}


#: Where "now" comes from; tests inject their own.
Clock = Callable[[], datetime]


class TransitionError(ValueError):
    """An action that the request's state does not allow. ``str()`` is plain English."""


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Request:
    """One help request, as both sides see it (the server adds nothing secret to it)."""

    id: str
    centre_id: int
    kiosk_id: int
    topic: Topic
    created_at: datetime
    updated_at: datetime
    state: State = State.WAITING
    code: str | None = None
    guide_id: str | None = None
    step: int | None = None
    phone: str | None = None
    outcome: Outcome | None = None
    message: str | None = None
    minutes: int | None = None
    staff_name: str | None = None
    visitor_left: bool = False
    seen_at: datetime | None = None
    taken_at: datetime | None = None
    closed_at: datetime | None = None
    #: Staff's private note (never sent to the kiosk; deleted at close).
    note: str | None = None
    #: Calls that went unanswered, and when the last one was.
    call_attempts: int = 0
    last_call_at: datetime | None = None
    #: How it was resolved, for the statistics: "on_site" (someone came) or "remote"
    #: (someone called); set at resolving, from the state it was resolved in.
    resolved_via: str | None = None

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def to_wire(self) -> dict[str, Any]:
        """JSON-ready mapping (ISO times)."""
        out = {name: getattr(self, name) for name in REQUEST_FIELDS}
        for name in _REQUEST_TIMES:
            value = out[name]
            if value is not None:
                out[name] = value.isoformat()
        return out

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> Request:
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name.endswith("_at") and isinstance(value, str):
                value = datetime.fromisoformat(value)
            kwargs[f.name] = value
        kwargs["topic"] = Topic(kwargs["topic"])
        kwargs["state"] = State(kwargs.get("state", State.WAITING))
        if kwargs.get("outcome") is not None:
            kwargs["outcome"] = Outcome(kwargs["outcome"])
        return cls(**kwargs)


#: A request's fields in order, and those that hold times: looked up once, not at every
#: request (``dataclasses.fields`` builds its answer anew each time it is asked).
REQUEST_FIELDS = tuple(f.name for f in dataclasses.fields(Request))
_REQUEST_TIMES = tuple(
    f.name for f in dataclasses.fields(Request) if str(f.type).startswith("datetime")
)


def new_request_id() -> str:
    """The kiosk makes the id, so that sending the same request again is harmless."""
    import uuid  # noqa: PLC0415 - at first use, not with the first screen (issue 14)

    return str(uuid.uuid4())


def is_request_id(text: str) -> bool:
    try:
        import uuid  # noqa: PLC0415 - at first use, not with the first screen (issue 14)

        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


def apply(
    request: Request,
    action: Action,
    now: datetime,
    *,
    outcome: Outcome | None = None,
    minutes: int | None = None,
    staff_name: str | None = None,
) -> Request:
    """The request after ``action``; raises :class:`TransitionError` if not allowed."""
    if action is Action.VISITOR_LEFT and request.is_open and request.phone:
        # They asked to be called: the call-back still stands.
        return dataclasses.replace(request, visitor_left=True, updated_at=now)
    target = TRANSITIONS.get((request.state, action))
    if target is None:
        raise TransitionError(f"cannot {action.value} a request that is {request.state.value}")
    if action is Action.CALL and not request.phone:
        raise TransitionError("this request has no call-back number")
    if action is Action.RESOLVE and outcome is None:
        raise TransitionError("resolving needs an outcome")
    if minutes is not None and not 0 < minutes <= MAX_MINUTES:
        raise TransitionError(f"minutes must be between 1 and {MAX_MINUTES}")
    changes: dict[str, Any] = {"state": target, "updated_at": now}
    if action is Action.SEE:
        changes["seen_at"] = request.seen_at or now
    elif action in (Action.TAKE, Action.CALL):
        changes.update(
            seen_at=request.seen_at or now,
            taken_at=request.taken_at or now,
            minutes=minutes if action is Action.TAKE else None,
            staff_name=clean_line(staff_name, MAX_NAME_LEN) if staff_name else None,
        )
    elif action is Action.PUT_BACK:
        changes.update(minutes=None, staff_name=None)
    elif action is Action.NO_ANSWER:
        changes.update(
            minutes=None,
            staff_name=None,
            call_attempts=request.call_attempts + 1,
            last_call_at=now,
        )
    if action is Action.RESOLVE:
        changes["resolved_via"] = _VIA.get(request.state)
    if target in CLOSED_STATES:
        changes.update(closed_at=now, outcome=outcome if action is Action.RESOLVE else None)
        return anonymised(dataclasses.replace(request, **changes))
    return dataclasses.replace(request, **changes)


#: Resolved from this state: how the help was given (the statistics' on-site vs remote).
_VIA = {State.COMING: "on_site", State.CALLING: "remote"}


def with_message(request: Request, message: str, now: datetime) -> Request:
    """Staff's one-line message to the kiosk (replaces the previous one)."""
    if not request.is_open:
        raise TransitionError(f"cannot send a message to a request that is {request.state.value}")
    return dataclasses.replace(
        request, message=clean_line(message, MAX_MESSAGE_LEN) or None, updated_at=now
    )


def with_note(request: Request, note: str, now: datetime) -> Request:
    """Staff's private note on an open request (replaces the previous one)."""
    if not request.is_open:
        raise TransitionError(f"cannot add a note to a request that is {request.state.value}")
    return dataclasses.replace(
        request, note=clean_line(note, MAX_MESSAGE_LEN) or None, updated_at=now
    )


def handed_over(request: Request, staff_name: str, now: datetime) -> Request:
    """A colleague takes over a request someone is coming to or calling back."""
    if request.state not in (State.COMING, State.CALLING):
        raise TransitionError(f"cannot hand over a request that is {request.state.value}")
    return dataclasses.replace(
        request, staff_name=clean_line(staff_name, MAX_NAME_LEN) or None, updated_at=now
    )


def anonymised(request: Request) -> Request:
    """What a closed request keeps: nothing that could point to the visitor."""
    return dataclasses.replace(
        request, phone=None, message=None, staff_name=None, code=None, note=None
    )


def expire_phone(request: Request, now: datetime) -> Request:
    """Drop the call-back number once it is older than :data:`PHONE_RETENTION`."""
    if request.phone and now - request.created_at >= PHONE_RETENTION:
        return dataclasses.replace(request, phone=None, updated_at=now)
    return request


# -- validation of what a visitor or a kiosk sends -----------------------------------------


def normalise_phone(text: str) -> str:
    """'040 123 4567' -> '0401234567'; raises ValueError with a plain message."""
    compact = _PHONE_SEPARATORS.sub("", text.strip())
    if not _PHONE.match(compact):
        raise ValueError("a phone number has 5 to 15 digits, optionally starting with +")
    return compact


def valid_guide_id(text: str) -> str:
    if len(text) > MAX_GUIDE_ID_LEN or not _GUIDE_ID.match(text):
        raise ValueError("a guide id has lower-case letters, digits, '.', '_' and '-'")
    return text


def clean_line(text: str | None, limit: int) -> str:
    """One line of text: control characters and line breaks removed, cut to ``limit``."""
    if not text:
        return ""
    single = "".join(
        " " if ch in "\r\n\t" else ch for ch in text if ch.isprintable() or ch in "\r\n\t"
    )
    return " ".join(single.split())[:limit]


def pick_code(used: set[str], rng: random.Random | None = None) -> str:
    """A short code the visitor can hear called out ("K-27"), unused among open requests."""
    rng = rng or random.SystemRandom()
    for digits in (2, 3, 4):
        low, high = 10 ** (digits - 1), 10**digits - 1
        free = [n for n in range(low, high + 1) if f"K-{n}" not in used]
        if free:
            return f"K-{rng.choice(free)}"
    import uuid  # noqa: PLC0415 - at first use, not with the first screen (issue 14)

    return f"K-{uuid.uuid4().hex[:6].upper()}"
