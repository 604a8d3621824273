"""The admin panel reads ``kiosk doctor --json``'s report: problems first, errors before
warnings; anything that is not such a report is refused (the panel then says so)."""

from __future__ import annotations

import json

from kiosk.admin.qt.checks import Finding, parse_report


def _report(*checks: tuple[str, str]) -> str:
    return json.dumps(
        {
            "version": "0.1.0",
            "checks": [
                {"id": t.lower(), "title": t, "status": s, "detail": f"{t} seen", "fix": f"fix {t}"}
                for t, s in checks
            ],
        }
    )


def test_problems_come_first_errors_before_warnings() -> None:
    found = parse_report(_report(("Processor", "ok"), ("Disk", "warning"), ("User", "error")))
    assert found == [
        Finding("error", "User", "User seen", "fix User"),
        Finding("warning", "Disk", "Disk seen", "fix Disk"),
        Finding("ok", "Processor", "Processor seen", "fix Processor"),
    ]


def test_what_is_not_a_report_is_refused() -> None:
    assert parse_report("") is None
    assert parse_report("Traceback (most recent call last):") is None
    assert parse_report(json.dumps({"checks": [{"title": "x"}]})) is None
    assert parse_report(_report(("Disk", "fine"))) is None  # no such status
