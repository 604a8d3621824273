"""Which keys reach the kiosk and its pages: an explicit table, deny by default.

Pure Python: the Qt filter (``event_filter.py``) turns a key event into a :class:`Chord`
and the text it would type, asks :func:`decide`, and applies the answer.

Allowed are typing, moving and editing in a text field (arrows, Tab, Enter, Backspace,
copy and paste, undo). A few keys are the kiosk's own: Alt+Left is the kiosk's Back (which
knows not to break a strong identification), F5 reloads through the kiosk's Reload,
Ctrl+plus and Ctrl+minus use the kiosk's zoom, Ctrl+Alt+Shift+A opens the staff's code
pad (which asks for a code). Everything else is swallowed: anything
that could close, switch, open, save, print, inspect, find, go full screen or view source.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class KeyAction(enum.Enum):
    PASS = "pass"  # delivered as usual: typing, moving, editing
    BLOCK = "block"  # swallowed (logged once per chord)
    BACK = "back"  # the kiosk's own Back button
    RELOAD = "reload"  # the kiosk's own Reload button
    ZOOM_IN = "zoom-in"  # the kiosk's own zoom buttons
    ZOOM_OUT = "zoom-out"
    ADMIN = "admin"  # the staff's code pad (kiosk/admin): it still asks for a code


@dataclass(frozen=True, slots=True)
class Chord:
    """A key with its modifiers. ``key`` is Qt's key name without ``Key_`` ("A", "F4")."""

    key: str
    ctrl: bool = False
    alt: bool = False
    shift: bool = False
    meta: bool = False

    @classmethod
    def parse(cls, text: str) -> Chord:
        """'Ctrl+Shift+I' -> Chord('I', ctrl=True, shift=True). '+' alone is 'Plus'."""
        parts = text.split("+")
        *mods, key = parts
        unknown = set(mods) - {"Ctrl", "Alt", "Shift", "Meta"}
        if unknown or not key:
            raise ValueError(f"not a key chord: {text!r}")
        return cls(
            key=key, ctrl="Ctrl" in mods, alt="Alt" in mods, shift="Shift" in mods,
            meta="Meta" in mods,
        )  # fmt: skip

    def __str__(self) -> str:
        mods = [
            name
            for name, on in (
                ("Ctrl", self.ctrl),
                ("Alt", self.alt),
                ("Shift", self.shift),
                ("Meta", self.meta),
            )
            if on
        ]
        return "+".join([*mods, self.key])


_P = KeyAction.PASS

#: Every chord that is not swallowed, and what it does. Anything missing is refused.
KEY_TABLE: dict[Chord, KeyAction] = {
    Chord.parse(text): action
    for text, action in {
        # Moving and selecting in a page or a text field.
        **{k: _P for k in ("Left", "Right", "Up", "Down", "Home", "End", "PageUp", "PageDown")},
        **{f"Shift+{k}": _P for k in ("Left", "Right", "Up", "Down", "Home", "End")},
        **{f"Shift+{k}": _P for k in ("PageUp", "PageDown")},
        "Tab": _P,
        # The on-screen keyboard's "&123" key (its symbols) sends Context1, which no page
        # or widget acts on.
        "Context1": _P,
        "Backtab": _P,  # Shift+Tab arrives as Backtab
        "Shift+Backtab": _P,
        "Shift+Tab": _P,
        "Return": _P,
        "Enter": _P,  # the number pad's Enter
        "Shift+Return": _P,
        "Backspace": _P,
        "Shift+Backspace": _P,
        "Delete": _P,
        # Closes a page's own menu or list; the kiosk window is not tied to it, and the
        # browser's full screen is off (settings.py), so there is nothing to leave.
        "Escape": _P,
        # Editing: select all, copy, cut, paste, undo, redo, move and delete by word.
        "Ctrl+A": _P,
        "Ctrl+C": _P,
        "Ctrl+X": _P,
        "Ctrl+V": _P,
        "Ctrl+Z": _P,
        "Ctrl+Y": _P,
        "Ctrl+Shift+Z": _P,
        "Ctrl+Left": _P,
        "Ctrl+Right": _P,
        "Ctrl+Shift+Left": _P,
        "Ctrl+Shift+Right": _P,
        "Ctrl+Backspace": _P,
        "Ctrl+Delete": _P,
        "Ctrl+Home": _P,
        "Ctrl+End": _P,
        # Modifiers alone do nothing by themselves (the Windows key is the OS's: see
        # installer/README.md).
        **{k: _P for k in ("Shift", "Control", "Alt", "AltGr", "CapsLock", "NumLock")},
        # The kiosk's own buttons.
        "Alt+Left": KeyAction.BACK,
        "Back": KeyAction.BACK,  # a keyboard's "browser back" key
        "F5": KeyAction.RELOAD,
        "Ctrl+F5": KeyAction.RELOAD,
        "Shift+F5": KeyAction.RELOAD,
        "Ctrl+R": KeyAction.RELOAD,
        "Ctrl+Shift+R": KeyAction.RELOAD,
        "Ctrl+Plus": KeyAction.ZOOM_IN,
        "Ctrl+Shift+Plus": KeyAction.ZOOM_IN,
        "Ctrl+Equal": KeyAction.ZOOM_IN,
        "Ctrl+Minus": KeyAction.ZOOM_OUT,
        # Staff on a machine without a touch screen: the admin code pad.
        "Ctrl+Alt+Shift+A": KeyAction.ADMIN,
    }.items()
}

#: Doors the issue names, each with what it would do. All are refused (not in the table);
#: listed so that the tests and the log can name them.
DOORS: dict[str, str] = {
    "Alt+F4": "closes the window",
    "Ctrl+W": "closes the page",
    "Ctrl+Q": "quits the program",
    "Ctrl+N": "opens a new window",
    "Ctrl+T": "opens a new tab",
    "Ctrl+Shift+N": "opens a private window",
    "Ctrl+O": "opens a file dialog",
    "Ctrl+S": "saves the page with a file dialog",
    "Ctrl+P": "opens the print dialog",
    "Ctrl+U": "shows the page source",
    "Ctrl+J": "opens the downloads list",
    "Ctrl+H": "opens the history",
    "Ctrl+F": "finds in the page",
    "Ctrl+G": "finds the next match",
    "Ctrl+D": "bookmarks the page",
    "Ctrl+L": "goes to the address bar",
    "Ctrl+E": "searches the web",
    "Ctrl+K": "searches the web",
    "Ctrl+Tab": "switches tabs",
    "Ctrl+Shift+Tab": "switches tabs",
    "Ctrl+PageUp": "switches tabs",
    "Ctrl+PageDown": "switches tabs",
    "Ctrl+Shift+I": "opens the developer tools",
    "Ctrl+Shift+J": "opens the developer console",
    "Ctrl+Shift+C": "inspects an element",
    "Ctrl+Shift+Delete": "clears browsing data with a dialog",
    "Ctrl+Shift+O": "opens the bookmarks",
    "Ctrl+Shift+B": "shows the bookmarks bar",
    "Ctrl+Shift+Escape": "opens the task manager",
    "Ctrl+Shift+V": "pastes without formatting",
    "Ctrl+0": "resets the page zoom behind the kiosk's back",
    "Alt+Right": "goes forward (the kiosk has no forward button)",
    "Alt+Home": "opens the home page",
    "Alt+D": "goes to the address bar",
    "Alt+F": "opens the browser menu",
    "Alt+E": "opens the browser menu",
    "Alt+Space": "opens the window menu",
    "Alt+Tab": "switches programs (the OS's; see installer/README.md)",
    "Alt+Escape": "switches programs",
    "F1": "opens help",
    "F3": "finds in the page",
    "F6": "goes to the address bar",
    "F7": "turns on caret browsing",
    "F10": "opens the menu bar",
    "F11": "goes full screen or leaves it",
    "F12": "opens the developer tools",
    "Shift+F10": "opens the context menu",
    "Menu": "opens the context menu",
    "Forward": "goes forward",
    "Print": "takes a screenshot",
    "Meta+E": "opens the file manager (the OS's)",
    "Meta+R": "opens the Run dialog (the OS's)",
    "Meta+D": "shows the desktop (the OS's)",
    "Meta": "opens the start menu (the OS's)",
}


def _typing(chord: Chord, text: str) -> bool:
    """Does this key type a character? AltGr arrives as Ctrl+Alt on Windows ('@', '€')."""
    if not text or not all(ch.isprintable() for ch in text):
        return False
    if chord.meta:
        return False
    if chord.ctrl or chord.alt:
        return chord.ctrl and chord.alt
    return True


def decide(chord: Chord, text: str = "") -> KeyAction:
    """What to do with one key press; ``text`` is the text it would type, if any."""
    action = KEY_TABLE.get(chord)
    if action is not None:
        return action
    if _typing(chord, text):
        return KeyAction.PASS
    return KeyAction.BLOCK


def describe(chord: Chord) -> str:
    """A short reason for the log (never the typed text)."""
    return DOORS.get(str(chord), "not in the kiosk's key table")
