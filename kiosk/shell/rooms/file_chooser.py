"""The kiosk's own file chooser for a page's "attach a file" button.

It shows only the visitor's own files — what they downloaded (or scanned) during this
visit, and, when ``lockdown.allow_removable_media`` is on, the documents and pictures on
a USB stick — as big pictures with their names. No folders, no paths, no way to go
anywhere else: the native file dialog (a file manager for anyone) never opens.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.browser.webengine.dialogs import FileRequest
from kiosk.lockdown.file_types import FileKind, accepts, kind_of
from kiosk.lockdown.removable import Mount, removable_roots
from kiosk.shell.rooms.overlay import RequestOverlay
from kiosk.shell.rooms.viewer import button_row, read_image
from kiosk.ui import icons
from kiosk.ui.controls import BigButton, label, set_role
from kiosk.ui.theme import palette

log = logging.getLogger("kiosk.shell")

THUMB = QSize(150, 150)
TILE_WIDTH = 220
# A USB stick is searched this deep, for at most this many files.
REMOVABLE_DEPTH = 2
REMOVABLE_MAX_FILES = 60


@dataclass(frozen=True, slots=True)
class ChoosableFile:
    path: Path
    kind: FileKind
    removable: bool  # from a USB stick (else: this visit's downloads)


def removable_files() -> list[ChoosableFile]:
    """Documents and pictures on the USB sticks that are plugged in."""
    import psutil  # noqa: PLC0415 - when the chooser opens, not at start-up

    try:
        mounts = [
            Mount(p.device, p.mountpoint, p.fstype, p.opts)
            for p in psutil.disk_partitions(all=False)
        ]
    except (OSError, psutil.Error):
        return []
    found: list[ChoosableFile] = []
    for root in removable_roots(mounts, sys.platform):
        for path in _walk(Path(root), REMOVABLE_DEPTH):
            kind = kind_of(path.name)
            if kind is not None:
                found.append(ChoosableFile(path, kind, removable=True))
            if len(found) >= REMOVABLE_MAX_FILES:
                return found
    return found


def _walk(folder: Path, depth: int) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.is_symlink():
            continue
        if entry.is_file():
            yield entry
        elif entry.is_dir() and depth > 0:
            yield from _walk(entry, depth - 1)


def thumbnail(item: ChoosableFile, colour: str) -> QPixmap:
    if item.kind is FileKind.PDF:
        document = QPdfDocument()
        if document.load(str(item.path)) == QPdfDocument.Error.None_ and document.pageCount():
            page = document.pagePointSize(0).toSize()
            size = page.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(0, size)
            document.close()
            return QPixmap.fromImage(image)
    elif item.kind is FileKind.IMAGE:
        image = read_image(item.path)
        if not image.isNull():
            return QPixmap.fromImage(image).scaled(
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
    return icons.pixmap_from_svg(icons.icon_path("file"), colour, THUMB.height() // 2)


class FileTile(QPushButton):
    """One file: its picture, its name, and where it is from. Tap to choose."""

    def __init__(self, item: ChoosableFile, picture: QPixmap, source: str) -> None:
        super().__init__()
        self.item = item
        self.setObjectName("file-tile")
        set_role(self, "tile")
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setPixmap(picture)
        self.picture.setFixedHeight(THUMB.height() + 8)
        set_role(self.picture, "card")  # a frame round the page, so that it shows
        self.name = label("file-tile-name")
        self.name.setText(item.path.name)
        self.source = label("file-tile-source", "tile-summary")
        self.source.setText(source)
        self.mark = label("file-tile-mark", "notice", wrap=False)
        self.mark.setVisible(False)
        for child in (self.picture, self.name, self.source, self.mark):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(child)
        self.setAccessibleName(item.path.name)

    # A button's size hint ignores its layout (and the style sheet's min-height overrides a
    # fixed size): the tile says its size itself.
    def sizeHint(self) -> QSize:
        return QSize(TILE_WIDTH, THUMB.height() + 150)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def show_chosen(self, chosen: bool, text: str) -> None:
        self.setChecked(chosen)
        self.mark.setText(text)
        self.mark.setVisible(chosen)


class FileChooser(RequestOverlay):
    """Answers one ``FileRequest`` at a time; the page waits until it is answered.

    Signals: opened(), closed() (from Overlay).
    """

    def __init__(
        self,
        host: QWidget,
        area: Callable[[], QRect],
        downloads: Callable[[], list[Path]],
        allow_removable_media: bool,
    ) -> None:
        super().__init__("file-chooser", host, area, card=False)
        self._downloads = downloads
        self.allow_removable_media = allow_removable_media
        self.request: FileRequest | None = None
        self.tiles: list[FileTile] = []
        self.high_contrast = False

        self.heading = label("file-chooser-heading", "heading")
        self.hint = label("file-chooser-hint")
        self.empty = label("file-chooser-empty", "notice")
        self.body.addWidget(self.heading)
        self.body.addWidget(self.hint)
        self.body.addWidget(self.empty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid_widget = QWidget()
        self.grid = button_row(grid_widget)
        scroll.setWidget(grid_widget)
        self.body.addWidget(scroll, 1)
        actions_row = QWidget()
        actions = button_row(actions_row)
        self.attach = BigButton("file-chooser-attach", role="primary", icon_name="attach")
        self.cancel = BigButton("file-chooser-cancel", icon_name="close")
        actions.addWidget(self.attach)
        actions.addWidget(self.cancel)
        self.body.addWidget(actions_row)
        self.attach.clicked.connect(self._on_attach)
        self.cancel.clicked.connect(self.cancel_request)
        self.retranslate_ui()

    # -- a page asks -------------------------------------------------------------------
    def ask(self, request: FileRequest) -> None:
        if not self.take(request):
            return
        self._fill(request)
        self.open_overlay(self.cancel)

    def files(self, request: FileRequest) -> list[ChoosableFile]:
        found = []
        for path in self._downloads():
            kind = kind_of(path.name)
            if kind is not None:
                found.append(ChoosableFile(path, kind, removable=False))
        if self.allow_removable_media:
            found.extend(removable_files())
        return [f for f in found if accepts(f.path.name, request.accepted_types)]

    def _fill(self, request: FileRequest) -> None:
        self._clear_tiles()
        colour = palette(self.high_contrast).text
        for item in self.files(request):
            source = self.tr("From a USB stick") if item.removable else self.tr("Downloaded now")
            tile = FileTile(item, thumbnail(item, colour), source)
            tile.clicked.connect(lambda _=False, t=tile: self._on_tile(t))
            self.tiles.append(tile)
            self.grid.addWidget(tile)
        self.empty.setVisible(not self.tiles)
        self.hint.setVisible(bool(self.tiles))
        self._update()

    def _clear_tiles(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.tiles.clear()

    def _on_tile(self, tile: FileTile) -> None:
        multiple = self.request is not None and self.request.multiple
        chosen = tile.isChecked()
        if not multiple:
            for other in self.tiles:
                if other is not tile:
                    other.show_chosen(False, "")
        tile.show_chosen(chosen, self.tr("Chosen"))
        self._update()

    def _update(self) -> None:
        # Shown once a file is chosen: a disabled button looks pressable to many.
        chosen = any(t.isChecked() for t in self.tiles)
        self.attach.setEnabled(chosen)
        self.attach.setVisible(chosen)

    # -- answers -----------------------------------------------------------------------
    def _on_attach(self) -> None:
        if self.request is not None:
            chosen = [str(t.item.path) for t in self.tiles if t.isChecked()]
            log.info("the visitor attached %d file(s)", len(chosen))
            self.request.answer(chosen)

    def forget(self) -> None:
        self._clear_tiles()

    def leftovers(self) -> list[str]:
        found = super().leftovers()
        if self.tiles or self.grid.count():
            found.append("the file chooser still lists files")
        return found

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Choose a file to attach"))
        self.hint.setText(
            self.tr(
                "Here are the files you downloaded during this visit. "
                "Tap a file, then press Attach."
            )
            if not self.allow_removable_media
            else self.tr(
                "Here are the files you downloaded during this visit, and the files on "
                "your USB stick. Tap a file, then press Attach."
            )
        )
        self.empty.setText(
            self.tr(
                "There are no files here yet. First download the file on this computer, "
                "or ask the staff to scan your paper."
            )
        )
        self.attach.setText(self.tr("Attach"))
        self.cancel.setText(self.tr("Cancel"))
