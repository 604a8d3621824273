"""The attract screen: "Touch to start", in every language the kiosk offers at once,
with the privacy promise that everything is erased at the end.

The texts are shown side by side (a visitor looks for their own language before they
can choose one), so they live in this table, not in the Qt catalogues.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.shell.controls import label, set_role

#: language -> (touch to start, privacy promise, after a wipe)
ATTRACT_TEXTS: dict[str, tuple[str, str, str]] = {
    "fi": (
        "Aloita koskettamalla näyttöä",
        "Kun lopetat, kaikki tekemäsi pyyhitään pois.",
        "Kiitos! Edellisen käyttäjän tiedot on pyyhitty.",
    ),
    "sv": (
        "Tryck på skärmen för att börja",
        "När du slutar raderas allt du har gjort.",
        "Tack! Den förra användarens uppgifter är raderade.",
    ),
    "en": (
        "Touch the screen to start",
        "When you finish, everything you did is erased.",
        "Thank you! Everything from the last visit has been erased.",
    ),
}


class AttractScreen(QWidget):
    """Signals: touched()"""

    touched = Signal()

    def __init__(self, languages: tuple[str, ...], centre_name: str = "") -> None:
        super().__init__()
        self.setObjectName("attract-screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        shown = [code for code in languages if code in ATTRACT_TEXTS] or ["fi", "en"]
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        outer.addStretch(1)
        self.centre = label("attract-centre", "heading")
        self.centre.setText(centre_name)
        self.centre.setVisible(bool(centre_name))
        self.centre.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.centre)
        card = QFrame()
        set_role(card, "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        self.starts: list[QLabel] = []
        self.promises: list[QLabel] = []
        self.thanks: list[QLabel] = []
        for code in shown:
            start, promise, thanks = ATTRACT_TEXTS[code]
            for text, role, bucket in (
                (start, "title", self.starts),
                (promise, "", self.promises),
                (thanks, "muted", self.thanks),
            ):
                widget = label(f"attract-{code}-{len(bucket)}", role)
                widget.setText(text)
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
                bucket.append(widget)
            layout.addWidget(self.starts[-1])
            layout.addWidget(self.promises[-1])
            layout.addWidget(self.thanks[-1])
            layout.addSpacing(18)
        card.setMaximumWidth(1000)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 8)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.show_thanks(False)

    def show_thanks(self, visible: bool) -> None:
        """After a wipe, say so until the next visitor starts."""
        for widget in self.thanks:
            widget.setVisible(visible)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the release starts the visit (see below)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # On release, not press: the touch is over before the tiles appear, so it cannot
        # open the tile that happens to be under the finger.
        event.accept()
        self.touched.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()
        self.touched.emit()
