"""One visitor's browser: an off-the-record profile and the views made from it.

A new ``BrowserContext`` is made for every visitor session and thrown away whole at the
end (qutebrowser's advice: throw the profile away rather than clear it). Pages are
deleted before the profile, as QtWebEngine requires.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWebEngineCore import QWebEngineDownloadRequest, QWebEngineProfile

from kiosk.browser import UnsafeBrowserError
from kiosk.browser.policy import AllowList
from kiosk.browser.webengine import settings as kiosk_settings
from kiosk.browser.webengine.downloads import DownloadGuard
from kiosk.browser.webengine.page import KioskPage
from kiosk.browser.webengine.view import KioskView
from kiosk.languages import accept_language

log = logging.getLogger("kiosk.browser")


class BrowserContext:
    """Owns one off-the-record profile and the views made from it.

    Raises ``UnsafeBrowserError`` when the profile it made is not as locked down as a
    visitor's must be (every browser is checked as it is made, before any page)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.profile = QWebEngineProfile()  # no storage name: off the record
        if not self.profile.isOffTheRecord():  # pragma: no cover - a Qt regression
            raise UnsafeBrowserError("the profile is not off the record")
        downloads = folder / "downloads"
        downloads.mkdir(parents=True, exist_ok=True)
        self.profile.setDownloadPath(str(downloads))
        self.profile.setCachePath(str(folder / "cache"))
        self.profile.setPersistentStoragePath(str(folder / "storage"))
        self.profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        self.profile.setPersistentCookiesPolicy(
            QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
        )
        self.profile.setSpellCheckEnabled(False)
        kiosk_settings.apply(self.profile.settings())
        # Lockdown (issue 4): downloads only of safe types, only into this folder
        # (downloads.py). A direct connection: the request must be answered in the slot.
        self.downloads = DownloadGuard(downloads)
        self.profile.downloadRequested.connect(self.downloads.on_download_requested)
        self.views: list[KioskView] = []
        if problems := self.problems():
            self.close()
            raise UnsafeBrowserError("; ".join(problems))

    def problems(self) -> list[str]:
        """Why this browser is not as locked down as a visitor's must be (empty if it is)."""
        # Off the record, nothing of a visitor is written to disk: no cookies, no cache.
        found = [] if self.profile.isOffTheRecord() else ["the profile is not off the record"]
        return found + kiosk_settings.differences(self.profile.settings())

    def set_language(self, language: str) -> None:
        self.profile.setHttpAcceptLanguage(accept_language(language))

    def new_view(self, allow: AllowList) -> KioskView:
        page = KioskPage(self.profile, allow)
        view = KioskView(page)
        page.setParent(view)  # the view deletes its page
        self.views.append(view)
        return view

    def close_view(self, view: KioskView) -> None:
        if view in self.views:
            self.views.remove(view)
        view.setParent(None)
        view.deleteLater()

    def close(self) -> None:
        """Delete every view (and page) first, then the profile.

        Deletion is deferred (a view may be in the middle of its own signal); deferred
        deletes run in the order they were asked for, so the pages go before the profile.
        """
        # A download still running would write into the folder after it is removed.
        self.downloads.cancel_all()
        for download in self.profile.findChildren(QWebEngineDownloadRequest):
            download.cancel()
        for view in list(self.views):
            self.close_view(view)
        self.profile.deleteLater()
