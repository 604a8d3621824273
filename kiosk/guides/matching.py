"""Which step of a guide the browser's address belongs to.

A step's URL pattern is a host and a path with ``*`` meaning "anything", for example
``asiointi.kela.fi/omakela/*``. The scheme is ignored; the query string is ignored unless
the pattern itself has a ``?``. Letters are compared without case, and a trailing ``/``
does not matter.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from kiosk.guides.model import Guide


def _strip_scheme(text: str) -> str:
    return re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", text)


def pattern_regex(pattern: str) -> str:
    """A step pattern's regular expression (always a valid one); raise ``ValueError``
    with a plain message if the pattern is unusable. Loading a guide checks its patterns
    with this; they are compiled when a page is first matched against them."""
    body = _strip_scheme(pattern.strip()).rstrip("/")
    if not body:
        raise ValueError("the pattern is empty")
    host = body.split("/", 1)[0].split("?", 1)[0]
    if not host or host == "*":
        raise ValueError("the pattern must start with a host name, like www.kela.fi/...")
    if any(ch.isspace() for ch in body):
        raise ValueError("the pattern contains a space")
    return ".*".join(re.escape(part) for part in body.lower().split("*")) + "/?"


@lru_cache(maxsize=1024)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a step pattern; raise ``ValueError`` with a plain message if it is unusable."""
    return re.compile(pattern_regex(pattern), re.IGNORECASE)


def pattern_host(pattern: str) -> str:
    """The host part of a pattern, such as ``asiointi.kela.fi`` or ``*.kela.fi``."""
    return _strip_scheme(pattern.strip()).split("/", 1)[0].split("?", 1)[0].lower()


def url_matches(pattern: str, url: str) -> bool:
    try:
        regex = compile_pattern(pattern)
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    target = (host + parts.path).rstrip("/")
    if "?" in pattern and parts.query:
        target = f"{target}?{parts.query}"
    return regex.fullmatch(target) is not None


def matching_steps(guide: Guide, url: str) -> list[int]:
    return [
        index
        for index, step in enumerate(guide.steps)
        if any(url_matches(p.text, url) for p in step.url_patterns)
    ]


def step_for_url(
    guide: Guide, url: str, current: int | None, *, went_back: bool = False
) -> int | None:
    """The step the visitor is at now, or ``None`` when the address says nothing.

    If the current step matches, stay there (several steps may share a page). Otherwise
    move to the first matching step after the current one (the visitor moved on). A page
    seen again on the way (returning from the bank, logging out) must not pull the guide
    backwards, so an earlier step is chosen only when the visitor went back on purpose
    (``went_back``: the kiosk's Back button), and then the nearest one.

    One exception: from step 2 the start page (step 1) is shown again. Step 2 is where a
    guide sends the visitor to identify; the way from there back to the start page is
    *Keskeytä* (cancel), and the visitor starts over (see guides/README.md).
    """
    found = matching_steps(guide, url)
    if not found:
        return None
    if current is None:
        return found[0]
    if current in found:
        return current
    later = [i for i in found if i > current]
    if later:
        return later[0]
    if went_back:
        return found[-1]
    if current == RESTART_FROM_STEP and found[0] == 0:
        return 0
    return None


#: The step (counted from 0) from which the start page brings the visitor back to step 1.
RESTART_FROM_STEP = 1
