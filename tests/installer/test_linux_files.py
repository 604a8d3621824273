"""The Linux installer's files, checked without a Debian root: every shell script passes
shellcheck, the polkit rule decides as promised (run in node with a stand-in polkit), the
udisks2 options parse and never allow writing or running, the installer's own checks stop
on a PC that cannot run the kiosk."""

from __future__ import annotations

import configparser
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.doctor.checks_security import udisks_defaults

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "installer" / "linux"
FILES = LINUX / "files"


def _shell_scripts() -> list[Path]:
    found = []
    candidates = [*REPO.glob("installer/**/*"), *REPO.glob("scripts/*"), REPO / ".ci/run"]
    for path in sorted(candidates):
        if not path.is_file():
            continue
        first = path.read_bytes()[:64]
        shebang = first.startswith(b"#!") and (b"bash" in first or b"/sh" in first)
        if path.suffix == ".sh" or shebang:
            found.append(path)
    return found


def test_shellcheck_is_clean_on_every_shell_script() -> None:
    scripts = _shell_scripts()
    assert LINUX / "install.sh" in scripts and REPO / "scripts/setup" in scripts
    done = subprocess.run(
        ["shellcheck", "-x", *map(str, scripts)], capture_output=True, text=True, cwd=REPO,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout


_POLKIT_HARNESS = """
const fs = require("fs");
const decisions = {};
const polkit = {
  Result: {YES: "yes", NO: "no", NOT_HANDLED: "not handled"},
  rules: [],
  addRule(rule) { this.rules.push(rule); },
};
eval(fs.readFileSync(process.argv[2], "utf8"));
for (const [user, action] of JSON.parse(process.argv[3])) {
  decisions[user + " " + action] = polkit.rules[0]({id: action}, {user: user});
}
console.log(JSON.stringify(decisions));
"""
ACTIONS = [
    ["kiosk", "org.freedesktop.udisks2.filesystem-mount"],
    ["kiosk", "org.freedesktop.udisks2.filesystem-mount-other-seat"],
    ["kiosk", "org.freedesktop.udisks2.modify-device"],
    ["kiosk", "org.freedesktop.udisks2.format"],
    ["kiosk", "org.freedesktop.udisks2.filesystem-unmount-others"],
    ["kiosk", "org.opensuse.cupspkhelper.mechanism.all-edit"],
    ["kiosk", "org.freedesktop.login1.power-off"],
    ["kiosk", "org.freedesktop.NetworkManager.settings.modify.system"],
    ["volunteer", "org.freedesktop.udisks2.format"],
]


def _polkit_decisions(tmp_path: Path, allow: bool) -> dict[str, str]:
    rule = (FILES / "polkit.rules.in").read_text(encoding="utf-8")
    assert rule.count("@ALLOW_REMOVABLE_MEDIA@") == 1
    path = tmp_path / f"rule-{allow}.js"
    path.write_text(rule.replace("@ALLOW_REMOVABLE_MEDIA@", str(allow).lower()), encoding="utf-8")
    harness = tmp_path / "harness.js"
    harness.write_text(_POLKIT_HARNESS, encoding="utf-8")
    done = subprocess.run(
        ["node", str(harness), str(path), json.dumps(ACTIONS)], capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("allow", [True, False])
def test_the_polkit_rule_denies_the_kiosk_user_everything_but_a_mount(
    tmp_path: Path, allow: bool
) -> None:
    decisions = _polkit_decisions(tmp_path, allow)
    mount = decisions.pop("kiosk org.freedesktop.udisks2.filesystem-mount")
    assert mount == ("yes" if allow else "no")
    assert decisions.pop("volunteer org.freedesktop.udisks2.format") == "not handled"
    assert set(decisions.values()) == {"no"}, decisions


def test_the_udisks2_options_mount_read_only_and_allow_nothing_else() -> None:
    text = (FILES / "mount_options.conf").read_text(encoding="utf-8")
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    section = parser["defaults"]
    defaults = [key for key in section if key.endswith("defaults")]
    allows = [key for key in section if key.endswith("allow")]
    assert "defaults" in defaults and "vfat_defaults" in defaults and "ntfs_defaults" in defaults
    for key in defaults:
        options = set(section[key].split(","))
        assert {"ro", "noexec", "nosuid", "nodev"} <= options, key
        assert "rw" not in options and "exec" not in options, key
    for key in allows:
        options = set(section[key].split(","))
        assert not {"rw", "exec", "suid", "dev"} & options, key
    assert udisks_defaults(text) == {"ro", "noexec", "nosuid", "nodev"}
    assert udisks_defaults("not [an ini") == set()


def test_the_logind_system_and_sysctl_settings_parse() -> None:
    logind = configparser.ConfigParser()
    logind.optionxform = str  # type: ignore[assignment,method-assign]
    logind.read(FILES / "logind.conf")
    assert logind["Login"]["NAutoVTs"] == "0"
    assert logind["Login"]["HandlePowerKey"] == "ignore"
    system = configparser.ConfigParser()
    system.optionxform = str  # type: ignore[assignment,method-assign]
    system.read(FILES / "system.conf")
    assert system["Manager"]["CtrlAltDelBurstAction"] == "none"
    sysctl = dict(
        line.split("=", 1) for line in (FILES / "sysctl.conf").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    )  # fmt: skip
    assert {k.strip(): v.strip() for k, v in sysctl.items()} == {"kernel.sysrq": "0"}


def test_the_apparmor_profile_lets_the_bundles_webengine_process_make_namespaces(
    tmp_path: Path,
) -> None:
    text = (FILES / "apparmor-webengine.in").read_text(encoding="utf-8")
    profile = text.replace("@PROGRAM_DIR@", "/opt/digituki-kiosk")
    match = re.search(r"^profile (\S+) (\S+) flags=\(unconfined\) \{$", profile, re.M)
    assert match, "profile line"
    assert match.group(1) == "digituki-kiosk-webengine"
    assert match.group(2) == "/opt/digituki-kiosk/_internal/PySide6/Qt/libexec/QtWebEngineProcess"
    body = profile[match.end() :]
    assert re.search(r"^\s+userns,$", body, re.M)
    assert body.count("{") + 1 == body.count("}")
    if shutil.which("apparmor_parser") and Path("/etc/apparmor.d/abi/4.0").exists():
        file = tmp_path / "profile"
        file.write_text(profile, encoding="utf-8")
        done = subprocess.run(
            ["apparmor_parser", "-Q", "-K", "-T", str(file)], capture_output=True, text=True,
            check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr


def _check_only(tmp_path: Path, flags: str, mem_kb: int) -> subprocess.CompletedProcess[str]:
    proc = tmp_path / "proc"
    proc.mkdir(exist_ok=True)
    (proc / "cpuinfo").write_text(f"processor\t: 0\nflags\t\t: {flags}\n", encoding="utf-8")
    (proc / "meminfo").write_text(f"MemTotal:       {mem_kb} kB\n", encoding="utf-8")
    return subprocess.run(
        ["bash", str(LINUX / "install.sh"), "--check-only"], capture_output=True, text=True,
        env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "KIOSK_INSTALL_PROC": str(proc)},
        check=False,
    )  # fmt: skip


V2 = "fpu sse sse2 ssse3 cx16 sse4_1 sse4_2 popcnt lahf_lm"


def test_the_installers_machine_checks_stop_with_a_plain_message(tmp_path: Path) -> None:
    fine = _check_only(tmp_path, V2, 4_000_000)
    assert fine.returncode == 0, fine.stderr
    assert "This PC can run the kiosk." in fine.stdout
    old = _check_only(tmp_path, "fpu sse sse2 cx16 lahf_lm", 4_000_000)
    assert old.returncode == 1
    assert "too old for the kiosk" in old.stderr and "popcnt" in old.stderr
    small = _check_only(tmp_path, V2, 1_500_000)
    assert small.returncode == 1
    assert "1464 MB of memory" in small.stderr
