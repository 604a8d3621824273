"""The real bundle: installer/build.py builds it with PyInstaller, and the frozen kiosk's
self-test passes offscreen (every tile against local pages, a planted state wiped, a PDF in
the viewer, the translations, the on-screen keyboard) with nothing unexpected on stderr;
ldd finds every library; the sizes are within the limits below."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from installer.build import NAME, TARGETS

#: The build's own limit (build.py's run below), not the suite's 300 s per test: on a busy
#: two-core machine PyInstaller and xz together take longer than that.
pytestmark = [pytest.mark.slow_installer, pytest.mark.timeout(1800)]

REPO = Path(__file__).resolve().parents[2]
#: The issue's target: under 350 MB on disk (the bundle is about 346 MiB: README). This
#: ceiling is that target; the compressed one is TARGETS'. (MiB, as du -sh counts.)
DISK_CEILING_MB = 350


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object], int]:
    out = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(REPO / "installer" / "build.py"), "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=1800,
    )  # fmt: skip
    print(f"\n[bundle] installer/build.py: {time.monotonic() - started:.0f} s")
    print(done.stdout[-2000:])
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    return out / NAME, report, done.returncode


def test_the_frozen_selftest_passes(built: tuple[Path, dict[str, object], int]) -> None:
    _bundle, report, code = built
    selftest = report["selftest"]
    assert isinstance(selftest, dict)
    assert selftest["ok"] is True, json.dumps(selftest, indent=2)
    names = [step["name"] for step in selftest["steps"]]
    assert names == ["start", "translations", "tiles", "wipe", "pdf-viewer", "keyboard"]
    assert selftest["unexpected_stderr"] == []
    assert code == 0


def test_ldd_finds_every_library(built: tuple[Path, dict[str, object], int]) -> None:
    assert built[1]["ldd_missing"] == {}


def test_sizes(built: tuple[Path, dict[str, object], int]) -> None:
    sizes = built[1]["sizes"]
    assert isinstance(sizes, dict)
    print(f"\n[bundle] {sizes['disk_mb']} MB on disk, {sizes['compressed_mb']} MB as .tar.xz")
    assert sizes["compressed_mb"] < TARGETS["compressed_mb"]
    assert sizes["disk_mb"] < DISK_CEILING_MB


def test_the_bundle_has_what_the_installers_expect(
    built: tuple[Path, dict[str, object], int],
) -> None:
    bundle = built[0]
    qt = bundle / "_internal" / "PySide6" / "Qt"
    # The AppArmor profile names this path; Chromium needs these packs.
    assert (qt / "libexec" / "QtWebEngineProcess").is_file()
    assert (qt / "translations" / "qtwebengine_locales" / "en-US.pak").is_file()
    assert not (qt / "translations" / "qtwebengine_locales" / "de.pak").exists()
    assert not list(bundle.rglob("libQt6Charts*"))
    assert not list((qt / "qml").glob("Qt3D*"))
    # The help-desk server is not in the bundle; its command says where it comes from.
    assert not (bundle / "_internal" / "kiosk" / "helpdesk" / "server").exists()
    serve = subprocess.run(
        [str(bundle / NAME), "helpdesk", "serve"], capture_output=True, text=True, check=False
    )
    assert serve.returncode == 2 and "pip install digituki-kiosk" in serve.stderr
    # Qt Core's ICU data is the trimmed one (installer/icu.py).
    assert next((qt / "lib").glob("libicudata.so.*")).stat().st_size < 8 * 1024 * 1024
    version = subprocess.run(
        [str(bundle / NAME), "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.startswith("kiosk ")
    guides = subprocess.run(
        [str(bundle / NAME), "guides", "check"], capture_output=True, text=True, check=False
    )
    assert guides.returncode == 0, guides.stdout
