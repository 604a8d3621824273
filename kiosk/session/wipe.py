"""The parts of a wipe that touch Qt and the OS: clearing, closing, and checking.

The session keeper's own visitor parts (windows, clipboard, browser, session folder,
processes) use these to reset and to check; each check says what is still there.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard, QPixmap, QPixmapCache
from PySide6.QtWidgets import QApplication, QDialog, QWidget

if TYPE_CHECKING:
    import psutil

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


class PictureCache:
    """Qt's picture cache (QPixmapCache), one for the whole process. Qt keeps there what
    a label or an icon drew at another size: a visitor's file thumbnails, a page of their
    document in the viewer or the print preview. These stay after their widgets let go,
    until the cache is full (10 MB): after the visitor has gone, and growing the kiosk's
    memory visit by visit. The wipe empties it.

    Qt cannot list what the cache holds. A mark put in after each emptying tells: still
    there at the next check means the cache was not emptied since. (A visit that fills
    all 10 MB may push the mark out itself; the reset empties everything all the same.)
    """

    MARK = "digituki-picture-cache-emptied"

    def __init__(self) -> None:
        self._put_mark()

    def reset(self) -> None:
        QPixmapCache.clear()

    def verify(self) -> list[str]:
        if QPixmapCache.find(self.MARK, QPixmap()):
            return ["Qt's picture cache was not emptied"]
        self._put_mark()  # for the check after the next visitor
        return []

    def _put_mark(self) -> None:
        mark = QPixmap(1, 1)
        mark.fill()
        QPixmapCache.insert(self.MARK, mark)


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


def _unexpected_children(
    allowed: frozenset[str], allowed_pids: frozenset[int]
) -> list[tuple[psutil.Process | None, str]]:
    """Child processes that are neither the browser engine's nor allowed (by name, or as
    one of ``allowed_pids`` or a child of one), with their names. ``None`` stands for
    "the processes could not be listed"."""
    import psutil  # noqa: PLC0415 - at the first wipe, not at start-up

    try:
        children = psutil.Process().children(recursive=True)
        companions = set(allowed_pids)
        for pid in allowed_pids:
            with contextlib.suppress(psutil.NoSuchProcess):
                companions.update(c.pid for c in psutil.Process(pid).children(recursive=True))
    except psutil.Error:
        return [(None, "<cannot list processes>")]
    found: list[tuple[psutil.Process | None, str]] = []
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
            found.append((child, name))
    return found


def unexpected_child_processes(
    allowed: frozenset[str] = frozenset(), allowed_pids: frozenset[int] = frozenset()
) -> list[str]:
    """Names of the child processes that must not outlive a session."""
    names = [name for _process, name in _unexpected_children(allowed, allowed_pids)]
    for name in names:
        log.error("a process outlived the session: %s", name)
    return names


def end_unexpected_child_processes(
    allowed: frozenset[str] = frozenset(),
    allowed_pids: frozenset[int] = frozenset(),
    grace_s: float = 2.0,
) -> int:
    """End the child processes that must not outlive a session (a program a page
    managed to start): asked to stop, then killed. Returns how many there were."""
    import psutil  # noqa: PLC0415

    processes = [p for p, _name in _unexpected_children(allowed, allowed_pids) if p is not None]
    for process in processes:
        with contextlib.suppress(psutil.Error):
            process.terminate()
    _gone, alive = psutil.wait_procs(processes, timeout=grace_s)
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(alive, timeout=grace_s)
    if processes:
        log.warning("ended %d process(es) that a session started", len(processes))
    return len(processes)
