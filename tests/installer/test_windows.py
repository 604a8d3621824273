"""The Windows installer, checked on Linux: makensis builds it; every PowerShell script
parses (the tree-sitter PowerShell grammar); every registry value it writes is on the
allow-list below; and what ``kiosk doctor`` checks on Windows is what the set-up writes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import tree_sitter_powershell
from tree_sitter import Language, Node, Parser

from kiosk.doctor import installed
from kiosk.doctor.checks_windows import KIOSK_USER_POLICIES

WINDOWS = Path(__file__).resolve().parents[2] / "installer" / "windows"
SCRIPTS = sorted(WINDOWS.glob("*.ps1"))
KIOSK_HIVE = "Registry::HKEY_USERS\\DigitukiKiosk\\"
WINLOGON = "HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon"
USER_SYSTEM = KIOSK_HIVE + installed.POLICIES_SYSTEM
USER_EXPLORER = KIOSK_HIVE + installed.POLICIES_EXPLORER
USB = KIOSK_HIVE + installed.REMOVABLE_DISKS_POLICY
ACCESSIBILITY = KIOSK_HIVE + "Control Panel\\Accessibility\\"

#: Every registry value the set-up may write or remove: (key, value name).
ALLOWED: frozenset[tuple[str, str]] = frozenset(
    {
        ("HKLM:\\SOFTWARE\\DigitukiKiosk", "CreatedUser"),
        ("HKLM:\\SOFTWARE\\DigitukiKiosk", "ShellLauncher"),
        ("HKLM:\\SOFTWARE\\DigitukiKiosk", "InstallDir"),
        (WINLOGON, "AutoAdminLogon"),
        (WINLOGON, "DefaultUserName"),
        (WINLOGON, "DefaultDomainName"),
        (WINLOGON, "DefaultPassword"),  # only ever removed (test below)
        ("HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System",
         "HideFastUserSwitching"),
        (KIOSK_HIVE + installed.WINLOGON.replace("SOFTWARE", "Software"), "Shell"),
        (USER_SYSTEM, "DisableTaskMgr"),
        (USER_SYSTEM, "DisableLockWorkstation"),
        (USER_SYSTEM, "DisableChangePassword"),
        (USER_EXPLORER, "NoLogoff"),
        (USER_EXPLORER, "NoWinKeys"),
        (USER_EXPLORER, "NoDriveTypeAutoRun"),
        (USER_EXPLORER, "NoRun"),
        (USER_EXPLORER, "NoControlPanel"),
        (KIOSK_HIVE + "Software\\Policies\\Microsoft\\Windows\\EdgeUI", "AllowEdgeSwipe"),
        (KIOSK_HIVE + "Software\\Microsoft\\Windows\\CurrentVersion\\PushNotifications",
         "ToastEnabled"),
        (KIOSK_HIVE + "Control Panel\\Keyboard", "PrintScreenKeyForSnippingEnabled"),
        (KIOSK_HIVE + "Software\\Microsoft\\TabletTip\\1.7", "EnableDesktopModeAutoInvoke"),
        (ACCESSIBILITY + "StickyKeys", "Flags"),
        (ACCESSIBILITY + "Keyboard Response", "Flags"),
        (ACCESSIBILITY + "ToggleKeys", "Flags"),
        (USB, "Deny_Write"),
        (USB, "Deny_Execute"),
        (USB, "Deny_Read"),
    }
)  # fmt: skip
#: Commands that touch the registry; only the two helpers may use the writing ones.
REGISTRY_WRITERS = {"set-itemproperty", "new-itemproperty", "remove-itemproperty"}
NSIS_UNINSTALL_KEY = "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\DigitukiKiosk"

_PARSER = Parser(Language(tree_sitter_powershell.language()))


def _parse(source: bytes) -> Node:
    return _PARSER.parse(source).root_node


def _walk(node: Node) -> list[Node]:
    found = [node]
    for child in node.children:
        found += _walk(child)
    return found


def _commands(root: Node) -> list[tuple[str, dict[str, str], list[str], Node]]:
    """Every command: its name, its -Parameter values, its other arguments, its node."""
    found = []
    for node in _walk(root):
        if node.type != "command":
            continue
        name_node = node.child_by_field_name("command_name")
        elements = node.child_by_field_name("command_elements")
        name = (name_node.text or b"").decode() if name_node else ""
        parameters: dict[str, str] = {}
        arguments: list[str] = []
        pending: str | None = None
        for child in elements.children if elements else []:
            if child.type == "command_argument_sep":
                continue
            text = (child.text or b"").decode()
            if child.type == "command_parameter":
                if pending is not None:
                    parameters[pending] = ""
                pending = text.lstrip("-").lower()
            elif pending is not None:
                parameters[pending] = text
                pending = None
            else:
                arguments.append(text)
        if pending is not None:
            parameters[pending] = ""
        found.append((name, parameters, arguments, node))
    return found


def _literal(text: str) -> str | None:
    """The value of a single-quoted string, or None when it is anything else."""
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    return None


def _inside_helper(node: Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.type == "function_statement":
            name = parent.child_by_field_name("function_name") or parent.children[1]
            if (name.text or b"").decode() in {"Set-KioskValue", "Remove-KioskValue"}:
                return True
        parent = parent.parent
    return False


def _registry_calls() -> list[tuple[str, str, str, str, Path]]:
    """(command, key, name, value text, file) of every Set-/Remove-KioskValue call."""
    calls = []
    for script in SCRIPTS:
        for name, parameters, _arguments, _node in _commands(_parse(script.read_bytes())):
            if name in {"Set-KioskValue", "Remove-KioskValue"}:
                key = _literal(parameters.get("key", ""))
                value_name = _literal(parameters.get("name", ""))
                assert key is not None and value_name is not None, (
                    f"{script.name}: {name} must be given literal -Key and -Name ({parameters})"
                )
                calls.append((name, key, value_name, parameters.get("value", ""), script))
    return calls


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_powershell_script_parses(script: Path) -> None:
    root = _parse(script.read_bytes())
    errors = [n.start_point for n in _walk(root) if n.type == "ERROR" or n.is_missing]
    assert not root.has_error, f"{script.name}: syntax errors at {errors}"


def test_the_parser_finds_a_broken_script() -> None:
    broken = (WINDOWS / "setup.ps1").read_bytes().replace(b"} finally {", b"} finally ", 1)
    assert _parse(broken).has_error


def test_only_the_helpers_write_the_registry() -> None:
    for script in SCRIPTS:
        for name, parameters, arguments, node in _commands(_parse(script.read_bytes())):
            lowered = name.lower()
            if lowered in REGISTRY_WRITERS:
                assert _inside_helper(node), f"{script.name}: {name} outside the helpers"
            if lowered == "new-item" and not _inside_helper(node):
                assert parameters.get("itemtype", "").strip("'") == "Directory", (
                    f"{script.name}: New-Item outside the helpers must make a folder"
                )
            if lowered in {"reg", "reg.exe"}:
                assert arguments and arguments[0] in {"load", "unload"}, (
                    f"{script.name}: reg.exe only mounts the kiosk user's hive ({arguments})"
                )


def test_every_registry_value_written_is_on_the_allow_list() -> None:
    calls = _registry_calls()
    touched = {(key, name) for _cmd, key, name, _value, _file in calls}
    assert touched - ALLOWED == set(), "not on the allow-list"
    assert ALLOWED - touched == set(), "on the allow-list but never written (stale entry)"


def test_the_auto_logon_password_is_never_written_in_plain_text() -> None:
    for command, key, name, _value, script in _registry_calls():
        if (key, name) == (WINLOGON, "DefaultPassword"):
            assert command == "Remove-KioskValue", f"{script.name} writes DefaultPassword"
    setup = (WINDOWS / "setup.ps1").read_text(encoding="utf-8")
    assert "[DigitukiLsa]::Store('DefaultPassword', $password)" in setup


def test_what_the_doctor_checks_is_what_the_set_up_writes() -> None:
    written = {
        (key, name): value
        for command, key, name, value, _file in _registry_calls()
        if command == "Set-KioskValue"
    }
    for hive, key, name, wanted in KIOSK_USER_POLICIES:
        assert hive == "HKCU"
        full = KIOSK_HIVE + key
        assert (full, name) in written, f"setup.ps1 does not write {key}\\{name}"
        assert written[(full, name)] == str(wanted), (full, name, written[(full, name)])


def test_the_nsis_script_writes_only_its_uninstall_entry() -> None:
    text = (WINDOWS / "kiosk.nsi").read_text(encoding="utf-8")
    writes = re.findall(r"^\s*(WriteReg\w+|DeleteReg\w+)\s+(\w+)\s+\"([^\"]+)\"", text, re.M)
    assert writes
    for _command, hive, key in writes:
        assert (hive, key) == ("HKLM", "${UNINSTALL_KEY}")
    assert f'!define UNINSTALL_KEY "{NSIS_UNINSTALL_KEY}"' in text


def test_makensis_builds_the_installer(tmp_path: Path) -> None:
    bundle = tmp_path / "digituki-kiosk"
    bundle.mkdir()
    (bundle / "digituki-kiosk.exe").write_bytes(b"MZ stand-in for the frozen kiosk")
    out = tmp_path / "digituki-kiosk-setup.exe"
    done = subprocess.run(
        ["makensis", "-V2", f"-DBUNDLE={bundle}", "-DVERSION=0.1.0", f"-DOUTFILE={out}",
         str(WINDOWS / "kiosk.nsi")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"
    assert out.stat().st_size > 50_000
    without_bundle = subprocess.run(
        ["makensis", "-V1", f"-DOUTFILE={tmp_path / 'x.exe'}", str(WINDOWS / "kiosk.nsi")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert without_bundle.returncode != 0


def test_windows_own_touch_keyboard_stays_away_for_the_kiosk_user() -> None:
    """The kiosk has its own on-screen keyboard: Windows' does not pop up over it."""
    script = (WINDOWS / "setup.ps1").read_text(encoding="utf-8")
    line = next(line for line in script.splitlines() if "EnableDesktopModeAutoInvoke" in line)
    assert "HKEY_USERS\\DigitukiKiosk\\Software\\Microsoft\\TabletTip\\1.7" in line
    assert line.strip().endswith("-Value 0")
