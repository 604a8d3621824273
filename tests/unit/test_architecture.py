"""Models never import Qt: the boundary STYLE.md asks for, enforced by a test.

Each listed module is imported in a fresh interpreter, which must not load PySide6.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

PURE_MODULES = [
    "kiosk.config",
    "kiosk.paths",
    "kiosk.browser.policy",
    "kiosk.guides.model",
    "kiosk.guides.loader",
    "kiosk.guides.matching",
    "kiosk.guides.progress",
    "kiosk.guides.report",
    "kiosk.session.preferences",
    "kiosk.shell.theme",
    "kiosk.shell.markup",
    # The doctor's checks are a pure list of results (its Qt probes run in a child).
    "kiosk.doctor",
    "kiosk.doctor.local",
    "kiosk.doctor.cli",
    "kiosk.selftest",
]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_does_not_import_qt(module: str) -> None:
    code = f"import sys, {module}; sys.exit(1 if 'PySide6' in sys.modules else 0)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{module} imports PySide6 (or failed): {result.stderr}"


def test_only_webengine_package_imports_qtwebengine() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "kiosk"
    offenders = []
    for file in root.rglob("*.py"):
        rel = file.relative_to(root).as_posix()
        if rel.startswith("browser/webengine/"):
            continue
        text = file.read_text(encoding="utf-8")
        if "QtWebEngineCore" in text or "QtWebEngineWidgets" in text:
            offenders.append(rel)
    assert offenders == []
