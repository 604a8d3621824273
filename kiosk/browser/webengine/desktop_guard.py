"""Second line of defence: links that QtWebEngine would hand to the OS go nowhere.

QtWebEngine opens external links (``mailto:``, ``ms-settings:`` ...) with
``QDesktopServices.openUrl``. The navigation policy refuses them all first; if one ever
got through, these handlers catch it instead of starting another program. Qt can only
redirect schemes one by one, so this table lists the ones known to start programs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

log = logging.getLogger("kiosk.lockdown")

GUARDED_SCHEMES: tuple[str, ...] = (
    "file", "mailto", "tel", "sms", "callto", "sip", "skype", "msteams", "zoommtg",
    "ms-settings", "ms-windows-store", "ms-excel", "ms-word", "ms-powerpoint", "ms-msdt",
    "ms-officecmd", "ms-cxh", "search-ms", "shell", "intent", "vnd.ms-excel", "steam",
    "itms", "market", "ftp", "smb", "nfs", "ssh", "telnet", "vnc", "rdp", "javascript",
    "vbscript", "data", "view-source", "chrome", "about", "irc", "magnet", "webcal",
    "whatsapp", "tg", "signal", "facetime", "maps", "geo", "news", "nntp", "ldap",
    # Web addresses too: a widget that opened one (a link in a PDF, a label) would start
    # the system's own browser, outside every allow-list (lockdown, issue 4).
    "http", "https",
)  # fmt: skip


class DesktopGuard(QObject):
    """Receives every ``QDesktopServices.openUrl`` for the guarded schemes; opens nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: int = 0
        for scheme in GUARDED_SCHEMES:
            # The stub says bytes, but PySide6 6.12 accepts only str here at run time.
            QDesktopServices.setUrlHandler(scheme, self, "refuse")  # type: ignore[arg-type]

    @Slot(QUrl)
    def refuse(self, url: QUrl) -> None:
        self.refused += 1
        log.warning("refused to open an outside program for a %s: link", url.scheme())

    def remove(self) -> None:
        for scheme in GUARDED_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)
