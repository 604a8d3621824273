"""The composition root: config -> services -> main window. The one place things are wired.

Its larger parts live beside it, one a module: kiosk/app_admin.py (what admin mode asks),
app_choices.py (the visitor's language, text size and contrast on every screen),
app_keyboard.py, app_packs.py (guide packs), app_remote.py (the staff page's commands),
app_servers.py (the practice site and an embedded help desk), app_share.py (screen share)
and app_stats.py (the statistics).

``create(config)`` builds the whole kiosk without showing or running it, so end-to-end
tests drive it in-process (pytest-qt's QApplication is reused when there is one).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

import kiosk._pyside_first  # noqa: F401 - first: importing it applies a workaround
from kiosk import __version__, app_keyboard, app_servers, exit_codes, paths
from kiosk.admin import layout as admin_layout
from kiosk.admin.qt.i18n import AdminTranslations
from kiosk.admin.qt.mode import AdminMode
from kiosk.admin.transport import VerifierClient
from kiosk.app_admin import AdminHost
from kiosk.app_choices import VisitorChoices
from kiosk.app_packs import GuidePackUpdates
from kiosk.app_remote import RemoteCommands
from kiosk.app_share import ShareHost
from kiosk.app_stats import VisitStats
from kiosk.browser.policy import AllowList

# Importing the webengine package loads QtWebEngine, which must happen before the
# QApplication exists.
from kiosk.browser.webengine.desktop_guard import DesktopGuard
from kiosk.config import Config
from kiosk.guides.installed import InstalledPacks
from kiosk.guides.model import Guide, Library
from kiosk.guides.progress import GuideProgress
from kiosk.guides.updater import Shown, Updater
from kiosk.helpdesk.qt.helpdesk import create_helpdesk
from kiosk.helpdesk.share_model import EndReason as ShareEnd
from kiosk.lockdown.event_filter import LockdownFilter
from kiosk.lockdown.window_guard import WindowGuard
from kiosk.session import recovery
from kiosk.session.keeper import SessionKeeper
from kiosk.session.lifecycle import State
from kiosk.session.parts import Part
from kiosk.session.receipts import WipeReceipt
from kiosk.session.session import Session
from kiosk.shell.i18n import Translations
from kiosk.shell.main_window import MainWindow
from kiosk.shell.page_crashed import PageCrashed
from kiosk.shell.rooms.safe_rooms import SafeRooms
from kiosk.speech.speaker import Speaker
from kiosk.stats.events import EndReason

log = logging.getLogger("kiosk.app")

#: Exit code when a wipe could not be verified: the supervisor starts a clean kiosk.
EXIT_WIPE_FAILED = exit_codes.WIPE_FAILED


def application() -> QApplication:
    """The running QApplication, or a new one."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("digituki-kiosk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Digituki")
    return app


class KioskApp(QObject):
    """The whole kiosk: its window, its guides and the current visitor's session.

    Signals:
        wipe_finished(object): a ``WipeReceipt`` (``ok``, ``checks``, ``duration_s``)
            after every session wipe.
    """

    wipe_finished = Signal(object)

    def __init__(
        self, config: Config, qapp: QApplication, verifier: VerifierClient | None = None
    ) -> None:
        super().__init__()
        self.config = config
        self.qapp = qapp
        #: The admin code's verifier: a service out of reach, or (development) in here.
        self.verifier = verifier or admin_layout.connect()
        #: Staff keep the kiosk out of order from the staff page (a remote command).
        self.out_of_order_shown = False
        #: A wipe that fails its checks makes the kiosk exit for a clean restart.
        self.restart_on_wipe_failure = True
        #: The visitor's language, text size and contrast, on every screen.
        self.visitor_choices = VisitorChoices(self)
        #: The visitor asked to end the session (else the wipe that comes is the idle one).
        self._ending = False
        # Before anything is shown: remove what an interrupted session left behind.
        self.recovered = recovery.sweep(paths.runtime_dir())
        self.identification = AllowList.parse(config.browser.identification_hosts)
        self.practice = app_servers.start_practice_site(config)
        substitutions = {"practice": self.practice.base_url} if self.practice else None
        # The guides: the guide pack in use (issue 15), else guides.dir or the shipped ones.
        self.guide_updater = Updater(
            InstalledPacks(paths.guide_packs_dir()),
            None,  # the help desk is known below
            config.guides_dir(),
            config.browser.identification_hosts,
            substitutions,
        )
        shown = self.load_guides()
        self.library: Library = self.without_unavailable(shown.library)
        #: The guide pack shown (None: guides.dir or the shipped guides).
        self.guide_pack: str | None = shown.version
        languages = tuple(config.kiosk.languages)
        self.translations = Translations()
        self.admin_translations = AdminTranslations()
        self.desktop_guard = DesktopGuard()
        self.window = MainWindow(
            self.shown_guides(),
            languages,
            self.identification,
            config.kiosk.windowed,
            config.kiosk.centre_name,
        )
        # The on-screen keyboard (issue 17), when keyboard.on_screen turned it on.
        self.keyboard = app_keyboard.install(self)
        if self.practice is not None:
            self.window.service.set_practice_host(app_servers.practice_host(self.practice))
        # A page whose renderer died: "This page stopped working", never a grey area.
        self.page_crashed = PageCrashed.install(self.window.service)
        self.keeper = SessionKeeper(
            self._new_session,
            self.window,
            config.session.idle_timeout_s,
            config.session.warning_s,
            help_wait_s=config.session.help_wait_s,
        )
        self.embedded_helpdesk = app_servers.start_embedded_helpdesk(
            config, self.keeper.allowed_processes
        )
        self.helpdesk = create_helpdesk(config, url=self._helpdesk_url(), parent=self)
        self.guide_packs = self._guide_pack_updates()
        self.window.add_banner(self.helpdesk.status_banner())
        # While help is on its way, no wipe at the normal idle timeout: "Help is coming".
        # Over the page, under the top bar: End session and the banner stay in reach.
        self.help_wait = self.helpdesk.wait_screen(self.window.stack)
        self.helpdesk.help_pending_changed.connect(self.keeper.set_help_pending)
        self.help_wait.back_requested.connect(self.keeper.back_to_page)
        self.help_wait.cancel_confirmed.connect(self.keeper.back_to_page)
        self.window.top_bar.help_requested.connect(self.call_for_help)
        self.window.service.help_requested.connect(self.call_for_help)
        self.speaker = Speaker(config.speech.engine)
        self.window.service.guide_panel.set_speaker(self.speaker)
        # Remote help that can see (with the visitor's yes, every time).
        self.share_host = ShareHost(self)
        self.screen_share = self.share_host.share
        # The speech engine starts in a process of its own when the first visit begins
        # (the first screen neither waits for it nor shares the processor with its
        # start); every wipe starts it again if it has died.
        self._speech_started = False
        self.keeper.companion_pids.append(lambda: self.speaker.pid)
        self.keeper.state_changed.connect(self._on_state_changed)
        self.keeper.countdown.connect(self.window.idle_warning.show_seconds)
        self.keeper.wipe_finished.connect(self.wipe_finished)
        self.keeper.wipe_failed.connect(self._on_wipe_failed)
        self.window.attract.touched.connect(self.keeper.start_visit)
        self.window.idle_warning.continue_requested.connect(self.keeper.keep_going)
        bar_end = self.window.top_bar.end_session_requested
        bar_end.connect(self.window.end_confirm.popup)
        self.window.end_confirm.confirmed.connect(self._on_end_confirmed)
        self.window.end_confirm.cancelled.connect(self.window.end_confirm.hide)

        self.visitor_choices.connect_buttons()
        self.window.home.tile_chosen.connect(self.open_guide)
        self.window.service.leave_requested.connect(self.go_home)
        # Anonymous counting (issue 16); its recorder, store and question stay within
        # reach as the kiosk's own attributes.
        self.visit_stats = VisitStats(
            config.stats,
            self.library,
            self.window,
            self.helpdesk,
            helpdesk_url=self._helpdesk_url(),
            session=lambda: self.session,
            end_session=self._end_session,
            parent=self,
        )
        self.stats = self.visit_stats.recorder
        self.stats_store = self.visit_stats.store
        self.outcome_question = self.visit_stats.outcome_question
        self.stats_uploader = self.visit_stats.uploader
        self.visitor_choices.show(None, self.session.preferences.choices)
        self.window.show_attract(after_wipe=False)
        log.info("kiosk ready with %d guides", len(self.library.guides))
        self._install_lockdown()
        self._install_admin()
        # Commands from the staff page, and the heartbeat's health figures.
        self.remote = RemoteCommands(self, self._helpdesk_url() or None)
        self.remote.start()
        self._register_visitor_parts()

    def without_unavailable(self, library: Library) -> Library:
        """No practice site: no practice tiles.  The guides' problems go to the log."""
        for problem in library.problems:
            log.warning("guide problem: %s", problem)
        if self.practice is not None:
            return library
        return replace(library, guides=tuple(g for g in library.guides if g.category != "practice"))

    def shown_guides(self) -> tuple[Guide, ...]:
        """The home screen's tiles: those staff chose, in their order (``kiosk.tiles``);
        every guide when they chose none."""
        chosen = self.config.kiosk.tiles
        if not chosen:
            return self.library.guides
        missing = [guide_id for guide_id in chosen if self.library.by_id(guide_id) is None]
        if missing:
            log.warning("tiles for guides that are not loaded: %s", ", ".join(missing))
        return tuple(g for g in (self.library.by_id(i) for i in chosen) if g is not None)

    def _register_visitor_parts(self) -> None:
        """Everything that can hold something of a visitor, in the order the wipe resets
        it (the keeper's own parts, the browser engine's, go after these). New visitor
        state registers here, once."""
        register = self.keeper.parts.register
        if self.keyboard is not None:  # first: out of the help dialog before it closes
            keys = self.keyboard
            register("keyboard", Part(keys.reset_for_next_visitor, keys.leftovers))
        register("admin", Part(self.admin.reset_for_next_visitor, self.admin.leftovers))
        register("help-desk", Part(self.helpdesk.visitor_left, self.helpdesk.leftovers))
        share = self.screen_share
        register("screen-share", Part(share.reset_for_next_visitor, share.leftovers))
        register("rooms", Part(self.safe_rooms.reset_for_next_visitor, self.safe_rooms.leftovers))
        register("service", Part(self._reset_service, self.window.service.leftovers))
        register("window", Part(self.window.reset_for_next_visitor, self.window.leftovers))
        choices = self.visitor_choices
        register("choices", Part(choices.reset_for_next_visitor, choices.leftovers))
        register("speech", Part(self.speaker.reset_for_next_visitor, self.speaker.leftovers))
        # A page waiting for the printer (off, out of paper) would come out for the next
        # visitor: the kiosk user's unfinished jobs are cancelled.
        register("print-queue", Part(self._cancel_print_jobs, self._print_jobs_left))
        if self.practice is not None:
            register("practice-site", Part(self.practice.forget_visitors, self.practice.leftovers))
        register("stats", Part(self.visit_stats.reset_for_next_visitor, self.visit_stats.leftovers))

    # -- lockdown (issue 4) ------------------------------------------------------------
    def _install_lockdown(self) -> None:
        """No way out: keys by a table, no context menus or drops, no other windows; and
        the kiosk's own rooms for downloads, PDFs, printing, uploads, links, page dialogs
        and new windows. Every view a tile opens is wired through ``view_attached``."""
        self.window_guard = WindowGuard(self.window, self.config.kiosk.windowed)
        self.lockdown_filter = LockdownFilter(self)
        self.lockdown_filter.watch_window(self.window)
        self.safe_rooms = SafeRooms(self.window.service, self.config, lambda: self.session)
        service = self.window.service
        service.view_attached.connect(self.safe_rooms.attach)
        service.view_attached.connect(self.lockdown_filter.watch_view)
        self.safe_rooms.popup_opened.connect(self.lockdown_filter.watch_view)
        self.lockdown_filter.back_requested.connect(self.safe_rooms.go_back)
        self.lockdown_filter.reload_requested.connect(service.bar.reload.click)
        self.lockdown_filter.zoom_requested.connect(
            lambda step: (service.bar.zoom_in if step > 0 else service.bar.zoom_out).click()
        )
        choices = self.session.preferences.choices
        self.safe_rooms.apply_theme(choices.text_scale, choices.high_contrast)

    # -- admin mode (issue 12) ------------------------------------------------------------
    def _install_admin(self) -> None:
        """The staff's way in (five taps in a top corner, or Ctrl+Alt+Shift+A) to the code
        pad and the admin panel; kiosk/app_admin.py answers what the panel asks."""
        self.admin_host = AdminHost(self)
        self.admin = AdminMode(self.window.root, self.verifier, self.admin_host.hooks())
        self.admin.watch(self.window)
        self.lockdown_filter.admin_requested.connect(self.admin.request_unlock)
        choices = self.session.preferences.choices
        self.admin.show_language(choices.language)
        self.admin.apply_theme(choices.high_contrast)

    @property
    def session(self) -> Session:
        """The current visitor's session (a new one after every wipe)."""
        return self.keeper.current

    # -- the session's life --------------------------------------------------------------
    def _on_state_changed(self, state: State) -> None:
        if state is State.WARNING:
            self.screen_share.stop(ShareEnd.IDLE)
        elif state is State.WIPING:
            self.screen_share.stop(ShareEnd.WIPE)
        if state is not State.HELP_WAIT:
            self.help_wait.hide()
        if state is State.ACTIVE:
            if not self._speech_started:
                self._speech_started = True
                QTimer.singleShot(0, self.speaker.start)  # after this touch is answered
            self.stats.session_started()
            self.window.idle_warning.hide()
            self.window.show_visit()
        elif state is State.HELP_WAIT:
            self.window.idle_warning.hide()
            self.share_host.show_help_wait()
        elif state is State.WARNING:
            self.window.end_confirm.hide()
            self.window.idle_warning.popup()
        elif state is State.WIPING:  # before the wipe: the session's end is counted
            reason = EndReason.ENDED if self._ending else EndReason.IDLE
            away = self.keeper.lifecycle.idle_for if reason is EndReason.IDLE else 0.0
            self.stats.session_ended(reason, self.session.preferences.choices.language, away)
        elif state is State.ATTRACT:
            self._ending = False
            self.window.idle_warning.hide()
            self.window.end_confirm.hide()
            self.window.show_attract(after_wipe=True)

    def _on_end_confirmed(self) -> None:
        self.window.end_confirm.hide()
        self.screen_share.stop(ShareEnd.END_SESSION)
        if not self.visit_stats.ask_outcome():  # "Did you get it done?", then the end
            self._end_session()

    def _end_session(self) -> None:
        self._ending = True
        if not self.keeper.end_session():
            self._ending = False

    # The print queue is read with libcups through ctypes: loaded at the first wipe, not
    # with the first screen (issue 14).
    @staticmethod
    def _cancel_print_jobs() -> None:
        from kiosk.shell.rooms import print_queue  # noqa: PLC0415 - see above

        print_queue.cancel_unfinished_jobs()

    @staticmethod
    def _print_jobs_left() -> list[str]:
        from kiosk.shell.rooms import print_queue  # noqa: PLC0415 - see above

        return print_queue.leftovers()

    def _reset_service(self) -> None:
        self._close_service()
        self.window.service.reset_for_next_visitor()

    def _on_wipe_failed(self, receipt: WipeReceipt) -> None:
        log.critical("the wipe could not be verified (%s); restarting", ", ".join(receipt.failed))
        if self.restart_on_wipe_failure:
            self.qapp.exit(EXIT_WIPE_FAILED)

    # -- session ---------------------------------------------------------------------
    def _new_session(self) -> Session:
        session = Session(self.config.kiosk.default_language, tuple(self.config.kiosk.languages))
        session.preferences.on_change(self.visitor_choices.show)
        return session

    # -- guides and guide packs (issue 15) ------------------------------------------------
    def load_guides(self) -> Shown:
        """The guides to show: the guide pack in use, else ``guides.dir`` (or the shipped
        guides); only ``guides.dir`` when packs are turned off (``guides.updates``)."""
        if self.config.guides.updates:
            return self.guide_updater.start_guides()
        return Shown(self.guide_updater.load(self.config.guides_dir()), None)

    def _guide_pack_updates(self) -> GuidePackUpdates:
        url = self._helpdesk_url()
        if url and self.config.guides.updates:
            from kiosk.helpdesk.guide_packs import HelpdeskPackSource  # noqa: PLC0415 - client

            self.guide_updater.source = HelpdeskPackSource(url)
        updates = GuidePackUpdates(
            self.guide_updater,
            lambda: self.keeper.lifecycle.state is State.ATTRACT,
            self.show_guides,
            self.config.guides.update_check_s,
            parent=self,
        )
        self.keeper.state_changed.connect(
            lambda state: updates.visitor_left() if state is State.ATTRACT else None
        )
        updates.start()
        return updates

    def show_guides(self, library: Library, version: str | None) -> None:
        """Tiles for other guides: a guide pack went in (or back out). Between visitors."""
        self.library = self.without_unavailable(library)
        self.guide_pack = version
        self.visit_stats.show_guides(self.library)
        self.window.home.set_guides(self.shown_guides())
        log.info(
            "tiles: %d guides from %s",
            len(self.library.guides),
            f"guide pack {version}" if version else "the installed guides",
        )

    # -- help ------------------------------------------------------------------------
    def _helpdesk_url(self) -> str:
        if self.embedded_helpdesk is not None:
            return self.embedded_helpdesk.url
        return self.config.helpdesk.url

    def call_for_help(self) -> None:
        """The visitor pressed "Call digital support": tell staff where they are."""
        progress = self.session.guide_progress
        guide_id = progress.guide.id if progress else None
        step = progress.step_index + 1 if progress and progress.step_index is not None else None
        self.helpdesk.open_dialog(self.window, guide_id, step)

    # -- navigation ------------------------------------------------------------------
    def open_guide(self, guide_id: str) -> None:
        guide = self.library.by_id(guide_id)
        if guide is None:
            log.error("no guide %s", guide_id)
            return
        self._close_service()
        if self.practice is not None and app_servers.uses_practice(self.practice, guide):
            self.practice.serve()  # the practice pages, loaded at their first use
        progress = GuideProgress(guide)
        self.session.guide_progress = progress
        self.stats.guide_opened(guide.id)
        progress.on_change(lambda: self.visit_stats.count_page(progress))
        self.visit_stats.count_page(progress)
        allow = AllowList.parse(guide.allowed_hosts, self.config.browser.identification_hosts)
        view = self.session.browser.new_view(allow)
        self.window.service.show_service(view, progress, guide.start_url)
        self.window.service.apply_theme(
            self.session.preferences.choices.text_scale,
            self.session.preferences.choices.high_contrast,
        )
        self.window.show_service()
        log.info("guide opened: %s", guide.id)

    def go_home(self) -> None:
        self._close_service()
        self.window.show_home()

    def _close_service(self) -> None:
        old = self.window.service.clear()
        if old is not None:
            self.session.browser.close_view(old)
        self.session.guide_progress = None

    def self_check(self) -> list[str]:
        """What makes this kiosk unsafe to show a visitor: a browser that is not off the
        record or not locked down. Every browser is checked as it is made (and the
        kiosk refuses to go on, see ``kiosk.launcher``); this looks at the current one
        again, making it if it is not made yet."""
        return self.session.browser.problems()

    def shutdown(self) -> None:
        self.visit_stats.shutdown()  # a session going on is counted as closed
        self._close_service()
        self.screen_share.shutdown()
        if self.keyboard is not None:
            self.keyboard.shutdown()
        self.remote.stop()
        self.guide_packs.shutdown()
        self.helpdesk.shutdown()
        if self.embedded_helpdesk is not None:
            self.embedded_helpdesk.stop()
        if self.practice is not None:
            self.practice.stop()
        self.keeper.shutdown()
        self.speaker.close()
        self.desktop_guard.remove()
        self.translations.uninstall()
        self.admin_translations.uninstall()
        # Run the deferred deletes now: the event loop may already have stopped.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def create(config: Config, verifier: VerifierClient | None = None) -> KioskApp:
    """Build the whole kiosk without showing or running it."""
    app_keyboard.prepare(config)  # Qt's input method is chosen when the application starts
    return KioskApp(config, application(), verifier)
