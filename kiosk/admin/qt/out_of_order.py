""" "This computer is out of order — please tell staff", in every language at once.

Two places show it: the supervisor's own small window (``kiosk out-of-order``, a process
of its own, when the kiosk keeps failing to start) and an overlay in the kiosk (staff
turned "out of order" on from the staff page). Nobody has chosen a language when either
shows, so all languages are on screen together, the default one first and large; like
the attract screen's texts, these live in a table rather than the Qt catalogues.
"""

from __future__ import annotations

import signal
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.qt.cover import Cover
from kiosk.languages import RIGHT_TO_LEFT
from kiosk.ui.controls import label, set_role
from kiosk.ui.theme import NORMAL, stylesheet

OBJECT_NAME = "out-of-order-screen"

#: language -> (heading, what to do)
OUT_OF_ORDER_TEXTS: dict[str, tuple[str, str]] = {
    "fi": ("Tämä tietokone on epäkunnossa", "Kerro siitä henkilökunnalle."),
    "sv": ("Den här datorn är ur funktion", "Säg till personalen."),
    "en": ("This computer is out of order", "Please tell staff."),
    "ru": ("Этот компьютер не работает", "Пожалуйста, скажите об этом сотрудникам."),
    "uk": ("Цей комп’ютер не працює", "Будь ласка, скажіть про це працівникам."),
    "et": ("See arvuti ei tööta", "Palun ütle seda töötajatele."),
    "so": ("Kombiyuutarkan ma shaqaynayo", "Fadlan u sheeg shaqaalaha."),
    "ar": ("هذا الحاسوب معطّل", "من فضلك أخبر الموظفين."),
}


def ordered_languages(languages: tuple[str, ...], default_language: str) -> list[str]:
    """The default language first, then the others as the settings list them, then any
    language the settings leave out (a visitor may still read it)."""
    order = [default_language, *languages, *OUT_OF_ORDER_TEXTS]
    return [code for code in dict.fromkeys(order) if code in OUT_OF_ORDER_TEXTS]


class OutOfOrderCard(QFrame):
    """The texts: the first language large, the others in a calm grid below."""

    def __init__(self, languages: tuple[str, ...], default_language: str) -> None:
        super().__init__()
        set_role(self, "card")
        self.setObjectName("out-of-order-card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(8)
        codes = ordered_languages(languages, default_language)
        first, rest = codes[0], codes[1:]
        self.headings: dict[str, QWidget] = {}
        heading, what = OUT_OF_ORDER_TEXTS[first]
        self.headings[first] = self._text(f"out-of-order-{first}", "title", heading, first)
        layout.addWidget(self.headings[first])
        layout.addWidget(self._text(f"out-of-order-{first}-text", "heading", what, first))
        layout.addSpacing(16)
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(14)
        for index, code in enumerate(rest):
            heading, what = OUT_OF_ORDER_TEXTS[code]
            cell = QVBoxLayout()
            cell.setSpacing(2)
            self.headings[code] = self._text(f"out-of-order-{code}", "panel-title", heading, code)
            cell.addWidget(self.headings[code])
            cell.addWidget(self._text(f"out-of-order-{code}-text", "muted", what, code))
            grid.addLayout(cell, index // 2, index % 2)
        layout.addLayout(grid)
        self.setMaximumWidth(1100)

    @staticmethod
    def _text(name: str, role: str, text: str, code: str) -> QWidget:
        widget = label(name, role)
        widget.setText(text)
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if code in RIGHT_TO_LEFT:
            widget.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        return widget


class OutOfOrderOverlay(Cover):
    """Inside the kiosk: covers the whole window (opaque: nothing behind it can be seen or
    touched) while staff keep the kiosk out of order."""

    def __init__(self, languages: tuple[str, ...], default_language: str, parent: QWidget) -> None:
        super().__init__(OBJECT_NAME, parent)
        self.setStyleSheet(f"QWidget#{OBJECT_NAME} {{ background: {NORMAL.background}; }}")
        self.content = _centred(self, OutOfOrderCard(languages, default_language))


class OutOfOrderWindow(QWidget):
    """The supervisor's own window: nothing but the texts, full screen."""

    def __init__(self, languages: tuple[str, ...], default_language: str) -> None:
        super().__init__()
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle("Digituki kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            stylesheet(1.0, False) + f"QWidget#{OBJECT_NAME} {{ background: #F3F1EC; }}"
        )
        self.content = _centred(self, OutOfOrderCard(languages, default_language))


def _centred(host: QWidget, card: OutOfOrderCard) -> OutOfOrderCard:
    """The card in the middle of ``host``, as wide as the screen allows (up to the card's
    maximum): on a 1024 px screen every pixel of width saves a wrapped line."""
    outer = QVBoxLayout(host)
    outer.setContentsMargins(32, 24, 32, 24)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addWidget(card, 1)
    outer.addLayout(row)
    outer.addStretch(2)
    return card


def run_screen(languages: tuple[str, ...], default_language: str, *, windowed: bool) -> int:
    """``kiosk out-of-order``: show the window until the supervisor ends this process."""
    # The supervisor ends the screen with SIGTERM: the default action (end at once) is
    # right, there is nothing to save. Ctrl+C in a terminal likewise.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = OutOfOrderWindow(languages, default_language)
    if windowed:
        window.resize(1024, 768)
        window.show()
    else:
        window.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.Window)
        window.showFullScreen()
    return int(app.exec())
