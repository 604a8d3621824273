"""Start-up sweep: remove whatever an interrupted session left behind.

The kiosk may have been killed or lost power in the middle of a session. Before anything
is shown, every session folder (and the browser engine's own folder) under the runtime
folder is deleted. Pure Python.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

log = logging.getLogger("kiosk.session")

SESSION_PREFIX = "session-"
ENGINE_DIR = "engine"


def leftovers(runtime: Path) -> list[Path]:
    if not runtime.is_dir():
        return []
    return sorted(
        entry
        for entry in runtime.iterdir()
        if entry.name.startswith(SESSION_PREFIX) or entry.name == ENGINE_DIR
    )


def sweep(runtime: Path, keep: Path | None = None) -> int:
    """Delete leftover session folders; return how many there were.

    The engine's own folder is emptied, not counted: it is remade at every start.
    """
    engine = runtime / ENGINE_DIR
    # The engine's data folder and its caches (font caches elsewhere in it may stay).
    shutil.rmtree(engine / "data", ignore_errors=True)
    for folder in engine.glob("cache/*/QtWebEngine"):
        shutil.rmtree(folder, ignore_errors=True)
    found = [entry for entry in leftovers(runtime) if entry not in (keep, engine)]
    for entry in found:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    remaining = [entry for entry in found if entry.exists()]
    if found:
        log.warning(
            "removed %d folder(s) left by an interrupted session", len(found) - len(remaining)
        )
    if remaining:
        log.error("could not remove %d leftover folder(s)", len(remaining))
    return len(found)
