"""The Linux installer, really run in a throw-away Debian 12 root (mmdebstrap + chroot).

One root for the module: a machine that cannot run the kiosk is refused and left as it
was; then the installer runs for real (apt-get included), and the users, units, files,
modes and settings it promises are checked; it runs again with other answers; then the
uninstaller removes everything, twice. The kiosk itself is a stand-in here (a script that
records how it was called): the real bundle is built and tested by test_bundle_build.py.
"""

from __future__ import annotations

import configparser
import os
import shutil
import tarfile
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import from_mapping
from kiosk.doctor import installed
from kiosk.doctor.checks_security import check_print_job_files, udisks_defaults
from kiosk.doctor.model import Status
from tests.installer.debian_root import make_root, run_in
from tests.unit.doctor.fakes import FakeMachine

pytestmark = pytest.mark.slow_installer

REPO = Path(__file__).resolve().parents[2]
PIN = "482913"
CENTRE = 'Päiväkeskus "Testi" \\ Itä'
STUB = """#!/bin/sh
# A stand-in for the kiosk: records each call (user id and arguments).
echo "$(id -u) $*" >> /var/log/kiosk-stub-calls
case "$1" in
  --version) echo "kiosk 0.0.0-stub" ;;
  admin) if [ "$2" = set-pin ]; then read -r pin; echo "$pin" > /var/log/kiosk-stub-pin; fi ;;
  pair)
    # As the real "kiosk pair": a refused code exits 1; a good one stores the device token
    # with the file store (kiosk/secrets.py) under KIOSK_DATA_DIR.
    [ "$3" = "GOOD-CODE" ] || { echo "The help desk did not accept the code." >&2; exit 1; }
    mkdir -p "$KIOSK_DATA_DIR/private" && chmod 700 "$KIOSK_DATA_DIR/private"
    echo '{"device_token": "token-from-stub"}' > "$KIOSK_DATA_DIR/private/secrets.json"
    chmod 600 "$KIOSK_DATA_DIR/private/secrets.json" ;;
esac
exit 0
"""


def _stub_bundle(dest: Path) -> Path:
    folder = dest / "digituki-kiosk"
    libexec = folder / "_internal" / "PySide6" / "Qt" / "libexec"
    libexec.mkdir(parents=True)
    (folder / "digituki-kiosk").write_text(STUB, encoding="utf-8")
    (folder / "digituki-kiosk").chmod(0o755)
    (libexec / "QtWebEngineProcess").write_text("#!/bin/sh\n", encoding="utf-8")
    (libexec / "QtWebEngineProcess").chmod(0o755)
    archive = dest / "digituki-kiosk-linux-x86_64.tar.xz"
    with tarfile.open(archive, "w:xz") as tar:
        tar.add(folder, arcname="digituki-kiosk")
    return archive


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    started = time.monotonic()
    base = tmp_path_factory.mktemp("debian")
    made = make_root(base / "root")
    print(f"\n[debian root] mmdebstrap: {time.monotonic() - started:.0f} s")
    kit = made / "root" / "kit"
    (kit / "installer").mkdir(parents=True)
    shutil.copytree(REPO / "installer" / "linux", kit / "installer" / "linux")
    shutil.copy(REPO / "INSTALL.md", kit / "INSTALL.md")
    _stub_bundle(made / "root")
    yield made


def _install(root: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None):
    return run_in(root, "/root/kit/installer/linux/install.sh", *args, stdin=stdin, env=env)


def _snapshot(root: Path) -> set[tuple[str, int, int]]:
    """Every path under the places an install changes, with its mode and size."""
    found = set()
    for top in ("etc", "opt", "var/lib", "usr/local"):
        for dirpath, dirnames, filenames in os.walk(root / top):
            for name in dirnames + filenames:
                path = Path(dirpath) / name
                info = path.lstat()
                found.add((str(path.relative_to(root)), info.st_mode, info.st_size))
    return found


def _mode(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return info.st_uid, info.st_gid, info.st_mode & 0o7777


def _ids(root: Path, name: str) -> tuple[int, int]:
    for line in (root / "etc" / "passwd").read_text().splitlines():
        fields = line.split(":")
        if fields[0] == name:
            return int(fields[2]), int(fields[3])
    raise AssertionError(f"no user {name}")


def _fake_proc(root: Path, flags: str, mem_kb: int) -> str:
    folder = root / "tmp" / f"proc-{mem_kb}-{len(flags)}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cpuinfo").write_text(f"processor\t: 0\nflags\t\t: {flags}\n", encoding="utf-8")
    (folder / "meminfo").write_text(f"MemTotal:       {mem_kb} kB\n", encoding="utf-8")
    return "/" + str(folder.relative_to(root))


V2 = "fpu sse sse2 ssse3 cx16 sse4_1 sse4_2 popcnt lahf_lm"


def test_a_machine_that_cannot_run_the_kiosk_is_refused_and_left_as_it_was(root: Path) -> None:
    before = _snapshot(root)
    old_cpu = _install(
        root, "--yes", "--bundle", "/root/digituki-kiosk-linux-x86_64.tar.xz",
        env={"KIOSK_INSTALL_PROC": _fake_proc(root, "fpu sse sse2 cx16", 4_000_000)},
    )  # fmt: skip
    assert old_cpu.returncode == 1
    assert "processor is too old" in old_cpu.stderr
    assert "sse4_2" in old_cpu.stderr
    small = _install(
        root, "--yes", "--bundle", "/root/digituki-kiosk-linux-x86_64.tar.xz",
        env={"KIOSK_INSTALL_PROC": _fake_proc(root, V2, 1_000_000)},
    )  # fmt: skip
    assert small.returncode == 1
    assert "at least 2 GB" in small.stderr
    bad_pin = _install(
        root, "--yes", "--pin-stdin", "--bundle", "/root/digituki-kiosk-linux-x86_64.tar.xz",
        stdin="12ab\n",
    )  # fmt: skip
    assert bad_pin.returncode == 1
    assert "6 to 12 digits" in bad_pin.stderr
    no_bundle = _install(root, "--yes", "--bundle", "/root/nothing.tar.xz")
    assert no_bundle.returncode == 1
    assert "bundle was not found" in no_bundle.stderr
    assert _snapshot(root) == before


def test_install_leaves_the_user_units_files_and_settings_it_promises(root: Path) -> None:
    started = time.monotonic()
    done = _install(
        root, "--yes", "--pin-stdin", "--bundle", "/root/digituki-kiosk-linux-x86_64.tar.xz",
        "--centre", CENTRE, "--usb", "read-only", "--printer", "Office",
        stdin=PIN + "\n",
    )  # fmt: skip
    print(f"\n[debian root] install.sh (apt-get included): {time.monotonic() - started:.0f} s")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The kiosk is installed" in done.stdout

    # The kiosk user: unprivileged, no shell, no password, the seat's groups.
    uid, gid = _ids(root, "kiosk")
    passwd = next(
        line for line in (root / "etc/passwd").read_text().splitlines() if line.startswith("kiosk:")
    )
    assert passwd.endswith(":/usr/sbin/nologin")
    groups = run_in(root, "id", "-nG", "kiosk").stdout.split()
    assert {"video", "input", "render"} <= set(groups)
    assert not {"sudo", "lpadmin", "adm", "root"} & set(groups)
    assert run_in(root, "passwd", "-S", "kiosk").stdout.split()[1] == "L"

    # The program, owned by root.
    program = root / "opt/digituki-kiosk/digituki-kiosk"
    assert _mode(program) == (0, 0, 0o755)
    assert _mode(root / "opt/digituki-kiosk") == (0, 0, 0o755)

    # Settings: root's file, readable by the kiosk user, valid for the kiosk.
    settings = root / "etc/digituki-kiosk/kiosk.toml"
    assert _mode(settings) == (0, gid, 0o640)
    parsed = from_mapping(tomllib.loads(settings.read_text(encoding="utf-8")))
    assert parsed.kiosk.centre_name == CENTRE
    assert parsed.printing.printer == "Office"
    assert parsed.lockdown.allow_removable_media is True
    as_kiosk = ("runuser", "-u", "kiosk", "--")
    assert run_in(root, *as_kiosk, "cat", "/etc/digituki-kiosk/kiosk.toml").returncode == 0
    write = run_in(root, *as_kiosk, "sh", "-c", "echo x >> /etc/digituki-kiosk/kiosk.toml")
    assert write.returncode != 0

    # Data for the kiosk user; the admin verifier's state out of its reach.
    assert _mode(root / "var/lib/digituki-kiosk") == (0, 0, 0o755)
    assert _mode(root / "var/lib/digituki-kiosk/data") == (uid, gid, 0o700)
    assert _mode(root / "var/lib/digituki-kiosk/admin") == (0, 0, 0o700)
    peek = run_in(root, *as_kiosk, "ls", "/var/lib/digituki-kiosk/admin")
    assert peek.returncode != 0 and "Permission denied" in peek.stderr

    # The admin PIN went to the kiosk's own command, as root, on standard input.
    calls = (root / "var/log/kiosk-stub-calls").read_text().splitlines()
    assert "0 admin set-pin" in calls
    assert not any(PIN in call for call in calls)
    assert (root / "var/log/kiosk-stub-pin").read_text().strip() == PIN

    # Units: installed, enabled, and systemd-analyze verify finds nothing wrong with them.
    units = root / "etc/systemd/system"
    for unit in (installed.KIOSK_UNIT, installed.ADMIN_UNIT):
        assert _mode(units / unit) == (0, 0, 0o644)
    assert (units / "graphical.target.wants" / installed.KIOSK_UNIT).is_symlink()
    assert (units / "multi-user.target.wants" / installed.ADMIN_UNIT).is_symlink()
    verify = run_in(
        root,
        "systemd-analyze",
        "verify",
        f"/etc/systemd/system/{installed.KIOSK_UNIT}",
        f"/etc/systemd/system/{installed.ADMIN_UNIT}",
    )
    ours = [line for line in (verify.stdout + verify.stderr).splitlines() if "digituki" in line]
    assert verify.returncode == 0 and not ours, verify.stderr
    kiosk_unit = (units / installed.KIOSK_UNIT).read_text()
    assert "User=kiosk" in kiosk_unit and "Restart=always" in kiosk_unit
    assert "supervise --config /etc/digituki-kiosk/kiosk.toml" in kiosk_unit
    assert "no-sandbox" not in kiosk_unit
    assert "cage -d --" in kiosk_unit  # no -s: no VT switching
    assert str((units / "ctrl-alt-del.target").readlink()) == "/dev/null"
    assert str((units / "default.target").readlink()).endswith("graphical.target")

    # The OS's own doors.
    logind = configparser.ConfigParser()
    logind.optionxform = str  # type: ignore[assignment,method-assign]
    logind.read(root / "etc/systemd/logind.conf.d/50-digituki-kiosk.conf")
    promised = {
        "NAutoVTs": "0", "ReserveVT": "0", "HandlePowerKey": "ignore",
        "HandleLidSwitch": "ignore", "HandleSuspendKey": "ignore",
    }  # fmt: skip
    assert {key: logind["Login"].get(key) for key in promised} == promised
    system = configparser.ConfigParser()
    system.read(root / "etc/systemd/system.conf.d/50-digituki-kiosk.conf")
    assert system["Manager"]["CtrlAltDelBurstAction"] == "none"
    assert "kernel.sysrq = 0" in (root / "etc/sysctl.d/50-digituki-kiosk.conf").read_text()
    rule = (root / "etc/polkit-1/rules.d/50-digituki-kiosk.rules").read_text()
    assert "var ALLOW_REMOVABLE_MEDIA = true;" in rule
    assert {"ro", "noexec"} <= udisks_defaults(
        (root / "etc/udisks2/mount_options.conf").read_text()
    )

    # CUPS keeps no printed document nor its history: kiosk doctor's check passes.
    machine = FakeMachine()
    machine.texts[installed.CUPSD_CONF] = (root / "etc/cups/cupsd.conf").read_text()
    cups = check_print_job_files(machine)
    assert cups.status is Status.OK, cups

    # The packages the kiosk needs are really installed.
    for package in ("cage", "udisks2", "polkitd", "cups", "libnss3", "libxcb-cursor0",
                    "speech-dispatcher"):  # fmt: skip
        status = run_in(root, "dpkg-query", "-W", "-f=${Status}", package).stdout
        assert status == "install ok installed", package


def test_install_again_changes_the_answers_and_nothing_else(root: Path) -> None:
    done = _install(
        root, "--yes", "--bundle", "/root/digituki-kiosk-linux-x86_64.tar.xz",
        "--centre", "Toinen", "--usb", "none",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (root / "etc/passwd").read_text().count("\nkiosk:") == 1
    rule = (root / "etc/polkit-1/rules.d/50-digituki-kiosk.rules").read_text()
    assert "var ALLOW_REMOVABLE_MEDIA = false;" in rule
    settings = tomllib.loads((root / "etc/digituki-kiosk/kiosk.toml").read_text())
    assert settings["kiosk"]["centre_name"] == "Toinen"
    assert (root / "etc/digituki-kiosk/kiosk.toml.previous").is_file()
    assert not (root / "opt/digituki-kiosk.new").exists()


def test_a_paired_kiosk_keeps_its_token_where_only_the_kiosk_user_reads_it(root: Path) -> None:
    done = _install(
        root, "--yes", "--bundle", "/root/digituki-kiosk-linux-x86_64.tar.xz",
        "--helpdesk", "https://helpdesk.example.org", "--pairing-code", "GOOD-CODE",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    uid, gid = _ids(root, "kiosk")
    private = root / "var/lib/digituki-kiosk/data/private"
    assert _mode(private) == (uid, gid, 0o700)
    assert _mode(private / "secrets.json") == (uid, gid, 0o600)
    assert "token-from-stub" in (private / "secrets.json").read_text()
    settings = tomllib.loads((root / "etc/digituki-kiosk/kiosk.toml").read_text())
    assert settings["helpdesk"]["url"] == "https://helpdesk.example.org"


def test_uninstall_removes_everything_and_can_run_twice(root: Path) -> None:
    done = run_in(root, "/root/kit/installer/linux/uninstall.sh")
    assert done.returncode == 0, done.stderr
    gone = [
        "opt/digituki-kiosk", "etc/digituki-kiosk", "var/lib/digituki-kiosk",
        "etc/systemd/system/digituki-kiosk.service",
        "etc/systemd/system/digituki-kiosk-admin.service",
        "etc/systemd/system/graphical.target.wants/digituki-kiosk.service",
        "etc/systemd/system/multi-user.target.wants/digituki-kiosk-admin.service",
        "etc/systemd/logind.conf.d/50-digituki-kiosk.conf",
        "etc/systemd/system.conf.d/50-digituki-kiosk.conf",
        "etc/sysctl.d/50-digituki-kiosk.conf", "etc/polkit-1/rules.d/50-digituki-kiosk.rules",
        "etc/udisks2/mount_options.conf", "etc/systemd/system/ctrl-alt-del.target",
        "usr/local/bin/digituki-kiosk", "etc/apparmor.d/digituki-kiosk-webengine",
    ]  # fmt: skip
    left = [path for path in gone if (root / path).exists() or (root / path).is_symlink()]
    assert not left
    assert "\nkiosk:" not in (root / "etc/passwd").read_text()
    assert "\nkiosk:" not in (root / "etc/group").read_text()
    cupsd = (root / "etc/cups/cupsd.conf").read_text()
    assert "Digituki" not in cupsd and "digituki" not in cupsd
    again = run_in(root, "/root/kit/installer/linux/uninstall.sh")
    assert again.returncode == 0, again.stderr


def test_a_wrong_pairing_code_stops_and_leaves_the_machine_as_it_was(root: Path) -> None:
    # After the uninstall: the system packages are still there, so nothing else may change.
    before = _snapshot(root)
    done = _install(
        root, "--yes", "--bundle", "/root/digituki-kiosk-linux-x86_64.tar.xz",
        "--helpdesk", "https://helpdesk.example.org", "--pairing-code", "WRONG",
    )  # fmt: skip
    assert done.returncode == 1
    assert "did not accept the code" in done.stderr
    assert "pairing with the help desk failed" in done.stderr
    assert "Nothing was changed" in done.stderr
    assert _snapshot(root) == before
    assert "\nkiosk:" not in (root / "etc/passwd").read_text()
