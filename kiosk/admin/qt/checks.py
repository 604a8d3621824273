"""The Health tab's "Check this PC": the same checks as ``kiosk doctor``, for staff.

The checks run as ``kiosk doctor --json`` in a process of its own: they load Qt's
libraries, open a page, try the network and can take a while, and the kiosk must never
wait on them. The results are shown as a volunteer's terminal shows them: problems first
(errors, then warnings), each with what was seen and how to fix it, then the names of
the checks that passed. Nothing of a visitor is in them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QProcess, Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk import paths
from kiosk.ui.controls import BigButton, label

#: The checks are given up (and staff told so) after this long.
TIMEOUT_MS = 120_000
_ORDER = {"error": 0, "warning": 1, "ok": 2}


@dataclass(frozen=True)
class Finding:
    status: str  # "ok", "warning" or "error"
    title: str
    detail: str
    fix: str


def parse_report(text: str) -> list[Finding] | None:
    """``kiosk doctor --json``'s report, problems first; None if it is not one."""
    try:
        report = json.loads(text)
        found = [
            Finding(str(c["status"]), str(c["title"]), str(c["detail"]), str(c.get("fix", "")))
            for c in report["checks"]
        ]
    except (ValueError, KeyError, TypeError):
        return None
    if any(f.status not in _ORDER for f in found):
        return None
    return sorted(found, key=lambda f: _ORDER[f.status])


class DoctorChecks(QWidget):
    """A button that runs the checks, a line that says how it went, and the results."""

    def __init__(self, command: Sequence[str] | None = None) -> None:
        super().__init__()
        self.setObjectName("admin-checks")
        self.command = list(command or paths.kiosk_command("doctor", "--json"))
        self.findings: list[Finding] | None = None
        self._failed = ""
        self._process: QProcess | None = None
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(TIMEOUT_MS)
        self._timeout.timeout.connect(self._on_timeout)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.heading = label("admin-checks-heading", "heading")
        self.run_button = BigButton("admin-checks-run", role="primary", icon_name="reload")
        self.run_button.clicked.connect(self.run)
        self.status = label("admin-checks-status")
        self.results = label("admin-checks-results")
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        for widget in (self.heading, self.run_button, self.status, self.results):
            column.addWidget(widget)
        self.retranslate_ui()

    @property
    def running(self) -> bool:
        return self._process is not None

    def run(self) -> None:
        if self._process is not None:
            return
        process = QProcess(self)
        process.setProgram(self.command[0])
        process.setArguments(self.command[1:])
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process
        self.findings, self._failed = None, ""
        self.run_button.setEnabled(False)
        self._timeout.start()
        process.start()
        self._render()

    def reset(self) -> None:
        """Admin mode ends: stop the checks and forget what they found."""
        self._end_process()
        self.findings, self._failed = None, ""
        self._render()

    # -- the process --------------------------------------------------------------------------
    def _on_finished(self, _code: int, _status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None:
            return
        output = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
        self._end_process()
        self.findings = parse_report(output)
        if self.findings is None:
            self._failed = self.tr(
                "The checks did not give a report. Run kiosk doctor in a terminal."
            )
        self._render()

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._end_process()
            self._failed = self.tr(
                "The checks could not be started. Run kiosk doctor in a terminal."
            )
            self._render()

    def _on_timeout(self) -> None:
        self._end_process()
        self._failed = self.tr("The checks took over two minutes and were stopped.")
        self._render()

    def _end_process(self) -> None:
        self._timeout.stop()
        process, self._process = self._process, None
        if process is None:
            return
        process.finished.disconnect(self._on_finished)
        process.errorOccurred.disconnect(self._on_error)
        if process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(2000)
        process.deleteLater()
        self.run_button.setEnabled(True)

    # -- showing ------------------------------------------------------------------------------
    def _render(self) -> None:
        if self._process is not None:
            self.status.setText(self.tr("Checking this PC. This can take a minute."))
            self.results.setText("")
            return
        if self._failed:
            self.status.setText(self._failed)
            self.results.setText("")
            return
        if self.findings is None:
            self.status.setText(
                self.tr("The same checks as kiosk doctor: computer, browser, safety, network.")
            )
            self.results.setText("")
            return
        problems = [f for f in self.findings if f.status != "ok"]
        passed = [f.title for f in self.findings if f.status == "ok"]
        self.status.setText(
            self.tr("No problems found.")
            if not problems
            else self.tr("Problems found: {count}. Each says how to fix it.").format(
                count=len(problems)
            )
        )
        marks = {"error": self.tr("ERROR"), "warning": self.tr("Warning")}
        blocks = [
            f"{marks[f.status]}: {f.title}\n{f.detail}\n" + self.tr("Fix: {fix}").format(fix=f.fix)
            for f in problems
        ]
        if passed:
            blocks.append(self.tr("OK: {names}").format(names=", ".join(passed)))
        self.results.setText("\n\n".join(blocks))

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Checks"))
        self.run_button.setText(self.tr("Check this PC"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
