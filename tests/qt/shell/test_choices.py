"""Language, text size and contrast: one tap each, applied everywhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.languages import LANGUAGES
from kiosk.ui.theme import HIGH_CONTRAST, NORMAL
from tests.helpers.guides import service_guide
from tests.helpers.screens import save_screenshot
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

# Texts that are the same in every language on purpose.
_SAME_IN_EVERY_LANGUAGE = {*(lang.native_name for lang in LANGUAGES.values()), "A+", "A−", ""}


def _visible_texts(root: QWidget) -> dict[str, str]:
    texts: dict[str, str] = {}
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not widget.objectName():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts[widget.objectName()] = widget.text()
    return texts


def _click(qtbot: QtBot, root: QWidget, name: str) -> None:
    widget = root.findChild(QWidget, name)
    assert widget is not None, name
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _open(qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer):  # type: ignore[no-untyped-def]
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides")
    return kiosk


def test_changing_language_retranslates_every_visible_string(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _open(qtbot, make_kiosk, tmp_path, web)
    window = kiosk.window
    for screen in ("home", "service"):
        if screen == "service":
            _click(qtbot, window, "tile-test-service")
            _click(qtbot, window, "guide-next-button")  # to step 1 (with its check later)
        _click(qtbot, window, "language-en")
        english = _visible_texts(window)
        assert english, "no visible texts found"
        for code in ("fi", "sv"):
            _click(qtbot, window, f"language-{code}")
            translated = _visible_texts(window)
            # The read-aloud button shows only where a voice exists (the mock engine has
            # Finnish and English voices, no Swedish ones).
            speak = "guide-speak-button"
            assert (speak in translated) == (screen == "service" and code == "fi")
            assert translated.keys() - {speak} == english.keys() - {speak}
            untranslated = {
                name: text
                for name, text in translated.items()
                if text == english.get(name) and text not in _SAME_IN_EVERY_LANGUAGE
            }
            # Addresses are not words to translate.
            untranslated.pop("address-label", None)
            assert not untranslated, f"{screen} in {code}: still English: {untranslated}"
        save_screenshot(window, f"{screen}-sv")


def test_language_buttons_mark_the_current_language(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _open(qtbot, make_kiosk, tmp_path, web)
    _click(qtbot, kiosk.window, "language-sv")
    assert kiosk.session.preferences.choices.language == "sv"
    buttons = kiosk.window.top_bar.language_buttons
    assert buttons["sv"].property("current") is True
    assert buttons["fi"].property("current") is False
    # The web pages are asked for in the visitor's language too.
    _click(qtbot, kiosk.window, "tile-test-service")
    qtbot.waitUntil(lambda: bool(web.seen("/start")))
    assert web.seen("/start")[-1].headers["accept-language"].startswith("sv")


def test_text_size_applies_to_guide_tiles_and_page(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _open(qtbot, make_kiosk, tmp_path, web)
    window = kiosk.window
    tile = window.findChild(QWidget, "tile-test-service")
    assert tile is not None
    title = tile.findChild(QLabel)
    small_tile = title.fontInfo().pixelSize() if title else 0
    _click(qtbot, window, "tile-test-service")
    step_text = window.findChild(QLabel, "guide-step-text")
    assert step_text is not None
    small = step_text.fontInfo().pixelSize()
    assert small >= 20, "body text must be at least 20 px at 100 %"
    view = window.service.view
    assert view is not None
    assert view.zoomFactor() == 1.0
    smaller = window.findChild(QWidget, "text-size-down")
    bigger = window.findChild(QWidget, "text-size-up")
    assert smaller is not None and bigger is not None
    assert not smaller.isEnabled()

    for _ in range(10):  # more taps than steps: it stops at 200 %
        if bigger.isEnabled():
            _click(qtbot, window, "text-size-up")
    assert not bigger.isEnabled()
    assert smaller.isEnabled()
    assert step_text.fontInfo().pixelSize() >= 2 * small
    assert view.zoomFactor() == 2.0
    save_screenshot(window, "service-text-200")
    _click(qtbot, window, "home-button")
    assert title is not None and title.fontInfo().pixelSize() >= 2 * small_tile - 1

    _click(qtbot, window, "text-size-down")
    assert kiosk.session.preferences.choices.text_scale == 1.75


def test_touch_targets_are_big_enough(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _open(qtbot, make_kiosk, tmp_path, web)
    window = kiosk.window
    _click(qtbot, window, "tile-test-service")
    small = [
        button.objectName()
        for button in window.findChildren(QAbstractButton)
        if button.isVisible() and button.height() < 64
    ]
    assert not small, f"buttons lower than 64 px: {small}"


def test_contrast_toggle_switches_palette(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _open(qtbot, make_kiosk, tmp_path, web)
    window = kiosk.window
    assert NORMAL.background.lower() in window.styleSheet().lower()
    _click(qtbot, window, "contrast-toggle")
    assert kiosk.session.preferences.choices.high_contrast
    assert HIGH_CONTRAST.background.lower() in window.styleSheet().lower()
    assert NORMAL.background.lower() not in window.styleSheet().lower()
    # The home screen really is drawn black now.
    home = window.findChild(QWidget, "home")
    assert home is not None
    image = home.grab().toImage()
    corner = image.pixelColor(image.width() - 5, image.height() - 5)
    assert (corner.red(), corner.green(), corner.blue()) == (0, 0, 0)
    save_screenshot(window, "home-high-contrast")
    _click(qtbot, window, "contrast-toggle")
    assert NORMAL.background.lower() in window.styleSheet().lower()
