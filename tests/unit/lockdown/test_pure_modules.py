"""The lockdown's tables import no Qt (the Qt filters only apply them)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PURE = [
    "kiosk.lockdown.keys",
    "kiosk.lockdown.windows",
    "kiosk.lockdown.permissions",
    "kiosk.lockdown.file_types",
    "kiosk.lockdown.print_quota",
    "kiosk.lockdown.removable",
]


@pytest.mark.parametrize("module", PURE)
def test_pure_module_does_not_import_qt(module: str) -> None:
    code = f"import sys, {module}; sys.exit(1 if 'PySide6' in sys.modules else 0)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{module} imports PySide6 (or failed): {result.stderr}"
