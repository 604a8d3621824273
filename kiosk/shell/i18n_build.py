"""Compile the translation catalogues (.ts) into the files Qt loads (.qm).

Run by ``scripts/setup``: ``python -m kiosk.shell.i18n_build``. The ``.qm`` files are
build output and are not kept in git.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.shell.i18n import translations_dir


def _lrelease() -> str:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease was not found; is PySide6 installed in this Python?")
    return found


def build(folder: Path | None = None) -> list[Path]:
    folder = folder or translations_dir()
    built = []
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            built.append(target)
            continue
        result = subprocess.run(
            [_lrelease(), "-silent", str(source), "-qm", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not target.exists():
            raise SystemExit(f"could not compile {source}:\n{result.stdout}{result.stderr}")
        built.append(target)
    return built


if __name__ == "__main__":
    build()
