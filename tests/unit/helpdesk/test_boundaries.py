"""The help desk's pure modules import neither Qt nor the web framework; the staff page's
words exist in every language; the page chooses its language sensibly."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.helpdesk.server.labels import LABELS, pick_language

PURE = ["kiosk.helpdesk.model", "kiosk.helpdesk.status", "kiosk.helpdesk.outbox",
        "kiosk.helpdesk.client", "kiosk.helpdesk.embedded", "kiosk.secrets"]  # fmt: skip


@pytest.mark.parametrize("module", PURE)
def test_pure_modules(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = [m for m in ('PySide6', 'fastapi', 'starlette', 'sqlalchemy') if m in sys.modules]; "
        "sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_server_does_not_import_qt() -> None:
    code = "import sys, kiosk.helpdesk.server.app; sys.exit(1 if 'PySide6' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_every_language_has_every_label() -> None:
    keys = set(LABELS["en"])
    for language, labels in LABELS.items():
        assert set(labels) == keys, language
        assert all(value.strip() for value in labels.values()), language


@pytest.mark.parametrize(
    ("header", "forced", "expected"),
    [
        ("sv-FI,sv;q=0.9,en;q=0.8", None, "sv"),
        ("de-DE,en;q=0.5", None, "en"),
        ("en;q=0.2,fi;q=0.9", None, "fi"),
        ("", None, "fi"),
        ("en", "sv", "sv"),
    ],
)
def test_staff_page_language(header: str, forced: str | None, expected: str) -> None:
    assert pick_language(header, forced) == expected
