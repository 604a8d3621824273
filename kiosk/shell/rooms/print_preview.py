"""The kiosk's own print preview: the pages, big enough to read, one at a time (every
page can be looked at before printing), how many copies (1–5), one big Print button. No
Qt or Chromium print dialog ever appears, and there is no way to print to a file. The
centre's page limit per visitor (``printing.max_pages_per_session``) is shown and kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.lockdown.print_quota import MAX_COPIES, PrintQuota
from kiosk.shell.rooms.overlay import Overlay
from kiosk.shell.rooms.printer import PrinterService
from kiosk.shell.rooms.viewer import button_row
from kiosk.ui.controls import BigButton, label, scroll_to_start, set_role, touch_scrolling

log = logging.getLogger("kiosk.printing")

#: The page is drawn as wide as this at least: a letter's 12-point text comes out at
#: about 14 px, readable (the page scrolls for its lower part).
PAGE_MIN_WIDTH = 560
PAGE_VIEW_HEIGHT = 360


class PrintPreview(Overlay):
    """Signals:
    printed(int): pages sent to the printer (counted against the visitor's limit).
    closed(): (from Overlay).
    """

    printed = Signal(int)

    def __init__(
        self,
        host: QWidget,
        area: Callable[[], QRect],
        printer: PrinterService,
        quota: Callable[[], PrintQuota],
    ) -> None:
        super().__init__("print-preview", host, area, card=True)
        self.printer = printer
        self._quota = quota
        self.path: Path | None = None
        self.pages = 0
        self.copies = 1
        self._done = False
        self._no_printer = False

        self._document: QPdfDocument | None = None
        self.page_index = 0
        self.heading = label("print-heading", "heading")
        self.body.addWidget(self.heading)
        # The page itself, as wide as the card allows; the finger scrolls it.
        self.page_view = QScrollArea()
        self.page_view.setObjectName("print-page-view")
        touch_scrolling(self.page_view)
        self.page_view.setWidgetResizable(False)
        self.page_view.setFrameShape(QFrame.Shape.NoFrame)
        self.page_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_view.setMinimumHeight(PAGE_VIEW_HEIGHT)
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("print-thumbnail")
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.thumbnail, "card")  # a frame round the page, so that it shows
        self.page_view.setWidget(self.thumbnail)
        self.body.addWidget(self.page_view)
        # Every page can be looked at before printing.
        pages_row = QWidget()
        pages = button_row(pages_row)
        self.prev_page = BigButton("print-prev-page", icon_name="back")
        self.page_label = label("print-page-number", wrap=False)
        self.next_page = BigButton("print-next-page", icon_name="forward")
        for widget in (self.prev_page, self.page_label, self.next_page):
            pages.addWidget(widget)
        self.prev_page.clicked.connect(lambda: self.show_page(self.page_index - 1))
        self.next_page.clicked.connect(lambda: self.show_page(self.page_index + 1))
        self.body.addWidget(pages_row)
        row = QHBoxLayout()
        row.setSpacing(24)
        facts = QWidget()
        column = QVBoxLayout(facts)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.page_count = label("print-page-count")
        column.addWidget(self.page_count)
        copies_row = QWidget()
        copies = button_row(copies_row)
        self.copies_label = label("print-copies-label", wrap=False)
        self.fewer = BigButton("print-fewer-copies", icon_name="minus")
        self.copies_value = label("print-copies", "heading", wrap=False)
        self.more = BigButton("print-more-copies", icon_name="plus")
        for widget in (self.copies_label, self.fewer, self.copies_value, self.more):
            copies.addWidget(widget)
        column.addWidget(copies_row)
        self.limit_note = label("print-limit-note", "notice")
        column.addWidget(self.limit_note)
        column.addStretch(1)
        row.addWidget(facts, 1)
        self.body.addLayout(row)
        self.result = label("print-result", "notice")
        self.body.addWidget(self.result)

        self.print_button = BigButton("print-button", role="primary", icon_name="print")
        self.cancel_button = BigButton("print-cancel", icon_name="close")
        self.add_action(self.print_button)
        self.add_action(self.cancel_button)

        self.fewer.clicked.connect(lambda: self._set_copies(self.copies - 1))
        self.more.clicked.connect(lambda: self._set_copies(self.copies + 1))
        self.print_button.clicked.connect(self._on_print)
        self.cancel_button.clicked.connect(self.close_overlay)
        self.retranslate_ui()

    # -- showing -----------------------------------------------------------------------
    def show_pdf(self, path: Path) -> bool:
        document = QPdfDocument(self)
        if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            log.warning("the document to print could not be read")
            document.deleteLater()
            return False
        self._close_document()
        self._document = document
        self.path = path
        self.pages = document.pageCount()
        self.show_page(0)
        self.copies = 1
        self._done = False
        self._no_printer = not self.printer.available()
        self._render()
        self.open_overlay(
            self.print_button if self.print_button.isEnabled() else self.cancel_button
        )
        return True

    def show_page(self, index: int) -> None:
        """Page ``index`` (from 0), as wide as the view, from its top."""
        document = self._document
        if document is None or self.pages < 1:
            return
        self.page_index = max(0, min(index, self.pages - 1))
        size = document.pagePointSize(self.page_index)
        width = max(PAGE_MIN_WIDTH, self.page_view.viewport().width() - 28)
        height = max(1, round(width * size.height() / max(size.width(), 1)))
        ratio = self.devicePixelRatioF()
        image = document.render(self.page_index, QSize(round(width * ratio), round(height * ratio)))
        image.setDevicePixelRatio(ratio)
        self.thumbnail.setPixmap(QPixmap.fromImage(image))
        self.thumbnail.setFixedSize(width + 12, height + 12)
        scroll_to_start(self.page_view)
        self.page_label.setText(
            self.tr("Page {number} of {total}").format(number=self.page_index + 1, total=self.pages)
        )
        self.prev_page.setEnabled(self.page_index > 0)
        self.next_page.setEnabled(self.page_index < self.pages - 1)
        for widget in (self.prev_page, self.page_label, self.next_page):
            widget.setVisible(self.pages > 1)

    def _close_document(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document.deleteLater()
            self._document = None

    def reset_for_next_visitor(self) -> None:
        super().reset_for_next_visitor()
        self._close_document()
        self.path = None
        self.pages = 0
        self.page_index = 0
        self.copies = 1
        self.thumbnail.clear()
        self.page_label.clear()

    def leftovers(self) -> list[str]:
        found = super().leftovers()
        pixmap = self.thumbnail.pixmap()
        if self.path is not None or self.pages or (pixmap is not None and not pixmap.isNull()):
            found.append("the print preview still holds a document")
        if self._document is not None:
            found.append("the print preview still has the document open")
        return found

    def _set_copies(self, copies: int) -> None:
        self.copies = max(1, min(copies, MAX_COPIES))
        self._render()

    def _on_print(self) -> None:
        quota = self._quota()
        if self.path is None or self._done or not quota.allows(self.pages, self.copies):
            return
        sheets = self.printer.print_pdf(self.path, self.copies)
        if sheets <= 0:
            self._no_printer = True
        else:
            self._done = True
            self.printed.emit(sheets)
        self._render()

    # -- drawing -----------------------------------------------------------------------
    def _render(self) -> None:
        quota = self._quota()
        sheets = quota.sheets(self.pages, self.copies)
        allowed = quota.allows(self.pages, self.copies)
        self.copies_value.setText(str(self.copies))
        self.fewer.setEnabled(not self._done and self.copies > 1)
        most = min(MAX_COPIES, max(1, quota.max_copies(self.pages)))
        self.more.setEnabled(not self._done and self.copies < most)
        self.page_count.setText(self.tr("Pages: {pages}").format(pages=self.pages))
        if not quota.enabled:
            note = self.tr("Printing is not available on this computer.")
        elif quota.remaining == 0:
            note = self.tr(
                "You have printed {limit} pages. That is the most one visit can print. "
                "Ask the staff if you need more."
            ).format(limit=quota.limit)
        elif not allowed:
            note = self.tr(
                "This would be {sheets} pages. You can print {remaining} more pages."
            ).format(sheets=sheets, remaining=quota.remaining)
        else:
            note = self.tr(
                "This prints {sheets} pages. You can still print {remaining} pages on this visit."
            ).format(sheets=sheets, remaining=quota.remaining)
        self.limit_note.setText(note)
        if self._done:
            self.result.setText(self.tr("Printing. Fetch your papers from the printer."))
        elif self._no_printer:
            self.result.setText(self.tr("The printer is not ready. Ask the staff for help."))
        self.result.setVisible(self._done or self._no_printer)
        # Shown only when it works: a disabled button looks pressable to many.
        ready = allowed and not self._no_printer and not self._done
        self.print_button.setVisible(ready)
        self.print_button.setEnabled(ready)
        self.cancel_button.setText(self.tr("Close") if self._done else self.tr("Cancel"))

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Print"))
        self.prev_page.setText(self.tr("Previous page"))
        self.next_page.setText(self.tr("Next page"))
        if self.pages:
            self.page_label.setText(
                self.tr("Page {number} of {total}").format(
                    number=self.page_index + 1, total=self.pages
                )
            )
        self.copies_label.setText(self.tr("Copies"))
        self.fewer.setAccessibleName(self.tr("Fewer copies"))
        self.more.setAccessibleName(self.tr("More copies"))
        self.print_button.setText(self.tr("Print"))
        self._render()
