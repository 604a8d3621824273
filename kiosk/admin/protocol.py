"""What the kiosk and the admin verifier say to each other: one JSON line each way.

Requests: ``{"op": "verify", "code": "123456"}`` and ``{"op": "status"}``. Nothing else:
setting the PIN or the one-time code's secret is done by root (``kiosk admin set-pin``,
``kiosk pair``) writing the state itself, never over the socket.

Standard library only, and Python 3.11 syntax (the boundary tests run the kiosk's side
as an unprivileged user, with the system's Python).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

MAX_LINE = 2048

# Why a code was not accepted (``Verdict.problem``), or why the status is incomplete.
WRONG = "wrong"  # a wrong code (counted)
WAIT = "wait"  # too soon after a wrong code: wait ``wait_s``
LOCKED = "locked"  # five wrong codes: locked for ``wait_s``
NOT_SET = "not-set"  # no PIN and no one-time code: nobody can unlock
DAMAGED = "damaged"  # the verifier's state cannot be read
UNREACHABLE = "unreachable"  # the verifier service does not answer
REFUSED = "refused"  # the verifier does not serve this caller
BAD_REQUEST = "bad-request"


@dataclass(frozen=True)
class Verdict:
    ok: bool
    #: "code" (the one-time code) or "pin", when ok.
    method: str = ""
    problem: str = ""
    wait_s: float = 0.0
    #: Wrong codes in a row so far (for "n of 5").
    failures: int = 0

    def to_wire(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_wire(cls, raw: dict[str, Any]) -> Verdict:
        return cls(
            ok=bool(raw.get("ok")),
            method=str(raw.get("method", "")),
            problem=str(raw.get("problem", "")),
            wait_s=float(raw.get("wait_s", 0.0)),
            failures=int(raw.get("failures", 0)),
        )


@dataclass(frozen=True)
class Status:
    pin_set: bool = False
    code_set: bool = False
    failures: int = 0
    locked_for_s: float = 0.0
    #: True when the verifier is out of the kiosk process's reach (a service of root).
    protected: bool = False
    #: Where the verifier is, in words for staff ("service at /run/...", "this process").
    where: str = ""
    problem: str = ""

    def to_wire(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_wire(cls, raw: dict[str, Any]) -> Status:
        return cls(
            pin_set=bool(raw.get("pin_set")),
            code_set=bool(raw.get("code_set")),
            failures=int(raw.get("failures", 0)),
            locked_for_s=float(raw.get("locked_for_s", 0.0)),
            protected=bool(raw.get("protected")),
            where=str(raw.get("where", "")),
            problem=str(raw.get("problem", "")),
        )


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps(message, separators=(",", ":")).encode() + b"\n"


def decode(line: bytes) -> dict[str, Any]:
    """A request or answer; ValueError if it is not one JSON object on one line."""
    if len(line) > MAX_LINE:
        raise ValueError("too long")
    value = json.loads(line.decode("utf-8"))
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return value
