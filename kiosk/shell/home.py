"""The home screen: one big tile per guide, in the visitor's language.

Each tile also names the languages its guide is written in, each in its own language:
a visitor whose language is missing sees it before tapping. The heading scrolls away
with the tiles: on a small screen with big text, the tiles get the room.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.guides.model import Guide
from kiosk.languages import native_name
from kiosk.ui import icons
from kiosk.ui.controls import (
    FocusRing,
    align_to_layout,
    is_at_start,
    label,
    scroll_to_start,
    set_role,
    touch_scrolling,
)
from kiosk.ui.hyphens import fits_in, hyphenate
from kiosk.ui.theme import Sizes, palette

TILE_MIN_WIDTH = 330
TILE_MIN_HEIGHT = 200


class Tile(FocusRing, QPushButton):
    """A guide's tile: picture, title, one line of summary and the guide's languages.
    Enter and Space open it as a tap does."""

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.setObjectName(f"tile-{guide.id}")
        set_role(self, "tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._language = ""
        self.setMinimumSize(TILE_MIN_WIDTH, TILE_MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(8)
        self.picture = QLabel()
        # The texts start under the picture: in the Arabic layout a Finnish title starts
        # on the right too.
        self.title = align_to_layout(label(role="tile-title"))
        self.summary = align_to_layout(label(role="tile-summary"))
        self.languages = align_to_layout(label(role="tile-summary"))
        self.languages.setText(guide_languages(guide))
        for child in (self.picture, self.title, self.summary):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(child)
        layout.addStretch(1)
        self.languages.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.languages)

    def show_language(self, language: str) -> None:
        self._language = language
        title, title_language = self.guide.title.get(language)
        # Long words break with a hyphen rather than run past the tile's edge.
        room = self.width() - 40 if self.isVisible() else TILE_MIN_WIDTH - 40
        self.title.setText(
            hyphenate(title, title_language, fits_in(self.title.fontMetrics(), room))
        )
        summary, summary_language = ("", language)
        if self.guide.summary:
            summary, summary_language = self.guide.summary.get(language)
        fits = fits_in(self.summary.fontMetrics(), room)
        self.summary.setText(hyphenate(summary, summary_language, fits))
        self.summary.setVisible(bool(summary))
        self.setAccessibleName(title)
        self.setAccessibleDescription(f"{summary} {self.languages.text()}".strip())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self._language:
            self.show_language(self._language)

    def apply_theme(self, scale: float, high_contrast: bool) -> None:
        self._ring_high_contrast = high_contrast
        size = Sizes.for_scale(scale).tile_icon
        colour = palette(high_contrast).text
        path = self.guide.icon or icons.icon_path("guide")
        self.picture.setPixmap(icons.pixmap_from_svg(path, colour, size))
        self.picture.setFixedSize(QSize(size, size))

    def sizeHint(self) -> QSize:
        return QSize(TILE_MIN_WIDTH, TILE_MIN_HEIGHT)


def guide_languages(guide: Guide) -> str:
    """'Suomi · Svenska · English': the guide's languages, each named in itself."""
    return " · ".join(native_name(code) for code in guide.languages)


class HomeScreen(QWidget):
    """Signals: tile_chosen(str guide id)"""

    tile_chosen = Signal(str)

    def __init__(self, guides: tuple[Guide, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self._language = "fi"
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 0, 8, 0)
        outer.setSpacing(0)
        self.scroller = QScrollArea()
        touch_scrolling(self.scroller)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(8, 20, 16, 16)
        column.setSpacing(10)
        # Inside the scrolling area: the heading scrolls away with the tiles.
        self.heading = label("home-heading", "title")
        self.subheading = label("home-subheading", "muted")
        column.addWidget(self.heading)
        column.addWidget(self.subheading)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 8, 0, 8)
        self.grid.setSpacing(20)
        column.addLayout(self.grid, 1)
        self.scroller.setWidget(container)
        outer.addWidget(self.scroller, 1)

        self.tiles = [self._new_tile(guide) for guide in guides]
        # No guides at all: the kiosk still starts, with a message for staff.
        self.empty_notice = label("home-empty", "notice")
        self.empty_notice.setVisible(not self.tiles)
        column.insertWidget(2, self.empty_notice)
        self._columns = 0
        self._theme: tuple[float, bool] | None = None
        self._layout_tiles(3)
        self.retranslate_ui()

    def _new_tile(self, guide: Guide) -> Tile:
        tile = Tile(guide)
        tile.clicked.connect(lambda _=False, g=guide.id: self.tile_chosen.emit(g))
        return tile

    def set_guides(self, guides: tuple[Guide, ...]) -> None:
        """Tiles for other guides (a new guide pack, between visitors)."""
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.hide()
            tile.deleteLater()
        self.tiles = [self._new_tile(guide) for guide in guides]
        self.empty_notice.setVisible(not self.tiles)
        columns, self._columns = self._columns or 3, 0
        self._layout_tiles(columns)
        if self._theme is not None:
            self.apply_theme(*self._theme)
        else:
            self.show_language(self._language)

    def _layout_tiles(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, index // columns, index % columns)
        # Columns and rows left over from another layout must not keep their stretch: on
        # a 1024 px screen (three columns at start, then two) they took a third of the width.
        for column in range(max(columns, self.grid.columnCount())):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        last = len(self.tiles) // columns + 1
        for row in range(max(last + 1, self.grid.rowCount())):
            self.grid.setRowStretch(row, 1 if row == last else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        usable = max(event.size().width() - 84, TILE_MIN_WIDTH)
        self._layout_tiles(max(1, min(4, usable // (TILE_MIN_WIDTH + 20))))
        super().resizeEvent(event)

    def reset_for_next_visitor(self) -> None:
        """Back to the top: where the last visitor scrolled hints at what they did."""
        scroll_to_start(self.scroller)

    def leftovers(self) -> list[str]:
        if not is_at_start(self.scroller):
            return ["the tiles are still scrolled where the last visitor left them"]
        return []

    def show_language(self, language: str) -> None:
        self._language = language
        for tile in self.tiles:
            tile.show_language(language)

    def apply_theme(self, scale: float, high_contrast: bool) -> None:
        self._theme = (scale, high_contrast)
        for tile in self.tiles:
            tile.apply_theme(scale, high_contrast)
            # Another text size: other words need a hyphen to fit.
            tile.show_language(self._language)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("What do you want to do today?"))
        self.subheading.setText(self.tr("Tap a tile. A guide beside the page shows you each step."))
        self.empty_notice.setText(
            self.tr(
                "No guides are installed on this computer. Staff: run "
                "'kiosk guides check' to see why, then restart the kiosk."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
