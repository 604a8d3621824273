"""Only windows Qt and QtWebEngine make for the kiosk's own widgets may appear."""

from __future__ import annotations

import pytest

from kiosk.lockdown.windows import ALLOWED_WINDOWS, is_allowed


def test_a_pages_drop_down_list_and_tooltips_are_allowed() -> None:
    assert is_allowed("QQuickWidget", "Popup")
    assert is_allowed("QTipLabel", "ToolTip")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("QFileDialog", "Dialog"),
        ("QPrintDialog", "Dialog"),
        ("QMessageBox", "Dialog"),
        ("QColorDialog", "Dialog"),
        ("QMenu", "Popup"),
        ("QQuickWidget", "Window"),  # a QtQuick window that is not a page's list
        ("QWidget", "Window"),
        ("", ""),
    ],
)
def test_everything_else_is_refused(name: str, kind: str) -> None:
    assert not is_allowed(name, kind)


def test_every_allowed_window_says_why() -> None:
    assert all(reason for reason in ALLOWED_WINDOWS.values())
