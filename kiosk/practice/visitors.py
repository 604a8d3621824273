"""Each visitor's practice data, in memory only, found by a cookie.

Nothing here touches the disk. A visitor's state lives until the browser's session cookie
is gone (the kiosk's wipe throws the whole browser profile away), until the visitor presses
"Start the practice again", or until it has been idle for :data:`IDLE_LIMIT_S`. The store
keeps at most :data:`MAX_VISITORS`, dropping the longest idle first, so a runaway client
cannot fill the memory.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, fields

MAX_VISITORS = 500
IDLE_LIMIT_S = 2 * 3600
MAX_ATTACHMENTS = 5

#: Values of the identification in progress: which way the visitor is logging in.
METHOD_BANK = "bank"
METHOD_MOBILE = "mobile"
METHOD_CARD = "card"


@dataclass(slots=True)
class Attachment:
    """What the visitor sees of an uploaded file. Its bytes are never kept."""

    name: str
    size: int
    kind: str  # "pdf", "jpg" or "png"


@dataclass(slots=True)
class VisitorState:
    #: Identification in progress (None when none is).
    method: str | None = None
    bank: str | None = None
    #: The reference code the page and the practice phone show.
    code: str = ""
    #: The phone shows another code than the page (the visitor asked to see a scam).
    mismatch: bool = False
    #: How far the ID card app is: 0 scan the code, 1 read the card, 2 type PIN1.
    card_stage: int = 0
    #: The bank, mobile or card step is done; only "Continue to service" is left.
    identified: bool = False
    logged_in: bool = False
    #: The visitor has seen the page about official mail coming online (once a visit).
    mail_intro_done: bool = False
    #: The e-mail address typed on that page (made up; shown back only to this visitor).
    email: str = ""
    #: The application being filled in: page name -> field -> value.
    answers: dict[str, dict[str, str]] = field(default_factory=dict)
    attachments: list[Attachment] = field(default_factory=list)
    #: The number of the application that was sent (empty: none yet).
    sent_reference: str = ""
    decision_read: bool = False
    #: A one-time message for the next page (a text key of the catalogue).
    notice: str = ""
    notice_values: dict[str, str] = field(default_factory=dict)

    def flash(self, key: str, **values: str) -> None:
        self.notice = key
        self.notice_values = dict(values)

    def take_notice(self) -> tuple[str, dict[str, str]]:
        key, values = self.notice, self.notice_values
        self.notice, self.notice_values = "", {}
        return key, values

    def stop_identification(self) -> None:
        self.method = None
        self.bank = None
        self.code = ""
        self.mismatch = False
        self.card_stage = 0
        self.identified = False

    def log_out(self) -> None:
        """Forget the login and the application, as if the browser had been closed."""
        fresh = VisitorState()
        for item in fields(self):
            setattr(self, item.name, getattr(fresh, item.name))


def new_visitor_id() -> str:
    return secrets.token_urlsafe(24)


class VisitorStore:
    """Thread-safe: the server answers each request on its own thread."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._visitors: OrderedDict[str, tuple[float, VisitorState]] = OrderedDict()

    def __len__(self) -> int:
        with self._lock:
            return len(self._visitors)

    def get(self, visitor_id: str | None) -> tuple[str, VisitorState, bool]:
        """The visitor's state; a new one (and a new id) if the id is unknown.

        Returns (id, state, new). The state object is shared: the caller changes it in
        place while it handles one request.
        """
        now = self._clock()
        with self._lock:
            self._expire(now)
            if visitor_id and visitor_id in self._visitors:
                _, state = self._visitors.pop(visitor_id)
                self._visitors[visitor_id] = (now, state)
                return visitor_id, state, False
            new_id = new_visitor_id()
            state = VisitorState()
            self._visitors[new_id] = (now, state)
            while len(self._visitors) > MAX_VISITORS:
                self._visitors.popitem(last=False)
            return new_id, state, True

    def forget(self, visitor_id: str) -> None:
        with self._lock:
            self._visitors.pop(visitor_id, None)

    def clear(self) -> None:
        with self._lock:
            self._visitors.clear()

    def _expire(self, now: float) -> None:
        while self._visitors:
            oldest_id, (seen, _) = next(iter(self._visitors.items()))
            if now - seen <= IDLE_LIMIT_S:
                return
            del self._visitors[oldest_id]
