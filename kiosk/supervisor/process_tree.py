"""Ending the old kiosk completely: its own process and every process it started.

QtWebEngine runs its renderers, GPU and utility processes as children of the kiosk (the
speech engine is one too). When the kiosk is killed they may linger, orphaned, holding a
visitor's page in memory. On Linux the supervisor becomes a *child subreaper*: orphans of
the kiosk are handed to the supervisor rather than to init, so it can find them, end them
and reap them. Everywhere, the processes seen under the kiosk at its last heartbeat are
remembered and ended too (psutil refuses to signal a pid that was reused since).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sys
from collections.abc import Iterable

import psutil

log = logging.getLogger("kiosk.supervisor")

_PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> bool:
    """Linux: orphans of our descendants become our children. False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def descendants(pid: int) -> list[psutil.Process]:
    """Every living process under ``pid`` (empty if it is gone)."""
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def _alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def end_processes(
    processes: Iterable[psutil.Process], *, grace_s: float = 0.0
) -> list[psutil.Process]:
    """Ask each to stop (SIGTERM) and give them ``grace_s``; then kill what is left, and
    reap what is ours. Returns the processes that could not be ended."""
    targets = {p.pid: p for p in processes}.values()
    if grace_s > 0:
        for process in targets:
            with contextlib.suppress(psutil.Error):
                process.terminate()
        _gone, targets = psutil.wait_procs(list(targets), timeout=grace_s)  # type: ignore[assignment]
    for process in targets:
        with contextlib.suppress(psutil.Error):
            process.kill()
    _gone, alive = psutil.wait_procs(list(targets), timeout=10)
    return [p for p in alive if _alive(p)]


def orphans_of_mine(keep: Iterable[int]) -> list[psutil.Process]:
    """Processes under the supervisor itself except those in ``keep`` and theirs (the
    out-of-order screen): with the subreaper on, the old kiosk's orphans are here."""
    kept: set[int] = set()
    for pid in keep:
        kept.add(pid)
        kept.update(p.pid for p in descendants(pid))
    return [p for p in descendants(os.getpid()) if p.pid not in kept]
