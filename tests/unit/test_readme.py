"""The README stays true: its two commands exist, and every setting is documented."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.config import setting_keys

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands() -> None:
    block = README.split("```")[1].strip().splitlines()
    commands = [line.split("#")[0].strip() for line in block]
    assert commands == ["scripts/demo", "scripts/test"]
    for command in commands:
        script = ROOT / command
        assert script.is_file() and os.access(script, os.X_OK)
    ci = (ROOT / ".ci" / "run").read_text()
    assert "scripts/test" in ci


@pytest.mark.parametrize("key", setting_keys())
def test_every_setting_is_in_the_readme(key: str) -> None:
    assert f"| `{key}` |" in README
