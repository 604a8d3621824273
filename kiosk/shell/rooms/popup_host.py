"""New windows a page opens, shown inside the kiosk on top of the page that opened it.

A bank's identification window, a "terms" page opened with ``target=_blank``: each is a
page of its own (``browser/webengine/windows.py``) shown here over the browser, with a
big button to close it and go back. The page under it stays alive, so the two can talk
(``window.opener``) as they would in an ordinary browser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.ui.controls import BigButton, label, set_role

if TYPE_CHECKING:
    from kiosk.browser.webengine.view import KioskView


class PopupHost(QFrame):
    """Covers the browser slot of the service view while a popup is open.

    Signals:
        close_requested(): the visitor pressed "Close this window".
    """

    close_requested = Signal()

    def __init__(self, slot: QWidget) -> None:
        super().__init__(slot)
        self.setObjectName("popup-host")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # A card strip (the theme's surface colour): nothing of the page beneath shows.
        header = QFrame()
        header.setObjectName("popup-header")
        set_role(header, "card")
        row = QHBoxLayout(header)
        row.setContentsMargins(12, 6, 12, 6)
        self.text = label("popup-text", "notice")
        self.close_button = BigButton("popup-close-button", role="primary", icon_name="close")
        row.addWidget(self.text, 1)
        row.addWidget(self.close_button)
        layout.addWidget(header)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.close_button.clicked.connect(self.close_requested)
        self.hide()
        slot.installEventFilter(self)
        self.retranslate_ui()

    @property
    def views(self) -> list[KioskView]:
        # The browser's modules load with the browser, not with the first screen.
        from kiosk.browser.webengine.view import KioskView  # noqa: PLC0415

        widgets = (self.stack.widget(i) for i in range(self.stack.count()))
        return [w for w in widgets if isinstance(w, KioskView)]

    def show_popup(self, view: KioskView) -> None:
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_popup(self, view: KioskView) -> None:
        if self.stack.indexOf(view) >= 0:
            self.stack.removeWidget(view)
        if self.stack.count() == 0:
            self.hide()

    def reset_for_next_visitor(self) -> None:
        for view in self.views:
            self.stack.removeWidget(view)
        self.hide()

    def leftovers(self) -> list[str]:
        found = [f"{len(self.views)} new window(s) still shown"] if self.views else []
        return found + (["the new-window frame is still shown"] if not self.isHidden() else [])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.text.setText(
            self.tr("The page opened a new window. When you are done with it, close it.")
        )
        self.close_button.setText(self.tr("Close this window"))
