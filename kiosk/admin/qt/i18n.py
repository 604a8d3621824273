"""The admin screens' own translations: Finnish and Swedish (English is the source).

Staff read the admin panel in Finnish, Swedish or English, whatever language a visitor
chose, so its texts have catalogues of their own (``resources/translations/admin_*.ts``,
compiled with the kiosk's by the set-up), apart from the visitor's eight languages.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk import paths

log = logging.getLogger("kiosk.admin")

TRANSLATED = ("fi", "sv")
# The languages staff read the admin panel in.
ADMIN_LANGUAGES = ("fi", "sv", "en")


def catalogue(language: str, suffix: str = ".qm") -> str:
    return str(paths.resources_dir() / "translations" / f"admin_{language}{suffix}")


class AdminTranslations:
    def __init__(self) -> None:
        self._installed: QTranslator | None = None
        self.language = "en"

    def switch(self, language: str) -> None:
        """Before the window retranslates itself: the admin texts in ``language`` (the
        panel's languages only; any other shows them in English)."""
        app = QCoreApplication.instance()
        if app is None:
            return
        self.uninstall()
        self.language = language
        if language not in TRANSLATED:
            return
        translator = QTranslator(app)
        if translator.load(catalogue(language)):
            app.installTranslator(translator)
            self._installed = translator
        else:
            log.error("no compiled admin translation for %s; run scripts/setup", language)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._installed is not None:
            app.removeTranslator(self._installed)
        self._installed = None
