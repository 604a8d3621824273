"""Logging: named loggers per area (``kiosk.browser``, ``kiosk.session`` ...), a rotating
file in the data folder, Qt's own messages routed in, and a JSON mode for tests.

Never log URLs with query strings, typed text or anything a visitor entered: log hosts
(``kiosk.browser.policy.loggable``) and counts, not content.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import sys
from typing import Any

from kiosk import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        return json.dumps(entry, ensure_ascii=False)


def setup(*, json_mode: bool = False, to_file: bool = True, level: int = logging.INFO) -> None:
    root = logging.getLogger("kiosk")
    root.setLevel(level)
    root.handlers.clear()
    formatter: logging.Formatter = JsonFormatter() if json_mode else logging.Formatter(_FORMAT)
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(formatter)
    root.addHandler(console)
    if to_file:
        folder = paths.log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                folder / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
        except OSError as exc:  # a full or read-only disk must not stop the kiosk
            root.warning("cannot write the log file in %s: %s", folder, exc)
        else:
            handler.setFormatter(formatter)
            root.addHandler(handler)
    _route_qt_messages()


def _route_qt_messages() -> None:
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler  # noqa: PLC0415

    qt_log = logging.getLogger("kiosk.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(levels.get(kind, logging.INFO), "%s", message)

    qInstallMessageHandler(handler)
