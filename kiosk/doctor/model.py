"""What a check found: a status, what it saw and, when it is not ok, how to fix it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


#: ``kiosk doctor``'s exit codes: all fine, only warnings, at least one error.
EXIT_BY_STATUS = {Status.OK: 0, Status.WARNING: 1, Status.ERROR: 2}


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check. ``detail`` says what was seen; ``fix`` what to do (empty when ok)."""

    id: str
    title: str
    status: Status
    detail: str
    fix: str = ""

    def __post_init__(self) -> None:
        if self.status is not Status.OK and not self.fix:
            raise ValueError(f"check {self.id}: a warning or an error must say how to fix it")


def ok(check_id: str, title: str, detail: str) -> CheckResult:
    return CheckResult(check_id, title, Status.OK, detail)


def warning(check_id: str, title: str, detail: str, fix: str) -> CheckResult:
    return CheckResult(check_id, title, Status.WARNING, detail, fix)


def error(check_id: str, title: str, detail: str, fix: str) -> CheckResult:
    return CheckResult(check_id, title, Status.ERROR, detail, fix)


def worst(results: Sequence[CheckResult]) -> Status:
    statuses = {r.status for r in results}
    for status in (Status.ERROR, Status.WARNING):
        if status in statuses:
            return status
    return Status.OK


def exit_code(results: Sequence[CheckResult]) -> int:
    return EXIT_BY_STATUS[worst(results)]


def to_json(results: Sequence[CheckResult], *, version: str) -> str:
    report = {
        "version": version,
        "status": worst(results).value,
        "exit_code": exit_code(results),
        "checks": [{**asdict(r), "status": r.status.value} for r in results],
    }
    return json.dumps(report, ensure_ascii=False, indent=2)


def to_text(results: Sequence[CheckResult]) -> str:
    """The report for a person at a terminal: problems first, each with its fix."""
    marks = {Status.OK: "ok   ", Status.WARNING: "WARN ", Status.ERROR: "ERROR"}
    order = {Status.ERROR: 0, Status.WARNING: 1, Status.OK: 2}
    lines: list[str] = []
    for result in sorted(results, key=lambda r: order[r.status]):
        lines.append(f"[{marks[result.status]}] {result.title}: {result.detail}")
        if result.fix:
            lines.extend(f"          {line}" for line in result.fix.splitlines())
    errors = sum(r.status is Status.ERROR for r in results)
    warnings = sum(r.status is Status.WARNING for r in results)
    lines.append("")
    lines.append(f"{len(results)} checks: {errors} error(s), {warnings} warning(s).")
    return "\n".join(lines)
