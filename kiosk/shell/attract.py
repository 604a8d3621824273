"""The attract screen: "Touch to start", in every language the kiosk offers at once,
with the privacy promise that everything is erased at the end.

The texts are shown side by side (a visitor looks for their own language before they
can choose one), so they live in this table, not in the Qt catalogues.

Eight languages would not fit a 1024x768 screen at full size: the default language and
Finnish, Swedish and English (up to three) are large; the others sit in a calm grid
below, smaller. Each says the promise; after a wipe, the thanks in its place.

Old PCs bring small screens (netbooks at 1024x600, 800x600 monitors): where the card
does not fit the screen's height at the window's text size, its text is made smaller in
steps until it does (``kiosk.ui.text_fit``), rather than cut off in the middle.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.controls import label, set_role
from kiosk.ui.text_fit import TextFit

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
    "ru": (
        "Коснитесь экрана, чтобы начать",
        "Когда вы закончите, всё, что вы делали, будет стёрто.",
        "Спасибо! Всё с прошлого посещения стёрто.",
    ),
    "uk": (
        "Торкніться екрана, щоб почати",
        "Коли ви закінчите, усе, що ви робили, буде стерто.",
        "Дякуємо! Усе з попереднього візиту стерто.",
    ),
    "et": (
        "Alustamiseks puuduta ekraani",
        "Kui lõpetad, kustutatakse kõik, mida sa tegid.",
        "Aitäh! Eelmise külastuse andmed on kustutatud.",
    ),
    "so": (
        "Taabo shaashadda si aad u bilowdo",
        "Marka aad dhammayso, wax kasta oo aad samaysay waa la tirtirayaa.",
        "Mahadsanid! Wax kasta oo booqashadii hore waa la tirtiray.",
    ),
    "ar": (
        "المس الشاشة للبدء",
        "عندما تنتهي، يُمسح كل ما فعلته.",
        "شكرًا! مُسح كل شيء من الزيارة السابقة.",
    ),
}

#: Languages shown large besides the default one (Finland's two official ones and English).
LARGE_LANGUAGES = ("fi", "sv", "en")
MAX_LARGE = 3
COMPACT_COLUMNS = 3


def split_languages(
    languages: tuple[str, ...], default_language: str | None = None
) -> tuple[list[str], list[str]]:
    """(shown large, shown small): the default language first, then fi/sv/en, at most three."""
    shown = [code for code in languages if code in ATTRACT_TEXTS] or ["fi", "en"]
    default = default_language if default_language in shown else shown[0]
    large = [default, *(c for c in shown if c in LARGE_LANGUAGES and c != default)][:MAX_LARGE]
    return large, [code for code in shown if code not in large]


class AttractScreen(QWidget):
    """Signals: touched()"""

    touched = Signal()

    def __init__(
        self,
        languages: tuple[str, ...],
        centre_name: str = "",
        default_language: str | None = None,
    ) -> None:
        super().__init__()
        #: Smaller text where the screen is too small for it (old PCs' 1024x600).
        self.text_fit = TextFit(self, lambda: self.card)
        self.setObjectName("attract-screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        large, compact = split_languages(languages, default_language)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addStretch(1)
        self.centre = label("attract-centre", "heading")
        self.centre.setText(centre_name)
        self.centre.setVisible(bool(centre_name))
        self.centre.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.centre)
        self.card = card = QFrame()
        card.setObjectName("attract-card")
        set_role(card, "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(6)
        self.starts: list[QLabel] = []
        self.promises: list[QLabel] = []
        self.thanks: list[QLabel] = []
        for code in large:
            start, promise, thanks = ATTRACT_TEXTS[code]
            for text, role, bucket in (
                (start, "title", self.starts),
                (promise, "", self.promises),
                (thanks, "muted", self.thanks),
            ):
                widget = self._text(f"attract-{code}-{len(bucket)}", role, text)
                bucket.append(widget)
                layout.addWidget(widget)
            layout.addSpacing(10)
        if compact:
            rule = QFrame()
            rule.setFrameShape(QFrame.Shape.HLine)
            rule.setObjectName("attract-rule")
            layout.addWidget(rule)
            layout.addSpacing(8)
            grid = QGridLayout()
            grid.setHorizontalSpacing(28)
            grid.setVerticalSpacing(18)
            # Two grid columns a language, so that a shorter last row sits in the middle.
            columns = min(COMPACT_COLUMNS, len(compact))
            for index, code in enumerate(compact):
                start, promise, thanks = ATTRACT_TEXTS[code]
                cell = QVBoxLayout()
                cell.setSpacing(2)
                start_label = self._text(f"attract-{code}-{len(self.starts)}", "panel-title", start)
                promise_label = self._text(f"attract-{code}-{len(self.promises)}", "muted", promise)
                thanks_label = self._text(f"attract-{code}-{len(self.thanks)}", "muted", thanks)
                self.starts.append(start_label)
                self.promises.append(promise_label)
                self.thanks.append(thanks_label)
                for widget in (start_label, promise_label, thanks_label):
                    cell.addWidget(widget)
                cell.addStretch(1)
                line, place = divmod(index, columns)
                in_line = min(columns, len(compact) - line * columns)
                grid.addLayout(cell, line, place * 2 + (columns - in_line), 1, 2)
            for column in range(columns * 2):
                grid.setColumnStretch(column, 1)
            layout.addLayout(grid)
        # As wide as the screen allows (up to a comfortable line length): on 1024 px
        # screens every pixel of width saves a wrapped line of height.
        card.setMaximumWidth(1100)
        row = QHBoxLayout()
        row.addWidget(card, 1)
        outer.addLayout(row)
        outer.addStretch(2)
        #: With many languages, the thanks after a wipe takes the promise's place: the
        #: card keeps its size and still fits a 1024x768 screen.
        self._swapped = self.promises if compact else []
        self.show_thanks(False)

    @staticmethod
    def _text(name: str, role: str, text: str) -> QLabel:
        widget = label(name, role)
        widget.setText(text)
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return widget

    def show_thanks(self, visible: bool) -> None:
        """After a wipe, say so until the next visitor starts."""
        for widget in self.thanks:
            widget.setVisible(visible)
        for widget in self._swapped:
            widget.setVisible(not visible)
        self.text_fit.again(from_full=False)

    # -- fitting a small screen ---------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.text_fit.again(from_full=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.text_fit.again(from_full=False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:  # the window's text size or contrast
            self.text_fit.restyled()

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
