"""A short Python script run in a fresh interpreter against a kiosk of its own (offscreen,
its own folders), whose last line of output is a JSON report: for what must be seen from
a clean start (the modules the first screen loads, Qt's input method set up or not)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def kiosk_env(tmp_path: Path) -> dict[str, str]:
    """This environment, offscreen, with the kiosk's folders under ``tmp_path``."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KIOSK_DATA_DIR=str(tmp_path / "data"),
        KIOSK_RUNTIME_DIR=str(tmp_path / "runtime"),
        KIOSK_CONFIG=str(tmp_path / "none.toml"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
    )
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    return env


def run_child(
    script: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``script`` with ``python -c`` in the repository; its exit code and output."""
    return subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_script(script: str, env: dict[str, str], timeout: float = 120) -> dict[str, Any]:
    """Run ``script`` with ``python -c``; it must succeed; its last line, parsed."""
    out = run_child(script, env, timeout)
    assert out.returncode == 0, out.stderr[-3000:]
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result
