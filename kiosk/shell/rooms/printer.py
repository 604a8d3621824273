"""Sending a PDF to the centre's printer: Qt print support, never a dialog, never a file.

The printer is the one named in ``printing.printer`` or the system's default. A printer
that would write to a file (Qt's PDF output, "Print to File", a PDF printer queue) is not
used: a visitor must not be able to save anything outside their session folder. Tests
replace :attr:`PrinterService.make_printer` with a ``QPrinter`` writing to a session-folder
PDF; the visitor's path to it is the same print button.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

log = logging.getLogger("kiosk.printing")

# Pages are drawn at this resolution at most: sharp on paper, light on a 4 GB PC.
MAX_DPI = 200
# Printer names that are really files.
_FILE_PRINTERS = ("pdf", "print to file", "xps", "onenote", "fax")


def system_printer(name: str) -> QPrinter | None:
    """The configured (or default) real printer, or None if there is none."""
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        log.warning("no printer %s", repr(name) if name else "(no default printer)")
        return None
    if any(word in info.printerName().lower() for word in _FILE_PRINTERS):
        log.warning("printer %r writes files; not used", info.printerName())
        return None
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        log.warning("printer %r is not a real printer; not used", info.printerName())
        return None
    printer.setOutputFileName("")
    return printer


class PrinterService:
    """Prints PDFs page by page. ``make_printer()`` gives a fresh printer (or None)."""

    def __init__(self, printer_name: str) -> None:
        self.printer_name = printer_name
        self.make_printer: Callable[[], QPrinter | None] = lambda: system_printer(self.printer_name)

    def available(self) -> bool:
        return self.make_printer() is not None

    def print_pdf(self, path: Path, copies: int) -> int:
        """Print ``copies`` of the PDF at ``path``; return the sheets printed (0: failed)."""
        from PySide6.QtPdf import QPdfDocument  # noqa: PLC0415 - at the first print

        printer = self.make_printer()
        if printer is None:
            return 0
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_:
            log.warning("the PDF to print could not be read")
            return 0
        pages = document.pageCount()
        printer.setDocName("Digituki")
        printer.setCopyCount(1)  # copies are drawn here: not every printer makes them
        printer.setFullPage(False)
        painter = QPainter()
        if not painter.begin(printer):
            log.warning("the printer did not start")
            document.close()
            return 0
        printed = 0
        try:
            for copy in range(copies):
                for index in range(pages):
                    if copy or index:
                        printer.newPage()
                    self._draw_page(painter, printer, document, index)
                    printed += 1
        finally:
            painter.end()
            document.close()
        log.info("printed %d page(s)", printed)
        return printed

    @staticmethod
    def _draw_page(
        painter: QPainter, printer: QPrinter, document: QPdfDocument, index: int
    ) -> None:
        target: QRect = printer.pageLayout().paintRectPixels(printer.resolution())
        target.moveTo(0, 0)
        page_points = document.pagePointSize(index)
        dpi = min(printer.resolution(), MAX_DPI)
        size = QSize(
            max(1, round(page_points.width() / 72 * dpi)),
            max(1, round(page_points.height() / 72 * dpi)),
        )
        image: QImage = document.render(index, size)
        scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (target.width() - scaled.width()) // 2
        painter.drawImage(QRect(x, 0, scaled.width(), scaled.height()), image)


def image_to_pdf(image: QImage, target: Path) -> bool:
    """A picture as a one-page A4 PDF (so it prints like every other document)."""
    if image.isNull():
        return False
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)
    writer.setResolution(MAX_DPI)
    painter = QPainter()
    if not painter.begin(writer):
        return False
    try:
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        area.moveTo(0, 0)
        size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
    finally:
        painter.end()
    return target.is_file()
