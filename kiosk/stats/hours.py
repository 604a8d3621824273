"""A centre's staffed hours, as staff write them: ``mon-fri 9-16; sat 10:00-14:30``.

Used to tell help requests that came while the centre was staffed from those that came
outside its hours. Days are mon tue wed thu fri sat sun (a range like ``mon-fri`` or a
list like ``mon,wed``); times are ``H``, ``HH`` or ``HH:MM``, the end after the start.
Pure Python: no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_TEXT = 200
_TIME = re.compile(r"^([01]?\d|2[0-4])(?::([0-5]\d))?$")


class HoursError(ValueError):
    """Staffed hours that cannot be read. ``str()`` says what is wrong, plainly."""


@dataclass(frozen=True, slots=True)
class StaffedHours:
    text: str
    #: weekday (0 = Monday) -> (start, end) minutes after midnight
    spans: dict[int, tuple[tuple[int, int], ...]]

    def inside(self, when: datetime) -> bool:
        """``when`` (the centre's local time) falls in the staffed hours."""
        minute = when.hour * 60 + when.minute
        return any(start <= minute < end for start, end in self.spans.get(when.weekday(), ()))


def _minutes(text: str) -> int:
    match = _TIME.match(text.strip())
    if not match:
        raise HoursError(f"{text.strip()[:10]!r} is not a time like 9, 09 or 09:30")
    minutes = int(match.group(1)) * 60 + int(match.group(2) or 0)
    if minutes > 24 * 60:
        raise HoursError("a time is 24:00 at the latest")
    return minutes


def _days(text: str) -> list[int]:
    found: list[int] = []
    for raw in text.split(","):
        part = raw.strip().lower()
        if "-" in part:
            first, _, last = part.partition("-")
            if first not in DAYS or last not in DAYS:
                raise HoursError(f"{part[:12]!r}: days are mon tue wed thu fri sat sun")
            a, b = DAYS.index(first), DAYS.index(last)
            if b < a:
                raise HoursError(f"{part}: the first day comes after the last")
            found.extend(range(a, b + 1))
        elif part in DAYS:
            found.append(DAYS.index(part))
        else:
            raise HoursError(f"{part[:12]!r}: days are mon tue wed thu fri sat sun")
    return found


def parse(text: str) -> StaffedHours:
    """Staffed hours from ``text``; HoursError with a plain message if it cannot be read."""
    text = " ".join(text.split())
    if len(text) > MAX_TEXT:
        raise HoursError(f"at most {MAX_TEXT} characters")
    if not text:
        raise HoursError("write the hours, like: mon-fri 9-16")
    spans: dict[int, list[tuple[int, int]]] = {}
    for raw in text.split(";"):
        part = raw.strip()
        if not part:
            continue
        days_text, _, times_text = part.rpartition(" ")
        if not days_text or "-" not in times_text:
            raise HoursError(f"{part[:30]!r}: write days and times, like: mon-fri 9-16")
        start_text, _, end_text = times_text.partition("-")
        start, end = _minutes(start_text), _minutes(end_text)
        if end <= start:
            raise HoursError(f"{times_text}: the end comes before the start")
        for day in _days(days_text):
            spans.setdefault(day, []).append((start, end))
    return StaffedHours(text, {d: tuple(sorted(s)) for d, s in spans.items()})
