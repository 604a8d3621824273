"""The admin screens' catalogues (Finnish and Swedish) are complete, in step with the
code of kiosk/admin, and well-formed; and the visitor's catalogues hold none of them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.admin.qt.i18n import TRANSLATED, catalogue
from kiosk.shell import i18n_build

ROOT = Path(__file__).resolve().parents[3]
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _sources() -> list[str]:
    found = subprocess.run(
        ["grep", "-rlE", r"\.tr\(|translate\(", "kiosk/admin", "--include=*.py"],
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
    folder = tmp_path_factory.mktemp("admin-ts")
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    out = {}
    for code in TRANSLATED:
        copy = folder / f"admin_{code}.ts"
        shutil.copy(catalogue(code, ".ts"), copy)
        subprocess.run(
            [str(lupdate), "-silent", "-locations", "none", *_sources(), "-ts", str(copy)],
            cwd=ROOT,
            check=True,
        )
        out[code] = copy
    return out


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_admin_text_is_translated(code: str, refreshed: dict[str, Path]) -> None:
    problems = []
    for message in _messages(refreshed[code]):
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind == "unfinished" or not (translation.text or "").strip():
            problems.append(f"not translated: {message.findtext('source')!r}")
        elif kind in ("vanished", "obsolete"):
            problems.append(f"no longer in the code: {message.findtext('source')!r}")
    assert not problems, f"admin_{code}.ts:\n" + "\n".join(problems)


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_match(code: str) -> None:
    for message in _messages(Path(catalogue(code, ".ts"))):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        assert sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(translation))


def test_the_visitors_catalogues_hold_no_admin_text() -> None:
    admin = {m.findtext("source") for m in _messages(Path(catalogue("fi", ".ts")))}
    visitor = ROOT / "resources" / "translations" / "kiosk_fi.ts"
    contexts = {c.findtext("name") for c in ET.parse(visitor).getroot().iter("context")}
    assert not contexts & {"CodePad", "AdminPanel", "HealthPage", "SettingsPage", "AdminMode"}
    assert admin  # and the admin catalogue is not empty


def test_admin_catalogues_compile(tmp_path: Path) -> None:
    for code in TRANSLATED:
        shutil.copy(catalogue(code, ".ts"), tmp_path)
    built = i18n_build.build(tmp_path)
    assert sorted(p.name for p in built) == sorted(f"admin_{c}.qm" for c in TRANSLATED)
