"""What the kiosk's exit code tells the supervisor (``kiosk supervise``). Pure Python.

* 0: stopped on purpose (the OS asked, or staff left for maintenance): it stops too.
* 2: refused to start (settings, an unsafe machine): a human must fix something. Out of
  order at once; tried again now and then, never in a tight loop.
* 70: an unexpected error (the kiosk exited rather than serve a visitor in an undefined
  state), and 75: a wipe could not be verified. A clean kiosk starts at once.
* 79: a restart was asked for (staff, a remote command, changed settings): at once, and
  not counted as a failure.
* anything else, or killed by a signal: a crash. Restarted with a growing delay.
"""

from __future__ import annotations

OK = 0
REFUSED = 2
CRASH = 70
WIPE_FAILED = 75
RESTART = 79

#: Exits after which a clean kiosk starts at once (they are still counted as failures).
RESTART_AT_ONCE = frozenset({CRASH, WIPE_FAILED})
