"""Logging: named loggers per area (``kiosk.browser``, ``kiosk.session`` ...), rotating
files in the data folder, and a JSON mode (``--log-json``). Pure Python: the supervisor
and the verifier service use it too; the kiosk routes Qt's own messages in
(``launcher.route_qt_messages``).

Files: ``logs/kiosk.log`` (the kiosk) and ``logs/supervisor.log`` (the supervisor), each
started anew at midnight and when it reaches 2 MB; files older than 14 days are deleted,
and never more than 40 are kept, so a kiosk that logs in a loop cannot fill its disk.

Never log URLs with query strings, typed text or anything a visitor entered: log hosts
(``kiosk.browser.policy.loggable``) and counts, not content. As a last line of defence
every handler cuts the query string and fragment off any web address in a line (Qt's and
Chromium's own messages are not ours to word).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import logging.handlers
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

KEEP_DAYS = 14
MAX_BYTES = 2_000_000
MAX_FILES = 40

#: A web address's query string or fragment: everything from "?" or "#" to the next space.
_QUERY = re.compile(r"((?:https?|wss?|file|blob|data)://[^\s?#\"'<>]*)[?#][^\s\"'<>]*", re.I)

#: Attributes every LogRecord has; anything else was passed with ``extra=`` (JSON fields).
_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "taskName",
}


def redact(text: str) -> str:
    """``text`` with every web address's query string and fragment cut off."""
    return _QUERY.sub(r"\1?…", text)


class RedactingFilter(logging.Filter):
    """Cuts query strings out of a record's message before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = (
                    value if isinstance(value, str | int | float | bool | None) else str(value)
                )
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class RotatingLog(logging.handlers.BaseRotatingHandler):
    """A log file started anew each day and at ``max_bytes``; old files are deleted.

    Rotated files are named ``<stem>-YYYYMMDD-HHMMSS[-N].log`` beside the current one.
    """

    def __init__(
        self,
        path: Path,
        *,
        max_bytes: int = MAX_BYTES,
        keep_days: int = KEEP_DAYS,
        max_files: int = MAX_FILES,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(str(path), "a", encoding="utf-8", delay=True)
        self.path = path
        self.max_bytes = max_bytes
        self.keep_days = keep_days
        self.max_files = max_files
        self._clock = clock
        self._day = self._today()
        self.prune()

    def _today(self) -> dt.date:
        return dt.datetime.fromtimestamp(self._clock()).date()

    def shouldRollover(self, record: logging.LogRecord) -> bool:  # noqa: N802 - logging's name
        if self._today() != self._day:
            return True
        if self.stream is None:
            self.stream = self._open()
        if self.max_bytes <= 0:
            return False
        size = self.stream.tell()
        return size > 0 and size + len(self.format(record)) + 1 > self.max_bytes

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        if self.path.exists() and self.path.stat().st_size > 0:
            stamp = dt.datetime.fromtimestamp(self._clock()).strftime("%Y%m%d-%H%M%S")
            target = self.path.with_name(f"{self.path.stem}-{stamp}{self.path.suffix}")
            n = 1
            while target.exists():
                target = self.path.with_name(f"{self.path.stem}-{stamp}-{n}{self.path.suffix}")
                n += 1
            self.path.replace(target)
        self._day = self._today()
        self.prune()
        self.stream = self._open()

    def rotated(self) -> list[Path]:
        """The rotated files, oldest first."""
        found = self.path.parent.glob(f"{self.path.stem}-*{self.path.suffix}")
        return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))

    def prune(self) -> None:
        """Delete rotated files older than ``keep_days`` and beyond ``max_files``."""
        try:
            files = self.rotated()
            horizon = self._clock() - self.keep_days * 86400
            old = [p for p in files if p.stat().st_mtime < horizon]
            young = [p for p in files if p not in old]
            excess = young[: max(0, len(young) - (self.max_files - 1))]
            for stale in old + excess:
                stale.unlink(missing_ok=True)
        except OSError:
            pass  # a log that cannot be pruned must not stop the kiosk


def setup(
    *,
    json_mode: bool = False,
    to_file: bool = True,
    level: int = logging.INFO,
    filename: str = "kiosk.log",
) -> None:
    root = logging.getLogger("kiosk")
    root.setLevel(level)
    for old in root.handlers:
        old.close()
    root.handlers.clear()
    formatter: logging.Formatter = JsonFormatter() if json_mode else logging.Formatter(_FORMAT)
    redacting = RedactingFilter()
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(formatter)
    console.addFilter(redacting)
    root.addHandler(console)
    if to_file:
        folder = paths.log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = RotatingLog(folder / filename)
        except OSError as exc:  # a full or read-only disk must not stop the kiosk
            root.warning("cannot write the log file in %s: %s", folder, exc)
        else:
            handler.setFormatter(formatter)
            handler.addFilter(redacting)
            root.addHandler(handler)
