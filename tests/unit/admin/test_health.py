"""Health figures: the receipts' tail, the heartbeat's summary, the engine's processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kiosk.admin import health
from kiosk.admin.health import HelpdeskState


def _receipt(i: int, ok: bool = True) -> str:
    checks = {"browser": True, "clipboard": ok}
    return json.dumps(
        {"finished_at": f"2026-03-02T09:{i:02d}:00+00:00", "duration_s": 0.04, "reason": "timeout",
         "checks": checks, "ok": ok}
    )  # fmt: skip


def test_the_last_twenty_receipts_newest_first(tmp_path: Path) -> None:
    file = tmp_path / "wipe-receipts.jsonl"
    lines = [_receipt(i, ok=i != 29) for i in range(30)]
    file.write_text('{"cut-off line\n' + "\n".join(lines) + "\n")
    found = health.last_receipts(file)
    assert len(found) == 20
    assert found[0].finished_at.startswith("2026-03-02T09:29")
    assert not found[0].ok
    assert found[0].failed == ("clipboard",)
    assert all(r.ok for r in found[1:])
    assert health.last_receipts(tmp_path / "missing.jsonl") == ()


def test_collect_reads_the_machine_and_summarises_for_the_heartbeat(tmp_path: Path) -> None:
    (tmp_path / "wipe-receipts.jsonl").write_text(_receipt(1) + "\n")
    figures = health.collect(
        started_at=1000.0,
        data_dir=tmp_path,
        helpdesk=HelpdeskState(configured=True, online=True, outbox_pending=2),
        speech="ready",
        admin_protected=False,
        admin_where="this process",
        clock=lambda: 1090.0,
    )
    assert figures.uptime_s == 90
    assert figures.memory_total_mb > 0
    assert 0 < figures.disk_free_mb <= figures.disk_total_mb
    summary = figures.summary()
    assert summary["uptime_s"] == 90
    assert summary["outbox_pending"] == 2
    assert summary["last_wipe_ok"] is True
    assert summary["admin_protected"] is False
    assert json.dumps(summary)  # it travels as JSON


def test_engine_processes_are_found_by_name(tmp_path: Path) -> None:
    # A stand-in named like the browser engine, under this process.
    fake = tmp_path / "QtWebEngineProcess"
    fake.symlink_to(sys.executable)
    child = subprocess.Popen(
        [str(fake), "-c", "import threading; threading.Event().wait()", "--type=utility"]
    )
    try:
        found = {p.pid: p for p in health.engine_processes()}
        assert child.pid in found
        assert found[child.pid].rss_mb > 0
    finally:
        child.kill()
        child.wait()


def test_sandbox_is_reported_off_only_when_it_is() -> None:
    assert health.sandbox_on({})
    assert not health.sandbox_on({"QTWEBENGINE_CHROMIUM_FLAGS": "--foo --no-sandbox"})
    assert not health.sandbox_on({"QTWEBENGINE_DISABLE_SANDBOX": "1"})
