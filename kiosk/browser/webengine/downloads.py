"""Downloads: only safe types, only into the visitor's session folder, never opened outside.

QtWebEngine cancels a download nobody accepts; this guard accepts only what the pure table
(``lockdown/file_types.py``) allows, under a safe name in ``<session>/downloads``, and
checks the first bytes when it is done. The kiosk's viewer shows the file; nothing is ever
handed to another program.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWebEngineCore import QWebEngineDownloadRequest

from kiosk.lockdown.file_types import (
    MAX_DOWNLOAD_BYTES,
    FileKind,
    Refusal,
    classify,
    content_matches,
)

log = logging.getLogger("kiosk.browser")

_State = QWebEngineDownloadRequest.DownloadState


def unique_name(folder: Path, name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``... if that file exists or is being written."""
    path = Path(name)
    candidate, number = name, 1
    while candidate in taken or (folder / candidate).exists():
        number += 1
        candidate = f"{path.stem} ({number}){path.suffix}"
    return candidate


class DownloadGuard(QObject):
    """Decides every download of one visitor's profile.

    Signals:
        refused(object): a download was refused, and why (a ``Refusal``).
        finished(str, object): a file was saved: its path and its ``FileKind``.
        failed(): a download that was accepted did not finish (network, cancelled).
    """

    refused = Signal(object)
    finished = Signal(str, object)
    failed = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._active: dict[int, tuple[QWebEngineDownloadRequest, str]] = {}

    def on_download_requested(self, request: QWebEngineDownloadRequest) -> None:
        """Connected directly to ``QWebEngineProfile.downloadRequested`` (never queued)."""
        try:
            self._decide(request)
        except Exception:
            log.exception("download check failed; refused")
            request.cancel()
            self.refused.emit(Refusal.UNKNOWN)

    def _decide(self, request: QWebEngineDownloadRequest) -> None:
        if request.isSavePageDownload():
            self._refuse(request, Refusal.PAGE)
            return
        verdict = classify(
            request.suggestedFileName() or request.downloadFileName(),
            request.mimeType(),
            request.totalBytes(),
        )
        if verdict.kind is None:
            self._refuse(request, verdict.refusal or Refusal.UNKNOWN)
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        taken = {name for _req, name in self._active.values()}
        name = unique_name(self.folder, verdict.file_name, taken)
        request.setDownloadDirectory(str(self.folder))
        request.setDownloadFileName(name)
        key = id(request)
        self._active[key] = (request, name)
        kind = verdict.kind
        request.receivedBytesChanged.connect(lambda: self._on_progress(key))
        request.isFinishedChanged.connect(lambda: self._on_finished(key, kind))
        log.info("download accepted: a %s file", kind.value)
        request.accept()

    def _refuse(self, request: QWebEngineDownloadRequest, why: Refusal) -> None:
        log.info("download refused: %s (%s)", why.value, request.mimeType() or "no type")
        request.cancel()
        self.refused.emit(why)

    def _on_progress(self, key: int) -> None:
        entry = self._active.get(key)
        if entry is not None and entry[0].receivedBytes() > MAX_DOWNLOAD_BYTES:
            # The server did not say how big it was; it is too big for a RAM-backed folder.
            self._active.pop(key)
            entry[0].cancel()
            self._discard(entry[1])
            self.refused.emit(Refusal.TOO_BIG)

    def _on_finished(self, key: int, kind: FileKind) -> None:
        entry = self._active.pop(key, None)
        if entry is None:
            return
        request, name = entry
        path = self.folder / name
        if request.state() != _State.DownloadCompleted:
            log.info("download did not finish: %s", request.interruptReasonString())
            self._discard(name)
            self.failed.emit()
            return
        try:
            with path.open("rb") as file:
                head = file.read(1024)
        except OSError:
            head = b""
        if not content_matches(name, head):
            log.warning("download thrown away: its content is not what its name says")
            self._discard(name)
            self.refused.emit(Refusal.MISMATCH)
            return
        log.info("download saved: a %s file", kind.value)
        self.finished.emit(str(path), kind)

    def cancel_all(self) -> None:
        """Stop every download still running and forget it (the wipe; the profile and its
        requests are deleted next, so no late signal may reach them)."""
        active, self._active = self._active, {}
        for request, name in active.values():
            request.cancel()
            self._discard(name)

    def _discard(self, name: str) -> None:
        (self.folder / name).unlink(missing_ok=True)

    def files(self) -> list[Path]:
        """The visitor's downloaded files, newest first (for the kiosk's file chooser)."""
        if not self.folder.is_dir():
            return []
        busy = {name for _req, name in self._active.values()}
        found = [p for p in self.folder.iterdir() if p.is_file() and p.name not in busy]
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)
