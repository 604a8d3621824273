"""Wipe receipts: an anonymous record that a session was destroyed, and how well.

A receipt holds when, how long, why (end button or timeout) and which checks passed.
Never a URL, a name, a file name or anything a visitor did. Receipts go to the kiosk
log and to ``wipe-receipts.jsonl`` in the data folder, for the admin view.
"""

from __future__ import annotations

import json
import logging
from collections import deque
from dataclasses import asdict, dataclass, field
from pathlib import Path

log = logging.getLogger("kiosk.session")

RECEIPTS_FILE = "wipe-receipts.jsonl"
MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class WipeReceipt:
    finished_at: str  # ISO 8601, UTC, whole seconds
    duration_s: float
    reason: str
    checks: dict[str, bool] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(self.checks.values())

    @property
    def failed(self) -> list[str]:
        return [name for name, passed in self.checks.items() if not passed]

    def to_json(self) -> str:
        data = asdict(self)
        data["ok"] = self.ok
        return json.dumps(data, sort_keys=True)


class ReceiptLog:
    """The latest receipts in memory, and all of them (rotated) on disk."""

    def __init__(self, folder: Path, keep: int = 200) -> None:
        self.file = folder / RECEIPTS_FILE
        self.recent: deque[WipeReceipt] = deque(maxlen=keep)

    def add(self, receipt: WipeReceipt) -> None:
        self.recent.append(receipt)
        line = receipt.to_json()
        if receipt.ok:
            log.info("wipe receipt %s", line)
        else:
            log.error("wipe receipt %s", line)
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            if self.file.exists() and self.file.stat().st_size > MAX_FILE_BYTES:
                self.file.replace(self.file.with_suffix(".jsonl.1"))
            with self.file.open("a", encoding="utf-8") as out:
                out.write(line + "\n")
        except OSError as exc:  # a full disk must not stop the wipe itself
            log.warning("cannot write the wipe receipt to %s: %s", self.file, exc)
