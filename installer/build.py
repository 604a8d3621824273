"""Build the kiosk's one-folder bundle and prove it works.

    .venv/bin/python installer/build.py [--out DIR]

1. PyInstaller with kiosk.spec (trimmed by installer/trim.py) -> DIR/digituki-kiosk/
2. sizes: on disk, and as the .tar.xz the Linux installer takes (targets in TARGETS)
3. ``ldd`` on every library and program of the bundle: nothing may be "not found"
4. the frozen ``digituki-kiosk selftest`` (offscreen; see kiosk/selftest.py)

Writes DIR/build-report.json and exits non-zero when any of these fails. Run by the
slow installer tests (tests/installer/test_bundle_build.py), so CI runs it.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "digituki-kiosk"
#: Sizes in MiB, as ``du -sh`` shows them (the figures the targets were set against).
MB = 1024 * 1024
#: The issue's targets: under 350 MB on disk, under 150 MB compressed.
TARGETS = {"disk_mb": 350, "compressed_mb": 150}


def build(out: Path) -> Path:
    work = out / "work"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out),
            "--workpath",
            str(work),
            str(ROOT / "kiosk.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return out / NAME


def disk_bytes(folder: Path) -> int:
    """Bytes the folder takes on disk (allocated blocks, as ``du`` counts; links once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for path in [folder, *folder.rglob("*")]:
        info = path.lstat()
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        total += info.st_blocks * 512
    return total


def compress(folder: Path, archive: Path) -> int:
    """The .tar.xz that the Linux installer unpacks; returns its size. xz -3 on all cores:
    -6 saves about 10 MB more but takes four times as long (minutes on two cores)."""
    if shutil.which("xz") and shutil.which("tar"):
        with archive.open("wb") as out:
            tar = subprocess.Popen(
                ["tar", "-C", str(folder.parent), "-cf", "-", folder.name], stdout=subprocess.PIPE
            )
            assert tar.stdout is not None
            subprocess.run(["xz", "-T0", "-3"], stdin=tar.stdout, stdout=out, check=True)
            tar.stdout.close()
            if tar.wait() != 0:
                raise RuntimeError("tar failed")
    else:
        with (
            lzma.open(archive, "wb", preset=3) as raw,
            tarfile.open(fileobj=raw, mode="w") as tar_file,
        ):
            tar_file.add(folder, arcname=folder.name)
    return archive.stat().st_size


def missing_libraries(folder: Path) -> dict[str, list[str]]:
    """``ldd``'s "not found" for every ELF file in the bundle, with the bundle's own
    library folders on the search path (as PyInstaller's loader sets them)."""
    internal = folder / "_internal"
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        done = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        )
        missing = [
            line.split("=>")[0].strip() for line in done.stdout.splitlines() if "not found" in line
        ]
        if missing:
            found[str(path.relative_to(folder))] = missing
    return found


def selftest(folder: Path, report: Path) -> tuple[int, dict[str, object]]:
    done = subprocess.run(
        [str(folder / NAME), "selftest", "--json", str(report)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {"ok": False, "error": done.stderr[-2000:]}
    return done.returncode, data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}

    started = time.monotonic()
    bundle = build(out)
    timings["pyinstaller_s"] = round(time.monotonic() - started, 1)

    started = time.monotonic()
    archive = out / f"{NAME}-linux-x86_64.tar.xz"
    disk = disk_bytes(bundle)
    compressed = compress(bundle, archive)
    timings["compress_s"] = round(time.monotonic() - started, 1)

    missing = missing_libraries(bundle) if shutil.which("ldd") else {"ldd": ["not installed"]}

    started = time.monotonic()
    code, test = selftest(bundle, out / "selftest-report.json")
    timings["selftest_s"] = round(time.monotonic() - started, 1)

    sizes = {"disk_mb": round(disk / MB, 1), "compressed_mb": round(compressed / MB, 1)}
    report = {
        "bundle": str(bundle),
        "archive": str(archive),
        "sizes": sizes,
        "targets": TARGETS,
        "targets_met": {key: sizes[key] < TARGETS[key] for key in TARGETS},
        "ldd_missing": missing,
        "selftest_exit_code": code,
        "selftest": test,
        "timings": timings,
    }
    (out / "build-report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: report[k] for k in ("sizes", "targets_met", "ldd_missing", "timings")}))
    print(
        f"self-test: {'passed' if code == 0 else 'FAILED'} (report: {out / 'selftest-report.json'})"
    )
    return 0 if code == 0 and not missing else 1


if __name__ == "__main__":
    sys.exit(main())
