"""The kiosk's web view: no context menu, no drag and drop, zoom controlled by the shell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWebEngineWidgets import QWebEngineView

from kiosk.browser.webengine.page import KioskPage


class KioskView(QWebEngineView):
    def __init__(self, page: KioskPage) -> None:
        super().__init__()
        self.setObjectName("browser")
        self.setPage(page)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)

    def kiosk_page(self) -> KioskPage:
        page = self.page()
        assert isinstance(page, KioskPage)
        return page

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        event.ignore()
