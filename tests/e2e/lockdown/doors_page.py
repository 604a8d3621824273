"""Doors in the page: keys, links of every scheme, new windows, the page's own dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.e2e.lockdown.door_context import Door, DoorContext
from tests.helpers import lockdown_site as site

_M = Qt.KeyboardModifier


# -- keys -------------------------------------------------------------------------------
def key_door(chord: str, target: str) -> Door:
    def attempt(ctx: DoorContext) -> None:
        start = ctx.url()
        if target == "shell":
            reload_button = ctx.child("reload-button")
            reload_button.setFocus()
            ctx.press(chord, target)
            ctx.wait(lambda: chord in ctx.refused)
            assert QApplication.focusWidget() is reload_button
        else:
            ctx.focus_field()
            ctx.press(chord, target)
            assert chord in ctx.refused  # the filter had it (synchronously)
            # Plain keys after it: when the page has one, it has had every key before.
            ctx.press_until_typed("Z", target)
            keys = ctx.js("window.keys")
            assert keys and set(keys) == {"z"}, f"{chord} reached the page: {keys}"
        assert ctx.url() == start

    return attempt


def alt_left_is_the_kiosks_back(ctx: DoorContext) -> None:
    ctx.sentinel_navigation()
    ctx.focus_field()
    ctx.press("Alt+Left", "web")
    ctx.wait(lambda: ctx.url().endswith("/start") and ctx.view.title() == "/start")
    assert "Alt+Left" not in ctx.refused  # the kiosk's Back, not a refusal


def f5_is_the_kiosks_reload(ctx: DoorContext) -> None:
    before = len(ctx.web.seen("/start"))
    ctx.focus_field()
    ctx.press("F5", "web")
    ctx.wait(lambda: len(ctx.web.seen("/start")) == before + 1)
    ctx.wait(lambda: ctx.view.title() == "/start")


def typing_reaches_the_page(ctx: DoorContext) -> None:
    """Letters, and AltGr+2 on a Finnish keyboard under Windows (Ctrl+Alt with '@')."""
    ctx.focus_field()
    handle = ctx.kiosk.window.windowHandle()
    ctx.qtbot.keyClick(handle, Qt.Key.Key_A)
    altgr = _M.ControlModifier | _M.AltModifier
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(handle, QKeyEvent(kind, Qt.Key.Key_2, altgr, "@"))
    ctx.wait(lambda: len(ctx.js("window.keys") or []) >= 2)
    # Both reach the page (Chromium on Linux types no text for Ctrl+Alt; Windows does).
    assert ctx.js("window.keys") == ["a", "@"]
    assert ctx.js("document.getElementById('field').value").startswith("a")


# -- links and schemes --------------------------------------------------------------------
def blocked_link(link: str) -> Door:
    def attempt(ctx: DoorContext) -> None:
        blocked = ctx.child("blocked-page")
        ctx.click(f"#{link}")
        ctx.wait(blocked.isVisible)
        assert ctx.url().endswith("/start")
        ctx.qtbot.mouseClick(ctx.child("blocked-back-button"), Qt.MouseButton.LeftButton)
        assert not blocked.isVisible()

    return attempt


def refused_link(link: str) -> Door:
    """Links Chromium itself refuses before asking (data:, chrome:): nothing happens."""

    def attempt(ctx: DoorContext) -> None:
        ctx.click(f"#{link}")
        ctx.sentinel_navigation()
        assert ctx.history_paths() == ["/start", "/second"]

    return attempt


def card_link(link: str, scheme: str, shown: str) -> Door:
    def attempt(ctx: DoorContext) -> None:
        ctx.click(f"#{link}")
        # The card is made at its first use, like the document rooms.
        ctx.wait(lambda: ctx.shows("external-link-card"))
        card = ctx.child("external-link-card")
        assert ctx.kiosk.safe_rooms.link_card.scheme == scheme
        assert ctx.kiosk.safe_rooms.link_card.target == shown
        assert ctx.url().endswith("/start")
        ctx.qtbot.mouseClick(ctx.child("external-link-back"), Qt.MouseButton.LeftButton)
        assert not card.isVisible()

    return attempt


def blob_top_level(ctx: DoorContext) -> None:
    ctx.click("#b-blob")
    ctx.sentinel_navigation()
    assert ctx.history_paths() == ["/start", "/second"]


# -- new windows ---------------------------------------------------------------------------
def popup_inside(
    selector: str,
    path: str,
    *,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    modifier: Qt.KeyboardModifier = _M.NoModifier,
) -> Door:
    def attempt(ctx: DoorContext) -> None:
        host = ctx.child("popup-host")
        ctx.click(selector, button, modifier)
        ctx.wait(host.isVisible)
        popups = ctx.kiosk.safe_rooms.popups
        assert popups is not None and popups.top is not None
        top = popups.top
        ctx.wait(lambda: top.url().path() == path)
        assert top.window() is ctx.kiosk.window  # inside the kiosk, not a window
        ctx.qtbot.mouseClick(ctx.child("popup-close-button"), Qt.MouseButton.LeftButton)
        assert not host.isVisible()
        assert ctx.url().endswith("/start")

    return attempt


def popup_storm(ctx: DoorContext) -> None:
    ctx.click("#b-storm")
    ctx.wait(lambda: ctx.shows("lockdown-notice"))
    popups = ctx.kiosk.safe_rooms.popups
    assert popups is not None
    assert 1 <= len(popups.popups) <= 3


def popup_to_a_blocked_place(selector: str) -> Door:
    def attempt(ctx: DoorContext) -> None:
        blocked = ctx.child("blocked-page")
        ctx.click(selector)
        ctx.wait(blocked.isVisible)
        popups = ctx.kiosk.safe_rooms.popups
        assert popups is not None and popups.popups == []

    return attempt


def no_popup(selector: str) -> Door:
    """A window Chromium refuses to open itself (a file: address from a web page)."""

    def attempt(ctx: DoorContext) -> None:
        ctx.click(selector)
        ctx.sentinel_navigation()
        popups = ctx.kiosk.safe_rooms.popups
        assert popups is not None and popups.popups == []
        assert ctx.history_paths() == ["/start", "/second"]

    return attempt


def bank_popup(ctx: DoorContext) -> None:
    """A bank's identification window talks to its opener and closes itself."""
    ctx.click("#b-bank")
    ctx.wait(lambda: ctx.js("window.bankResult") == "identified")
    popups = ctx.kiosk.safe_rooms.popups
    assert popups is not None
    ctx.wait(lambda: popups.popups == [])
    ctx.wait(lambda: not ctx.child("popup-host").isVisible())


# -- page dialogs --------------------------------------------------------------------------
def answered(ctx: DoorContext, action: Callable[[], None]) -> None:
    site.when_open(ctx.kiosk.safe_rooms.dialog, action)


def alert_door(ctx: DoorContext) -> None:
    dialog = ctx.kiosk.safe_rooms.dialog
    seen: list[str] = []

    def ok() -> None:
        seen.append(dialog.message.text())
        ctx.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    answered(ctx, ok)
    ctx.click("#b-alert")
    ctx.wait(lambda: seen == ["Your application was saved."] and not dialog.isVisible())


def confirm_door(ctx: DoorContext) -> None:
    dialog = ctx.kiosk.safe_rooms.dialog
    answered(ctx, lambda: ctx.qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton))
    ctx.click("#b-confirm")
    ctx.wait(lambda: ctx.js("window.confirmed") is False)


def prompt_door(ctx: DoorContext) -> None:
    dialog = ctx.kiosk.safe_rooms.dialog

    def write() -> None:
        dialog.input.clear()
        ctx.qtbot.keyClicks(dialog.input, "Maija")
        ctx.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    answered(ctx, write)
    ctx.click("#b-prompt")
    ctx.wait(lambda: ctx.js("window.prompted") == "Maija")


def alert_storm(ctx: DoorContext) -> None:
    dialog = ctx.kiosk.safe_rooms.dialog
    shown: list[int] = []

    def ok() -> None:
        shown.append(1)
        answered(ctx, ok)
        ctx.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    answered(ctx, ok)
    ctx.click("#b-alerts")
    ctx.wait(lambda: ctx.js("window.alertsDone") is True)
    assert 1 <= len(shown) <= 5  # the rest were answered without asking
    dialog.opened.disconnect()


def leave_page(ctx: DoorContext) -> None:
    dialog = ctx.kiosk.safe_rooms.dialog
    asked: list[str] = []

    def stay() -> None:
        asked.append(dialog.heading.text())
        ctx.qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)

    ctx.click("#b-arm")
    answered(ctx, stay)
    ctx.click("#next")
    ctx.wait(lambda: bool(asked))
    ctx.wait(lambda: not dialog.isVisible())
    assert ctx.url().endswith("/start")


def http_login(ctx: DoorContext) -> None:
    dialog = ctx.kiosk.safe_rooms.dialog

    def log_in() -> None:
        ctx.qtbot.keyClicks(dialog.user, "member")
        ctx.qtbot.keyClicks(dialog.password, "secret")
        ctx.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    answered(ctx, log_in)
    ctx.click("#auth")
    ctx.wait(lambda: ctx.view.title() == "welcome", timeout=15000)
    assert any(r.headers.get("authorization") for r in ctx.web.seen("/auth"))


def window_print(ctx: DoorContext) -> None:
    ctx.click("#b-print")
    ctx.wait(lambda: ctx.shows("print-preview"), timeout=15000)
    assert ctx.kiosk.safe_rooms.preview.pages >= 1
    ctx.qtbot.mouseClick(ctx.child("print-cancel"), Qt.MouseButton.LeftButton)
