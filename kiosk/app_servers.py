"""The composition root's part for the servers the kiosk starts beside itself on this PC:
the practice site on 127.0.0.1 for the practice tiles, and, in a centre with one PC
(``helpdesk.embedded``), the help desk in a process of its own. Wiring only, like
kiosk/app.py, which stops both when the kiosk closes.

Start-up stays lean (issue 14): the practice site holds its address from the start but
loads its pages when a practice tile is first opened, and the help-desk server's
libraries are imported only on a kiosk that runs one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from kiosk.config import Config
from kiosk.guides.model import Guide
from kiosk.practice.listener import PracticeListener

if TYPE_CHECKING:
    from kiosk.helpdesk.embedded import EmbeddedHelpdesk

log = logging.getLogger("kiosk.app")


# -- practice ------------------------------------------------------------------------------
def start_practice_site(config: Config) -> PracticeListener | None:
    """The local practice pages on 127.0.0.1 for the practice tiles: the address now,
    the pages' code when a practice tile is first opened."""
    if not config.practice.enabled:
        return None
    site = PracticeListener(port=config.practice.port)
    try:
        site.start()
    except OSError as exc:
        log.error("the practice site could not start: %s", exc)
        return None
    return site


def practice_host(practice: PracticeListener) -> str:
    """Where the practice pages are, as a page's address names it (``127.0.0.1:41234``)."""
    return urlsplit(practice.base_url).netloc


def uses_practice(practice: PracticeListener, guide: Guide) -> bool:
    """Whether ``guide`` opens practice pages (to start or to go to)."""
    where = practice_host(practice)
    return where in guide.start_url or any(where in host for host in guide.allowed_hosts)


# -- help --------------------------------------------------------------------------------
def start_embedded_helpdesk(config: Config, allowed_processes: set[str]) -> EmbeddedHelpdesk | None:
    """A centre with one PC: the help desk runs as a process beside the kiosk (its
    process's name goes into the keeper's ``allowed_processes``)."""
    if not config.helpdesk.embedded:
        return None
    from kiosk.helpdesk.availability import NOT_HERE, server_available  # noqa: PLC0415

    if not server_available():  # the kiosk's bundle: no server in it
        log.error("helpdesk.embedded is set, but %s", NOT_HERE)
        return None
    # Imported only here: the server's libraries (and psutil) cost start-up time on
    # every kiosk.
    import psutil  # noqa: PLC0415

    from kiosk.helpdesk.embedded import start_embedded_helpdesk as start  # noqa: PLC0415

    embedded = start(config)
    if embedded.process is not None:
        # It lives as long as the kiosk; the wipe's process check must allow it.
        allowed_processes.add(psutil.Process(embedded.process.pid).name())
    return embedded
