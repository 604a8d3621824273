"""The composition root's admin part: what admin mode (kiosk/admin/qt) asks of the kiosk,
answered from ``KioskApp``'s services. Wiring only, like kiosk/app.py.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from kiosk import __version__, exit_codes, paths
from kiosk.admin.qt.i18n import ADMIN_LANGUAGES
from kiosk.admin.qt.mode import AdminHooks
from kiosk.guides.installed import folder_in_use
from kiosk.session.lifecycle import State

# The figures and the settings editor are the admin panel's: loaded when staff open it,
# not with the first screen (issue 14).
if TYPE_CHECKING:
    from kiosk.admin.health import GuidesState, Health, HelpdeskState
    from kiosk.admin.settings_edit import Saved, SettingsEditor
    from kiosk.app import KioskApp

log = logging.getLogger("kiosk.app")


class AdminHost:
    """``AdminHooks`` for one ``KioskApp``."""

    def __init__(self, kiosk: KioskApp) -> None:
        self.kiosk = kiosk
        self.started_at = time.time()
        self._disk_guides: tuple[str, ...] | None = None

    def hooks(self) -> AdminHooks:
        return AdminHooks(
            health=self.health,
            guides=self.guides,
            reload_guides=self.reload_guides,
            settings=self.settings_editor,
            guide_titles=self.guide_titles,
            languages=lambda: list(self.kiosk.config.kiosk.languages),
            apply_settings=self.apply_settings,
            begin=self.begin,
            end=self.end,
            wipe_now=self.wipe_now,
            restart=lambda: self.end(True),
            print_test_page=self.print_test_page,
            leave=self.leave,
            set_language=self.set_language,
        )

    def settings_editor(self) -> SettingsEditor:
        from kiosk.admin.settings_edit import SettingsEditor  # noqa: PLC0415 - see above

        return SettingsEditor(self.kiosk.config)

    # -- figures -------------------------------------------------------------------------
    def helpdesk_state(self) -> HelpdeskState:
        from kiosk.admin.health import HelpdeskState  # noqa: PLC0415 - see above

        helpdesk = self.kiosk.helpdesk
        client = helpdesk.client
        if client is None:
            return HelpdeskState()
        return HelpdeskState(
            configured=True,
            online=helpdesk.online,
            outbox_pending=client.outbox.count(),
            problems=tuple(helpdesk.problems()),
        )

    def speech_state(self) -> str:
        if self.kiosk.config.speech.engine == "none":
            return "off"
        return "ready" if self.kiosk.speaker.is_ready else "not-running"

    def health(self) -> Health:
        from kiosk.admin import health as health_mod  # noqa: PLC0415 - see above

        verifier = self.kiosk.verifier
        return health_mod.collect(
            started_at=self.started_at,
            data_dir=paths.data_dir(),
            helpdesk=self.helpdesk_state(),
            speech=self.speech_state(),
            admin_protected=verifier.protected,
            admin_where=verifier.where,
            out_of_order=self.kiosk.out_of_order_shown,
        )

    # -- guides --------------------------------------------------------------------------
    def guides(self) -> GuidesState:
        from kiosk.admin.health import GuidesState  # noqa: PLC0415 - see above

        library = self.kiosk.library
        shown = tuple(g.id for g in self.kiosk.shown_guides())
        restart = self._disk_guides is not None and self._disk_guides != shown
        folder = self.kiosk.config.guides_dir()
        if self.kiosk.guide_pack is not None:  # a pack from the help desk, not guides.dir
            folder, _version = folder_in_use(self.kiosk.guide_updater.packs, folder)
        return GuidesState(
            folder=str(folder),
            shown=len(shown),
            problems=tuple(str(p) for p in library.problems),
            restart_needed=restart,
            pack=self.kiosk.guide_pack,
        )

    def reload_guides(self) -> GuidesState:
        """Read the guides folder again; what differs shows after a restart."""
        from kiosk.admin.health import GuidesState  # noqa: PLC0415 - see above

        shown = self.kiosk.load_guides()
        self.kiosk.library = self.kiosk.without_unavailable(shown.library)
        self.kiosk.guide_pack = shown.version
        self._disk_guides = tuple(g.id for g in self.kiosk.shown_guides())
        on_screen = tuple(tile.guide.id for tile in self.kiosk.window.home.tiles)
        state = self.guides()
        return GuidesState(
            state.folder,
            state.shown,
            state.problems,
            restart_needed=self._disk_guides != on_screen,
            pack=state.pack,
        )

    def guide_titles(self) -> list[tuple[str, str]]:
        language = self.kiosk.session.preferences.choices.language
        return [(g.id, g.title.get(language)[0]) for g in self.kiosk.library.guides]

    # -- settings ------------------------------------------------------------------------
    def apply_settings(self, saved: Saved) -> None:
        """What can change at once does; the rest waits for the restart after locking."""
        kiosk = self.kiosk
        old, new = kiosk.config, saved.config
        kiosk.config = new
        kiosk.keeper.lifecycle.idle_timeout_s = new.session.idle_timeout_s
        kiosk.keeper.lifecycle.warning_s = new.session.warning_s
        kiosk.helpdesk.centre_phone = new.helpdesk.centre_phone
        kiosk.helpdesk.centre_whatsapp = new.helpdesk.centre_whatsapp
        kiosk.safe_rooms.config = new
        kiosk.safe_rooms.printer.printer_name = new.printing.printer
        kiosk.safe_rooms.print_page.setVisible(new.printing.max_pages_per_session > 0)
        if old.kiosk.default_language != new.kiosk.default_language:
            kiosk.keeper.forget_prepared()
        log.info("staff changed settings: %s", ", ".join(saved.changed))

    # -- admin mode's session ------------------------------------------------------------
    def begin(self) -> None:
        """Unlocked: admin mode runs in a session of its own making (wiped at the end),
        in a language staff read."""
        keeper = self.kiosk.keeper
        keeper.start_visit()
        prefs = self.kiosk.session.preferences
        if prefs.choices.language not in ADMIN_LANGUAGES:
            offered = [c for c in ADMIN_LANGUAGES if c in prefs.languages]
            default = self.kiosk.config.kiosk.default_language
            choice = default if default in offered else (offered[0] if offered else None)
            if choice is not None:
                prefs.set_language(choice)

    def end(self, restart: bool) -> None:
        keeper = self.kiosk.keeper
        if keeper.lifecycle.state in (State.ACTIVE, State.WARNING):
            keeper.end_session()
        if restart:
            log.info("restarting the kiosk, as staff asked")
            QTimer.singleShot(0, lambda: self.kiosk.qapp.exit(exit_codes.RESTART))

    def wipe_now(self) -> None:
        keeper = self.kiosk.keeper
        if keeper.lifecycle.state in (State.ACTIVE, State.WARNING):
            keeper.end_session()

    def leave(self) -> None:
        """Maintenance: the session is wiped and the kiosk stops (exit 0: the supervisor
        stops too, on purpose)."""
        self.wipe_now()
        QTimer.singleShot(0, lambda: self.kiosk.qapp.exit(exit_codes.OK))

    def set_language(self, code: str) -> None:
        prefs = self.kiosk.session.preferences
        if code in prefs.languages:
            prefs.set_language(code)

    # -- the printer ---------------------------------------------------------------------
    def print_test_page(self) -> str:
        """One page to the kiosk's printer: "printed", "no-printer" or "failed"."""
        # Qt's page and font types make their Python enums when first imported: here,
        # not with the first screen (issue 14).
        from PySide6.QtCore import QMarginsF  # noqa: PLC0415
        from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter  # noqa: PLC0415

        printer = self.kiosk.safe_rooms.printer
        target = self.kiosk.session.folder / "test-page.pdf"
        writer = QPdfWriter(str(target))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
        painter = QPainter()
        if not painter.begin(writer):
            return "failed"
        try:
            font = QFont()
            font.setPointSize(20)
            painter.setFont(font)
            when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
            name = printer.printer_name or "(default printer)"
            lines = ["Digituki kiosk", f"Test page {when}", f"Version {__version__}", name]
            for index, line in enumerate(lines):
                painter.drawText(0, 400 + index * 400, line)
        finally:
            painter.end()
        try:
            if not printer.available():
                return "no-printer"
            return "printed" if printer.print_pdf(target, 1) else "failed"
        finally:
            target.unlink(missing_ok=True)
