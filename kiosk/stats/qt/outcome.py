""" "Did you get it done?": one tap at the end of a session, or none.

Shown over the whole window after the visitor confirmed "End session". Three answers of
equal weight (none is highlighted, so none is suggested) and "Skip"; any of them ends the
session. The answer is only counted, with nothing else of the visitor; the widget keeps
nothing once hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.stats.events import Outcome
from kiosk.ui.controls import BigButton, label
from kiosk.ui.window_overlay import WindowOverlay


class OutcomeQuestion(WindowOverlay):
    """Signals:
    answered(object): the visitor's :class:`~kiosk.stats.events.Outcome`.
    skipped(): the visitor did not want to answer.
    """

    answered = Signal(object)
    skipped = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__("outcome-question", parent)
        self.heading = label("outcome-heading", "title")
        self.explain = label("outcome-text")
        answers = QHBoxLayout()
        answers.setSpacing(20)
        self.buttons: dict[Outcome, BigButton] = {}
        for outcome in Outcome:
            button = BigButton(f"outcome-{outcome.value}")
            button.setMinimumHeight(96)
            button.clicked.connect(lambda _checked=False, o=outcome: self._on_answer(o))
            answers.addWidget(button)
            self.buttons[outcome] = button
        self.skip_button = BigButton("outcome-skip")
        self.skip_button.clicked.connect(self._on_skip)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.explain)
        self.body.addLayout(answers)
        self.body.addWidget(self.skip_button)
        self.retranslate_ui()

    def _on_answer(self, outcome: Outcome) -> None:
        if self.isHidden():  # a second tap while the session is already ending
            return
        self.hide()
        self.answered.emit(outcome)

    def _on_skip(self) -> None:
        if self.isHidden():
            return
        self.hide()
        self.skipped.emit()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Did you get it done?"))
        self.explain.setText(
            self.tr(
                "One tap is enough. Your answer is only counted, together with everyone "
                "else's; nobody sees it was yours."
            )
        )
        self.buttons[Outcome.YES].setText(self.tr("Yes"))
        self.buttons[Outcome.PARTLY].setText(self.tr("Partly"))
        self.buttons[Outcome.NO].setText(self.tr("No"))
        self.skip_button.setText(self.tr("Skip"))
        self.setAccessibleName(self.tr("Did you get it done?"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
