"""The kiosk's own print preview: how many pages, how many copies (1–5), one big Print
button. No Qt or Chromium print dialog ever appears, and there is no way to print to a
file. The centre's page limit per visitor (``printing.max_pages_per_session``) is shown
and kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.lockdown.print_quota import MAX_COPIES, PrintQuota
from kiosk.shell.controls import BigButton, label, set_role
from kiosk.shell.overlay import Overlay
from kiosk.shell.printer import PrinterService
from kiosk.shell.viewer import button_row

log = logging.getLogger("kiosk.printing")

THUMBNAIL_HEIGHT = 260


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

        self.heading = label("print-heading", "heading")
        self.body.addWidget(self.heading)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("print-thumbnail")
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.thumbnail, "card")  # a frame round the page, so that it shows
        row.addWidget(self.thumbnail)
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
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            log.warning("the document to print could not be read")
            return False
        self.path = path
        self.pages = document.pageCount()
        first = document.pagePointSize(0)
        width = max(1, round(THUMBNAIL_HEIGHT * first.width() / max(first.height(), 1)))
        image = document.render(0, QSize(width, THUMBNAIL_HEIGHT))
        document.close()
        self.thumbnail.setPixmap(QPixmap.fromImage(image))
        self.thumbnail.setFixedSize(image.width() + 12, image.height() + 12)
        self.copies = 1
        self._done = False
        self._no_printer = not self.printer.available()
        self._render()
        self.open_overlay(
            self.print_button if self.print_button.isEnabled() else self.cancel_button
        )
        return True

    def reset_for_next_visitor(self) -> None:
        super().reset_for_next_visitor()
        # A page still waiting for the printer would come out for the next visitor.
        self.printer.cancel_waiting_jobs()
        self.path = None
        self.pages = 0
        self.copies = 1
        self.thumbnail.clear()

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
        self.copies_label.setText(self.tr("Copies"))
        self.fewer.setAccessibleName(self.tr("Fewer copies"))
        self.more.setAccessibleName(self.tr("More copies"))
        self.print_button.setText(self.tr("Print"))
        self._render()
