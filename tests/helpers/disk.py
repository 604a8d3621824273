"""Search folders for a marker string: proof that nothing of a visitor stayed on disk."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

MAX_FILE_BYTES = 50_000_000


def files_containing(marker: str, roots: Iterable[Path]) -> list[Path]:
    needle = marker.encode()
    needles = (needle, marker.encode("utf-16-le"))
    hits: list[Path] = []
    for root in roots:
        if not root.exists():
            continue
        for folder, _dirs, names in os.walk(root, followlinks=False):
            for name in names:
                path = Path(folder) / name
                if needle in name.encode(errors="ignore"):
                    hits.append(path)
                    continue
                try:
                    if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
                        continue
                    data = path.read_bytes()
                except OSError:
                    continue
                if any(n in data for n in needles):
                    hits.append(path)
    return hits
