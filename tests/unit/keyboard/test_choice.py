"""keyboard.on_screen: when the kiosk shows its keyboard, in which layout, and how a
physical keyboard is recognised."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, from_mapping
from kiosk.keyboard import choice

#: /proc/bus/input/devices of a touch all-in-one PC without its keyboard.
TOUCH_PC = """I: Bus=0019 Vendor=0000 Product=0001 Version=0000
N: Name="Power Button"
P: Phys=PNP0C0C/button/input0
H: Handlers=kbd event0
B: PROP=0
B: EV=3
B: KEY=10000000000000 0

I: Bus=0019 Vendor=0000 Product=0006 Version=0000
N: Name="Video Bus"
H: Handlers=kbd event1
B: EV=3

I: Bus=0003 Vendor=222a Product=0001 Version=0110
N: Name="ILITEK Multi-Touch"
H: Handlers=mouse0 event2
B: EV=1b

I: Bus=0003 Vendor=046d Product=c52b Version=0111
N: Name="Logitech USB Receiver Consumer Control"
H: Handlers=kbd event3
B: EV=1f
"""

KEYBOARD = """I: Bus=0003 Vendor=046d Product=c31c Version=0110
N: Name="Logitech USB Keyboard"
P: Phys=usb-0000:00:14.0-1/input0
H: Handlers=sysrq kbd leds event4
B: PROP=0
B: EV=120013
B: KEY=1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe
"""


def test_a_touch_pc_without_its_keyboard_has_none() -> None:
    assert choice.linux_keyboards(TOUCH_PC) == []


def test_a_usb_keyboard_is_recognised() -> None:
    assert choice.linux_keyboards(TOUCH_PC + "\n" + KEYBOARD) == ["Logitech USB Keyboard"]


@pytest.mark.parametrize(
    ("mode", "attached", "wanted"),
    [
        ("auto", False, True),
        ("auto", True, False),
        ("always", True, True),
        ("never", False, False),
    ],
)
def test_the_setting_and_what_is_attached_decide(mode: str, attached: bool, wanted: bool) -> None:
    assert choice.keyboard_wanted(mode, lambda: attached) is wanted


def test_a_failed_detection_assumes_a_keyboard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(choice, "INPUT_DEVICES", tmp_path / "missing")
    assert choice.physical_keyboard_attached("linux") is True
    assert (
        choice.keyboard_wanted("auto", lambda: choice.physical_keyboard_attached("linux")) is False
    )
    monkeypatch.setattr(choice, "INPUT_DEVICES", tmp_path / "devices")
    (tmp_path / "devices").write_text(TOUCH_PC, encoding="utf-8")
    assert choice.physical_keyboard_attached("linux") is False


def test_layouts_follow_the_languages() -> None:
    assert choice.layout_for("ar") == "ar_AR"
    assert choice.layout_for("so") == "en_GB"  # no Somali layout: the English one
    assert choice.layouts_for(("fi", "sv", "en", "so", "ar")) == [
        "fi_FI",
        "sv_SE",
        "en_GB",
        "ar_AR",
    ]


def test_the_environment_makes_it_the_input_method() -> None:
    environ: dict[str, str] = {}
    assert not choice.environment_enabled(environ)
    choice.enable_environment(environ)
    assert environ == {
        "QT_IM_MODULE": "qtvirtualkeyboard",
        "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": "1",
    }
    assert choice.environment_enabled(environ)


def test_a_bad_value_is_a_plain_error() -> None:
    with pytest.raises(ConfigError) as error:
        from_mapping({"keyboard": {"on_screen": "yes"}})
    assert '\'keyboard.on_screen\': must be "auto", "always" or "never"' in str(error.value)
    assert from_mapping({}).keyboard.on_screen == "auto"


def test_the_watch_needs_two_readings_in_a_row_to_call_it_a_change() -> None:
    readings = iter([True, False, True, False, False, False, True, True])
    watch = choice.KeyboardWatch(lambda: next(readings))  # a keyboard attached at start
    assert watch.wanted_at_start is False
    # A receiver that drops out for one reading is no change; two in a row are.
    assert [watch.changed() for _ in range(7)] == [False, False, False, True, True, False, False]
