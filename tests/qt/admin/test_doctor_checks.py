"""The admin panel's "Check this PC" runs kiosk doctor's checks in a process of its own
and shows them as the terminal does: problems first, each with its fix. A doctor that
fails, is missing or hangs is said so plainly, and the kiosk never waits for it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.admin.qt.checks import DoctorChecks
from tests.qt.conftest import MakeKiosk

REPORT = {
    "checks": [
        {"id": "cpu", "title": "Processor", "status": "ok", "detail": "x86-64-v2", "fix": ""},
        {
            "id": "printers",
            "title": "Printers",
            "status": "warning",
            "detail": "no printer is set up",
            "fix": "Set printing.printer in the settings.",
        },
    ]
}


def _checks(qtbot: QtBot, command: list[str]) -> DoctorChecks:
    checks = DoctorChecks(command)
    qtbot.addWidget(checks)
    return checks


def test_the_results_are_shown_problems_first_with_their_fix(qtbot: QtBot) -> None:
    script = f"import json; print(json.dumps({REPORT!r}))"
    checks = _checks(qtbot, [sys.executable, "-c", script])
    qtbot.mouseClick(checks.run_button, Qt.MouseButton.LeftButton)
    assert checks.running and not checks.run_button.isEnabled()
    assert "minute" in checks.status.text()
    qtbot.waitUntil(lambda: not checks.running, timeout=15000)
    assert checks.status.text() == "Problems found: 1. Each says how to fix it."
    assert checks.results.text() == (
        "Warning: Printers\nno printer is set up\nFix: Set printing.printer in the settings."
        "\n\nOK: Processor"
    )
    assert checks.run_button.isEnabled()
    checks.reset()  # admin mode ends
    assert checks.findings is None and checks.results.text() == ""


def test_a_doctor_that_says_nothing_useful_is_reported(qtbot: QtBot) -> None:
    checks = _checks(qtbot, [sys.executable, "-c", "print('Traceback: boom')"])
    checks.run()
    qtbot.waitUntil(lambda: not checks.running, timeout=15000)
    assert checks.status.text().startswith("The checks did not give a report.")
    assert checks.results.text() == ""


def test_a_missing_doctor_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    checks = _checks(qtbot, [str(tmp_path / "no-such-kiosk"), "doctor", "--json"])
    checks.run()
    qtbot.waitUntil(lambda: not checks.running, timeout=15000)
    assert checks.status.text().startswith("The checks could not be started.")


def test_a_hanging_doctor_is_stopped(qtbot: QtBot) -> None:
    # A doctor that never answers: it reads its input, which stays open, until killed.
    checks = _checks(qtbot, [sys.executable, "-c", "import sys; sys.stdin.read()"])
    checks._timeout.setInterval(300)  # two minutes in the product
    checks.run()
    qtbot.waitUntil(lambda: not checks.running, timeout=15000)
    assert checks.status.text() == "The checks took over two minutes and were stopped."
    assert checks.run_button.isEnabled()


def test_the_panel_shows_the_same_checks_as_kiosk_doctor(
    qtbot: QtBot, make_kiosk: MakeKiosk
) -> None:
    kiosk = make_kiosk(start=False)
    checks = kiosk.admin.panel.health.checks
    assert checks.command == paths.kiosk_command("doctor", "--json")
    checks.run()
    qtbot.waitUntil(lambda: not checks.running, timeout=120000)
    assert checks.findings is not None, checks.status.text()
    doctor = subprocess.run(
        paths.kiosk_command("doctor", "--json"), capture_output=True, text=True, check=False
    )
    titles = sorted(c["title"] for c in json.loads(doctor.stdout)["checks"])
    assert sorted(f.title for f in checks.findings) == titles
