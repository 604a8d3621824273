"""What a web page may use on this computer: a table, deny by default.

Pure Python: the Qt adapter (``browser/webengine/permissions.py``) turns QtWebEngine's
permission type into one of the names below and asks :func:`decide`. Camera and
microphone are granted only to a guide that declares them (``permissions:`` in the guide,
for video calls); everything else is always refused.
"""

from __future__ import annotations

import enum


class Grant(enum.Enum):
    DENY = "deny"
    IF_GUIDE_DECLARES = "if-guide-declares"


#: Every feature a page can ask for, and the rule. Unknown names are refused.
PERMISSION_TABLE: dict[str, Grant] = {
    "camera": Grant.IF_GUIDE_DECLARES,
    "microphone": Grant.IF_GUIDE_DECLARES,
    # Both at once: every one of them must be declared.
    "camera+microphone": Grant.IF_GUIDE_DECLARES,
    # Where the visitor is: nobody's business on a shared computer.
    "geolocation": Grant.DENY,
    # Notifications would pop up for the next visitor.
    "notifications": Grant.DENY,
    # Sharing the screen shows the next visitor's errands, or the staff's.
    "screen": Grant.DENY,
    "screen+audio": Grant.DENY,
    # Reading the clipboard would read what the previous visitor copied.
    "clipboard": Grant.DENY,
    "mouse-lock": Grant.DENY,
    "local-fonts": Grant.DENY,
    "midi": Grant.DENY,
    "file-system": Grant.DENY,
    "unsupported": Grant.DENY,
}


def decide(feature: str, declared: frozenset[str] | set[str] | tuple[str, ...]) -> bool:
    """True if a page may use ``feature``, given the guide's declared ``permissions``."""
    rule = PERMISSION_TABLE.get(feature, Grant.DENY)
    if rule is Grant.IF_GUIDE_DECLARES:
        return all(part in declared for part in feature.split("+"))
    return False
