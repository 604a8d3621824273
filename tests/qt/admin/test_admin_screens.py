"""The admin screens and the out-of-order screen as staff and visitors see them, at the
two screen sizes kiosks have (1024x768 and 1366x768): every control inside the window,
nothing cut off; screenshots under test-artifacts/admin/."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.admin.qt.out_of_order import OUT_OF_ORDER_TEXTS, OutOfOrderWindow
from kiosk.app import KioskApp
from kiosk.languages import UI_LANGUAGES
from tests.helpers.guides import service_guide
from tests.helpers.screens import save_screenshot
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

SIZES = [(1024, 768), (1366, 768)]
PIN = "482915"


def _inside(widget: QWidget, area: QWidget) -> bool:
    top_left = widget.mapTo(area, QPoint(0, 0))
    return area.rect().contains(QRect(top_left, widget.size()))


def _visible_controls(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = [w for w in root.findChildren(QAbstractButton) if w.isVisibleTo(root)]
    found += [w for w in root.findChildren(QLineEdit) if w.isVisibleTo(root)]
    return found


@pytest.fixture
def kiosk(make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer) -> KioskApp:
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    made = make_kiosk(tmp_path / "guides")
    made.verifier.set_pin(PIN)  # type: ignore[attr-defined]
    return made


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_code_pad_fits(qtbot: QtBot, kiosk: KioskApp, width: int, height: int) -> None:
    kiosk.window.resize(width, height)
    kiosk.admin.request_unlock()
    pad = kiosk.admin.pad
    qtbot.waitUntil(pad.isVisible)
    qtbot.waitUntil(lambda: pad.size() == kiosk.window.root.size())
    for control in _visible_controls(pad.card):
        assert _inside(control, kiosk.window), control.objectName()
        assert control.height() >= 64, control.objectName()  # a finger's size
    save_screenshot(kiosk.window, f"admin/code-pad-{width}x{height}")


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("tab", ["health", "guides", "settings", "actions"])
def test_the_panel_fits(qtbot: QtBot, kiosk: KioskApp, width: int, height: int, tab: str) -> None:
    kiosk.window.resize(width, height)
    kiosk.admin.request_unlock()
    qtbot.keyClicks(kiosk.admin.pad.input, PIN)
    with qtbot.waitSignal(kiosk.admin.unlocked, timeout=15000):
        kiosk.admin.pad.submit()
    panel = kiosk.admin.panel
    qtbot.waitUntil(lambda: panel.size() == kiosk.window.root.size())
    panel.show_tab(tab)
    # The header, the tabs and Lock are always in reach.
    for control in (*panel.tab_buttons.values(), panel.lock_button):
        assert _inside(control, kiosk.window), control.objectName()
    page = panel.pages[tab]
    assert _inside(page, kiosk.window)
    for text in page.findChildren(QLabel):
        if text.isVisibleTo(page) and text.text():
            assert text.width() > 0
    save_screenshot(kiosk.window, f"admin/panel-{tab}-{width}x{height}")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_out_of_order_screen_speaks_every_language_and_fits(
    qtbot: QtBot, width: int, height: int
) -> None:
    window = OutOfOrderWindow(tuple(UI_LANGUAGES), "fi")
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    assert window.objectName() == "out-of-order-screen"
    assert set(OUT_OF_ORDER_TEXTS) == set(UI_LANGUAGES)
    shown = {code: label.text() for code, label in window.content.headings.items()}
    assert shown == {code: texts[0] for code, texts in OUT_OF_ORDER_TEXTS.items()}
    for code, label in window.content.headings.items():
        assert _inside(label, window), code
    assert next(iter(window.content.headings)) == "fi"  # the default language first, large
    save_screenshot(window, f"admin/out-of-order-{width}x{height}")


def test_the_staff_notice_and_out_of_order_overlay(qtbot: QtBot, kiosk: KioskApp) -> None:
    kiosk.window.resize(1024, 768)
    kiosk.remote.notice.show_notice("restart", 10)
    save_screenshot(kiosk.window, "admin/staff-notice-1024x768")
    kiosk.remote.notice.hide()
    kiosk.remote.out_of_order.popup()
    qtbot.waitUntil(lambda: kiosk.remote.out_of_order.size() == kiosk.window.root.size())
    for label in kiosk.remote.out_of_order.content.headings.values():
        assert _inside(label, kiosk.window)
    save_screenshot(kiosk.window, "admin/out-of-order-overlay-1024x768")
