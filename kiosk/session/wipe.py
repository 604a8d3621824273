"""The parts of a wipe that touch Qt and the OS: clearing, closing, and checking.

``KioskApp`` runs these in order (see ``KioskApp._wipe``). Each check returns True when
nothing of the visitor is left in that place; together they make the wipe receipt.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import psutil
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication, QDialog, QWidget

log = logging.getLogger("kiosk.session")

#: Child processes that may stay: the browser engine's own (renderer, GPU, utility).
ENGINE_PROCESS_NAMES = frozenset({"QtWebEngineProcess", "QtWebEngineProcess.exe"})

_CLIPBOARD_MODES = (
    QClipboard.Mode.Clipboard,
    QClipboard.Mode.Selection,
    QClipboard.Mode.FindBuffer,
)


def clear_clipboard(clipboard: QClipboard) -> None:
    for mode in _CLIPBOARD_MODES:
        clipboard.clear(mode)


def clipboard_is_empty(clipboard: QClipboard) -> bool:
    for mode in _CLIPBOARD_MODES:
        data = clipboard.mimeData(mode)
        if data is not None and (data.formats() or clipboard.text(mode)):
            return False
    return True


def extra_windows(shell: QWidget) -> list[QWidget]:
    """Every visible top-level window that is not the shell, and every dialog."""
    found = []
    for widget in QApplication.topLevelWidgets():
        if widget is shell:
            continue
        if widget.isVisible() or isinstance(widget, QDialog):
            found.append(widget)
    found.extend(d for d in shell.findChildren(QDialog) if d not in found)
    return found


def close_extra_windows(shell: QWidget) -> int:
    """Close and delete every dialog and window that is not the shell itself."""
    closing = extra_windows(shell)
    for widget in closing:
        if isinstance(widget, QDialog):
            widget.reject()
        widget.hide()
        widget.close()
        widget.deleteLater()
    if closing:
        log.info("closed %d extra window(s)", len(closing))
    return len(closing)


def folder_is_gone(folder: Path) -> bool:
    return not folder.exists()


def object_is_released(obj: QObject | None) -> bool:
    """True once Qt has deleted the C++ object behind ``obj``."""
    return obj is None or not shiboken6.isValid(obj)


def _is_engine(name: str) -> bool:
    # Linux keeps 15 characters of a process name; psutil cannot always read the rest
    # (a renderer that is just ending shows as "QtWebEngineProc").
    return name in ENGINE_PROCESS_NAMES or (
        len(name) == 15 and any(full.startswith(name) for full in ENGINE_PROCESS_NAMES)
    )


def unexpected_child_processes(
    allowed: frozenset[str] = frozenset(), allowed_pids: frozenset[int] = frozenset()
) -> list[str]:
    """Names of child processes that are neither the browser engine's nor allowed (by
    name, or as one of ``allowed_pids`` or a child of one)."""
    names = []
    try:
        children = psutil.Process().children(recursive=True)
        companions = set(allowed_pids)
        for pid in allowed_pids:
            with contextlib.suppress(psutil.NoSuchProcess):
                companions.update(c.pid for c in psutil.Process(pid).children(recursive=True))
    except psutil.Error:
        return ["<cannot list processes>"]
    for child in children:
        if child.pid in companions:
            continue
        try:
            name = child.name()
            if child.status() == psutil.STATUS_ZOMBIE:
                continue
        except psutil.NoSuchProcess:
            continue
        except psutil.Error:
            name = "<unknown>"
        if not _is_engine(name) and name not in allowed:
            log.error("a process outlived the session: %s", name)
            names.append(name)
    return names
