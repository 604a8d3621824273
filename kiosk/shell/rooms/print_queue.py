"""The kiosk's own jobs in the system's print queue (CUPS), so that a visitor's papers
never come out for the next visitor.

A job that waits (the printer is off, out of paper, jammed) would print when someone else
sits at the kiosk. At the wipe, every unfinished job of the kiosk's user is cancelled:
CUPS lets a user cancel their own jobs, and nobody else's. A finished job's file is
CUPS's to delete, which an unprivileged user cannot ask for: a kiosk's CUPS must keep none
(``PreserveJobFiles No`` in cupsd.conf).

libcups is the library Qt prints with, loaded with ctypes (the same server, the same
user). Without it (Windows) there is nothing to do here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging

log = logging.getLogger("kiosk.printing")

_WHICHJOBS_ACTIVE = 0  # CUPS_WHICHJOBS_ACTIVE: pending, held, processing, stopped
_MY_JOBS = 1
_IPP_OK_LAST = 0x00FF  # IPP status codes below 0x0100 are successes


class _Job(ctypes.Structure):
    """libcups's ``cups_job_t``."""

    _fields_ = [
        ("id", ctypes.c_int),
        ("dest", ctypes.c_char_p),
        ("title", ctypes.c_char_p),
        ("user", ctypes.c_char_p),
        ("format", ctypes.c_char_p),
        ("state", ctypes.c_int),
        ("size", ctypes.c_int),
        ("priority", ctypes.c_int),
        ("completed_time", ctypes.c_long),
        ("creation_time", ctypes.c_long),
        ("processing_time", ctypes.c_long),
    ]


@functools.cache
def _cups() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("cups")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.cupsGetJobs2.argtypes = [
        ctypes.c_void_p, ctypes.POINTER(ctypes.POINTER(_Job)), ctypes.c_char_p,
        ctypes.c_int, ctypes.c_int,
    ]  # fmt: skip
    lib.cupsGetJobs2.restype = ctypes.c_int
    lib.cupsFreeJobs.argtypes = [ctypes.c_int, ctypes.POINTER(_Job)]
    lib.cupsFreeJobs.restype = None
    lib.cupsCancelJob2.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
    lib.cupsCancelJob2.restype = ctypes.c_int
    lib.cupsLastErrorString.argtypes = []
    lib.cupsLastErrorString.restype = ctypes.c_char_p
    return lib


def unfinished_jobs() -> list[tuple[str, int]]:
    """(printer, job id) of every job of the kiosk's user that has not finished."""
    lib = _cups()
    if lib is None:
        return []
    jobs = ctypes.POINTER(_Job)()
    # CUPS_HTTP_DEFAULT (None): the server Qt prints to; None as the printer: all of them.
    count = lib.cupsGetJobs2(None, ctypes.byref(jobs), None, _MY_JOBS, _WHICHJOBS_ACTIVE)
    if count <= 0:
        return []
    try:
        return [((jobs[i].dest or b"").decode(errors="replace"), jobs[i].id) for i in range(count)]
    finally:
        lib.cupsFreeJobs(count, jobs)


def leftovers() -> list[str]:
    """The visitor part's check: jobs of the kiosk's user that could still print."""
    jobs = unfinished_jobs()
    return [f"{len(jobs)} print job(s) still wait in the printer's queue"] if jobs else []


def cancel_unfinished_jobs() -> int:
    """Cancel every unfinished job of the kiosk's user; return how many were cancelled."""
    lib = _cups()
    if lib is None:
        return 0
    cancelled = 0
    for printer, job_id in unfinished_jobs():
        status = lib.cupsCancelJob2(None, printer.encode(), job_id, 0)
        if status <= _IPP_OK_LAST:
            cancelled += 1
        else:
            reason = (lib.cupsLastErrorString() or b"").decode(errors="replace")
            log.warning("a print job the visitor left could not be cancelled: %s", reason)
    if cancelled:
        log.info("cancelled %d print job(s) the visitor left waiting", cancelled)
    return cancelled
