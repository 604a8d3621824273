"""The key table: typing and editing pass, the kiosk's own keys map to its buttons, every
other chord (and every door the issue names) is refused."""

from __future__ import annotations

import pytest

from kiosk.lockdown.keys import DOORS, KEY_TABLE, Chord, KeyAction, decide, describe


@pytest.mark.parametrize("door", sorted(DOORS))
def test_every_named_door_is_refused(door: str) -> None:
    assert decide(Chord.parse(door)) is KeyAction.BLOCK
    assert describe(Chord.parse(door)) == DOORS[door]


def test_no_named_door_is_in_the_table() -> None:
    assert not {Chord.parse(d) for d in DOORS} & KEY_TABLE.keys()


@pytest.mark.parametrize(
    ("chord", "text"),
    [
        ("A", "a"),
        ("Shift+A", "A"),
        ("2", "2"),
        ("Space", " "),
        ("Shift+7", "/"),
        ("Adiaeresis", "ä"),
    ],
)
def test_typing_passes(chord: str, text: str) -> None:
    assert decide(Chord.parse(chord), text) is KeyAction.PASS


def test_altgr_on_windows_types() -> None:
    # A Finnish keyboard's AltGr+2 arrives on Windows as Ctrl+Alt+2 with the text "@".
    assert decide(Chord("2", ctrl=True, alt=True), "@") is KeyAction.PASS
    assert decide(Chord("E", ctrl=True, alt=True), "€") is KeyAction.PASS


@pytest.mark.parametrize(
    ("chord", "text"),
    [
        ("Ctrl+A", "\x01"),  # a control character is not typing, but select-all is allowed
        ("Alt+F", "f"),  # Alt+letter opens menus: not typing
        ("Meta+R", "r"),
        ("Ctrl+Alt+T", ""),  # a terminal on Ubuntu (the OS's, but refused here too)
        ("Ctrl+Alt+Delete", ""),
    ],
)
def test_modified_letters_are_not_typing(chord: str, text: str) -> None:
    action = decide(Chord.parse(chord), text)
    assert action is (KeyAction.PASS if chord == "Ctrl+A" else KeyAction.BLOCK)


@pytest.mark.parametrize(
    "chord",
    ["Left", "Shift+End", "Tab", "Backtab", "Return", "Backspace", "Delete", "Escape",
     "Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Backspace", "Shift"],
)  # fmt: skip
def test_moving_and_editing_pass(chord: str) -> None:
    assert decide(Chord.parse(chord)) is KeyAction.PASS


@pytest.mark.parametrize(
    ("chord", "action"),
    [
        ("Alt+Left", KeyAction.BACK),
        ("Back", KeyAction.BACK),
        ("F5", KeyAction.RELOAD),
        ("Ctrl+R", KeyAction.RELOAD),
        ("Shift+F5", KeyAction.RELOAD),
        ("Ctrl+Plus", KeyAction.ZOOM_IN),
        ("Ctrl+Minus", KeyAction.ZOOM_OUT),
    ],
)
def test_the_kiosks_own_keys(chord: str, action: KeyAction) -> None:
    assert decide(Chord.parse(chord)) is action


@pytest.mark.parametrize(
    "chord", ["F2", "F4", "F9", "F24", "Insert", "Print", "Ctrl+Alt+Backspace", "Ctrl+Shift+N"]
)
def test_anything_else_is_refused(chord: str) -> None:
    assert decide(Chord.parse(chord)) is KeyAction.BLOCK
    assert describe(Chord.parse(chord))


def test_chord_text_round_trips() -> None:
    for text in ("Ctrl+Shift+I", "Alt+F4", "F12", "Meta+E"):
        assert str(Chord.parse(text)) == text


@pytest.mark.parametrize("bad", ["", "Ctrl+", "Hyper+A", "Ctrl+Fn+A"])
def test_bad_chords_are_errors(bad: str) -> None:
    with pytest.raises(ValueError, match="not a key chord"):
        Chord.parse(bad)
