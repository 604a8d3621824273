"""The translation catalogues are complete, in step with the code, and well-formed.

Fails on missing, unfinished or orphaned strings and on placeholder mismatches.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.languages import SOURCE_LANGUAGE, UI_LANGUAGES
from kiosk.shell import i18n_build
from kiosk.shell.i18n import catalogue

ROOT = Path(__file__).resolve().parents[3]
TRANSLATED = [code for code in UI_LANGUAGES if code != SOURCE_LANGUAGE]
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _sources() -> list[str]:
    found = subprocess.run(
        # (kiosk/admin has catalogues of its own: tests/unit/admin/test_admin_translations.py)
        ["grep", "-rlE", r"\.tr\(|translate\(", "kiosk", "--include=*.py", "--exclude-dir=admin"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(found.stdout.split())


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each catalogue, run through lupdate against today's code (in a copy)."""
    folder = tmp_path_factory.mktemp("ts")
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    out: dict[str, Path] = {}
    for code in TRANSLATED:
        copy = folder / f"kiosk_{code}.ts"
        shutil.copy(catalogue(code, ".ts"), copy)
        subprocess.run(
            [str(lupdate), "-silent", "-locations", "none", *_sources(), "-ts", str(copy)],
            cwd=ROOT,
            check=True,
        )
        out[code] = copy
    return out


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_exists(code: str) -> None:
    assert catalogue(code, ".ts").is_file()


@pytest.mark.parametrize("code", TRANSLATED)
def test_nothing_missing_unfinished_or_orphaned(code: str, refreshed: dict[str, Path]) -> None:
    problems = []
    for message in _messages(refreshed[code]):
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind == "unfinished" or not (translation.text or "").strip():
            problems.append(f"not translated: {source!r}")
        elif kind in ("vanished", "obsolete"):
            problems.append(f"no longer in the code: {source!r}")
    assert not problems, f"kiosk_{code}.ts:\n" + "\n".join(problems)


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_is_in_step_with_code(code: str, refreshed: dict[str, Path]) -> None:
    committed = {m.findtext("source") for m in _messages(catalogue(code, ".ts"))}
    current = {
        m.findtext("source")
        for m in _messages(refreshed[code])
        if m.find("translation") is not None
        and m.find("translation").get("type") not in ("vanished", "obsolete")  # type: ignore[union-attr]
    }
    assert committed == current, "run scripts/update-translations and translate"


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_match(code: str) -> None:
    for message in _messages(catalogue(code, ".ts")):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        assert sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(translation)), (
            f"{code}: {source!r} -> {translation!r}"
        )


def test_catalogues_compile(tmp_path: Path) -> None:
    for code in TRANSLATED:
        shutil.copy(catalogue(code, ".ts"), tmp_path)
    built = i18n_build.build(tmp_path)
    assert sorted(p.name for p in built) == sorted(f"kiosk_{c}.qm" for c in TRANSLATED)
    assert all(p.stat().st_size > 100 for p in built)
