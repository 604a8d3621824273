"""The one house rule import-linter cannot state: only ``kiosk/browser/webengine/`` uses
QtWebEngine (import-linter forbids whole external packages, not PySide6's submodules).
The other rules (pure models import no Qt, ui imports no feature, ...) are contracts in
pyproject.toml, checked by ``lint-imports`` in scripts/test.
"""

from __future__ import annotations

from pathlib import Path


def test_only_webengine_package_imports_qtwebengine() -> None:
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
