"""Real taps and drags on a real X window (Xvfb, xdotool), as a touch screen delivers
them: the home grid scrolls by touch (QScroller), so synthetic clicks say little about a
tile in a scrolled grid. A drag scrolls without opening a tile; a tap on a tile, before
and after scrolling, opens it."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from kiosk import paths
from tests.helpers.xvfb_kiosk import kiosk_on, xvfb

pytestmark = pytest.mark.e2e


def _xdotool(display: str, *args: str) -> None:
    subprocess.run(
        ["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True, timeout=30
    )


def test_real_taps_and_a_drag_on_the_home_grid() -> None:
    assert shutil.which("Xvfb") and shutil.which("xdotool"), "scripts/setup --test installs them"
    with xvfb() as display, kiosk_on(display, paths.bundled_guides_dir()) as lines:
        _ready, x, y = lines.wait_for("READY")
        _xdotool(display, "mousemove", x, y, "click", "1")  # touch to start
        _tile, first, tx, ty = lines.wait_for("TILE")
        # A finger on a tile, dragged up: the grid scrolls, nothing opens.
        _xdotool(display, "mousemove", tx, ty, "mousedown", "1")
        for step in range(1, 13):
            _xdotool(display, "mousemove", tx, str(int(ty) - step * 25))
        _xdotool(display, "mouseup", "1")
        scrolled = lines.wait_for("SCROLLED")
        assert int(scrolled[1]) > 0
        _tile, guide, tx, ty = lines.wait_for("TILE")
        # A tap on a tile in the scrolled grid opens that tile's guide.
        _xdotool(display, "mousemove", tx, ty, "click", "1")
        opened = lines.wait_for("OPENED")
        assert opened[1] == guide
        assert opened[1] != "" and first != ""
