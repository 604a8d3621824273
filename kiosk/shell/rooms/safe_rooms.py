"""The kiosk's own rooms for what visitors really need inside the locked browser: viewing
and printing a download, attaching a file, a phone number or e-mail address from a link,
a page's own questions, and new windows. Each page signal is answered here; nothing is
handed to Qt's or Chromium's dialogs or to another program.

``KioskApp._install_lockdown`` makes one ``SafeRooms`` and connects the service view's
``view_attached`` to :meth:`SafeRooms.attach`; every view a tile opens (in every session)
passes through it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QRect, Signal

from kiosk.browser.policy import BackStep
from kiosk.config import Config
from kiosk.guides.progress import GuideProgress
from kiosk.lockdown.file_types import FileKind, Refusal
from kiosk.lockdown.print_quota import PrintQuota
from kiosk.shell.browser_bar import BrowserBar
from kiosk.shell.rooms.link_card import ExternalLinkCard
from kiosk.shell.rooms.notices import REFUSAL_NOTICES, Notice, NoticeCard
from kiosk.shell.rooms.overlay import Overlay
from kiosk.shell.rooms.popup_host import PopupHost
from kiosk.shell.rooms.printer import PrinterService, image_to_pdf
from kiosk.shell.service_view import ServiceView
from kiosk.ui.controls import BigButton

if TYPE_CHECKING:
    from kiosk.browser.webengine.context import BrowserContext
    from kiosk.browser.webengine.dialogs import DialogRequest, FileRequest
    from kiosk.browser.webengine.downloads import DownloadGuard
    from kiosk.browser.webengine.printing import PageToPdf
    from kiosk.browser.webengine.view import KioskView
    from kiosk.browser.webengine.windows import PopupManager
    from kiosk.shell.rooms.file_chooser import FileChooser
    from kiosk.shell.rooms.print_preview import PrintPreview
    from kiosk.shell.rooms.viewer import DocumentViewer
    from kiosk.shell.rooms.web_dialogs import WebDialog

log = logging.getLogger("kiosk.shell")


class VisitorSession(Protocol):
    """What the rooms need of the current ``Session`` (replaced after every wipe)."""

    folder: Path
    printed_pages: int
    guide_progress: GuideProgress | None

    @property
    def browser(self) -> BrowserContext: ...  # made at its first use


class PrintPageButton(BigButton):
    """ "Print" in the browser bar: the page as it is, through the kiosk's preview."""

    def __init__(self) -> None:
        super().__init__("print-page-button", icon_name="print")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        bar = self.parent()
        while bar is not None and not isinstance(bar, BrowserBar):
            bar = bar.parent()
        if isinstance(bar, BrowserBar):
            bar.set_text(self, self.tr("Print"))
        else:
            self.setText(self.tr("Print"))
        self.setToolTip(self.tr("Print this page"))
        self.setAccessibleName(self.tr("Print this page"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class SafeRooms(QObject):
    """Owns the rooms (overlays inside the service view) and answers every page's signals.

    Signals:
        popup_opened(object): a new window's ``KioskView`` is shown (lockdown watches it).
    """

    popup_opened = Signal(object)

    def __init__(
        self,
        service: ServiceView,
        config: Config,
        session: Callable[[], VisitorSession],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.config = config
        self._session = session
        self.printer = PrinterService(config.printing.printer)
        self._page_to_pdf: PageToPdf | None = None
        self.popups: PopupManager | None = None
        self._downloads: DownloadGuard | None = None

        # The document rooms (and Qt's PDF library) are made when a visitor first needs
        # one: most visits never open a file, print or attach.
        self._viewer: DocumentViewer | None = None
        self._preview_room: PrintPreview | None = None
        self._chooser: FileChooser | None = None
        self._look = (1.0, False)
        # The cards for links, refusals and page dialogs too: at a visitor's first tile,
        # not with the first screen (issue 14).
        self._link_card: ExternalLinkCard | None = None
        self._notice: NoticeCard | None = None
        self._dialog: WebDialog | None = None
        self.popup_host = PopupHost(service.browser_slot)
        self.print_page = PrintPageButton()
        self._add_to_bar(self.print_page)
        self.print_page.setVisible(config.printing.max_pages_per_session > 0)

        self.popup_host.close_requested.connect(self.close_popup)
        self.print_page.clicked.connect(self.print_current_page)
        # While a new window is open, the bar's Back belongs to it.
        service.bar.back.installEventFilter(self)

    # -- the document rooms, made at first use ------------------------------------------------
    @property
    def viewer(self) -> DocumentViewer:
        if self._viewer is None:
            from kiosk.shell.rooms.viewer import DocumentViewer  # noqa: PLC0415

            self._viewer = self._themed(DocumentViewer(self.service, self._browser_area))
            self._viewer.print_requested.connect(self._on_print_file)
        return self._viewer

    @property
    def preview(self) -> PrintPreview:
        if self._preview_room is None:
            from kiosk.shell.rooms.print_preview import PrintPreview  # noqa: PLC0415

            room = PrintPreview(self.service, self._browser_area, self.printer, self.quota)
            self._preview_room = self._themed(room)
            self._preview_room.printed.connect(self._on_printed)
        return self._preview_room

    @property
    def chooser(self) -> FileChooser:
        if self._chooser is None:
            from kiosk.shell.rooms.file_chooser import FileChooser  # noqa: PLC0415

            self._chooser = self._themed(
                FileChooser(
                    self.service,
                    self._browser_area,
                    self._downloaded_files,
                    self.config.lockdown.allow_removable_media,
                )
            )
            self._chooser.high_contrast = self._look[1]
        return self._chooser

    @property
    def page_to_pdf(self) -> PageToPdf:
        """A page printed as PDF for the print preview (made at the first print)."""
        if self._page_to_pdf is None:
            # The browser's modules load with the browser, not with the first screen.
            from kiosk.browser.webengine.printing import PageToPdf  # noqa: PLC0415

            self._page_to_pdf = PageToPdf(self)
            self._page_to_pdf.ready.connect(lambda path: self._preview(Path(path)))
            self._page_to_pdf.failed.connect(lambda: self.notice.show_notice(Notice.NOT_VIEWABLE))
        return self._page_to_pdf

    @property
    def link_card(self) -> ExternalLinkCard:
        if self._link_card is None:
            self._link_card = self._themed(ExternalLinkCard(self.service, self._browser_area))
        return self._link_card

    @property
    def notice(self) -> NoticeCard:
        if self._notice is None:
            self._notice = self._themed(NoticeCard(self.service, self._browser_area))
            self._notice.help_requested.connect(self.service.help_requested)
        return self._notice

    @property
    def dialog(self) -> WebDialog:
        if self._dialog is None:
            from kiosk.shell.rooms.web_dialogs import WebDialog  # noqa: PLC0415 - as the rooms

            self._dialog = self._themed(WebDialog(self.service, self._browser_area))
        return self._dialog

    def _themed[R: Overlay](self, room: R) -> R:
        """A room made now, in the visitor's text size and contrast."""
        scale, high_contrast = self._look
        for button in room.findChildren(BigButton):
            button.apply_theme(scale, high_contrast)
        return room

    @property
    def rooms(self) -> tuple[Overlay, ...]:
        """The rooms made so far (each exists from its first use)."""
        lazy = (
            self._link_card, self._notice, self._dialog,
            self._viewer, self._preview_room, self._chooser,
        )  # fmt: skip
        return tuple(room for room in lazy if room is not None)

    def _ask_files(self, request: FileRequest) -> None:
        self.chooser.ask(request)

    def _show_link(self, scheme: str, target: str) -> None:
        self.link_card.show_link(scheme, target)

    def _ask_dialog(self, request: DialogRequest) -> None:
        self.dialog.ask(request)

    # -- geometry ----------------------------------------------------------------------
    def _browser_area(self) -> QRect:
        """The browser side of the service view: its bar and page, not the guide."""
        return self.service.browser_area()

    def _add_to_bar(self, button: BigButton) -> None:
        """Put ``button`` after the zoom buttons."""
        self.service.bar.add_button(button)

    # -- every view a tile opens -----------------------------------------------------------
    def attach(self, view: KioskView) -> None:
        """Wire a service view's page to the rooms (called before its first page loads)."""
        session = self._session()
        if self.popups is not None:
            self.popups.close_all()
            self.popups.deleteLater()
        for room in self.rooms:
            if room is not self._chooser and room is not self._dialog:
                room.close_overlay()
        page = view.kiosk_page()
        progress = session.guide_progress
        declared = frozenset(progress.guide.permissions) if progress is not None else frozenset()
        page.set_declared_permissions(declared)
        self._connect_page(view)
        # The browser's modules load with the browser, not with the first screen.
        from kiosk.browser.webengine.windows import PopupManager  # noqa: PLC0415

        self.popups = PopupManager(view, session.browser.new_view, session.browser.close_view)
        self.popups.popup_opened.connect(self._on_popup_opened)
        self.popups.popup_closed.connect(self._on_popup_closed)
        self.popups.popup_refused.connect(lambda: self.notice.show_notice(Notice.POPUPS))
        self._watch_downloads(session.browser.downloads)

    def _connect_page(self, view: KioskView) -> None:
        page = view.kiosk_page()
        page.external_link.connect(self._show_link)
        page.dialog_requested.connect(self._ask_dialog)
        page.files_requested.connect(self._ask_files)
        page.print_requested.connect(lambda: self.print_view(view))
        page.certificate_refused.connect(lambda _host: self.notice.show_notice(Notice.CERTIFICATE))
        page.passkey_refused.connect(lambda: self.notice.show_notice(Notice.PASSKEY))
        page.folder_upload_refused.connect(lambda: self.notice.show_notice(Notice.FOLDER_UPLOAD))

    def _on_popup_opened(self, view: KioskView) -> None:
        self._connect_page(view)
        main = self.popups.main_view if self.popups is not None else None
        if main is not None:
            # A popup that goes somewhere not allowed shows the same friendly page.
            view.kiosk_page().navigation_blocked.connect(main.kiosk_page().navigation_blocked)
        self.popup_host.show_popup(view)
        view.address_changed.connect(self.service.follow_window)
        # The kiosk's Back now closes (or goes back in) the new window: always possible.
        self.service.bar.back.setEnabled(True)
        self.popup_opened.emit(view)

    def _on_popup_closed(self, view: KioskView) -> None:
        view.address_changed.disconnect(self.service.follow_window)
        self.popup_host.remove_popup(view)
        self.service.show_window_address(self.popups.top if self.popups is not None else None)
        main = self.service.view
        if not self.popup_host.isVisible() and main is not None:
            self.service.bar.back.setEnabled(main.can_go_back())

    def close_popup(self) -> None:
        if self.popups is not None and self.popups.top is not None:
            self.popups.close_popup(self.popups.top)

    def go_back(self) -> None:
        """Alt+Left or the mouse's Back: the open window's Back, else the kiosk's Back."""
        top = self.popups.top if self.popups is not None else None
        if top is not None and self.popup_host.isVisible():
            if self.service.go_back(top, new_window=True) is BackStep.CLOSE_WINDOW:
                self.close_popup()
            return
        if self.service.isVisible() and self.service.bar.back.isEnabled():
            self.service.bar.back.click()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The bar's Back while a new window is open goes back in that window.
        popup_open = self.popups is not None and self.popups.top is not None
        if watched is self.service.bar.back and popup_open and self.popup_host.isVisible():
            kind = event.type()
            if kind == QEvent.Type.MouseButtonRelease:
                self.service.bar.back.setDown(False)
                self.go_back()
                return True
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                return True
        return False

    # -- downloads -------------------------------------------------------------------------
    def _watch_downloads(self, guard: DownloadGuard) -> None:
        if guard is self._downloads:
            return
        self._unwatch_downloads()
        self._downloads = guard
        guard.finished.connect(self._on_downloaded)
        guard.refused.connect(self._on_download_refused)

    def _unwatch_downloads(self) -> None:
        old, self._downloads = self._downloads, None
        if old is not None:
            try:
                old.finished.disconnect(self._on_downloaded)
                old.refused.disconnect(self._on_download_refused)
            except (RuntimeError, TypeError):  # the old session's guard is gone already
                pass

    def _downloaded_files(self) -> list[Path]:
        return self._session().browser.downloads.files()

    def _on_downloaded(self, path: str, kind: FileKind) -> None:
        if kind is FileKind.DOCUMENT:
            self.notice.show_notice(Notice.DOCUMENT_SAVED, Path(path).name)
            return
        if not self.viewer.show_file(Path(path), kind, self.quota().enabled):
            self.notice.show_notice(Notice.NOT_VIEWABLE, Path(path).name)

    def _on_download_refused(self, refusal: Refusal) -> None:
        self.notice.show_notice(REFUSAL_NOTICES.get(refusal, Notice.UNKNOWN_REFUSED))

    # -- printing --------------------------------------------------------------------------
    def quota(self) -> PrintQuota:
        return PrintQuota(self.config.printing.max_pages_per_session, self._session().printed_pages)

    def print_current_page(self) -> None:
        top = self.popups.top if self.popups is not None else None
        view = top if top is not None and self.popup_host.isVisible() else self.service.view
        if view is not None:
            self.print_view(view)

    def print_view(self, view: KioskView) -> None:
        """``window.print()`` or the Print button: the page as a PDF, then the preview."""
        if not self.quota().enabled:
            log.info("printing is off (printing.max_pages_per_session = 0)")
            return
        self.page_to_pdf.write(view.kiosk_page(), self._print_folder())

    def _on_print_file(self, path: str, kind: FileKind) -> None:
        if kind is FileKind.PDF:
            self._preview(Path(path))
        elif kind is FileKind.IMAGE:
            target = self._print_folder() / f"{Path(path).stem}-print.pdf"
            from kiosk.shell.rooms.viewer import read_image  # noqa: PLC0415

            if image_to_pdf(read_image(Path(path)), target):
                self._preview(target)

    def _print_folder(self) -> Path:
        folder = self._session().folder / "print"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _preview(self, path: Path) -> None:
        if not self.preview.show_pdf(path):
            self.notice.show_notice(Notice.NOT_VIEWABLE)

    def _on_printed(self, sheets: int) -> None:
        session = self._session()
        session.printed_pages += sheets
        log.info("visitor has printed %d page(s) in all", session.printed_pages)

    # -- the wipe ----------------------------------------------------------------------------
    def reset_for_next_visitor(self) -> None:
        """The wipe: close the new windows and every room, forget what they showed, and
        stop listening to the old session's downloads (they are being cancelled)."""
        if self.popups is not None:
            self.popups.close_all()
        self.popup_host.reset_for_next_visitor()
        for room in self.rooms:
            room.reset_for_next_visitor()
        self._unwatch_downloads()

    def leftovers(self) -> list[str]:
        found = [item for room in self.rooms for item in room.leftovers()]
        if self.popups is not None and self.popups.top is not None:
            found.append("a page's new window is still open")
        found += self.popup_host.leftovers()
        if self._downloads is not None:
            found.append("the last visitor's downloads are still watched")
        return found

    def apply_theme(self, scale: float, high_contrast: bool) -> None:
        """Icons in the visitor's text size and contrast (later changes reach every
        BigButton through ``MainWindow.apply_choices``)."""
        self._look = (scale, high_contrast)
        if self._chooser is not None:
            self._chooser.high_contrast = high_contrast
        for button in self.service.findChildren(BigButton):
            button.apply_theme(scale, high_contrast)
