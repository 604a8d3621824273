"""Whether the kiosk shows its own on-screen keyboard, and in which layout. Pure Python.

``keyboard.on_screen`` is "auto" (the default: on when no physical keyboard is attached),
"always" or "never". Qt Virtual Keyboard is Qt's input method only when the environment
says so before the QApplication exists, so the decision is made at start-up; with "auto",
a keyboard plugged in or pulled out later is noticed (:class:`KeyboardWatch`) and the
kiosk starts again between visitors to follow it.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable, MutableMapping
from pathlib import Path

log = logging.getLogger("kiosk.keyboard")

MODES = ("auto", "always", "never")

#: Qt's input method module, and the panel inside the kiosk's window instead of Qt
#: Virtual Keyboard's own desktop window (which a kiosk compositor such as cage can not
#: place, and which the window guard would close anyway).
ENVIRONMENT = {"QT_IM_MODULE": "qtvirtualkeyboard", "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": "1"}

#: The keyboard layout (a Qt Virtual Keyboard locale) for each screen language. Qt has no
#: Somali layout; Somali is written with the Latin letters of the English one.
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
DEFAULT_LAYOUT = "en_GB"

INPUT_DEVICES = Path("/proc/bus/input/devices")
#: Devices that report keys but are not keyboards a visitor could type on.
_NOT_KEYBOARDS = re.compile(
    r"power button|sleep button|video bus|lid switch|hotkeys|wmi|pc speaker|"
    r"consumer control|system control|headphone|headset|hdmi|webcam|camera|"
    r"touchscreen|touchpad|mouse|extra buttons|intel hid|tablet mode",
    re.IGNORECASE,
)
#: EV bits: EV_KEY (1), EV_REP (0x100000, auto-repeat: typing keyboards have it).
_EV_KEY, _EV_REP = 0x2, 0x100000


def layout_for(language: str) -> str:
    return LAYOUTS.get(language, DEFAULT_LAYOUT)


def layouts_for(languages: tuple[str, ...]) -> list[str]:
    """The layouts the language key cycles through: one per screen language, in order."""
    found: list[str] = []
    for language in languages:
        layout = layout_for(language)
        if layout not in found:
            found.append(layout)
    return found


def linux_keyboards(text: str) -> list[str]:
    """The names of typing keyboards in ``/proc/bus/input/devices``: a "kbd" handler,
    key and auto-repeat events, and a name that is not a button, a lid or a camera."""
    names = []
    for block in text.split("\n\n"):
        name = handlers = ""
        events = 0
        for line in block.splitlines():
            if line.startswith("N: Name="):
                name = line.split("=", 1)[1].strip().strip('"')
            elif line.startswith("H: Handlers="):
                handlers = line.split("=", 1)[1]
            elif line.startswith("B: EV="):
                try:
                    events = int(line.split("=", 1)[1].strip(), 16)
                except ValueError:
                    events = 0
        typing = events & _EV_KEY and events & _EV_REP
        if "kbd" in handlers.split() and typing and not _NOT_KEYBOARDS.search(name):
            names.append(name)
    return names


def _windows_keyboards() -> int:
    """How many keyboards Windows' raw input lists (GetRawInputDeviceList). Windows
    lists a keyboard for some touch screens' buttons too, so this errs on "attached"."""
    import ctypes  # noqa: PLC0415 - Windows only
    from ctypes import wintypes  # noqa: PLC0415

    class RawInputDeviceList(ctypes.Structure):
        _fields_ = (("hDevice", wintypes.HANDLE), ("dwType", wintypes.DWORD))

    user32 = ctypes.windll.user32  # type: ignore[attr-defined,unused-ignore]
    count = wintypes.UINT(0)
    size = ctypes.sizeof(RawInputDeviceList)
    if user32.GetRawInputDeviceList(None, ctypes.byref(count), size) != 0:
        raise OSError("GetRawInputDeviceList failed")
    devices = (RawInputDeviceList * count.value)()
    listed = user32.GetRawInputDeviceList(devices, ctypes.byref(count), size)
    if listed == 0xFFFFFFFF:
        raise OSError("GetRawInputDeviceList failed")
    rim_typekeyboard = 1
    return sum(1 for device in devices[:listed] if device.dwType == rim_typekeyboard)


def physical_keyboard_attached(platform: str = sys.platform) -> bool:
    """Whether a physical keyboard is attached; True when that cannot be found out."""
    try:
        if platform.startswith("linux"):
            return bool(linux_keyboards(INPUT_DEVICES.read_text(encoding="utf-8")))
        if platform == "win32":
            return _windows_keyboards() > 0
    except (OSError, ValueError, AttributeError) as exc:
        log.warning("could not tell whether a keyboard is attached (%s); assuming one is", exc)
    return True


def keyboard_wanted(mode: str, attached: Callable[[], bool] = physical_keyboard_attached) -> bool:
    """Whether the kiosk shows its on-screen keyboard for ``keyboard.on_screen``."""
    if mode == "always":
        return True
    if mode == "never":
        return False
    return not attached()


def enable_environment(environ: MutableMapping[str, str] = os.environ) -> None:
    """Make Qt Virtual Keyboard Qt's input method: before the QApplication exists."""
    environ.update(ENVIRONMENT)


def environment_enabled(environ: MutableMapping[str, str] = os.environ) -> bool:
    return all(environ.get(key) == value for key, value in ENVIRONMENT.items())


class KeyboardWatch:
    """With "auto": notices a physical keyboard plugged in or pulled out after start-up
    (pulled out overnight, the next visitor would have no way to type)."""

    #: Readings in a row that must disagree with start-up (a receiver that drops out
    #: for a moment does not restart the kiosk).
    READINGS = 2

    def __init__(self, attached: Callable[[], bool]) -> None:
        self._attached = attached
        self.wanted_at_start = not attached()
        self._differing = 0

    def changed(self) -> bool:
        """Looks again; True once the on-screen keyboard should be turned on or off."""
        wanted = not self._attached()
        self._differing = self._differing + 1 if wanted != self.wanted_at_start else 0
        return self._differing >= self.READINGS
