"""The kiosk's health, as the admin panel shows it and the heartbeat carries it in
summary. Real figures from psutil; nothing of a visitor. Pure Python.

``collect()`` is given what only the kiosk knows (its start time, the help desk's state,
the speech engine's state, the verifier's status) and reads the rest from the machine.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk import __version__

ENGINE_NAME = "QtWebEngineProcess"
RECEIPTS_SHOWN = 20
MB = 1024 * 1024

#: Temperature sensors worth showing, in order of preference (Linux names).
_SENSORS = ("coretemp", "k10temp", "zenpower", "cpu_thermal", "acpitz", "thinkpad")


@dataclass(frozen=True, slots=True)
class EngineProcess:
    pid: int
    kind: str  # "zygote", "renderer" (a page), "gpu-process", "utility"...
    rss_mb: float


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    finished_at: str
    ok: bool
    reason: str
    duration_s: float
    failed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HelpdeskState:
    configured: bool = False
    online: bool | None = None
    outbox_pending: int = 0
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Health:
    version: str
    uptime_s: int
    cpu_percent: float
    memory_percent: float
    memory_used_mb: int
    memory_total_mb: int
    disk_free_mb: int
    disk_total_mb: int
    battery_percent: float | None
    battery_plugged: bool | None
    temperature_c: float | None
    engine: tuple[EngineProcess, ...]
    receipts: tuple[ReceiptLine, ...]
    helpdesk: HelpdeskState
    speech: str
    sandbox_on: bool
    admin_protected: bool
    admin_where: str
    out_of_order: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def engine_rss_mb(self) -> int:
        return round(sum(p.rss_mb for p in self.engine))

    @property
    def last_wipe_ok(self) -> bool | None:
        return self.receipts[0].ok if self.receipts else None

    def summary(self) -> dict[str, Any]:
        """What the heartbeat carries to the staff page's Kiosks view."""
        return {
            "version": self.version,
            "uptime_s": self.uptime_s,
            "cpu_percent": round(self.cpu_percent, 1),
            "memory_percent": round(self.memory_percent, 1),
            "disk_free_mb": self.disk_free_mb,
            "outbox_pending": self.helpdesk.outbox_pending,
            "last_wipe_ok": self.last_wipe_ok,
            "engine_mb": self.engine_rss_mb,
            "sandbox_on": self.sandbox_on,
            "admin_protected": self.admin_protected,
            "out_of_order": self.out_of_order,
        }


def engine_processes(root_pid: int | None = None) -> tuple[EngineProcess, ...]:
    """The browser engine's processes under this process, with their memory."""
    import psutil  # noqa: PLC0415 - when figures are asked for, not at start-up

    try:
        children = psutil.Process(root_pid or os.getpid()).children(recursive=True)
    except psutil.Error:
        return ()
    found = []
    for child in children:
        try:
            with child.oneshot():
                if ENGINE_NAME not in child.name():
                    continue
                kind = _kind(child.cmdline())
                if kind == "zygote" and child.ppid() != (root_pid or os.getpid()):
                    kind = "renderer"  # forked by a zygote: it draws a page
                found.append(EngineProcess(child.pid, kind, child.memory_info().rss / MB))
        except psutil.Error:
            continue
    return tuple(found)


def _kind(cmdline: Sequence[str]) -> str:
    for arg in cmdline:
        if arg.startswith("--type="):
            return arg[len("--type=") :]
    return "browser"


def last_receipts(file: Path, count: int = RECEIPTS_SHOWN) -> tuple[ReceiptLine, ...]:
    """The newest ``count`` wipe receipts from the receipts file, newest first."""
    try:
        with file.open("rb") as stream:
            stream.seek(0, os.SEEK_END)
            size = stream.tell()
            stream.seek(max(0, size - 64 * 1024))
            tail = stream.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return ()
    lines = []
    for text in reversed(tail):
        try:
            raw = json.loads(text)
            checks = raw.get("checks") or {}
            lines.append(
                ReceiptLine(
                    finished_at=str(raw["finished_at"]),
                    ok=bool(raw.get("ok")),
                    reason=str(raw.get("reason", "")),
                    duration_s=float(raw.get("duration_s", 0.0)),
                    failed=tuple(str(name) for name, passed in checks.items() if not passed),
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # the first line of the tail may be cut
        if len(lines) >= count:
            break
    return tuple(lines)


def _temperature() -> float | None:
    import psutil  # noqa: PLC0415

    reader: Callable[[], dict[str, list[Any]]] | None = getattr(
        psutil, "sensors_temperatures", None
    )
    if reader is None:
        return None
    try:
        sensors = reader()
    except (OSError, RuntimeError):
        return None
    for name in (*_SENSORS, *sensors):
        readings = [r.current for r in sensors.get(name, []) if r.current]
        if readings:
            return float(max(readings))
    return None


def _battery() -> tuple[float | None, bool | None]:
    import psutil  # noqa: PLC0415

    try:
        battery = psutil.sensors_battery()
    except (OSError, RuntimeError):
        return None, None
    if battery is None:
        return None, None
    return float(battery.percent), bool(battery.power_plugged)


def sandbox_on(environ: dict[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    return "--no-sandbox" not in flags and env.get("QTWEBENGINE_DISABLE_SANDBOX", "") in ("", "0")


def collect(
    *,
    started_at: float,
    data_dir: Path,
    helpdesk: HelpdeskState,
    speech: str,
    admin_protected: bool,
    admin_where: str,
    out_of_order: bool = False,
    clock: Callable[[], float] = time.time,
) -> Health:
    import psutil  # noqa: PLC0415

    memory = psutil.virtual_memory()
    try:
        disk = psutil.disk_usage(str(data_dir if data_dir.exists() else data_dir.anchor or "/"))
        free, total = disk.free // MB, disk.total // MB
    except OSError:
        free = total = 0
    percent, plugged = _battery()
    return Health(
        version=__version__,
        uptime_s=max(0, round(clock() - started_at)),
        # Since the last call (the panel refreshes every few seconds); never blocks.
        cpu_percent=psutil.cpu_percent(interval=None),
        memory_percent=memory.percent,
        memory_used_mb=(memory.total - memory.available) // MB,
        memory_total_mb=memory.total // MB,
        disk_free_mb=free,
        disk_total_mb=total,
        battery_percent=percent,
        battery_plugged=plugged,
        temperature_c=_temperature(),
        engine=engine_processes(),
        receipts=last_receipts(data_dir / "wipe-receipts.jsonl"),
        helpdesk=helpdesk,
        speech=speech,
        sandbox_on=sandbox_on(),
        admin_protected=admin_protected,
        admin_where=admin_where,
        out_of_order=out_of_order,
    )


@dataclass(frozen=True, slots=True)
class GuidesState:
    """What the admin panel's Guides page shows."""

    folder: str
    shown: int
    #: "file:line: error: message", as ``kiosk guides check`` prints them.
    problems: tuple[str, ...] = ()
    #: The guides on disk differ from those on screen: a restart shows them.
    restart_needed: bool = False
    #: The guide pack shown (its version), None for the shipped guides or guides.dir.
    pack: str | None = None
