"""``Session``: everything that belongs to one visitor, in one object.

Privacy by construction (DESIGN.md): the visitor's off-the-record browser profile and
its views, the session folder on RAM-backed storage (downloads, print previews, uploads),
the visitor's language/text-size/contrast choices and their guide progress all hang off
this object. Ending the session destroys it; a fresh one serves the next visitor.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from pathlib import Path

from kiosk import paths
from kiosk.browser.webengine.context import BrowserContext
from kiosk.guides.progress import GuideProgress
from kiosk.session.preferences import Preferences
from kiosk.session.recovery import SESSION_PREFIX

log = logging.getLogger("kiosk.session")


class Session:
    def __init__(self, default_language: str, languages: tuple[str, ...]) -> None:
        self.id = uuid.uuid4().hex
        root = paths.runtime_dir()
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.folder: Path = root / f"{SESSION_PREFIX}{self.id}"
        self.folder.mkdir(mode=0o700)
        self.preferences = Preferences(default_language, languages)
        self.browser = BrowserContext(self.folder)
        self.browser.set_language(default_language)
        self.guide_progress: GuideProgress | None = None
        #: Pages this visitor has printed (the centre's paper limit is per visitor).
        self.printed_pages = 0
        self.preferences.on_change(lambda _old, new: self.browser.set_language(new.language))
        log.info("session prepared")

    def close(self) -> None:
        """Destroy the browser (its views, pages and profile go at the next deferred
        delete) and the guide progress."""
        self.guide_progress = None
        self.browser.close()
        log.info("session closed")

    def remove_folder(self) -> None:
        """Remove the session folder (downloads, print files, uploads) from RAM storage."""
        shutil.rmtree(self.folder, ignore_errors=True)
