"""Whether this kiosk carries the help-desk server (pure Python; no Qt).

The kiosk's one-folder bundle leaves the server and its libraries out (installer/trim.py):
a centre runs the help desk from a pip install (INSTALL.md, "The help-desk server"). A
kiosk run from a pip install or a checkout has it. What needs the server (``kiosk
helpdesk ...``, ``helpdesk.embedded``, the demo's help desk) asks here first and says so
plainly instead of failing with an ImportError.
"""

from __future__ import annotations

import importlib.util

#: The server's package, and a library only the server uses (both left out of the bundle).
SERVER_MODULES: tuple[str, ...] = ("kiosk.helpdesk.server", "fastapi")

NOT_HERE = (
    "The help-desk server is not part of the kiosk's bundle. Run it from a pip install "
    "(INSTALL.md, 'The help-desk server'):\n"
    "    python3.12 -m venv /opt/digituki-helpdesk\n"
    "    /opt/digituki-helpdesk/bin/pip install digituki-kiosk\n"
    "    /opt/digituki-helpdesk/bin/kiosk helpdesk serve --help"
)


def server_available() -> bool:
    """True when the help-desk server can be imported here (not in the bundle)."""
    try:
        return all(importlib.util.find_spec(name) is not None for name in SERVER_MODULES)
    except ImportError:  # a parent package that cannot be found
        return False
