"""Admin mode on the kiosk: the hidden gesture and the key chord, the code pad (PIN and
one-time code, wrong codes), the panel with real figures, a broken guide's error,
settings saved and refused, actions, and the lock (by hand and after 2 minutes) with
the wipe that ends it."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk import config as config_mod
from kiosk import exit_codes
from kiosk.admin import codes
from kiosk.admin.health import MB
from kiosk.app import KioskApp
from kiosk.session.lifecycle import State
from tests.helpers import lockdown_site as site
from tests.helpers.guides import service_guide, write_guide
from tests.helpers.pages import wait_until_loaded
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

PIN = "482915"


class Clock:
    def __init__(self) -> None:
        self.now = time.monotonic()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def kiosk(make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer) -> KioskApp:
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    made = make_kiosk(tmp_path / "guides", start=False)
    made.verifier.set_pin(PIN)  # type: ignore[attr-defined]
    return made


def _tap_corner(kiosk: KioskApp, times: int = 5) -> None:
    window = kiosk.window.windowHandle()
    for _ in range(times):
        QTest.mouseClick(
            window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(8, 8)
        )


def _click(qtbot: QtBot, widget: QWidget) -> None:
    """Click a button of a page that scrolls by touch: it must be in view first (a
    QScroller takes presses outside the visible part as the start of a drag)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _type(qtbot: QtBot, kiosk: KioskApp, code: str) -> None:
    for digit in code:
        qtbot.mouseClick(kiosk.admin.pad.digit_keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.admin.pad.ok_key, Qt.MouseButton.LeftButton)


def _unlock(qtbot: QtBot, kiosk: KioskApp, code: str = PIN) -> None:
    kiosk.admin.request_unlock()
    with qtbot.waitSignal(kiosk.admin.unlocked, timeout=15000):
        _type(qtbot, kiosk, code)


def test_five_taps_in_a_top_corner_open_the_code_pad(qtbot: QtBot, kiosk: KioskApp) -> None:
    _tap_corner(kiosk, 4)
    assert not kiosk.admin.pad.isVisible()
    _tap_corner(kiosk, 1)
    pad = kiosk.admin.pad
    qtbot.waitUntil(pad.isVisible)
    assert pad.objectName() == "admin-pin-dialog"
    assert pad.input.objectName() == "admin-code-input"
    assert pad.input.echoMode() == pad.input.EchoMode.Password
    # A development checkout says that its PIN is not protected.
    assert pad.protection.isVisible()
    assert "kehitysversio" in pad.protection.text()


def test_the_key_chord_opens_the_code_pad(qtbot: QtBot, kiosk: KioskApp) -> None:
    modifiers = (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier
    )
    QTest.keyClick(kiosk.window.windowHandle(), Qt.Key.Key_A, modifiers)
    qtbot.waitUntil(kiosk.admin.pad.isVisible)


def test_a_wrong_code_is_refused_plainly_and_digits_are_forgotten(
    qtbot: QtBot, kiosk: KioskApp
) -> None:
    pad = kiosk.admin.pad
    kiosk.admin.request_unlock()
    _type(qtbot, kiosk, "111222")
    qtbot.waitUntil(lambda: "Väärä koodi" in pad.message.text(), timeout=15000)
    assert pad.input.text() == ""
    assert not kiosk.admin.is_open
    assert not pad.ok_key.isEnabled()  # the growing delay: 1 s after the first
    qtbot.waitUntil(pad.ok_key.isEnabled, timeout=5000)
    assert kiosk.verifier.status().failures == 1


def test_the_one_time_code_from_the_staff_page_unlocks(qtbot: QtBot, kiosk: KioskApp) -> None:
    secret = codes.new_secret()
    kiosk.verifier.set_code_secret(secret)  # type: ignore[attr-defined]
    _unlock(qtbot, kiosk, codes.code_at(secret, time.time()))
    assert kiosk.admin.panel.isVisible()
    assert kiosk.admin.panel.objectName() == "admin-panel"


def test_the_panel_shows_real_figures(qtbot: QtBot, kiosk: KioskApp, web: LocalServer) -> None:
    # A page is open: the browser engine draws it in a process of its own.
    kiosk.keeper.start_visit()
    kiosk.open_guide("test-service")
    assert kiosk.window.service.view is not None
    wait_until_loaded(qtbot, kiosk.window.service.view, "/start")
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000):
        kiosk.keeper.end_session()  # a wipe, for a receipt

    _unlock(qtbot, kiosk)
    health = kiosk.admin.panel.health
    assert health.objectName() == "admin-health"
    assert health.isVisible()
    figures = health.health
    assert figures is not None
    memory = psutil.virtual_memory()
    assert figures.memory_total_mb == memory.total // MB
    assert f"{memory.total // MB} Mt" in health.values["memory"].text()
    engine = {p.pid for p in figures.engine}
    children = {p.pid for p in psutil.Process().children(recursive=True)}
    assert engine and engine <= children
    assert all(p.rss_mb > 0 for p in figures.engine)
    assert figures.receipts and figures.receipts[0].ok
    assert "kaikki tarkistukset läpäisty" in health.receipts.text()
    assert "ei suojattu" in health.values["admin"].text()
    assert health.values["sandbox"].text() in (
        "päällä",
        "POIS PÄÄLTÄ: ei koskaan keskuksen tietokoneessa",
    )


def test_the_guides_page_names_a_broken_guides_file_and_line(
    qtbot: QtBot, kiosk: KioskApp, tmp_path: Path
) -> None:
    write_guide(tmp_path / "guides", "broken", "id: broken\ncategory: money\nsteps: [oops\n")
    _unlock(qtbot, kiosk)
    guides = kiosk.admin.panel.guides
    qtbot.mouseClick(kiosk.admin.panel.tab_buttons["guides"], Qt.MouseButton.LeftButton)
    assert guides.objectName() == "admin-guides"
    assert "1 ohjetta" in guides.summary.text()
    assert "No problems" not in guides.problems.text()
    # The kiosk loaded before the file broke: checking again finds it.
    _click(qtbot, guides.reload)
    text = guides.problems.text()
    assert "broken/guide.yaml:4: error: expected" in text, text


def test_a_settings_change_persists_and_takes_effect(qtbot: QtBot, kiosk: KioskApp) -> None:
    _unlock(qtbot, kiosk)
    panel = kiosk.admin.panel
    qtbot.mouseClick(panel.tab_buttons["settings"], Qt.MouseButton.LeftButton)
    page = panel.settings
    assert page.objectName() == "admin-settings"
    idle = page.fields["session.idle_timeout_s"]
    assert idle.text() == "180"
    idle.selectAll()
    qtbot.keyClicks(idle, "240")
    phone = page.fields["helpdesk.centre_phone"]
    qtbot.keyClicks(phone, "040 123 4567")
    _click(qtbot, page.save)
    assert "Tallennettu" in page.message.text()
    assert kiosk.keeper.lifecycle.idle_timeout_s == 240  # at once, no restart
    assert kiosk.helpdesk.centre_phone == "040 123 4567"
    saved = tomllib.loads(config_mod.staff_settings_file().read_text("utf-8"))
    assert saved["session"]["idle_timeout_s"] == 240
    assert config_mod.load(None).session.idle_timeout_s == 240  # the next start too


def test_a_bad_setting_is_refused_beside_its_field_and_nothing_is_saved(
    qtbot: QtBot, kiosk: KioskApp
) -> None:
    _unlock(qtbot, kiosk)
    panel = kiosk.admin.panel
    panel.show_tab("settings")
    page = panel.settings
    page.fields["session.idle_timeout_s"].setText("3 minutes")
    page.fields["session.warning_s"].setText("30")
    _click(qtbot, page.save)
    problem = page.problems["session.idle_timeout_s"]
    assert problem.isVisible()
    assert problem.text() == "Kirjoita kokonaisluku, esimerkiksi 180."
    assert "Mitään ei tallennettu" in page.message.text()
    assert not config_mod.staff_settings_file().exists()
    assert kiosk.keeper.lifecycle.warning_s == 60  # the good value was not taken either


def test_lock_ends_admin_mode_with_a_verified_wipe(qtbot: QtBot, kiosk: KioskApp) -> None:
    _unlock(qtbot, kiosk)
    kiosk.admin.panel.show_tab("settings")
    qtbot.keyClicks(kiosk.admin.panel.settings.fields["helpdesk.centre_phone"], "0405550199")
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as wiped:
        qtbot.mouseClick(kiosk.admin.panel.lock_button, Qt.MouseButton.LeftButton)
    assert wiped.args[0].ok, wiped.args[0].failed
    assert wiped.args[0].checks["admin"]
    assert not kiosk.admin.panel.isVisible()
    assert kiosk.admin.panel.settings.fields["helpdesk.centre_phone"].text() == ""
    assert kiosk.keeper.lifecycle.state is State.ATTRACT


def test_admin_locks_itself_after_two_minutes_without_a_touch(
    qtbot: QtBot, kiosk: KioskApp
) -> None:
    clock = Clock()
    kiosk.admin.clock = clock
    _unlock(qtbot, kiosk)
    clock.now += 100
    QTest.mouseClick(
        kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        QPoint(600, 400),
    )  # fmt: skip
    clock.now += 100  # 200 s since unlocking, but only 100 since the last touch
    kiosk.admin.check_idle()
    assert kiosk.admin.is_open
    with qtbot.waitSignal(kiosk.admin.locked, timeout=5000) as locked:
        clock.now += 21
    assert locked.args == ["idle"]
    qtbot.waitUntil(lambda: kiosk.keeper.lifecycle.state is State.ATTRACT)


def test_restart_and_leave_exit_with_their_codes(
    qtbot: QtBot, kiosk: KioskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    exits: list[int] = []
    monkeypatch.setattr(kiosk.qapp, "exit", exits.append)
    _unlock(qtbot, kiosk)
    kiosk.admin.panel.show_tab("actions")
    _click(qtbot, kiosk.admin.panel.actions_page.buttons["restart"][0])
    qtbot.waitUntil(lambda: exits == [exit_codes.RESTART])
    assert not kiosk.admin.is_open

    _unlock(qtbot, kiosk)
    kiosk.admin.panel.show_tab("actions")
    exit_button = kiosk.admin.panel.actions_page.exit_button
    assert exit_button.objectName() == "admin-exit-button"
    _click(qtbot, exit_button)
    pad = kiosk.admin.pad
    assert pad.isVisible()
    assert "huoltoa" in pad.heading.text()
    # The code again: a wrong one does not let anyone out.
    _type(qtbot, kiosk, "000000")
    qtbot.waitUntil(lambda: "Väärä koodi" in pad.message.text(), timeout=15000)
    assert exits == [exit_codes.RESTART]
    qtbot.waitUntil(pad.ok_key.isEnabled, timeout=5000)
    _type(qtbot, kiosk, PIN)
    qtbot.waitUntil(lambda: exits == [exit_codes.RESTART, exit_codes.OK], timeout=15000)


def test_print_a_test_page(qtbot: QtBot, kiosk: KioskApp) -> None:
    _unlock(qtbot, kiosk)
    actions = kiosk.admin.panel.actions_page
    kiosk.admin.panel.show_tab("actions")
    kiosk.safe_rooms.printer.make_printer = lambda: None
    _click(qtbot, actions.buttons["print-test"][0])
    assert "Tulostinta ei löytynyt" in actions.message.text()
    folder = kiosk.session.folder
    kiosk.safe_rooms.printer.make_printer = lambda: site.test_printer(folder)
    _click(qtbot, actions.buttons["print-test"][0])
    assert "Testisivu lähti" in actions.message.text()
    assert site.pdf_pages(folder / "printed.pdf") == 1


def test_the_panel_speaks_swedish_and_english_too(qtbot: QtBot, kiosk: KioskApp) -> None:
    _unlock(qtbot, kiosk)
    panel = kiosk.admin.panel
    qtbot.mouseClick(panel.language_buttons["sv"], Qt.MouseButton.LeftButton)
    assert panel.title.text() == "Administratörsläge"
    assert panel.tab_buttons["settings"].text() == "Inställningar"
    qtbot.mouseClick(panel.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert panel.title.text() == "Admin mode"
    # The wipe at the lock brings the visitor's default language back.
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000):
        panel.lock_button.click()
    assert kiosk.session.preferences.choices.language == "fi"
