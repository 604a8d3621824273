"""The admin panel: full screen, big controls; Health, Guides, Settings, Actions; the
language of staff (Finnish, Swedish, English) and Lock always in reach."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.admin.qt.cover import Cover
from kiosk.admin.qt.i18n import ADMIN_LANGUAGES
from kiosk.admin.qt.pages import ActionsPage, GuidesPage, HealthPage
from kiosk.admin.qt.settings_page import SettingsPage
from kiosk.languages import native_name
from kiosk.ui.controls import BigButton, label, restyle

TABS = ("health", "guides", "settings", "actions")


class AdminPanel(Cover):
    """Signals: lock_requested(), language_chosen(str), tab_changed(str)"""

    lock_requested = Signal()
    language_chosen = Signal(str)
    tab_changed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__("admin-panel", parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(10)
        header = QHBoxLayout()
        self.title = label("admin-panel-title", "title", wrap=False)
        header.addWidget(self.title, 1)
        self.language_buttons: dict[str, BigButton] = {}
        for code in ADMIN_LANGUAGES:
            button = BigButton(f"admin-language-{code}", role="language")
            button.setText(native_name(code))
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            header.addWidget(button)
            self.language_buttons[code] = button
        self.lock_button = BigButton("admin-lock-button", role="primary", icon_name="lock")
        self.lock_button.clicked.connect(self.lock_requested)
        header.addWidget(self.lock_button)
        outer.addLayout(header)
        self.note = label("admin-panel-note", "muted")
        outer.addWidget(self.note)

        tabs = QHBoxLayout()
        self.tab_buttons: dict[str, BigButton] = {}
        for key in TABS:
            # The style sheet's "current choice" look (it is the language buttons' too).
            button = BigButton(f"admin-tab-{key}", role="language")
            button.clicked.connect(lambda _=False, k=key: self.show_tab(k))
            tabs.addWidget(button, 1)
            self.tab_buttons[key] = button
        outer.addLayout(tabs)

        self.health = HealthPage()
        self.guides = GuidesPage()
        self.settings = SettingsPage()
        self.actions_page = ActionsPage()
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {
            "health": self.health,
            "guides": self.guides,
            "settings": self.settings,
            "actions": self.actions_page,
        }
        for page in self.pages.values():
            self.stack.addWidget(page)
        outer.addWidget(self.stack, 1)
        self.show_tab("health")
        self.retranslate_ui()

    @property
    def current_tab(self) -> str:
        return next(k for k, page in self.pages.items() if page is self.stack.currentWidget())

    def show_tab(self, key: str) -> None:
        self.stack.setCurrentWidget(self.pages[key])
        for name, button in self.tab_buttons.items():
            button.setProperty("current", name == key)
            restyle(button)
        self.tab_changed.emit(key)

    def show_language(self, code: str) -> None:
        for name, button in self.language_buttons.items():
            button.setProperty("current", name == code)
            restyle(button)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Admin mode"))
        self.note.setText(
            self.tr(
                "Locking ends admin mode and erases this session, as when a visitor leaves. "
                "It locks by itself after 2 minutes without a touch."
            )
        )
        self.lock_button.setText(self.tr("Lock"))
        names = {
            "health": self.tr("Health"),
            "guides": self.tr("Guides"),
            "settings": self.tr("Settings"),
            "actions": self.tr("Actions"),
        }
        for key, text in names.items():
            self.tab_buttons[key].setText(text)
        self.setAccessibleName(self.title.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
