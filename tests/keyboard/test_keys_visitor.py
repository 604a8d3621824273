"""The keyboard follows the visitor's language, stays inside the lockdown, and forgets
everything at the wipe (and a wipe whose keyboard does not let go fails)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeyEvent
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.browser.webengine.view import KioskView
from kiosk.keyboard.qt.panel import KeyboardPanel
from kiosk.lockdown.event_filter import chord_of, key_name
from kiosk.lockdown.keys import Chord, KeyAction, decide
from kiosk.session.receipts import WipeReceipt
from tests.helpers.guides import service_guide
from tests.helpers.keyboard import (
    BACKSPACE,
    CHANGE_LANGUAGE,
    find_key,
    key_items,
    key_texts,
    run_qml,
    tap,
    type_text,
    wait_until_shown,
)
from tests.helpers.pages import evaluate
from tests.helpers.webserver import LocalServer
from tests.keyboard.test_keys_typing import FORM, ON, _open_form, _tap_element
from tests.qt.conftest import MakeKiosk

#: Each screen language and the layout it must get (Somali: the English one).
LAYOUTS = {
    "fi": "fi_FI",
    "sv": "sv_SE",
    "en": "en_GB",
    "et": "et_EE",
    "ru": "ru_RU",
    "uk": "uk_UA",
    "ar": "ar_AR",
    "so": "en_GB",
}
SYMBOL_MODE = 13  # QtVirtualKeyboard.KeyType.SymbolModeKey
SHIFT = 11  # QtVirtualKeyboard.KeyType.ShiftKey


def _form(qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer):  # type: ignore[no-untyped-def]
    web.route("/start", FORM)
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides", **ON)
    view = _open_form(qtbot, kiosk, web)
    _tap_element(qtbot, view, "name")
    return kiosk, view, wait_until_shown(qtbot, kiosk)


def _has_letters(panel: KeyboardPanel, first: str, last: str) -> bool:
    return any(first <= c <= last for c in "".join(key_texts(panel)))


def _value(qtbot: QtBot, view: KioskView) -> str:
    return str(evaluate(qtbot, view, "document.getElementById('name').value"))


def _wipe(qtbot: QtBot, kiosk: KioskApp) -> WipeReceipt:
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker:
        assert kiosk.keeper.end_session()
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    return receipt


def test_the_layout_follows_the_visitors_language(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk, _view, panel = _form(qtbot, make_kiosk, tmp_path, web)
    assert panel.layout_locale == "fi_FI"  # the kiosk's default language
    # A key switches between the kiosk's languages' layouts.
    find_key(panel, key_type=CHANGE_LANGUAGE)
    for language, layout in LAYOUTS.items():
        kiosk.session.preferences.set_language(language)
        qtbot.waitUntil(lambda layout=layout: panel.layout_locale == layout)  # type: ignore[misc]
        # The layout in use speaks that language too (Arabic's layout is "ar_EG").
        qtbot.waitUntil(lambda layout=layout: panel.input_locale[:2] == layout[:2])  # type: ignore[misc]
        if language == "ar":
            qtbot.waitUntil(lambda: _has_letters(panel, "\u0600", "\u06ff"))  # Arabic
        elif language in ("ru", "uk"):
            qtbot.waitUntil(lambda: _has_letters(panel, "\u0400", "\u04ff"))  # Cyrillic
        else:
            qtbot.waitUntil(lambda: _has_letters(panel, "a", "z"))


def test_every_key_passes_the_lockdown_and_is_seen_by_it(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    web: LocalServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kiosk, view, panel = _form(qtbot, make_kiosk, tmp_path, web)
    checked = 0
    for language, layout in LAYOUTS.items():
        kiosk.session.preferences.set_language(language)
        qtbot.waitUntil(lambda layout=layout: panel.layout_locale == layout)  # type: ignore[misc]
        for item in key_items(panel):
            key, text = int(item.property("key") or 0), str(item.property("text") or "")
            if item.property("noKeyEvent"):
                continue  # a mode key (shift, symbols, language, hide): no key event
            chord = Chord(key=key_name(key) or f"0x{key:x}")
            assert decide(chord, text) is KeyAction.PASS, (
                layout,
                chord,
                text,
                item.property("keyType"),
                item.metaObject().className(),
            )
            checked += 1
    assert checked > 200

    # A key that sends a key event (Backspace) goes through the lockdown's filter.
    seen: list[str] = []
    real = kiosk.lockdown_filter._on_key

    def spy(event: QKeyEvent, kind: object) -> bool:
        seen.append(str(chord_of(event)))
        return real(event, kind)  # type: ignore[arg-type]

    monkeypatch.setattr(kiosk.lockdown_filter, "_on_key", spy)
    refused: list[str] = []
    kiosk.lockdown_filter.refused.connect(refused.append)
    # The symbols and back: the layout changes, nothing reaches the page or is refused.
    tap(qtbot, panel, key_type=SYMBOL_MODE)
    qtbot.waitUntil(lambda: "&" in key_texts(panel) or "@" in key_texts(panel))
    tap(qtbot, panel, key_type=SYMBOL_MODE)
    qtbot.waitUntil(lambda: "a" in key_texts(panel))
    kiosk.session.preferences.set_language("en")
    qtbot.waitUntil(lambda: panel.layout_locale == "en_GB")
    type_text(qtbot, panel, "ab")
    qtbot.waitUntil(lambda: _value(qtbot, view).lower() == "ab")
    tap(qtbot, panel, key_type=BACKSPACE)
    qtbot.waitUntil(lambda: _value(qtbot, view).lower() == "a")
    assert any("Backspace" in chord for chord in seen), seen
    assert refused == []


def test_nothing_typed_survives_the_wipe(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk, view, panel = _form(qtbot, make_kiosk, tmp_path, web)
    type_text(qtbot, panel, "salainen")
    qtbot.waitUntil(lambda: _value(qtbot, view).lower() == "salainen")
    # A word still being composed in the keyboard (pre-edit text), the keys open.
    run_qml(panel, "InputContext.preeditText = 'hemlig'")
    qtbot.waitUntil(lambda: panel.root.property("preedit") == "hemlig")
    part = kiosk.keeper.parts.get("keyboard")
    found = part.verify()
    assert "the on-screen keyboard still holds text being typed" in found
    assert "the on-screen keyboard is still open" in found
    # Its user data (for an input method that learns) is in the visitor's session folder.
    assert str(kiosk.session.folder) in str(panel.root.property("userDataInUse"))

    receipt = _wipe(qtbot, kiosk)
    assert receipt.ok, receipt.failed
    assert part.verify() == []
    assert not panel.isVisible()
    assert not panel.root.property("preedit")
    assert kiosk.window.contentsMargins().bottom() == 0
    assert not panel.root.property("userDataInUse")
    assert "salainen" not in receipt.to_json()


def test_a_keyboard_that_does_not_let_go_fails_the_wipe(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    web: LocalServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kiosk, view, panel = _form(qtbot, make_kiosk, tmp_path, web)
    type_text(qtbot, panel, "hemlig")
    qtbot.waitUntil(lambda: _value(qtbot, view).lower() == "hemlig")
    run_qml(panel, "InputContext.preeditText = 'salainen'")
    part = kiosk.keeper.parts.get("keyboard")
    monkeypatch.setattr(part, "reset", lambda: None)
    receipt = _wipe(qtbot, kiosk)
    assert not receipt.ok
    assert "keyboard" in receipt.failed
    assert "hemlig" not in receipt.to_json()
    assert "salainen" not in receipt.to_json()


def test_caps_lock_and_shift_do_not_pass_to_the_next_visitor(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk, view, panel = _form(qtbot, make_kiosk, tmp_path, web)
    # Visitor A double-taps shift: caps lock, every letter a capital.
    _caps_lock(qtbot, panel)
    type_text(qtbot, panel, "ab")
    qtbot.waitUntil(lambda: _value(qtbot, view) == "AB")
    part = kiosk.keeper.parts.get("keyboard")
    assert "the on-screen keyboard's caps lock is still on" in part.verify()

    receipt = _wipe(qtbot, kiosk)
    assert receipt.ok, receipt.failed
    assert not panel.root.property("capsLockOn")
    assert not panel.root.property("shiftOn")

    # Visitor B's first letters in the middle of a word are small ones.
    kiosk.keeper.start_visit()
    view = _open_form(qtbot, kiosk, web)
    evaluate(qtbot, view, "document.getElementById('name').value = 'x'")
    _tap_element(qtbot, view, "name")
    panel = wait_until_shown(qtbot, kiosk)
    type_text(qtbot, panel, "ab")
    qtbot.waitUntil(lambda: len(_value(qtbot, view)) == 3)
    assert _value(qtbot, view) == "xab"


def test_a_keyboard_left_in_caps_lock_fails_the_wipe(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    web: LocalServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kiosk, _view, panel = _form(qtbot, make_kiosk, tmp_path, web)
    _caps_lock(qtbot, panel)
    # The wipe forgets everything else, then caps lock is turned on again.
    forget = panel.forget

    def forget_all_but_caps_lock() -> None:
        forget()
        run_qml(
            panel,
            "const s = InputContext.priv.shiftHandler;"
            " s.clearToggleShiftTimer(); s.toggleShift(); s.toggleShift()",
        )

    monkeypatch.setattr(panel, "forget", forget_all_but_caps_lock)
    receipt = _wipe(qtbot, kiosk)
    assert not receipt.ok
    assert "keyboard" in receipt.failed
    assert kiosk.keeper.parts.get("keyboard").verify() == [
        "the on-screen keyboard's caps lock is still on"
    ]


def _caps_lock(qtbot: QtBot, panel: KeyboardPanel) -> None:
    """Two taps on shift in a double tap's time, as a visitor turns caps lock on (tapped
    on, where a loaded machine let too much time pass between two taps)."""
    for _ in range(8):
        tap(qtbot, panel, key_type=SHIFT)
        if panel.root.property("capsLockOn"):
            return
    raise AssertionError("caps lock did not come on")
