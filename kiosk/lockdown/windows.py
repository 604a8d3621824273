"""Which top-level windows may exist beside the kiosk's one window: a table, deny by default.

Pure Python: the Qt guard (``window_guard.py``) describes each window it sees as its class
name and window type and asks :func:`is_allowed`. A window that is not allowed (a file or
print dialog, a message box, a context menu, another program's window made by Qt) is
closed and logged.
"""

from __future__ import annotations

#: (class name, window type) -> why it is allowed. Window types are Qt's names.
ALLOWED_WINDOWS: dict[tuple[str, str], str] = {
    # QtWebEngine draws a page's <select> list in a popup of its own.
    ("QQuickWidget", "Popup"): "a web page's drop-down list",
    # Touch screens: QtWebEngine's cut/copy/paste bubble and selection handles.
    ("QtWebEngineWidgetUI::TouchSelectionMenuWidget", "Popup"): "touch copy and paste",
    ("QtWebEngineWidgetUI::TouchHandleDrawableDelegate", "ToolTip"): "touch selection handle",
    ("QComboBoxPrivateContainer", "Popup"): "the list of a kiosk drop-down",
    ("QTipLabel", "ToolTip"): "a tooltip",
    # The kiosk's own help request form (kiosk.helpdesk.qt.dialog); the wipe closes it.
    ("HelpDialog", "Dialog"): "the kiosk's help request form",
}

#: Plain QWindows (not widgets) that Qt makes off screen for its own drawing.
ALLOWED_OFFSCREEN_WINDOWS: frozenset[str] = frozenset(
    {"QQuickWidgetOffscreenWindow", "QQuickWidgetClassWindow"}
)


def is_allowed(class_name: str, window_type: str) -> bool:
    return (class_name, window_type) in ALLOWED_WINDOWS
