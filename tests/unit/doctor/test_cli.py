"""``kiosk doctor`` on this machine (CI: root, a development checkout, no internet): a
well-formed JSON report with every check, the real Qt probes in child processes, and the
exit code of its worst finding; a broken settings file stops it with a plain message."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from kiosk.doctor.local import LocalMachine

EXPECTED = {
    "cpu", "glibc", "user", "qt-libraries", "qt-platform", "webengine", "pdf", "sandbox",
    "admin-verifier", "secrets", "printers", "print-job-files", "removable-media", "disk",
    "memory", "network", "helpdesk", "clock", "guides",
}  # fmt: skip


def _doctor(*args: str, config: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "doctor", "--config", str(config), *args],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip


def test_doctor_json_is_a_well_formed_report(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    # A help desk on this machine that answers: the network checks run without internet.
    config.write_text('[helpdesk]\nurl = "https://127.0.0.1:9"\n', encoding="utf-8")
    done = _doctor("--json", config=config)
    report = json.loads(done.stdout)
    assert {check["id"] for check in report["checks"]} == EXPECTED
    for check in report["checks"]:
        assert check["status"] in {"ok", "warning", "error"}
        assert check["title"] and check["detail"]
        assert check["status"] == "ok" or check["fix"]
    assert (
        done.returncode
        == report["exit_code"]
        == {"ok": 0, "warning": 1, "error": 2}[report["status"]]
    )
    by_id = {check["id"]: check for check in report["checks"]}
    # The real Qt probes ran in child processes and passed here.
    assert by_id["qt-platform"]["status"] == "ok", by_id["qt-platform"]
    assert by_id["pdf"]["status"] == "ok", by_id["pdf"]
    assert by_id["webengine"]["status"] == "ok", by_id["webengine"]
    assert by_id["helpdesk"]["status"] == "error"  # nothing listens on port 9
    if os.geteuid() == 0:
        assert by_id["user"]["status"] == "error"
        assert by_id["sandbox"]["status"] == "error"
    assert by_id["admin-verifier"]["status"] == "warning"  # a development checkout


def test_doctor_text_and_a_broken_settings_file(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\ncentre_nam = 'x'\n", encoding="utf-8")
    done = _doctor(config=config)
    assert done.returncode == 3
    assert "unknown setting 'kiosk.centre_nam'" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_local_machine_reads_real_facts(tmp_path: Path) -> None:
    machine = LocalMachine()
    assert machine.cpu().arch
    glibc = machine.glibc()
    assert glibc is not None and glibc >= (2, 17)
    assert machine.user().uid == os.geteuid()
    total, free = machine.disk_free(tmp_path / "not" / "yet")
    assert 0 < free <= total
    assert machine.memory().total > 0
    assert machine.read_text(tmp_path / "missing") is None
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "s.sock"))
    try:
        info = machine.stat(tmp_path / "s.sock")
        assert info is not None and info.kind == "socket"
    finally:
        listener.close()
    secret = tmp_path / "secret"
    secret.write_text("x", encoding="utf-8")
    assert machine.readable_by_me(secret)
    assert not machine.readable_by_me(tmp_path / "missing")
    assert not machine.layout().installed
    reached = machine.reach(["https://name.invalid/"])
    assert reached[0].error and not reached[0].resolved
