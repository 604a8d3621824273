"""Remote commands from the staff page to one kiosk: their kinds and states. Pure Python,
shared by the help desk (kiosk/helpdesk/server/fleet.py) and the kiosk
(kiosk/helpdesk/remote.py).

As ChromeOS's device commands: each is for one kiosk, made by a signed-in staff member of
that kiosk's centre, and lives ``pending -> delivered -> done | failed``, or ``expired``
when the kiosk did not fetch it in time. There is no command for every kiosk at once.
"""

from __future__ import annotations

import enum
from datetime import timedelta


class Kind(enum.StrEnum):
    RESTART = "restart"  # the kiosk program starts again (between visitors)
    WIPE = "wipe"  # the session is erased now
    OUT_OF_ORDER_ON = "out-of-order-on"  # "This computer is out of order" until turned off
    OUT_OF_ORDER_OFF = "out-of-order-off"
    REBOOT = "reboot"  # the PC, where the installer allows the kiosk to


class State(enum.StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    DONE = "done"
    FAILED = "failed"
    EXPIRED = "expired"


FINAL = frozenset({State.DONE, State.FAILED, State.EXPIRED})
#: A command the kiosk has not fetched by then expires (the staff page may choose less).
DEFAULT_EXPIRY = timedelta(minutes=10)
MAX_EXPIRY = timedelta(hours=1)
#: A delivered command the kiosk has not reported on by then counts as failed.
REPORT_WITHIN = timedelta(hours=1)
#: A visitor at the kiosk is told this long before a command that interrupts them.
NOTICE_S = 10
#: What the kiosk says about a result (one line).
MAX_DETAIL = 200
#: The kiosk asks for commands this often.
POLL_S = 10.0
