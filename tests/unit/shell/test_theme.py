"""Colours and sizes for this audience (pure: the style sheet is a string)."""

from __future__ import annotations

import re

import pytest

from kiosk.session.preferences import TEXT_SCALES
from kiosk.ui.theme import (
    HIGH_CONTRAST,
    NORMAL,
    Sizes,
    contrast,
    stylesheet,
    text_pairs,
)


def test_contrast_formula_known_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("name", "pair"), text_pairs(HIGH_CONTRAST).items())
def test_high_contrast_text_is_at_least_7_to_1(name: str, pair: tuple[str, str]) -> None:
    assert contrast(*pair) >= 7.0, name


@pytest.mark.parametrize(("name", "pair"), text_pairs(NORMAL).items())
def test_normal_text_is_at_least_7_to_1_too(name: str, pair: tuple[str, str]) -> None:
    assert contrast(*pair) >= 7.0, name


@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_sizes(scale: float) -> None:
    sizes = Sizes.for_scale(scale)
    assert sizes.body >= 20 * scale - 0.5
    assert sizes.button_height >= 64


def test_stylesheet_scales_body_text() -> None:
    def body_px(sheet: str) -> int:
        found = re.search(r"QWidget \{\s*font-size: (\d+)px", sheet)
        assert found
        return int(found.group(1))

    assert body_px(stylesheet(1.0, False)) == 20
    assert body_px(stylesheet(2.0, False)) == 40
    assert HIGH_CONTRAST.background in stylesheet(1.0, True)
