"""``Session``: everything that belongs to one visitor, in one object.

Privacy by construction (DESIGN.md): the visitor's off-the-record browser profile and
its views, the session folder on RAM-backed storage (downloads, print previews, uploads),
the visitor's language/text-size/contrast choices and their guide progress all hang off
this object. Ending the session destroys it; a fresh one serves the next visitor.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import paths
from kiosk.guides.progress import GuideProgress
from kiosk.session.preferences import Choices, Preferences
from kiosk.session.recovery import SESSION_PREFIX

if TYPE_CHECKING:
    from kiosk.browser.webengine.context import BrowserContext

log = logging.getLogger("kiosk.session")


class Session:
    def __init__(self, default_language: str, languages: tuple[str, ...]) -> None:
        self.id = os.urandom(16).hex()  # as random as uuid4, without its module
        root = paths.runtime_dir()
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.folder: Path = root / f"{SESSION_PREFIX}{self.id}"
        self.folder.mkdir(mode=0o700)
        self.preferences = Preferences(default_language, languages)
        self._browser: BrowserContext | None = None
        self.guide_progress: GuideProgress | None = None
        #: Pages this visitor has printed (the centre's paper limit is per visitor).
        self.printed_pages = 0
        self.preferences.on_change(self._follow_language)
        log.info("session prepared")

    @property
    def browser(self) -> BrowserContext:
        """The visitor's browser, made at its first use: the kiosk's first screen does
        without one (the session keeper makes it soon after start-up, and makes the next
        visitor's with their session). Raises ``UnsafeBrowserError`` when the browser
        made is not locked down; it is then not kept."""
        if self._browser is None:
            # The browser's modules load with the browser, not with the first screen.
            from kiosk.browser.webengine.context import BrowserContext  # noqa: PLC0415

            browser = BrowserContext(self.folder)
            browser.set_language(self.preferences.choices.language)
            self._browser = browser
        return self._browser

    @property
    def browser_made(self) -> BrowserContext | None:
        """The browser, if it has been made (checks use this: they must not make one)."""
        return self._browser

    def _follow_language(self, _old: Choices, new: Choices) -> None:
        if self._browser is not None:
            self._browser.set_language(new.language)

    def close(self) -> None:
        """Destroy the browser (its views, pages and profile go at the next deferred
        delete) and the guide progress."""
        self.guide_progress = None
        if self._browser is not None:
            self._browser.close()
        log.info("session closed")

    def remove_folder(self) -> None:
        """Remove the session folder (downloads, print files, uploads) from RAM storage."""
        shutil.rmtree(self.folder, ignore_errors=True)
