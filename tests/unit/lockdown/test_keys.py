"""The key table: typing and editing pass, the kiosk's own keys map to its buttons, every
other chord (and every door the issue names) is refused."""

from __future__ import annotations

import pytest

from kiosk.lockdown.keys import DOORS, KEY_TABLE, Chord, KeyAction, decide, describe

#: The doors issue 4 names (Ctrl+Shift+Del is Qt's "Delete"), written out here and not
#: read from ``keys.DOORS``: a door taken out of the kiosk's list must fail a test.
ISSUE_DOORS = (
    "Alt+F4", "Ctrl+W", "Ctrl+Q", "Ctrl+N", "Ctrl+T", "Ctrl+O", "Ctrl+S", "Ctrl+P", "Ctrl+U",
    "Ctrl+J", "Ctrl+H", "Ctrl+Shift+I", "Ctrl+Shift+J", "Ctrl+Shift+C", "Ctrl+Shift+Delete",
    "F1", "F3", "F11", "F12", "Menu", "Shift+F10",
)  # fmt: skip
#: Every chord the kiosk's list names, written out here too.
NAMED_DOORS = frozenset(
    {
        *ISSUE_DOORS,
        "Ctrl+Shift+N", "Ctrl+F", "Ctrl+G", "Ctrl+D", "Ctrl+L", "Ctrl+E", "Ctrl+K",
        "Ctrl+Tab", "Ctrl+Shift+Tab", "Ctrl+PageUp", "Ctrl+PageDown", "Ctrl+Shift+O",
        "Ctrl+Shift+B", "Ctrl+Shift+Escape", "Ctrl+Shift+V", "Ctrl+0", "Alt+Right",
        "Alt+Home", "Alt+D", "Alt+F", "Alt+E", "Alt+Space", "Alt+Tab", "Alt+Escape", "F6",
        "F7", "F10", "Forward", "Print", "Meta+E", "Meta+R", "Meta+D", "Meta",
    }
)  # fmt: skip
GENERIC = describe(Chord("F24"))  # what any chord the list does not name is called


@pytest.mark.parametrize("door", sorted(NAMED_DOORS))
def test_every_named_door_is_refused_and_named(door: str) -> None:
    chord = Chord.parse(door)
    assert decide(chord) is KeyAction.BLOCK
    assert describe(chord) != GENERIC  # the log says what the door would have done


def test_the_kiosks_list_names_exactly_these_doors() -> None:
    assert set(ISSUE_DOORS) <= NAMED_DOORS
    assert set(DOORS) == NAMED_DOORS


def test_no_named_door_is_in_the_table() -> None:
    assert not {Chord.parse(d) for d in NAMED_DOORS} & KEY_TABLE.keys()


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
