"""The kiosk in all eight languages: every visible text changes, Arabic mirrors the layout,
the attract screen fits them all, and each tile names its guide's languages."""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import KioskApp
from kiosk.languages import LANGUAGES, UI_LANGUAGES, native_name
from kiosk.shell.attract import ATTRACT_TEXTS
from kiosk.shell.i18n import catalogue
from kiosk.ui import icons
from kiosk.ui.controls import BigButton
from kiosk.ui.theme import Sizes, palette, stylesheet
from tests.helpers.guides import service_guide
from tests.helpers.screens import save_screenshot
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk
from tests.qt.shell.test_choices import _visible_texts

_LRM = "\u200e"
# Texts that are the same in every language on purpose (A− and A+ carry a left-to-right
# mark in Arabic so that they do not turn into "−A").
_SAME_IN_EVERY_LANGUAGE = {
    *(lang.native_name for lang in LANGUAGES.values()),
    "A+",
    "A−",
    f"A+{_LRM}",
    f"A−{_LRM}",
    "",
}
# What each language calls English in the guide panel's "shown in ..." notice: a guide
# without the visitor's language is shown in English for these visitors (then Finnish).
_ENGLISH = {
    "ru": "английский",
    "uk": "англійська",
    "et": "inglise",
    "so": "af-Ingiriis",
    "ar": "الإنجليزية",
}
_NOTICE = "guide-language-notice"
_SPEAK = "guide-speak-button"


def _still_english(texts: dict[str, str], english: dict[str, str]) -> dict[str, str]:
    return {
        name: text
        for name, text in texts.items()
        if text == english.get(name) and text not in _SAME_IN_EVERY_LANGUAGE
    }


def _click(qtbot: QtBot, root: QWidget, name: str) -> None:
    widget = root.findChild(QWidget, name)
    assert widget is not None, name
    assert widget.isVisible(), f"{name} is not visible"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _choose_language(qtbot: QtBot, kiosk: KioskApp, code: str) -> None:
    """As a visitor does: a top-bar button, or "Languages" (or the one language button
    of a narrow bar) and then the chooser."""
    window = kiosk.window
    inline = window.top_bar.language_buttons.get(code)
    if inline is not None and inline.isVisible():
        _click(qtbot, window.top_bar, f"language-{code}")
    else:
        _click(qtbot, window.top_bar, "language-more")
        assert window.language_chooser.isVisible()
        _click(qtbot, window.language_chooser, f"language-{code}")
        assert not window.language_chooser.isVisible()
    assert kiosk.session.preferences.choices.language == code
    # Layouts follow a change of direction on the next turns of the event loop.
    qtbot.waitUntil(lambda: not window.visit.layout().geometry().isEmpty())
    QApplication.processEvents()


def _kiosk(make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, **sections: object) -> KioskApp:
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    return make_kiosk(tmp_path / "guides", **sections)


def _dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def _centre_x(widget: QWidget, root: QWidget) -> int:
    return widget.mapTo(root, QPoint(widget.width() // 2, 0)).x()


def _icon_image(button: BigButton) -> QImage:
    size = Sizes.for_scale(1.0).icon * 2  # the icon's own pixels: no scaling in between
    return button.icon().pixmap(QSize(size, size)).toImage()


def _drawn_icon(name: str, *, right_to_left: bool, colour: str = palette(False).text) -> QImage:
    size = Sizes.for_scale(1.0).icon
    icon = icons.icon(name, colour, size, right_to_left=right_to_left)
    return icon.pixmap(QSize(size * 2, size * 2)).toImage()


def test_the_default_offers_all_eight_languages_with_overflow_in_the_chooser(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    assert tuple(kiosk.config.kiosk.languages) == ("fi", "sv", "en", "ru", "uk", "et", "so", "ar")
    assert set(UI_LANGUAGES) == set(kiosk.config.kiosk.languages)
    assert tuple(kiosk.window.top_bar.language_buttons) == ("fi", "sv", "en")
    # The chooser has every language (a narrow bar has only one language button).
    assert tuple(kiosk.window.language_chooser.buttons) == UI_LANGUAGES
    for code, button in kiosk.window.language_chooser.buttons.items():
        assert button.text() == native_name(code)
    assert kiosk.window.language_chooser.buttons["fi"].property("current") is True


def test_every_language_retranslates_every_visible_string(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    window = kiosk.window
    guide_languages = ("fi", "sv", "en")  # the test guide's
    for screen in ("home", "service"):
        if screen == "service":
            _click(qtbot, window, "tile-test-service")
            _click(qtbot, window, "guide-next-button")  # step 1
            _click(qtbot, window, "guide-next-button")  # step 2, with its Yes/No check
            _click(qtbot, window, "guide-next-button")  # asks the check before moving on
            _click(qtbot, window, "guide-check-no")  # and the help button under it
        _choose_language(qtbot, kiosk, "en")
        english = _visible_texts(window)
        assert len(english) > 5, english
        for code in UI_LANGUAGES:
            if code == "en":
                continue
            _choose_language(qtbot, kiosk, code)
            translated = _visible_texts(window)
            # Read aloud shows only where a voice exists for the text shown (the mock
            # engine: fi and en); a guide without the language is shown in English.
            shown_in = code if code in guide_languages else "en"
            assert (_SPEAK in translated) == (screen == "service" and shown_in in ("fi", "en"))
            # "Not in your language, shown in English" where the guide lacks the language.
            has_notice = screen == "service" and code not in guide_languages
            assert (_NOTICE in translated) == has_notice, code
            if has_notice:
                notice = translated[_NOTICE]
                assert _ENGLISH[code] in notice, notice
                assert "{" not in notice
            ignore = {_SPEAK, _NOTICE}
            assert translated.keys() - ignore == english.keys() - ignore, code
            untranslated = _still_english(translated, english)
            untranslated.pop("address-label", None)  # an address is not words
            if has_notice:  # the guide's own text is English on purpose (see the notice)
                for guide_text in ("guide-title", "guide-step-text", "guide-check-question"):
                    untranslated.pop(guide_text, None)
            assert not untranslated, f"{screen} in {code}: still English: {untranslated}"


def test_overlays_are_translated_in_every_language(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    window = kiosk.window
    overlays = (window.end_confirm, window.idle_warning, window.language_chooser)
    english: dict[str, dict[str, str]] = {}
    for code in ("en", *(c for c in UI_LANGUAGES if c != "en")):
        _choose_language(qtbot, kiosk, code)
        for overlay in overlays:
            overlay.popup()
            texts = _visible_texts(overlay)
            overlay.hide()
            if code == "en":
                english[overlay.objectName()] = texts
                continue
            same = _still_english(texts, english[overlay.objectName()])
            assert not same, f"{overlay.objectName()} in {code}: still English: {same}"


def test_arabic_mirrors_the_layout_and_finnish_restores_it(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    window = kiosk.window
    bar = window.top_bar
    _click(qtbot, window, "tile-test-service")
    service = window.service
    back = service.bar.back
    assert _icon_image(back) == _drawn_icon("back", right_to_left=False)

    _choose_language(qtbot, kiosk, "ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft() and service.guide_panel.isRightToLeft()
    # The help button is on the left half of the top bar, the languages on the right.
    assert _centre_x(bar.help, bar) < bar.width() // 2
    assert _centre_x(bar.language_buttons["fi"], bar) > bar.width() // 2
    # The guide is on the left of the page, its title at the panel's right edge.
    panel, page = service.guide_panel, service.content
    assert panel.mapTo(window, QPoint(panel.width(), 0)).x() <= page.mapTo(window, QPoint()).x()
    title = panel.title
    assert title.mapTo(panel, QPoint(title.width(), 0)).x() > panel.width() - 40
    # Back points right, Next points left; A− stays A−.
    assert _icon_image(back) == _drawn_icon("back", right_to_left=True)
    assert _icon_image(back) != _drawn_icon("back", right_to_left=False)
    # Next tip is the guide's own, secondary button (never the page's blue one).
    assert _icon_image(panel.next_button) == _drawn_icon("forward", right_to_left=True)
    assert bar.smaller.text() == f"A−{_LRM}"
    save_screenshot(window, "service-ar")
    _click(qtbot, window, "home-button")
    # The tile's Finnish texts start at the right, under the picture.
    tile = window.home.tiles[0]
    for text in (tile.title, tile.summary, tile.languages):
        assert text.mapTo(tile, QPoint(text.width(), 0)).x() > tile.width() - 40
    save_screenshot(window, "home-ar")

    _choose_language(qtbot, kiosk, "fi")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert not window.isRightToLeft()
    assert _centre_x(bar.help, bar) > bar.width() // 2
    assert _centre_x(bar.language_buttons["fi"], bar) < bar.width() // 2
    assert bar.smaller.text() == "A−"
    assert _icon_image(back) == _drawn_icon("back", right_to_left=False)
    _click(qtbot, window, "tile-test-service")
    assert panel.mapTo(window, QPoint()).x() >= page.mapTo(window, QPoint(page.width(), 0)).x()


def test_arabic_help_dialog_is_right_to_left(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    _choose_language(qtbot, kiosk, "ar")
    _click(qtbot, kiosk.window, "help-button")
    qtbot.waitUntil(lambda: bool(_dialogs()))
    dialog = _dialogs()[0]
    assert dialog.objectName() == "help-dialog"
    assert dialog.isRightToLeft()
    # Its first topic (logging in) sits at the right, where an Arabic reader starts.
    first = dialog.findChild(QWidget, "help-topic-login")
    assert first is not None
    assert _centre_x(first, dialog) > dialog.width() // 2
    save_screenshot(dialog, "help-dialog-ar")


def _cut_texts(screen: QWidget) -> list[str]:
    """The shown wrapped texts given less height than their lines need (cut off)."""
    return [
        label.objectName()
        for label in screen.findChildren(QLabel)
        if label.isVisible()
        and label.wordWrap()
        and label.height() < label.heightForWidth(label.width())
    ]


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 768), (1024, 600), (800, 600)])
def test_attract_screen_shows_all_eight_languages_and_fits(
    qtbot: QtBot, make_kiosk: MakeKiosk, width: int, height: int
) -> None:
    """Old PCs bring small screens (a netbook's 1024x600): the text gets smaller, no
    sentence is cut off. The worst case: a centre name above the card, and the thanks
    after a wipe."""
    kiosk = make_kiosk(start=False, kiosk={"windowed": True, "centre_name": "Päiväkeskus Kalliola"})
    window = kiosk.window
    window.resize(width, height)
    attract = window.attract
    qtbot.waitUntil(lambda: attract.width() == width and attract.height() == height)
    for after_wipe in (False, True):
        window.show_attract(after_wipe=after_wipe)
        qtbot.waitUntil(lambda: not attract.text_fit.busy)
        QApplication.processEvents()
        shown = {label.text() for label in attract.starts if label.isVisible()}
        assert shown == {texts[0] for texts in ATTRACT_TEXTS.values()}
        assert len(shown) == len(UI_LANGUAGES) == 8
        thanks = {label.text() for label in attract.thanks if label.isVisible()}
        assert thanks == ({texts[2] for texts in ATTRACT_TEXTS.values()} if after_wipe else set())
        clipped = _cut_texts(attract)
        assert not clipped, f"clipped at {width}x{height}: {clipped}"
        card = attract.card
        assert card.mapTo(window, QPoint(0, card.height())).y() <= window.height()
        assert card.mapTo(window, QPoint(card.width(), 0)).x() <= window.width()
        # Full size wherever it fits; smaller only where it must.
        assert (attract.text_fit.scale == 1.0) == (height >= 768), attract.text_fit.scale
        save_screenshot(window, f"attract-{width}x{height}{'-after-wipe' if after_wipe else ''}")


def test_a_small_screen_fits_again_when_the_look_changes(
    qtbot: QtBot, make_kiosk: MakeKiosk
) -> None:
    """Bigger text (a visitor's choice, or a centre's default) on a 1024x600 screen: the
    attract screen's texts shrink further and nothing is cut off; back to the usual look,
    they grow back (Qt's layout depends a little on its history: within a step)."""
    kiosk = make_kiosk(start=False, kiosk={"windowed": True, "centre_name": "Päiväkeskus Kalliola"})
    window = kiosk.window
    window.resize(1024, 600)
    attract = window.attract
    qtbot.waitUntil(lambda: attract.size() == QSize(1024, 600))
    window.show_attract(after_wipe=False)

    def fitted() -> float:
        qtbot.waitUntil(lambda: not attract.text_fit.busy)
        QApplication.processEvents()
        cut = _cut_texts(attract)
        assert not cut, cut
        return attract.text_fit.scale

    usual = fitted()
    assert usual < 1.0
    window.setStyleSheet(stylesheet(1.5, False))
    assert fitted() < usual
    window.setStyleSheet(stylesheet(1.0, False))
    assert abs(fitted() - usual) <= 0.1 + 1e-9


def test_top_bar_stays_one_row_at_1366_in_every_translation(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    bar = kiosk.window.top_bar
    for code in UI_LANGUAGES:
        _choose_language(qtbot, kiosk, code)
        buttons = [b for b in bar.findChildren(QAbstractButton) if b.isVisible()]
        # One row: every button overlaps every other vertically.
        lowest_top = max(b.y() for b in buttons)
        highest_bottom = min(b.y() + b.height() for b in buttons)
        assert lowest_top < highest_bottom, f"the top bar wraps in {code}"


def test_tiles_name_their_guides_languages(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    tile = kiosk.window.home.tiles[0]
    for code in ("fi", "uk", "ar"):
        _choose_language(qtbot, kiosk, code)
        assert tile.languages.isVisible()
        assert tile.languages.text() == "Suomi · Svenska · English"
        assert "Suomi · Svenska · English" in tile.accessibleDescription()


def test_new_languages_ask_pages_in_the_language_then_english_then_finnish(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    _choose_language(qtbot, kiosk, "uk")
    _click(qtbot, kiosk.window, "tile-test-service")
    qtbot.waitUntil(lambda: bool(web.seen("/start")))
    header = web.seen("/start")[-1].headers["accept-language"]
    ranked = [part.split(";")[0] for part in header.split(",")]
    assert ranked[0].startswith("uk")
    assert ranked.index("en") < ranked.index("fi")


def test_the_kiosk_font_has_every_letter_of_every_language(qapp: QApplication) -> None:
    """Arabic and Cyrillic need their glyphs in the font Qt picks (DejaVu Sans on Linux,
    from fonts-dejavu-core in scripts/setup); no empty boxes for a visitor."""
    family = QFontInfo(QApplication.font()).family()
    metrics = QFontMetrics(QFont(family))
    for code in UI_LANGUAGES:
        text = "".join(ATTRACT_TEXTS[code]) + native_name(code)
        if code != "en":
            root = ET.parse(catalogue(code, ".ts")).getroot()
            text += "".join(t.text or "" for t in root.iter("translation"))
        missing = {
            char
            for char in text
            if unicodedata.category(char) not in ("Cc", "Cf", "Zs")
            and not metrics.inFontUcs4(ord(char))
        }
        assert not missing, f"{family} has no glyph for {sorted(missing)} ({code})"


@pytest.mark.parametrize("width", [1366, 1024])
def test_long_words_fit_the_tiles_and_buttons(
    qtbot: QtBot, make_kiosk: MakeKiosk, width: int
) -> None:
    """Estonian and Somali words are long, Finnish compounds longer ("perustoimeentulotuki"):
    on the shipped guides' tiles and on every button, no word runs past its edge."""
    kiosk = make_kiosk(paths.bundled_guides_dir())
    window = kiosk.window
    window.resize(width, 768)
    qtbot.waitUntil(lambda: window.home.width() == width)
    for code in UI_LANGUAGES:
        _choose_language(qtbot, kiosk, code)
        too_narrow = [
            f"{tile.objectName()}: {label.text()!r}"
            for tile in window.home.tiles
            for label in (tile.title, tile.summary, tile.languages)
            if label.minimumSizeHint().width() > label.width()
        ]
        too_narrow += [
            f"{button.objectName()}: {button.text()!r}"
            for button in window.findChildren(QAbstractButton)
            # (A focused button's border is 2 px wider each side than when it was placed.)
            if button.isVisible() and button.sizeHint().width() - 4 > button.width()
        ]
        assert not too_narrow, f"{code} at {width} px: {too_narrow}"
