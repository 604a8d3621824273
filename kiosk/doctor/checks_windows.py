"""Windows: the kiosk user's custom shell and policies, and the automatic log-on."""

from __future__ import annotations

from kiosk.doctor import installed
from kiosk.doctor.machine import Machine
from kiosk.doctor.model import CheckResult, error, ok

AGAIN = "Run the set-up again as an administrator (setup.ps1, INSTALL.md)."

#: (hive, key, value name, wanted value): what setup.ps1 writes in the kiosk user's hive.
KIOSK_USER_POLICIES: tuple[tuple[str, str, str, int], ...] = (
    ("HKCU", installed.POLICIES_SYSTEM, "DisableTaskMgr", 1),
    ("HKCU", installed.POLICIES_SYSTEM, "DisableLockWorkstation", 1),
    ("HKCU", installed.POLICIES_SYSTEM, "DisableChangePassword", 1),
    ("HKCU", installed.POLICIES_EXPLORER, "NoLogoff", 1),
    ("HKCU", installed.POLICIES_EXPLORER, "NoWinKeys", 1),
    ("HKCU", installed.POLICIES_EXPLORER, "NoDriveTypeAutoRun", 255),
    ("HKCU", r"Software\Policies\Microsoft\Windows\EdgeUI", "AllowEdgeSwipe", 0),
    (
        "HKCU",
        r"Software\Microsoft\Windows\CurrentVersion\PushNotifications",
        "ToastEnabled",
        0,
    ),
)


def check_shell(machine: Machine) -> CheckResult:
    title = "Kiosk shell"
    shell = machine.registry("HKCU", installed.WINLOGON, "Shell")
    launcher = machine.registry("HKLM", r"SOFTWARE\DigitukiKiosk", "ShellLauncher")
    if launcher == 1:
        return ok("windows-shell", title, "Shell Launcher starts the kiosk (Enterprise)")
    if not isinstance(shell, str) or "supervise" not in shell:
        return error(
            "windows-shell",
            title,
            "the kiosk user's shell is not the kiosk: after log-on Windows shows its desktop",
            AGAIN,
        )
    return ok("windows-shell", title, "the kiosk user's shell starts 'kiosk supervise'")


def check_policies(machine: Machine) -> CheckResult:
    title = "Kiosk user's policies"
    wrong = [
        name
        for hive, key, name, wanted in KIOSK_USER_POLICIES
        if machine.registry(hive, key, name) != wanted
    ]
    if wrong:
        return error(
            "windows-policies",
            title,
            f"not set for this user: {', '.join(wrong)}",
            AGAIN + " Check the doctor as the kiosk user: these live in that user's settings.",
        )
    return ok("windows-policies", title, f"all {len(KIOSK_USER_POLICIES)} in place")


def check_autologon(machine: Machine) -> CheckResult:
    title = "Automatic log-on"
    plaintext = machine.registry("HKLM", installed.WINLOGON, "DefaultPassword")
    if plaintext is not None:
        return error(
            "windows-autologon",
            title,
            "the kiosk user's password is stored in plain text in the registry "
            "(Winlogon DefaultPassword)",
            "In an administrator PowerShell: Remove-ItemProperty 'HKLM:\\"
            + installed.WINLOGON
            + "' DefaultPassword; then run the set-up again (it stores the password as an "
            "LSA secret).",
        )
    if machine.registry("HKLM", installed.WINLOGON, "AutoAdminLogon") != "1":
        return error(
            "windows-autologon",
            title,
            "automatic log-on is off: after a restart the PC waits at the sign-in screen",
            AGAIN,
        )
    user = machine.registry("HKLM", installed.WINLOGON, "DefaultUserName")
    return ok("windows-autologon", title, f"as '{user}', password kept as an LSA secret")
