"""The admin panel's Settings page: the few settings staff change, typed in big fields.

It only shows and collects: ``AdminMode`` checks and saves the form with
``kiosk.admin.settings_edit`` and shows the answer (saved, or each refused value beside
its field). What staff typed is forgotten at the wipe that ends admin mode.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from kiosk.admin import settings_edit as edit
from kiosk.admin.qt.pages import scrolled
from kiosk.languages import native_name
from kiosk.ui.controls import BigButton, forget_text, label

_TEXT_FIELDS = (
    "session.idle_timeout_s",
    "session.warning_s",
    "printing.printer",
    "printing.max_pages_per_session",
    "helpdesk.centre_phone",
    "helpdesk.centre_whatsapp",
)


def field_name(key: str) -> str:
    """'session.idle_timeout_s' -> 'admin-setting-session-idle-timeout-s'."""
    return "admin-setting-" + key.replace(".", "-").replace("_", "-")


class SettingsPage(QWidget):
    """Signals: save_requested(dict): the form (setting -> typed value)."""

    save_requested = Signal(dict)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("admin-settings")
        _area, column = scrolled(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(6)
        self.names: dict[str, QLabel] = {}
        self.fields: dict[str, QLineEdit] = {}
        self.problems: dict[str, QLabel] = {}
        row = 0
        for key in (*_TEXT_FIELDS[:2], "kiosk.default_language", *_TEXT_FIELDS[2:]):
            name = label(f"{field_name(key)}-name", "panel-title")
            grid.addWidget(name, row, 0)
            if key == "kiosk.default_language":
                self.language = QComboBox()
                self.language.setObjectName(field_name(key))
                self.language.setMinimumHeight(56)
                grid.addWidget(self.language, row, 1)
            else:
                edit = QLineEdit()
                edit.setObjectName(field_name(key))
                edit.setMinimumHeight(56)
                edit.setMaxLength(120)
                grid.addWidget(edit, row, 1)
                self.fields[key] = edit
            problem = label(f"{field_name(key)}-problem", "notice")
            problem.hide()
            grid.addWidget(problem, row + 1, 1)
            self.names[key], self.problems[key] = name, problem
            row += 2
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)

        self.tiles_name = label(f"{field_name('kiosk.tiles')}-name", "panel-title")
        self.tiles_help = label("admin-tiles-help", "muted")
        self.tiles = QListWidget()
        self.tiles.setObjectName(field_name("kiosk.tiles"))
        self.tiles.setMinimumHeight(260)
        moves = QHBoxLayout()
        self.tile_up = BigButton("admin-tiles-up")
        self.tile_down = BigButton("admin-tiles-down")
        self.tile_up.clicked.connect(lambda: self._move(-1))
        self.tile_down.clicked.connect(lambda: self._move(1))
        moves.addWidget(self.tile_up)
        moves.addWidget(self.tile_down)
        moves.addStretch(1)
        self.problems["kiosk.tiles"] = label(f"{field_name('kiosk.tiles')}-problem", "notice")
        self.problems["kiosk.tiles"].hide()
        for widget in (self.tiles_name, self.tiles_help, self.tiles):
            column.addWidget(widget)
        column.addLayout(moves)
        column.addWidget(self.problems["kiosk.tiles"])

        self.save = BigButton("admin-settings-save", role="primary")
        self.save.clicked.connect(lambda: self.save_requested.emit(self.form()))
        self.message = label("admin-settings-message", "notice")
        self.message.hide()
        column.addWidget(self.save)
        column.addWidget(self.message)
        column.addStretch(1)
        self._guide_order: list[str] = []
        self.retranslate_ui()

    # -- filling and reading -----------------------------------------------------------
    def load(
        self,
        values: Mapping[str, Any],
        guides: Sequence[tuple[str, str]],
        languages: Sequence[str],
    ) -> None:
        """Show ``values`` (setting -> value); ``guides``: (id, title) in their usual order."""
        for key, field in self.fields.items():
            value = values.get(key, "")
            field.setText("" if value is None else str(value))
        self.language.clear()
        for code in languages:
            self.language.addItem(native_name(code), code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(values.get("kiosk.default_language")))
        )
        self._guide_order = [guide_id for guide_id, _title in guides]
        titles = dict(guides)
        chosen = [g for g in values.get("kiosk.tiles") or [] if g in titles]
        shown = chosen or self._guide_order
        self.tiles.clear()
        for guide_id in [*shown, *(g for g in self._guide_order if g not in shown)]:
            item = QListWidgetItem(titles[guide_id])
            item.setData(Qt.ItemDataRole.UserRole, guide_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if guide_id in shown else Qt.CheckState.Unchecked
            )
            self.tiles.addItem(item)
        self.show_problems({})
        self.show_message("")

    def form(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: edit.text() for key, edit in self.fields.items()}
        values["kiosk.default_language"] = self.language.currentData() or ""
        checked = [
            str(self.tiles.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.tiles.count())
            if self.tiles.item(i).checkState() == Qt.CheckState.Checked
        ]
        # Every guide in its usual order is what "no list" means.
        values["kiosk.tiles"] = [] if checked == self._guide_order else checked
        return values

    def _move(self, step: int) -> None:
        row = self.tiles.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.tiles.count():
            return
        item = self.tiles.takeItem(row)
        self.tiles.insertItem(target, item)
        self.tiles.setCurrentRow(target)

    # -- answers -----------------------------------------------------------------------
    def show_problems(self, problems: Mapping[str, edit.Problem]) -> None:
        for key, widget in self.problems.items():
            widget.setText(self.words(problems[key]) if key in problems else "")
            widget.setVisible(key in problems)
        other = [self.words(p) for key, p in problems.items() if key not in self.problems]
        if other:
            self.show_message("\n".join(other))

    def words(self, problem: edit.Problem) -> str:
        """Why a value was refused, in the staff's language."""
        kind = problem.kind
        if kind == edit.NOT_A_NUMBER:
            return self.tr("Type a whole number, like 180.")
        if kind == edit.OUT_OF_RANGE:
            return self.tr("Type a number from {low} to {high}.").format(
                low=problem.low, high=problem.high
            )
        if kind == edit.NOT_A_PHONE:
            return self.tr("A phone number has 5 to 15 digits (spaces, + and - are fine).")
        if kind == edit.TOO_LONG:
            return self.tr("This is too long.")
        if kind == edit.NOT_OFFERED:
            return self.tr("Choose one of the kiosk's languages.")
        if kind == edit.NOT_A_GUIDE:
            return self.tr("Choose tiles from the list.")
        if kind == edit.NOT_SAVED:
            return self.tr("The settings could not be saved ({reason}).").format(
                reason=problem.detail
            )
        return str(problem)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- the wipe ----------------------------------------------------------------------
    def forget(self) -> None:
        forget_text(*self.fields.values())
        self.tiles.clear()
        self.language.clear()
        self.show_problems({})
        self.show_message("")

    def leftovers(self) -> list[str]:
        if any(edit.text() for edit in self.fields.values()) or self.tiles.count():
            return ["the settings form still holds values"]
        return []

    def retranslate_ui(self) -> None:
        names = {
            "session.idle_timeout_s": self.tr("Seconds without a touch before the warning"),
            "session.warning_s": self.tr("Seconds the warning counts down"),
            "kiosk.default_language": self.tr("Language after each visitor"),
            "printing.printer": self.tr("Printer (empty: the default printer)"),
            "printing.max_pages_per_session": self.tr("Pages one visitor may print (0: none)"),
            "helpdesk.centre_phone": self.tr("Centre's phone number"),
            "helpdesk.centre_whatsapp": self.tr("Centre's WhatsApp number"),
        }
        for key, text in names.items():
            self.names[key].setText(text)
        self.tiles_name.setText(self.tr("Tiles on the home screen"))
        self.tiles_help.setText(
            self.tr(
                "Tick the tiles to show. Choose a tile and move it up or down to change the order."
            )
        )
        self.tile_up.setText(self.tr("Move up"))
        self.tile_down.setText(self.tr("Move down"))
        self.save.setText(self.tr("Save the settings"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
