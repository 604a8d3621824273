"""A web page as a PDF for the kiosk's print preview (``printToPdf``), never a print dialog.

``window.print()`` and the kiosk's "Print this page" both come here: the page is written
to a PDF in the session folder, and the shell's preview shows it and sends it to the
centre's printer.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, Signal
from PySide6.QtGui import QPageLayout, QPageSize

from kiosk.browser.webengine.page import KioskPage

log = logging.getLogger("kiosk.browser")


class PageToPdf(QObject):
    """Writes pages to PDF files in one folder.

    Signals:
        ready(str): the PDF is written: its path.
        failed(): the page could not be written.
    """

    ready = Signal(str)
    failed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: dict[str, KioskPage] = {}
        self._count = 0
        self._connected: set[int] = set()

    def write(self, page: KioskPage, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        self._count += 1
        target = folder / f"page-{self._count}.pdf"
        while target.exists():
            self._count += 1
            target = folder / f"page-{self._count}.pdf"
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
        self._waiting[str(target)] = page
        if id(page) not in self._connected:
            self._connected.add(id(page))
            page.pdfPrintingFinished.connect(self._on_finished)
        page.printToPdf(str(target), layout)
        return target

    def _on_finished(self, path: str, success: bool) -> None:
        if self._waiting.pop(path, None) is None:
            return
        if success and Path(path).is_file():
            self.ready.emit(path)
        else:
            log.warning("the page could not be made into a PDF for printing")
            self.failed.emit()
