"""The kiosk's own viewer for what a visitor downloaded: a PDF (QtPdf), a picture, or text.

Big Page, Zoom, Print and Close buttons; nothing is ever opened with an outside program.
The file stays in the session folder (the wipe removes it); the viewer only shows it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from kiosk.lockdown.file_types import FileKind
from kiosk.shell.rooms.overlay import Overlay
from kiosk.ui.controls import BigButton, label
from kiosk.ui.flow_layout import FlowLayout

log = logging.getLogger("kiosk.shell")

# Zoom of pictures and text, the first step fitting the picture in view.
ZOOM_STEPS: tuple[float, ...] = (1.0, 1.5, 2.0, 3.0, 4.0)
# PDF zoom: the whole page, the page's width, then these factors of its real size.
PDF_ZOOM_FACTORS: tuple[float, ...] = (1.5, 2.0, 3.0)
# Pictures bigger than this are scaled down when read (old PCs have little memory).
MAX_IMAGE_SIDE = 4000
MAX_TEXT_BYTES = 200_000


def read_image(path: Path) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_IMAGE_SIDE:
        reader.setScaledSize(
            size.scaled(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
        )
    return reader.read()


def button_row(parent: QWidget) -> FlowLayout:
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    parent.setSizePolicy(policy)
    return FlowLayout(parent, spacing=10)


class DocumentViewer(Overlay):
    """Shows one downloaded file.

    Signals:
        print_requested(str, object): print this file: its path and its ``FileKind``.
        closed(): (from Overlay).
    """

    print_requested = Signal(str, object)

    def __init__(self, host: QWidget, area: Callable[[], QRect]) -> None:
        super().__init__("pdf-viewer", host, area, card=False)
        self.path: Path | None = None
        self.kind: FileKind | None = None
        self._zoom = 0
        self.document = QPdfDocument(self)

        self.title = label("viewer-title", "heading", wrap=False)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.body.addWidget(self.title)

        top = QWidget()
        buttons = button_row(top)
        self.print_button = BigButton("viewer-print", icon_name="print")
        self.zoom_out = BigButton("viewer-zoom-out", icon_name="zoom-out")
        self.zoom_in = BigButton("viewer-zoom-in", icon_name="zoom-in")
        self.close_button = BigButton("viewer-close", role="primary", icon_name="close")
        for button in (self.print_button, self.zoom_out, self.zoom_in):
            buttons.addWidget(button)
        buttons.far_end_from = buttons.count()
        buttons.addWidget(self.close_button)
        self.body.addWidget(top)
        # Pages are turned below the page, where the eye is when it has read one.
        bottom = QWidget()
        paging = button_row(bottom)
        self.previous_page = BigButton("viewer-previous-page", icon_name="back")
        self.page_label = label("viewer-page-label", wrap=False)
        self.next_page = BigButton("viewer-next-page", icon_name="forward")
        for part in (self.previous_page, self.page_label, self.next_page):
            paging.addWidget(part)
        self._paging = bottom

        self.pages = QStackedWidget()
        self.pdf_view = QPdfView()
        self.pdf_view.setObjectName("viewer-pdf")
        self.pdf_view.setPageMode(QPdfView.PageMode.SinglePage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.pdf_view.setDocument(self.document)
        self.image_label = QLabel()
        self.image_label.setObjectName("viewer-image")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_scroll = QScrollArea()
        self.image_scroll.setWidget(self.image_label)
        self.image_scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.text_view = QPlainTextEdit()
        self.text_view.setObjectName("viewer-text")
        self.text_view.setReadOnly(True)
        for page in (self.pdf_view, self.image_scroll, self.text_view):
            self.pages.addWidget(page)
        self.body.addWidget(self.pages, 1)
        self.body.addWidget(bottom)
        self._image = QImage()

        self.previous_page.clicked.connect(lambda: self._go_to_page(-1))
        self.next_page.clicked.connect(lambda: self._go_to_page(+1))
        self.zoom_in.clicked.connect(lambda: self._set_zoom(self._zoom + 1))
        self.zoom_out.clicked.connect(lambda: self._set_zoom(self._zoom - 1))
        self.print_button.clicked.connect(self._on_print)
        self.close_button.clicked.connect(self.close_overlay)
        self.pdf_view.pageNavigator().currentPageChanged.connect(lambda _p: self._update())
        self.retranslate_ui()

    # -- showing a file ----------------------------------------------------------------
    def show_file(self, path: Path, kind: FileKind, can_print: bool) -> bool:
        """Open ``path``; False (and nothing shown) if it cannot be read."""
        self._forget()
        if kind is FileKind.PDF:
            if self.document.load(str(path)) != QPdfDocument.Error.None_:
                log.warning("a downloaded PDF could not be read")
                return False
            self.pages.setCurrentWidget(self.pdf_view)
        elif kind is FileKind.IMAGE:
            self._image = read_image(path)
            if self._image.isNull():
                log.warning("a downloaded picture could not be read")
                return False
            self.pages.setCurrentWidget(self.image_scroll)
        elif kind is FileKind.TEXT:
            try:
                data = path.read_bytes()[:MAX_TEXT_BYTES]
            except OSError:
                return False
            self.text_view.setPlainText(data.decode("utf-8", errors="replace"))
            self.pages.setCurrentWidget(self.text_view)
        else:
            return False
        self.path, self.kind = path, kind
        self.title.setText(path.name)
        self.print_button.setVisible(can_print and kind in (FileKind.PDF, FileKind.IMAGE))
        self._zoom = 0
        self.open_overlay(self.close_button)
        self._set_zoom(0)
        # The page fits once the panel has its final size (on the next turn of the loop).
        QTimer.singleShot(0, lambda: self._set_zoom(self._zoom))
        return True

    def _forget(self) -> None:
        self.document.close()
        self._image = QImage()
        self.image_label.clear()
        self.text_view.clear()
        self.title.clear()
        self.path = self.kind = None

    def reset_for_next_visitor(self) -> None:
        super().reset_for_next_visitor()
        self._forget()

    def leftovers(self) -> list[str]:
        found = super().leftovers()
        if (
            self.path is not None
            or self.document.pageCount() > 0
            or not self._image.isNull()
            or self.text_view.toPlainText()
            or self.title.text()
        ):
            found.append("the viewer still holds a document")
        return found

    # -- buttons -----------------------------------------------------------------------
    def _go_to_page(self, step: int) -> None:
        navigator = self.pdf_view.pageNavigator()
        target = navigator.currentPage() + step
        if 0 <= target < self.document.pageCount():
            navigator.jump(target, QPointF(), navigator.currentZoom())
        self._update()

    def _set_zoom(self, index: int) -> None:
        self._zoom = max(0, min(index, len(ZOOM_STEPS) - 1))
        factor = ZOOM_STEPS[self._zoom]
        if self.kind is FileKind.PDF:
            if self._zoom == 0:
                self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
            elif self._zoom == 1:
                self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            else:
                self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
                self.pdf_view.setZoomFactor(PDF_ZOOM_FACTORS[self._zoom - 2])
        elif self.kind is FileKind.IMAGE and not self._image.isNull():
            view = self.image_scroll.viewport().size()
            fitted = self._image.size().scaled(view, Qt.AspectRatioMode.KeepAspectRatio)
            fitted = fitted.boundedTo(self._image.size()) if self._zoom == 0 else fitted
            scaled = QPixmap.fromImage(self._image).scaled(
                fitted * factor,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.image_label.setPixmap(scaled)
            self.image_label.resize(scaled.size())
        elif self.kind is FileKind.TEXT:
            font = self.text_view.font()
            font.setPixelSize(round(20 * factor))
            self.text_view.setFont(font)
        self._update()

    def _on_print(self) -> None:
        if self.path is not None and self.kind is not None:
            self.print_requested.emit(str(self.path), self.kind)

    def _update(self) -> None:
        is_pdf = self.kind is FileKind.PDF
        count = self.document.pageCount() if is_pdf else 1
        current = self.pdf_view.pageNavigator().currentPage() if is_pdf else 0
        self._paging.setVisible(is_pdf and count > 1)
        self.previous_page.setEnabled(current > 0)
        self.next_page.setEnabled(current < count - 1)
        self.page_label.setText(
            self.tr("Page {number} of {total}").format(number=current + 1, total=count)
        )
        self.zoom_out.setEnabled(self._zoom > 0)
        self.zoom_in.setEnabled(self._zoom < len(ZOOM_STEPS) - 1)

    def retranslate_ui(self) -> None:
        self.previous_page.setText(self.tr("Previous page"))
        self.next_page.setText(self.tr("Next page"))
        self.zoom_in.setText(self.tr("Bigger"))
        self.zoom_out.setText(self.tr("Smaller"))
        self.print_button.setText(self.tr("Print"))
        self.close_button.setText(self.tr("Close"))
        self._update()
