"""The store's plain values and errors, and how a request maps to a table row: shared by
``store`` and ``intake`` (which stores new requests)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from kiosk.helpdesk import model
from kiosk.helpdesk.model import Request, State
from kiosk.helpdesk.server import db

EventSink = Callable[[dict[str, Any]], None]


class NotFoundError(LookupError):
    pass


class ConflictError(ValueError):
    """The request exists but belongs to someone else, or the state forbids the action."""


class TooManyOpenError(Exception):
    """The kiosk has as many open requests as it may; it tries again later."""


@dataclass(frozen=True, slots=True)
class Kiosk:
    id: int
    centre_id: int
    name: str


@dataclass(frozen=True, slots=True)
class NewRequest:
    """What a kiosk sends; already validated by the API layer."""

    id: str
    topic: model.Topic
    guide_id: str | None = None
    step: int | None = None
    phone: str | None = None


#: (the request, newly stored, place in line)
Created = tuple[Request, bool, int | None]


def load_request(conn: Connection, request_id: str, *, lock: bool = False) -> Request | None:
    query = select(db.requests).where(db.requests.c.id == request_id)
    if lock:
        query = query.with_for_update()
    row = conn.execute(query).mappings().first()
    return from_row(row) if row else None


def row_values(request: Request) -> dict[str, Any]:
    values = {name: getattr(request, name) for name in model.REQUEST_FIELDS}
    values["topic"] = request.topic.value
    values["state"] = request.state.value
    values["outcome"] = request.outcome.value if request.outcome else None
    return values


def from_row(row: Any) -> Request:
    data = dict(row)
    data["topic"] = model.Topic(data["topic"])
    data["state"] = State(data["state"])
    data["outcome"] = model.Outcome(data["outcome"]) if data["outcome"] else None
    data["visitor_left"] = bool(data["visitor_left"])
    return Request(**data)
