"""Remote help that can see: the rules of a screen share, as pure code both sides use.

A remote supporter who has taken a help request may *ask* to see the kiosk's screen.
The visitor answers on the kiosk, every time; only "Allow" starts the share. While it
runs, the kiosk sends a few pictures a second of its own window, masked before they
leave (no password being typed, no identification or bank page), and the supporter can
point at a spot (a ring shows there) or open a guide step, never press or type.

Life of a share::

    asked ──allow──▶ active ──stop (anyone) / time limit / silence / nobody watching──▶ ended
      └──no / no answer / stop─────────────────────────────────────────────────────────▶ ended

The server keeps each share's times and why it ended (never a picture); the kiosk keeps
nothing once it has ended. No Qt, no web framework: the kiosk's widgets, its client and
the server import this module.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

#: A share ends by itself this long after it started, unless the visitor renews it.
MAX_DURATION_S = 20 * 60
#: The kiosk offers "keep sharing" this long before the end.
RENEW_OFFER_S = 2 * 60
#: The visitor has this long to answer; then the question goes away ("no answer").
ASK_TIMEOUT_S = 60
#: After a "no" (or no answer), the supporter may ask again only after this long: the
#: visitor is not to be pestered.
ASK_AGAIN_AFTER_S = 30
#: The server ends a share whose kiosk has sent nothing (picture or keep-alive) this long.
KIOSK_SILENCE_S = 30
#: The kiosk sends a keep-alive at least this often while nothing on its screen changes.
KEEPALIVE_S = 5
#: The server ends a share nobody has watched this long (the supporter closed the staff
#: page, or their phone lost its connection): the visitor is not told "Anna sees your
#: screen" while nobody does, and no picture leaves the kiosk for nobody.
VIEWER_GONE_S = 60

#: Pictures a second the kiosk sends at most, and the widest picture (the kiosk's window
#: scaled down to it).
FRAMES_PER_S = 2
MAX_FRAME_WIDTH = 1024
#: The largest picture the server accepts.
MAX_FRAME_BYTES = 256 * 1024
#: The server's limit per share (bytes a second, averaged over a few seconds).
MAX_BYTES_PER_S = 300 * 1024
#: The kiosk's own budget: well under the server's limit.
KIOSK_BYTES_PER_S = 160 * 1024
#: How long the ring shows where the supporter pointed.
POINTER_SHOW_S = 4.0
#: Guide steps the supporter may open (a guide has at most a few dozen).
MAX_STEP = 99

SHARE_PATH = "/share"


class ShareState(StrEnum):
    ASKED = "asked"
    ACTIVE = "active"
    ENDED = "ended"


class EndReason(StrEnum):
    """Why a share ended (recorded on the request, with the time)."""

    DENIED = "denied"  # the visitor said no
    NO_ANSWER = "no_answer"  # the visitor did not answer in time
    VISITOR = "visitor"  # the visitor pressed Stop sharing
    SUPPORTER = "supporter"  # the supporter stopped it
    IDLE = "idle"  # the kiosk's "Are you still there?" came up
    END_SESSION = "end_session"  # the visitor ended the session
    WIPE = "wipe"  # the session was wiped
    REQUEST_CLOSED = "request_closed"
    TIME_LIMIT = "time_limit"
    NETWORK = "network"  # the kiosk went silent or could not send
    VIEWER_LEFT = "viewer_left"  # nobody watched for VIEWER_GONE_S (the page was closed)


#: The reasons a kiosk may give when it ends a share.
KIOSK_REASONS = frozenset(
    {
        EndReason.DENIED,
        EndReason.NO_ANSWER,
        EndReason.VISITOR,
        EndReason.IDLE,
        EndReason.END_SESSION,
        EndReason.WIPE,
        EndReason.REQUEST_CLOSED,
        EndReason.TIME_LIMIT,
        EndReason.NETWORK,
    }
)


class Pause(StrEnum):
    """What the picture of the web area shows instead of the page ("" : the page)."""

    NONE = ""
    PASSWORD = "password"  # a password (or a field the page marks sensitive) is in use
    IDENTIFICATION = "identification"  # an identification or bank page, or a sensitive host


def first_name(display_name: str) -> str:
    """What the visitor is told: the supporter's first name only."""
    parts = display_name.split()
    return parts[0][:30] if parts else ""


def valid_fraction(value: float) -> float:
    """A coordinate on the picture, 0.0 (left or top edge) to 1.0; ValueError otherwise."""
    if not isinstance(value, int | float) or isinstance(value, bool) or math.isnan(value):
        raise ValueError("a point is given as fractions of the picture, from 0 to 1")
    if not 0.0 <= value <= 1.0:
        raise ValueError("a point is given as fractions of the picture, from 0 to 1")
    return float(value)


@dataclass(frozen=True, slots=True)
class Point:
    """Where the supporter pointed, as fractions of the picture's width and height.

    The picture is the kiosk's window scaled down as it is seen, right-to-left layouts
    included, so the same fractions of the window are the same spot on the screen.
    """

    x: float
    y: float

    def __post_init__(self) -> None:
        valid_fraction(self.x)
        valid_fraction(self.y)

    def on(self, width: int, height: int) -> tuple[int, int]:
        """The spot in a window of ``width`` x ``height`` pixels."""
        return (
            min(width - 1, max(0, round(self.x * width))),
            min(height - 1, max(0, round(self.y * height))),
        )


def pause_for(
    origins: frozenset[str], secret: bool | None, sensitive: Callable[[str], bool]
) -> Pause:
    """What a web view's area shows in the picture.

    ``origins``: ``scheme://host:port`` of what may be on the screen now (the page, the
    one loading, the one being left); ``sensitive`` says which of them must not be seen.
    ``secret``: a password or sensitive field is in use on the page (True), not (False),
    or it could not be told (None: fail closed).
    """
    if any(sensitive(origin) for origin in origins):
        return Pause.IDENTIFICATION
    if secret is None or secret:
        return Pause.PASSWORD
    return Pause.NONE


class ByteBudget:
    """A token bucket: ``rate`` bytes a second on average, ``burst`` at once."""

    def __init__(
        self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._tokens = burst
        self._at = clock()
        self._lock = threading.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
        self._at = now

    def take(self, size: int) -> bool:
        """Spend ``size`` bytes if the budget has them now."""
        with self._lock:
            self._refill()
            if size > self._tokens:
                return False
            self._tokens -= size
            return True

    def wait_for(self, size: int) -> float:
        """Seconds until ``size`` bytes could be spent (0.0: now)."""
        with self._lock:
            self._refill()
            missing = min(size, self.burst) - self._tokens
            return max(0.0, missing / self.rate)


# -- the kiosk's side of one share -------------------------------------------------------


class Phase(StrEnum):
    IDLE = "idle"
    ASKING = "asking"  # the question is on the screen
    SHARING = "sharing"


@dataclass(frozen=True, slots=True)
class Ask:
    share_id: str
    supporter: str  # first name


class VisitorShare:
    """The kiosk's share, from the question to the end, on an injected clock.

    Only :meth:`allow` starts sharing; anything unexpected (a second question while one
    is on the screen or a share runs, an answer to a question that has gone) is ignored.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.phase = Phase.IDLE
        self.share_id: str | None = None
        self.supporter = ""
        self._asked_at = 0.0
        self._ends_at = 0.0
        #: Shares this kiosk has answered or ended: a late copy of their question is old news.
        self._done: set[str] = set()

    def ask(self, ask: Ask) -> bool:
        """A supporter asks; True if the question should be shown now."""
        if self.phase is not Phase.IDLE or ask.share_id in self._done:
            return False
        self.phase = Phase.ASKING
        self.share_id = ask.share_id
        self.supporter = ask.supporter
        self._asked_at = self.clock()
        return True

    def allow(self) -> str | None:
        """The visitor pressed Allow: the share id, or None if there is no question."""
        if self.phase is not Phase.ASKING or self.share_id is None:
            return None
        self.phase = Phase.SHARING
        self._ends_at = self.clock() + MAX_DURATION_S
        return self.share_id

    def renew(self) -> bool:
        """ "Keep sharing": another :data:`MAX_DURATION_S` from now."""
        if self.phase is not Phase.SHARING:
            return False
        self._ends_at = self.clock() + MAX_DURATION_S
        return True

    def end(self) -> str | None:
        """Ends the question or the share; returns its id (None if there was none)."""
        share_id = self.share_id
        if share_id is not None:
            self._done.add(share_id)
        self.phase = Phase.IDLE
        self.share_id = None
        self.supporter = ""
        return share_id

    def forget(self) -> None:
        """A new visitor: nothing of the last one's shares is kept."""
        self.end()
        self._done.clear()

    def due(self) -> EndReason | None:
        """What time has ended, if anything: the question or the share."""
        now = self.clock()
        if self.phase is Phase.ASKING and now - self._asked_at >= ASK_TIMEOUT_S:
            return EndReason.NO_ANSWER
        if self.phase is Phase.SHARING and now >= self._ends_at:
            return EndReason.TIME_LIMIT
        return None

    @property
    def seconds_left(self) -> int:
        if self.phase is not Phase.SHARING:
            return 0
        return max(0, math.ceil(self._ends_at - self.clock()))

    @property
    def offer_renewal(self) -> bool:
        return self.phase is Phase.SHARING and self.seconds_left <= RENEW_OFFER_S

    @property
    def remembered(self) -> int:
        """How many ended shares are remembered (for the wipe's check)."""
        return len(self._done)
