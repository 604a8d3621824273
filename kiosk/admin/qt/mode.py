"""``AdminMode``: from the hidden gesture to the code pad, the panel, and back.

The kiosk (``KioskApp``) gives it ``AdminHooks``: what only the kiosk can tell or do
(figures, guides, settings, wipe, restart, print, leave). Admin mode's own use is wiped
like a visitor's: unlocking starts a session, locking (by the button, after 2 minutes
without a touch, or at any wipe) ends it with the verified wipe, and AdminMode is a
visitor part (``reset_for_next_visitor`` / ``leftovers``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QTimer, Signal
from PySide6.QtGui import QInputDevice, QMouseEvent, QTouchEvent, QWindow
from PySide6.QtWidgets import QWidget

from kiosk.admin.gesture import CornerTaps
from kiosk.ui.theme import palette

if TYPE_CHECKING:
    from kiosk.admin.health import GuidesState, Health
    from kiosk.admin.qt.code_pad import CodePad
    from kiosk.admin.qt.panel import AdminPanel
    from kiosk.admin.settings_edit import Saved, SettingsEditor
    from kiosk.admin.transport import VerifierClient

log = logging.getLogger("kiosk.admin")

# Admin mode locks itself after this long without a touch, key or click.
AUTO_LOCK_S = 120.0
_T = QEvent.Type
_INPUT = frozenset(
    {_T.MouseButtonPress, _T.MouseMove, _T.KeyPress, _T.TouchBegin, _T.TouchUpdate, _T.Wheel}
)


@dataclass
class AdminHooks:
    """What admin mode asks of the kiosk."""

    health: Callable[[], Health]
    guides: Callable[[], GuidesState]
    reload_guides: Callable[[], GuidesState]
    settings: Callable[[], SettingsEditor]
    # (id, title) of every loadable guide, in the usual order; and the screen languages.
    guide_titles: Callable[[], list[tuple[str, str]]]
    languages: Callable[[], list[str]]
    apply_settings: Callable[[Saved], None]
    # Unlocking: a session begins (it is wiped when admin mode ends).
    begin: Callable[[], None]
    # Locking: the session ends with the wipe; a restart afterwards if asked for.
    end: Callable[[bool], None]
    wipe_now: Callable[[], None]
    restart: Callable[[], None]
    # "printed", "no-printer" or "failed".
    print_test_page: Callable[[], str]
    leave: Callable[[], None]
    set_language: Callable[[str], None]


class AdminMode(QObject):
    """Signals: unlocked(), locked(str): why ("button", "idle", "wipe")."""

    unlocked = Signal()
    locked = Signal(str)

    def __init__(
        self,
        host: QWidget,
        client: VerifierClient,
        hooks: AdminHooks,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(host)
        self.host = host
        self.client = client
        self.hooks = hooks
        self.clock = clock
        self.auto_lock_s = AUTO_LOCK_S
        self.taps = CornerTaps()
        # The code pad and the panel are built the first time staff need them: a kiosk
        # starts faster without them, and most visitors' sessions never see them.
        self._pad: CodePad | None = None
        self._panel: AdminPanel | None = None
        self._language = "en"
        self._high_contrast = False
        self.is_open = False
        self.restart_pending = False
        self._last_input = clock()
        self._ending = False
        self._watched: list[QWindow] = []
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.check_idle)

    @property
    def pad(self) -> CodePad:
        """The code pad (built at first use)."""
        if self._pad is None:
            from kiosk.admin.qt.code_pad import CodePad  # noqa: PLC0415 - built at first use

            self._pad = CodePad(self.client, self.host)
            self._pad.unlocked.connect(self._on_unlocked)
            self._pad.exit_confirmed.connect(self._on_exit_confirmed)
        return self._pad

    @property
    def panel(self) -> AdminPanel:
        """The admin panel (built at first use, in the language and look chosen by then)."""
        if self._panel is None:
            from kiosk.admin.qt.code_pad import Purpose  # noqa: PLC0415
            from kiosk.admin.qt.panel import AdminPanel  # noqa: PLC0415

            p = self._panel = AdminPanel(self.host)
            p.lock_requested.connect(lambda: self.lock("button"))
            p.language_chosen.connect(self._on_language)
            p.tab_changed.connect(self._on_tab)
            p.guides.reload_requested.connect(self._on_reload_guides)
            p.settings.save_requested.connect(self._on_save)
            p.actions_page.wipe_requested.connect(self._on_wipe)
            p.actions_page.restart_requested.connect(self._on_restart)
            p.actions_page.test_page_requested.connect(self._on_test_page)
            p.actions_page.exit_requested.connect(lambda: self.pad.ask(Purpose.EXIT))
            p.show_language(self._language)
            self._style_panel(p)
        return self._panel

    # -- the way in ----------------------------------------------------------------------
    def watch(self, window: QWidget) -> None:
        """Taps in a top corner of ``window``; and input, for the auto-lock."""
        window.winId()
        handle = window.windowHandle()
        if handle is not None and handle not in self._watched:
            handle.installEventFilter(self)
            self._watched.append(handle)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _INPUT:
            return False
        try:
            if self.is_open:
                self._last_input = self.clock()
            if kind in (_T.MouseButtonPress, _T.TouchBegin) and isinstance(watched, QWindow):
                point = _position(event)
                if point is not None and self.taps.tap(
                    point.x(), point.y(), watched.width(), self.clock()
                ):
                    self.request_unlock()
        except Exception:  # the gesture must never break the kiosk's input
            log.exception("admin gesture failed")
        return False  # the tap still reaches what is under it

    def request_unlock(self) -> None:
        """The gesture or the key chord: the code pad (unless admin mode is open)."""
        if self.is_open or self.pad.isVisible():
            return
        from kiosk.admin.qt.code_pad import Purpose  # noqa: PLC0415

        log.info("admin code pad opened")
        self.pad.ask(Purpose.UNLOCK)

    def _on_unlocked(self, method: str) -> None:
        self.is_open = True
        self._last_input = self.clock()
        self.hooks.begin()
        self.panel.show_tab("health")
        self.panel.popup()
        self._tick.start()
        log.info("admin mode opened (%s)", "one-time code" if method == "code" else "PIN")
        self.unlocked.emit()

    # -- the way out ---------------------------------------------------------------------
    def lock(self, why: str) -> None:
        """Close admin mode; the session it ran in is wiped (``hooks.end``)."""
        if not self.is_open or self._ending:
            return
        self._ending = True
        try:
            log.info("admin mode locked (%s)", why)
            self.is_open = False
            self._tick.stop()
            if self._panel is not None:
                self._panel.hide()
            if self._pad is not None:
                self._pad.hide()
            self.locked.emit(why)
            restart, self.restart_pending = self.restart_pending, False
            self.hooks.end(restart)
        finally:
            self._ending = False

    def check_idle(self) -> None:
        """Every second while open (and from tests): lock after ``auto_lock_s`` idle."""
        if self.is_open and self.clock() - self._last_input >= self.auto_lock_s:
            self.lock("idle")

    def _on_exit_confirmed(self) -> None:
        log.warning("staff left the kiosk for maintenance")
        self.hooks.leave()

    # -- the panel's requests --------------------------------------------------------------
    def _on_tab(self, key: str) -> None:
        if key == "health":
            self.refresh_health()
        elif key == "guides":
            self.panel.guides.show_state(self.hooks.guides())
        elif key == "settings":
            from kiosk.admin import settings_edit  # noqa: PLC0415 - once the panel is open

            editor = self.hooks.settings()
            self.panel.settings.load(
                settings_edit.current(editor.base),
                self.hooks.guide_titles(),
                self.hooks.languages(),
            )

    def refresh_health(self) -> None:
        self.panel.health.show_health(self.hooks.health())

    def _on_reload_guides(self) -> None:
        state = self.hooks.reload_guides()
        self.restart_pending |= state.restart_needed
        self.panel.guides.show_state(state)

    def _on_save(self, form: dict[str, object]) -> None:
        from kiosk.admin.settings_edit import SettingsRejectedError  # noqa: PLC0415 - as above

        page = self.panel.settings
        try:
            saved = self.hooks.settings().save(form)
        except SettingsRejectedError as refused:
            page.show_problems(refused.problems)
            page.show_message(self.tr("Nothing was saved. Correct the marked settings."))
            return
        page.show_problems({})
        if not saved.changed:
            page.show_message(self.tr("Nothing to save: no setting was changed."))
            return
        self.hooks.apply_settings(saved)
        if saved.needs_restart:
            self.restart_pending = True
            page.show_message(
                self.tr("Saved. The kiosk restarts with the new tiles when you lock.")
            )
        else:
            page.show_message(self.tr("Saved. The new settings are in use now."))

    def _on_wipe(self) -> None:
        self.hooks.wipe_now()  # ends admin mode too: the wipe resets this part

    def _on_restart(self) -> None:
        self.restart_pending = True
        self.lock("restart")

    def _on_test_page(self) -> None:
        outcome = self.hooks.print_test_page()
        messages = {
            "printed": self.tr("The test page went to the printer."),
            "no-printer": self.tr(
                "No printer was found. Check that it is on and connected, and its name in Settings."
            ),
        }
        self.panel.actions_page.show_message(
            messages.get(outcome, self.tr("The printer did not take the test page."))
        )

    def _on_language(self, code: str) -> None:
        self.hooks.set_language(code)
        self.panel.show_language(code)

    def show_language(self, code: str) -> None:
        self._language = code
        if self._panel is not None:
            self._panel.show_language(code)

    def apply_theme(self, high_contrast: bool) -> None:
        self._high_contrast = high_contrast
        if self._panel is not None:
            self._style_panel(self._panel)

    def _style_panel(self, panel: AdminPanel) -> None:
        p = palette(self._high_contrast)
        panel.setStyleSheet(
            f"QWidget#admin-panel {{ background: {p.background}; }}"
            f" QLineEdit, QComboBox, QListWidget {{ font-size: 22px; background: {p.surface};"
            f" color: {p.text}; border: 2px solid {p.border}; border-radius: 8px; padding: 4px; }}"
        )

    # -- the wipe --------------------------------------------------------------------------
    def reset_for_next_visitor(self) -> None:
        """The wipe: admin mode closes and forgets everything typed into it."""
        if self.is_open:
            self.is_open = False
            self._tick.stop()
            self.locked.emit("wipe")
        if self._panel is not None:
            self._panel.hide()
            self._panel.settings.forget()
            self._panel.health.checks.reset()
            self._panel.show_tab("health")
            self._panel.actions_page.show_message("")
        if self._pad is not None:
            self._pad.reset_for_next_visitor()
        self.taps.reset()

    def leftovers(self) -> list[str]:
        found = []
        panel, pad = self._panel, self._pad
        if self.is_open or (panel is not None and not panel.isHidden()):
            found.append("admin mode is still open")
        if pad is not None:
            found += pad.leftovers()
        if panel is not None:
            found += panel.settings.leftovers()
        return found


def _position(event: QEvent) -> QPointF | None:
    """Where a tap landed; None for a mouse press that Qt made from a touch (the touch
    itself was counted)."""
    if isinstance(event, QMouseEvent):
        device = event.device()
        if device is not None and device.type() == QInputDevice.DeviceType.TouchScreen:
            return None
        return event.position()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].position()
    return None
