"""The help dialog as a visitor sees it in the real kiosk: in the kiosk's colours in both
themes (measured from grabs), centred over the dimmed window, the chosen topic plainly
chosen, and no topic name cut in any language, also when a phone-number error shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.helpdesk.model import Topic
from kiosk.helpdesk.qt.dialog import HelpDialog
from kiosk.languages import UI_LANGUAGES
from kiosk.ui.hyphens import plain
from kiosk.ui.theme import palette
from tests.helpers.looks import grab_in_window, hex_of, ink_contrast
from tests.helpers.screens import save_screenshot
from tests.qt.conftest import MakeKiosk


def _dialogs() -> list[HelpDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible()
    ]


def _open(qtbot: QtBot, kiosk: KioskApp) -> HelpDialog:
    qtbot.mouseClick(kiosk.window.top_bar.help, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_dialogs()))
    dialog = _dialogs()[0]
    qtbot.waitExposed(dialog)
    for _ in range(3):
        QApplication.processEvents()
    return dialog


def _kiosk(make_kiosk: MakeKiosk, tmp_path: Path, high_contrast: bool = False) -> KioskApp:
    # A help desk nobody answers: the dialog offers Send and says the line is down.
    kiosk = make_kiosk(helpdesk={"url": "http://127.0.0.1:9", "centre_phone": "09 123 4567"})
    if high_contrast:
        kiosk.session.preferences.toggle_contrast()
    return kiosk


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_dialog_has_the_kiosks_colours_and_shows_the_chosen_topic(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, high_contrast: bool
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, high_contrast)
    p = palette(high_contrast)
    needed = 7.0 if high_contrast else 4.5
    dialog = _open(qtbot, kiosk)
    window = kiosk.window
    # Over the whole window, its card in the middle, the kiosk dimmed behind it.
    assert dialog.size() == window.size()
    card = dialog.card
    centre = card.mapTo(dialog, card.rect().center())
    assert abs(centre.x() - dialog.width() // 2) <= 2
    assert abs(centre.y() - dialog.height() // 2) <= 2
    shot = dialog.grab().toImage()
    behind = window.grab().toImage()
    corner = QPoint(5, dialog.height() - 5)
    assert shot.pixelColor(corner).lightness() < behind.pixelColor(corner).lightness() or (
        behind.pixelColor(corner).lightness() == 0
    )
    # Every text and picture stands out from the card (high contrast: 7:1).
    weak = {}
    parts = [dialog.heading, dialog.phone_label, dialog.phone_input]
    parts += [b.picture for b in dialog.topics.values()]
    parts += [b.name for b in dialog.topics.values()]
    for part in parts:
        ratio = ink_contrast(grab_in_window(part, 4 if part is dialog.phone_input else 0))
        if ratio < needed:
            weak[part.objectName() or type(part).__name__] = round(ratio, 2)
    assert not weak, weak
    # The placeholder in the empty phone field too.
    field = grab_in_window(dialog.phone_input, 6)
    assert ink_contrast(field) >= needed
    # Choosing a topic: it is filled in the primary colour and marked, its name and
    # picture still readable on it.
    chosen = dialog.topics[Topic.LOGIN]
    before = grab_in_window(chosen)
    qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    after = grab_in_window(chosen)
    assert before != after
    assert hex_of(after.pixelColor(after.width() // 2, 12)) == p.primary
    assert chosen.mark.pixmap() is not None and not chosen.mark.pixmap().isNull()
    assert ink_contrast(grab_in_window(chosen.name)) >= needed
    assert dialog.send_button.isEnabled()
    save_screenshot(dialog, f"help/help-dialog-{'hc' if high_contrast else 'normal'}")


def _cut(label: QLabel) -> list[str]:
    problems = []
    if label.heightForWidth(label.width()) > label.height():
        problems.append("lines cut off")
    # A letter's descent (j, the dots under Arabic letters) fits in the label.
    if label.height() < label.fontMetrics().height():
        problems.append("lower than one line")
    widest = max(
        (
            label.fontMetrics().horizontalAdvance(piece + "-")
            for piece in plain(label.text()).split()
        ),
        default=0,
    )
    if widest > label.width() and "\u00ad" not in label.text():
        problems.append("a word wider than the label")
    return problems


@pytest.mark.parametrize("width", [1024, 1366])
def test_no_topic_name_is_cut_in_any_language_even_with_a_phone_error(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, width: int
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path)
    kiosk.window.resize(width, 768)
    qtbot.waitUntil(lambda: kiosk.window.width() == width)
    for code in UI_LANGUAGES:
        kiosk.session.preferences.set_language(code)
        dialog = _open(qtbot, kiosk)
        qtbot.mouseClick(dialog.topics[Topic.FORM], Qt.MouseButton.LeftButton)
        dialog.phone_input.setText("12")
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        assert dialog.problem.isVisible()
        QApplication.processEvents()
        cut = {
            f"{topic.value}: {plain(button.name.text())!r}": _cut(button.name)
            for topic, button in dialog.topics.items()
            if _cut(button.name)
        }
        assert not cut, f"{code} at {width}: {cut}"
        # The topics keep their pictures and names (they never shrink to bare icons).
        for button in dialog.topics.values():
            assert button.height() >= button.picture.height() + button.name.height()
        save_screenshot(dialog, f"help/help-dialog-error-{code}-{width}")
        dialog.reject()
        qtbot.waitUntil(lambda: not _dialogs())
