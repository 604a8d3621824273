"""How fresh a guide is: its ``verified:`` date, and which guides are due a new check.

E-services change their buttons and addresses every few months. Each guide says on which
day someone last checked it against the service's own pages; ``kiosk guides check`` warns
about guides not checked for :data:`MAX_AGE_DAYS` days (the staff page lists them too).
The loader only reads the date, so loading a guide never depends on the clock; the age is
judged by :func:`stale_problems` with the day given by its caller.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable

from kiosk.guides.model import Guide, Problem

#: A guide not checked for longer than this is reported as due a new check.
MAX_AGE_DAYS = 90

#: Where "today" comes from (tests set a fixed day, so their result never depends on when
#: they run).
clock: Callable[[], datetime.date] = datetime.date.today

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_verified(text: str) -> datetime.date:
    """``2026-12-05`` as a date; ``ValueError`` with a plain message otherwise."""
    match = _DATE_RE.match(text.strip())
    if match is None:
        raise ValueError(
            f"verified '{text}' must be a date written as year-month-day, like 2026-12-05"
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"verified '{text}' is not a real day of the calendar") from None


def age_days(guide: Guide, today: datetime.date) -> int | None:
    """Days since the guide was last checked (``None``: it does not say)."""
    return None if guide.verified is None else (today - guide.verified).days


def stale_problems(
    guides: Iterable[Guide], today: datetime.date, max_age_days: int = MAX_AGE_DAYS
) -> list[Problem]:
    """A warning for each guide checked too long ago, or dated in the future."""
    problems: list[Problem] = []
    for guide in guides:
        days = age_days(guide, today)
        if days is None:
            continue  # the loader already warns that the date is missing
        if days < 0:
            problems.append(
                Problem(
                    guide.file,
                    1,
                    f"verified {guide.verified} is after today ({today}); "
                    "write the day the guide was really checked",
                    error=False,
                )
            )
        elif days > max_age_days:
            problems.append(
                Problem(
                    guide.file,
                    1,
                    f"the guide was last checked on {guide.verified}, {days} days ago; "
                    f"check it against the live service (every {max_age_days} days), "
                    "fix what changed and write the new date in 'verified:'",
                    error=False,
                )
            )
    return problems
