"""Switching the language of the kiosk's own screens (Qt's translation system).

Source strings are English. ``resources/translations/kiosk_<lang>.ts`` are the catalogues
translators edit (Qt Linguist); the set-up compiles them to ``.qm`` (never edit those).
Installing a translator makes Qt send every widget a LanguageChange event, and each
widget's ``retranslate_ui()`` sets all its text again.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from kiosk import paths
from kiosk.languages import RIGHT_TO_LEFT, SOURCE_LANGUAGE

log = logging.getLogger("kiosk.shell")


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def catalogue(language: str, suffix: str = ".qm") -> Path:
    return translations_dir() / f"kiosk_{language}{suffix}"


class Translations:
    """The installed translators for the current language."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def uninstall(self) -> None:
        """Remove this kiosk's translators from the application."""
        app = QCoreApplication.instance()
        if app is not None:
            for translator in self._installed:
                app.removeTranslator(translator)
        self._installed.clear()

    def switch(self, language: str) -> None:
        app = QCoreApplication.instance()
        if app is None:  # pragma: no cover - the kiosk always has an application
            raise RuntimeError("no QApplication")
        self.uninstall()
        self.language = language
        if language != SOURCE_LANGUAGE:
            ours = QTranslator(app)
            if ours.load(str(catalogue(language))):
                self._installed.append(ours)
            else:
                log.error(
                    "no compiled translation for %s at %s; run scripts/setup",
                    language,
                    catalogue(language),
                )
            # Qt's own strings (rarely seen: the kiosk has its own dialogs).
            qt = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(QLocale(language), "qtbase", "_", qt_dir):
                self._installed.append(qt)
        for translator in self._installed:
            app.installTranslator(translator)
        if isinstance(app, QApplication):
            app.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if language in RIGHT_TO_LEFT
                else Qt.LayoutDirection.LeftToRight
            )
