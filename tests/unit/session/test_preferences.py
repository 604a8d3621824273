"""The visitor's choices: language, text size, contrast; all reset by a wipe."""

from __future__ import annotations

import pytest

from kiosk.session.preferences import TEXT_SCALES, Choices, Preferences


def make() -> Preferences:
    return Preferences("fi", ("fi", "sv", "en"))


def test_text_size_goes_from_100_to_200_percent() -> None:
    prefs = make()
    assert prefs.choices.text_scale == 1.0
    assert not prefs.can_shrink
    assert not prefs.smaller_text()
    while prefs.bigger_text():
        pass
    assert prefs.choices.text_scale == 2.0 == TEXT_SCALES[-1]
    assert not prefs.can_grow


def test_listeners_hear_old_and_new() -> None:
    prefs = make()
    heard: list[tuple[Choices, Choices]] = []
    prefs.on_change(lambda old, new: heard.append((old, new)))
    prefs.set_language("sv")
    prefs.set_language("sv")  # no change, no call
    prefs.toggle_contrast()
    assert [(o.language, n.language) for o, n in heard] == [("fi", "sv"), ("sv", "sv")]
    assert heard[-1][1].high_contrast


def test_reset_restores_defaults() -> None:
    prefs = make()
    prefs.set_language("en")
    prefs.bigger_text()
    prefs.toggle_contrast()
    assert prefs.reset()
    assert prefs.choices == Choices("fi")
    assert not prefs.reset()


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        make().set_language("de")
    with pytest.raises(ValueError):
        Preferences("de", ("fi",))
