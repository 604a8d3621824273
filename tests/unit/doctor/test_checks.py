"""Every doctor check: ok on a healthy machine, and each failure path with a fake machine
that breaks one fact, with a plain detail and a fix."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.config import Config, from_mapping
from kiosk.doctor import installed
from kiosk.doctor.checks_security import cups_preserved
from kiosk.doctor.machine import (
    CpuInfo,
    FileInfo,
    Layout,
    Memory,
    Printers,
    ProbeOutcome,
    Reach,
    SecretStoreInfo,
    UserInfo,
)
from kiosk.doctor.model import CheckResult, Status, exit_code, to_json, to_text
from kiosk.doctor.run import run_checks
from kiosk.guides.installed import InstalledPacks
from kiosk.guides.model import Library, Problem
from kiosk.guides.packs import build_pack
from tests.helpers.guide_samples import IDENTIFICATION_HOSTS, variant, write_guide
from tests.unit.doctor.fakes import GIB, FakeMachine

HELPDESK = "https://helpdesk.example.org"


def _config(**sections: object) -> Config:
    return from_mapping(dict(sections))


def _result(machine: FakeMachine, check_id: str, config: Config | None = None) -> CheckResult:
    results = run_checks(machine, config or _config())
    found = [r for r in results if r.id == check_id]
    assert len(found) == 1, [r.id for r in results]
    return found[0]


def _assert(result: CheckResult, status: Status, *words: str) -> None:
    assert result.status is status, result
    text = f"{result.detail} {result.fix}"
    for word in words:
        assert word in text, (word, result)
    if status is not Status.OK:
        assert result.fix


def test_a_healthy_linux_kiosk_passes_every_check() -> None:
    results = run_checks(FakeMachine(), _config(helpdesk={"url": HELPDESK}))
    assert [r for r in results if r.status is not Status.OK] == []
    assert exit_code(results) == 0
    ids = [r.id for r in results]
    assert ids == [
        "cpu", "glibc", "user", "qt-libraries", "qt-platform", "webengine", "pdf", "sandbox",
        "admin-verifier", "secrets", "printers", "print-job-files", "removable-media", "disk",
        "memory", "network", "helpdesk", "clock", "guides",
    ]  # fmt: skip


def test_a_healthy_windows_kiosk_passes_every_check_too() -> None:
    machine = FakeMachine(platform="win32", glibc_version=None)
    machine.user_info = UserInfo("kiosk", None, False)
    results = run_checks(machine, _config(helpdesk={"url": HELPDESK}))
    assert [r for r in results if r.status is not Status.OK] == []
    assert {"windows-shell", "windows-policies", "windows-autologon"} <= {r.id for r in results}


# -- the PC ----------------------------------------------------------------------------------
def test_an_old_cpu_is_an_error_naming_what_it_lacks() -> None:
    machine = FakeMachine(cpu_info=CpuInfo("x86_64", frozenset({"sse2", "cx16"}), "Core 2"))
    _assert(_result(machine, "cpu"), Status.ERROR, "sse4_2", "popcnt", "newer PC")


def test_a_32_bit_system_is_an_error() -> None:
    _assert(_result(FakeMachine(cpu_info=CpuInfo("i686", None)), "cpu"), Status.ERROR, "64-bit")


@pytest.mark.parametrize("glibc", [(2, 31), None])
def test_an_old_or_missing_glibc_is_an_error(glibc: tuple[int, int] | None) -> None:
    _assert(_result(FakeMachine(glibc_version=glibc), "glibc"), Status.ERROR, "Debian 12")


def test_running_as_root_is_an_error_with_the_command_to_run_instead() -> None:
    machine = FakeMachine(user_info=UserInfo("root", 0, True, ("root",)))
    _assert(_result(machine, "user"), Status.ERROR, "root", "sudo -u kiosk")


def test_an_administrator_on_windows_is_an_error() -> None:
    machine = FakeMachine(platform="win32", user_info=UserInfo("Admin", None, True))
    _assert(_result(machine, "user"), Status.ERROR, "administrator")


def test_a_kiosk_user_in_an_admin_group_is_an_error() -> None:
    machine = FakeMachine(user_info=UserInfo("kiosk", 999, False, ("kiosk", "lpadmin", "sudo")))
    _assert(_result(machine, "user"), Status.ERROR, "lpadmin", "gpasswd -d kiosk")


def test_another_user_on_an_installed_kiosk_is_a_warning() -> None:
    machine = FakeMachine(user_info=UserInfo("volunteer", 1000, False, ("volunteer",)))
    _assert(_result(machine, "user"), Status.WARNING, "sudo -u kiosk")


@pytest.mark.parametrize(
    ("free_gib", "status"), [(0.5, Status.ERROR), (3, Status.WARNING), (30, Status.OK)]
)
def test_disk_space(free_gib: float, status: Status) -> None:
    machine = FakeMachine(disk=(100 * GIB, int(free_gib * GIB)))
    _assert(_result(machine, "disk"), status, "GB free")


def test_too_little_memory_is_an_error() -> None:
    machine = FakeMachine(memory_info=Memory(int(1.5 * GIB), GIB))
    _assert(_result(machine, "memory"), Status.ERROR, "at least 2 GB")


def test_no_swap_on_a_small_pc_is_a_warning_with_zram() -> None:
    machine = FakeMachine(memory_info=Memory(4 * GIB, 0))
    _assert(_result(machine, "memory"), Status.WARNING, "zram-tools")


def test_little_memory_with_swap_is_a_warning() -> None:
    machine = FakeMachine(memory_info=Memory(3 * GIB, 2 * GIB))
    _assert(_result(machine, "memory"), Status.WARNING, "4 GB")


def test_a_clock_far_from_the_servers_is_an_error() -> None:
    machine = FakeMachine(clock_offset_s=-600)
    _assert(_result(machine, "clock"), Status.ERROR, "600 s ahead", "timedatectl set-ntp true")


def test_an_unsynchronised_clock_is_a_warning() -> None:
    machine = FakeMachine(synced=False)
    _assert(_result(machine, "clock"), Status.WARNING, "not synchronised")


def test_a_clock_that_cannot_be_checked_is_a_warning() -> None:
    machine = FakeMachine(synced=None)
    machine.clock_offset_s = 0.0
    # No server answered with a Date header.
    machine.reach = lambda urls: [Reach(u, True, 200) for u in urls]  # type: ignore[method-assign]
    _assert(_result(machine, "clock"), Status.WARNING, "could not tell")


# -- Qt --------------------------------------------------------------------------------------
def test_missing_system_libraries_are_named_with_the_install_command() -> None:
    machine = FakeMachine(missing={"libqxcb.so": ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0")})
    _assert(
        _result(machine, "qt-libraries"),
        Status.ERROR,
        "libxcb-cursor.so.0",
        "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0",
    )


def test_an_unknown_missing_library_gets_a_way_to_find_its_package() -> None:
    machine = FakeMachine(missing={"libqwayland.so": ("libodd.so.3",)})
    _assert(_result(machine, "qt-libraries"), Status.ERROR, "apt-file search libodd.so.3")


def test_qt_that_does_not_start_is_an_error() -> None:
    machine = FakeMachine()
    machine.probes["qt"] = ProbeOutcome(False, {}, "could not load the Qt platform plugin")
    _assert(_result(machine, "qt-platform"), Status.ERROR, "platform plugin")


def test_a_page_that_draws_only_in_software_offers_safe_graphics() -> None:
    machine = FakeMachine(safe_probes={"web": ProbeOutcome(True, {"software": True})})
    machine.probes["web"] = ProbeOutcome(False, {"safe_graphics": False}, "GPU process crashed")
    result = _result(machine, "webengine", _config())
    _assert(result, Status.ERROR, "GPU process crashed", "safe_mode = true", "[graphics]")
    assert ("web", True) in machine.probe_calls


def test_a_page_that_never_draws_is_an_error_without_safe_graphics_advice() -> None:
    machine = FakeMachine()
    machine.probes["web"] = ProbeOutcome(False, {}, "the page did not draw in 30 s")
    result = _result(machine, "webengine")
    _assert(result, Status.ERROR, "did not draw")
    assert "safe_mode" not in result.fix


def test_software_rendering_is_reported_as_such() -> None:
    machine = FakeMachine()
    machine.probes["web"] = ProbeOutcome(True, {"renderer": "llvmpipe", "software": True})
    _assert(_result(machine, "webengine"), Status.OK, "software drawing", "llvmpipe")


def test_a_pdf_that_does_not_open_is_an_error() -> None:
    machine = FakeMachine()
    machine.probes["pdf"] = ProbeOutcome(False, {}, "QtPdf: FileNotFound")
    _assert(_result(machine, "pdf"), Status.ERROR, "Reinstall")


# -- safety ----------------------------------------------------------------------------------
def test_no_sandbox_in_the_environment_is_an_error() -> None:
    machine = FakeMachine(env={"QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox --foo"})
    _assert(_result(machine, "sandbox"), Status.ERROR, "--no-sandbox")


def test_the_sandbox_without_user_namespaces_is_an_error() -> None:
    machine = FakeMachine()
    machine.texts[Path("/proc/sys/kernel/unprivileged_userns_clone")] = "0\n"
    _assert(_result(machine, "sandbox"), Status.ERROR, "user namespaces", "sysctl")


def test_ubuntu_without_the_apparmor_profile_is_an_error() -> None:
    machine = FakeMachine()
    machine.texts[Path("/proc/sys/kernel/apparmor_restrict_unprivileged_userns")] = "1\n"
    machine.texts[Path("/sys/kernel/security/apparmor/profiles")] = "cupsd (enforce)\n"
    _assert(_result(machine, "sandbox"), Status.ERROR, "apparmor_parser -r")
    machine.texts[Path("/sys/kernel/security/apparmor/profiles")] = (
        f"{installed.APPARMOR_PROFILE} (unconfined)\n"
    )
    _assert(_result(machine, "sandbox"), Status.OK, installed.APPARMOR_PROFILE)


def test_a_development_checkout_cannot_protect_the_pin() -> None:
    machine = FakeMachine(layout_info=Layout(False, Path("kiosk/cli.py"), Path("/tmp/data")))
    _assert(_result(machine, "admin-verifier"), Status.WARNING, "development checkout")


def test_a_missing_admin_socket_is_an_error() -> None:
    machine = FakeMachine()
    del machine.files[installed.ADMIN_SOCKET]
    _assert(_result(machine, "admin-verifier"), Status.ERROR, "not running", "systemctl restart")


def test_an_admin_socket_open_to_everyone_is_an_error() -> None:
    machine = FakeMachine()
    machine.files[installed.ADMIN_SOCKET] = FileInfo("root", "root", 0o666, "socket")
    _assert(_result(machine, "admin-verifier"), Status.ERROR, "root:kiosk 0660")


def test_an_admin_state_others_can_read_is_an_error() -> None:
    machine = FakeMachine()
    machine.files[installed.ADMIN_STATE_DIR] = FileInfo("kiosk", "kiosk", 0o755, "dir")
    _assert(_result(machine, "admin-verifier"), Status.ERROR, "chmod 0700")


def test_a_missing_admin_state_means_no_pin() -> None:
    machine = FakeMachine()
    del machine.files[installed.ADMIN_STATE_DIR]
    _assert(_result(machine, "admin-verifier"), Status.ERROR, "no PIN is set", "set-pin")


def test_an_admin_state_this_account_can_read_is_an_error() -> None:
    machine = FakeMachine(readable={installed.ADMIN_STATE_DIR})
    _assert(_result(machine, "admin-verifier"), Status.ERROR, "can read")


def test_windows_admin_verifier_not_running_or_readable() -> None:
    machine = FakeMachine(platform="win32", user_info=UserInfo("kiosk", None, False))
    del machine.files[Path(installed.WINDOWS_ADMIN_PIPE)]
    _assert(_result(machine, "admin-verifier"), Status.ERROR, "Restart-Service")
    machine = FakeMachine(platform="win32", user_info=UserInfo("kiosk", None, False))
    machine.readable.add(Path(str(installed.WINDOWS_ADMIN_STATE_DIR)))
    _assert(_result(machine, "admin-verifier"), Status.ERROR, "setup.ps1")


def test_a_secrets_file_others_can_read_is_an_error() -> None:
    machine = FakeMachine()
    assert machine.store.path is not None
    machine.files[machine.store.path] = FileInfo("kiosk", "kiosk", 0o644, "file")
    _assert(_result(machine, "secrets"), Status.ERROR, "chmod 0600")


def test_the_keyring_is_named() -> None:
    machine = FakeMachine(store=SecretStoreInfo("keyring", "OS keyring (WinVaultKeyring)"))
    _assert(_result(machine, "secrets"), Status.OK, "WinVaultKeyring")


def test_no_polkit_rule_on_an_installed_kiosk_is_an_error() -> None:
    machine = FakeMachine()
    del machine.texts[installed.POLKIT_RULE]
    _assert(_result(machine, "removable-media"), Status.ERROR, "installer again")


def test_sticks_allowed_without_read_only_options_is_an_error() -> None:
    machine = FakeMachine()
    machine.texts[installed.UDISKS_MOUNT_OPTIONS] = "[defaults]\ndefaults=nosuid\n"
    config = _config(lockdown={"allow_removable_media": True})
    _assert(_result(machine, "removable-media", config), Status.ERROR, "read-only and noexec")
    machine.texts[installed.UDISKS_MOUNT_OPTIONS] = "[defaults]\ndefaults=ro,noexec\n"
    _assert(_result(machine, "removable-media", config), Status.OK, "read-only")


def test_windows_sticks_writable_is_an_error() -> None:
    machine = FakeMachine(platform="win32", user_info=UserInfo("kiosk", None, False))
    del machine.registry_values[("HKCU", installed.REMOVABLE_DISKS_POLICY, "Deny_Write")]
    _assert(_result(machine, "removable-media"), Status.ERROR, "writable")


# -- services --------------------------------------------------------------------------------
def test_no_printing_system_is_a_warning() -> None:
    machine = FakeMachine(printer_list=None)
    _assert(_result(machine, "printers"), Status.WARNING, "apt-get install cups")


def test_a_configured_printer_that_is_missing_is_an_error() -> None:
    config = _config(printing={"printer": "Hall"})
    _assert(_result(FakeMachine(), "printers", config), Status.ERROR, "'Hall'", "Office")


def test_no_default_printer_is_a_warning() -> None:
    machine = FakeMachine(printer_list=Printers(("Office",), ""))
    _assert(_result(machine, "printers"), Status.WARNING, "default")


def test_printing_off_is_fine() -> None:
    config = _config(printing={"max_pages_per_session": 0})
    _assert(_result(FakeMachine(printer_list=None), "printers", config), Status.OK, "off")


CUPS_DEBIAN_DEFAULT = """LogLevel warn
MaxLogSize 0
# PreserveJobFiles No   (a comment, not a setting)
<Location />
  Order allow,deny
</Location>
"""


@pytest.mark.parametrize(
    ("text", "files", "history"),
    [
        ("PreserveJobFiles No\nPreserveJobHistory No\n", False, False),
        ("preservejobfiles off\n  PreserveJobHistory 0  # never\n", False, False),
        (CUPS_DEBIAN_DEFAULT, True, True),  # left out: CUPS keeps files a day, history too
        ("PreserveJobFiles Yes\nPreserveJobHistory No\n", True, False),
        ("PreserveJobFiles 3600\nPreserveJobHistory No\n", True, False),
        ("PreserveJobFiles No\nPreserveJobHistory Yes\n", False, True),
        ("PreserveJobFiles No\nPreserveJobFiles Yes\nPreserveJobHistory No\n", True, False),
    ],
)
def test_cups_job_settings_are_read_as_cups_reads_them(
    text: str, files: bool, history: bool
) -> None:
    assert cups_preserved(text) == {"files": files, "history": history}


def test_cups_that_keeps_no_printed_documents_is_ok() -> None:
    _assert(_result(FakeMachine(), "print-job-files"), Status.OK, "neither")


def test_cups_that_keeps_printed_files_is_an_error_with_the_exact_fix() -> None:
    machine = FakeMachine()
    machine.texts[installed.CUPSD_CONF] = CUPS_DEBIAN_DEFAULT
    result = _result(machine, "print-job-files")
    _assert(result, Status.ERROR, "PreserveJobFiles", "visitor")
    assert "PreserveJobFiles No\\nPreserveJobHistory No" in result.fix
    assert str(installed.CUPSD_CONF) in result.fix and "restart cups" in result.fix


def test_cups_that_keeps_only_the_job_history_is_a_warning() -> None:
    machine = FakeMachine()
    machine.texts[installed.CUPSD_CONF] = "PreserveJobFiles No\n"
    _assert(_result(machine, "print-job-files"), Status.WARNING, "PreserveJobHistory")


def test_a_missing_cupsd_conf_is_a_warning_when_there_are_printers() -> None:
    machine = FakeMachine()
    del machine.texts[installed.CUPSD_CONF]
    _assert(_result(machine, "print-job-files"), Status.WARNING, "missing")
    machine.printer_list = None
    _assert(_result(machine, "print-job-files"), Status.OK, "no printing system")


def test_an_unreadable_cupsd_conf_is_a_warning_saying_how_to_look() -> None:
    machine = FakeMachine()
    del machine.texts[installed.CUPSD_CONF]
    machine.files[installed.CUPSD_CONF] = FileInfo("root", "lp", 0o640, "file")
    _assert(_result(machine, "print-job-files"), Status.WARNING, "could not be read", "sudo grep")


def test_printing_off_or_windows_needs_no_cups_settings() -> None:
    machine = FakeMachine()
    machine.texts[installed.CUPSD_CONF] = CUPS_DEBIAN_DEFAULT
    config = _config(printing={"max_pages_per_session": 0})
    _assert(_result(machine, "print-job-files", config), Status.OK, "off")
    machine.platform = "win32"
    _assert(_result(machine, "print-job-files"), Status.OK, "Windows")


def test_a_development_machine_keeping_printed_files_is_a_warning() -> None:
    machine = FakeMachine()
    machine.layout_info = replace(machine.layout_info, installed=False)
    machine.texts[installed.CUPSD_CONF] = CUPS_DEBIAN_DEFAULT
    _assert(_result(machine, "print-job-files"), Status.WARNING, "PreserveJobFiles")


def test_no_network_at_all_is_an_error() -> None:
    machine = FakeMachine()
    machine.reach = lambda urls: [Reach(u, False, error="name not found") for u in urls]  # type: ignore[method-assign]
    _assert(_result(machine, "network"), Status.ERROR, "DNS", "network cable")


def test_some_services_unreachable_is_a_warning_naming_them() -> None:
    machine = FakeMachine()
    machine.unreachable["https://tunnistus.suomi.fi/"] = Reach(
        "https://tunnistus.suomi.fi/", True, error="ConnectTimeout"
    )
    _assert(_result(machine, "network"), Status.WARNING, "tunnistus.suomi.fi (ConnectTimeout)")


def test_a_help_desk_that_does_not_answer_is_an_error() -> None:
    machine = FakeMachine()
    machine.unreachable[HELPDESK + "/"] = Reach(HELPDESK + "/", True, error="ConnectError")
    config = _config(helpdesk={"url": HELPDESK})
    _assert(_result(machine, "helpdesk", config), Status.ERROR, "ConnectError", "[helpdesk] url")


def test_no_help_desk_is_a_warning() -> None:
    _assert(_result(FakeMachine(), "helpdesk"), Status.WARNING, "kiosk pair")


def test_broken_guides_are_an_error_with_file_and_line() -> None:
    problem = Problem(Path("guides/kela/guide.yaml"), 12, "step 3 has no text")
    machine = FakeMachine(library=Library((), (problem,)))
    _assert(_result(machine, "guides"), Status.ERROR, "guide.yaml:12", "kiosk guides check")


def test_no_guides_is_an_error(tmp_path: Path) -> None:
    config = _config(guides={"dir": str(tmp_path)})
    _assert(_result(FakeMachine(), "guides", config), Status.ERROR, "home screen is empty")


def test_guide_warnings_are_a_warning() -> None:
    problem = Problem(Path("guides/kela/guide.yaml"), 4, "a long sentence", error=False)
    healthy = FakeMachine().guides(_config().guides_dir(), ())
    machine = FakeMachine(library=replace(healthy, problems=(problem,)))
    _assert(_result(machine, "guides"), Status.WARNING, "a long sentence")


# -- Windows ---------------------------------------------------------------------------------
def _windows() -> FakeMachine:
    return FakeMachine(platform="win32", user_info=UserInfo("kiosk", None, False))


def test_windows_without_the_kiosk_shell_is_an_error() -> None:
    machine = _windows()
    del machine.registry_values[("HKCU", installed.WINLOGON, "Shell")]
    _assert(_result(machine, "windows-shell"), Status.ERROR, "desktop")
    machine.registry_values[("HKLM", r"SOFTWARE\DigitukiKiosk", "ShellLauncher")] = 1
    _assert(_result(machine, "windows-shell"), Status.OK, "Shell Launcher")


def test_windows_missing_policies_are_named() -> None:
    machine = _windows()
    del machine.registry_values[("HKCU", installed.POLICIES_SYSTEM, "DisableTaskMgr")]
    machine.registry_values[("HKCU", installed.POLICIES_EXPLORER, "NoWinKeys")] = 0
    _assert(_result(machine, "windows-policies"), Status.ERROR, "DisableTaskMgr", "NoWinKeys")


def test_a_plaintext_autologon_password_is_an_error() -> None:
    machine = _windows()
    machine.registry_values[("HKLM", installed.WINLOGON, "DefaultPassword")] = "Hunter2-pw"
    result = _result(machine, "windows-autologon")
    _assert(result, Status.ERROR, "plain text", "Remove-ItemProperty")
    assert "Hunter2-pw" not in result.detail + result.fix


def test_autologon_off_is_an_error() -> None:
    machine = _windows()
    machine.registry_values[("HKLM", installed.WINLOGON, "AutoAdminLogon")] = "0"
    _assert(_result(machine, "windows-autologon"), Status.ERROR, "sign-in screen")


# -- the report ------------------------------------------------------------------------------
def test_exit_codes_json_and_text() -> None:
    machine = FakeMachine(synced=False)  # one warning
    results = run_checks(machine, _config(helpdesk={"url": HELPDESK}))
    assert exit_code(results) == 1
    machine.glibc_version = (2, 28)  # and one error
    results = run_checks(machine, _config(helpdesk={"url": HELPDESK}))
    assert exit_code(results) == 2
    report = json.loads(to_json(results, version="9.9"))
    assert report["status"] == "error" and report["exit_code"] == 2
    assert {c["id"] for c in report["checks"]} == {r.id for r in results}
    glibc = next(c for c in report["checks"] if c["id"] == "glibc")
    assert glibc["status"] == "error" and glibc["fix"]
    text = to_text(results)
    assert text.index("ERROR") < text.index("WARN") < text.index("ok")
    assert text.endswith(f"{len(results)} checks: 1 error(s), 1 warning(s).")


def test_a_problem_without_a_fix_cannot_be_made() -> None:
    with pytest.raises(ValueError, match="how to fix"):
        CheckResult("x", "X", Status.ERROR, "broken")


def test_an_embedded_help_desk_without_the_server_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The kiosk's bundle carries no help-desk server: helpdesk.embedded cannot work."""
    config = _config(helpdesk={"embedded": True})
    assert _result(FakeMachine(), "helpdesk", config).status is Status.OK
    monkeypatch.setattr("kiosk.doctor.run.server_available", lambda: False)
    result = _result(FakeMachine(), "helpdesk", config)
    assert result.status is Status.ERROR
    assert "pip" in result.fix and "embedded = false" in result.fix


def test_the_guide_pack_in_use_is_what_is_checked(tmp_path: Path) -> None:
    """A kiosk that shows a pack from the help desk: the doctor checks the pack, not the
    shipped guides it no longer shows."""
    source = tmp_path / "pack-source"
    write_guide(source, variant("id: sample", "id: from-the-pack"), "from-the-pack")
    built = tmp_path / "7.guidepack"
    build_pack(source, built, IDENTIFICATION_HOSTS, version="7", now=datetime.now(UTC))
    packs = InstalledPacks(paths.guide_packs_dir())
    packs.switch(packs.stage(built, "7", IDENTIFICATION_HOSTS))
    packs.confirm()

    result = _result(FakeMachine(), "guides")

    _assert(result, Status.OK, "guide pack 7 from the help desk")
