"""What keeps a visitor in: the browser sandbox, the admin verifier, secrets, USB sticks."""

from __future__ import annotations

import configparser
from pathlib import Path

from kiosk.doctor import installed
from kiosk.doctor.machine import Machine
from kiosk.doctor.model import CheckResult, error, ok, warning

USERNS_CLONE = Path("/proc/sys/kernel/unprivileged_userns_clone")
MAX_USERNS = Path("/proc/sys/user/max_user_namespaces")
APPARMOR_RESTRICT = Path("/proc/sys/kernel/apparmor_restrict_unprivileged_userns")
APPARMOR_LOADED = Path("/sys/kernel/security/apparmor/profiles")


def check_sandbox(machine: Machine) -> CheckResult:
    title = "Browser sandbox"
    env = machine.environ()
    flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if "--no-sandbox" in flags or env.get("QTWEBENGINE_DISABLE_SANDBOX") not in (None, "", "0"):
        which = (
            "QTWEBENGINE_CHROMIUM_FLAGS has --no-sandbox"
            if "--no-sandbox" in flags
            else "QTWEBENGINE_DISABLE_SANDBOX is set"
        )
        return error(
            "sandbox",
            title,
            f"off: {which}. A page that breaks the browser would reach the whole account",
            "Remove it from the environment (the kiosk's service never sets it).",
        )
    user = machine.user()
    if user.uid == 0:
        return error(
            "sandbox",
            title,
            "off: Chromium's sandbox cannot run as root",
            f"Run the kiosk as the user '{installed.KIOSK_USER}' (see 'User account').",
        )
    if machine.platform != "linux":
        return ok("sandbox", title, "on")
    if (machine.read_text(USERNS_CLONE) or "").strip() == "0" or (
        machine.read_text(MAX_USERNS) or ""
    ).strip() == "0":
        return error(
            "sandbox",
            title,
            "the kernel does not let programs make user namespaces; the sandbox needs them",
            "echo kernel.unprivileged_userns_clone=1 | sudo tee "
            "/etc/sysctl.d/50-digituki-userns.conf && sudo sysctl --system",
        )
    if (machine.read_text(APPARMOR_RESTRICT) or "").strip() == "1":
        loaded = machine.read_text(APPARMOR_LOADED)
        if loaded is None or installed.APPARMOR_PROFILE not in loaded:
            return error(
                "sandbox",
                title,
                "this system (Ubuntu 24.04 or newer) allows user namespaces only to programs "
                f"with an AppArmor profile, and the profile {installed.APPARMOR_PROFILE} "
                "is not loaded",
                f"sudo apparmor_parser -r /etc/apparmor.d/{installed.APPARMOR_PROFILE}   "
                "(or run the installer again)",
            )
        return ok("sandbox", title, f"on (AppArmor profile {installed.APPARMOR_PROFILE})")
    return ok("sandbox", title, "on")


def check_admin_verifier(machine: Machine) -> CheckResult:
    """The PIN hash and the failure counter must be out of the kiosk user's reach."""
    title = "Admin PIN protection"
    layout = machine.layout()
    if not layout.installed:
        return warning(
            "admin-verifier",
            title,
            "this is a development checkout: the admin PIN cannot be protected here",
            "Install the kiosk with the installer (INSTALL.md); an installed kiosk keeps the "
            "PIN in a service that the kiosk user cannot read.",
        )
    if machine.platform == "win32":
        return _admin_verifier_windows(machine)
    socket = machine.stat(installed.ADMIN_SOCKET)
    restart = f"sudo systemctl restart {installed.ADMIN_UNIT}"
    if socket is None or socket.kind != "socket":
        return error(
            "admin-verifier",
            title,
            f"the admin verifier is not running ({installed.ADMIN_SOCKET} is missing)",
            f"{restart}; then: systemctl status {installed.ADMIN_UNIT}",
        )
    if socket.owner != "root" or socket.group != installed.KIOSK_USER or socket.mode & 0o007:
        return error(
            "admin-verifier",
            title,
            f"its socket is {socket.owner}:{socket.group} {socket.mode:04o}; it must be "
            f"root:{installed.KIOSK_USER} 0660",
            f"Run the installer again, or: {restart}",
        )
    state = machine.stat(installed.ADMIN_STATE_DIR)
    if state is None:
        return error(
            "admin-verifier",
            title,
            f"its state folder {installed.ADMIN_STATE_DIR} is missing: no PIN is set",
            "Set a PIN: sudo /opt/digituki-kiosk/digituki-kiosk admin set-pin",
        )
    if state.owner != "root" or state.mode & 0o077:
        return error(
            "admin-verifier",
            title,
            f"its state folder is {state.owner} {state.mode:04o}: others could read the PIN "
            "hash or reset the lock-out",
            f"sudo chown -R root:root {installed.ADMIN_STATE_DIR} && "
            f"sudo chmod 0700 {installed.ADMIN_STATE_DIR}",
        )
    if machine.readable_by_me(installed.ADMIN_STATE_DIR):
        return error(
            "admin-verifier",
            title,
            "this account can read the admin verifier's state",
            "Run the doctor as the kiosk user; if it says this there too, run the installer again.",
        )
    return ok("admin-verifier", title, "the PIN and its lock-out are out of the kiosk's reach")


def _admin_verifier_windows(machine: Machine) -> CheckResult:
    title = "Admin PIN protection"
    if machine.stat(Path(installed.WINDOWS_ADMIN_PIPE)) is None:
        return error(
            "admin-verifier",
            title,
            "the admin verifier service is not running",
            "In an administrator PowerShell: Restart-Service DigitukiKioskAdmin",
        )
    if machine.readable_by_me(Path(str(installed.WINDOWS_ADMIN_STATE_DIR))):
        return error(
            "admin-verifier",
            title,
            "this account can read the admin verifier's state",
            "Run the set-up again (setup.ps1); it limits the folder to SYSTEM and Administrators.",
        )
    return ok("admin-verifier", title, "the PIN and its lock-out are out of the kiosk's reach")


def check_secret_store(machine: Machine) -> CheckResult:
    title = "Device token store"
    store = machine.secret_store()
    if store.kind == "keyring":
        return ok("secrets", title, store.description)
    if store.path is None:
        return ok("secrets", title, store.description)
    user = machine.user()
    info = machine.stat(store.path)
    if info is None:
        return ok("secrets", title, f"{store.description}; nothing stored yet")
    if info.mode & 0o077 or (user.name and info.owner != user.name):
        return error(
            "secrets",
            title,
            f"{store.path} is {info.owner} {info.mode:04o}; only the kiosk's own account may "
            "read it",
            f"sudo chown {user.name} {store.path} && sudo chmod 0600 {store.path}",
        )
    return ok("secrets", title, store.description)


def check_removable_media(machine: Machine, allowed: bool) -> CheckResult:
    title = "USB sticks"
    layout = machine.layout()
    if machine.platform == "win32":
        deny_write = machine.registry("HKCU", installed.REMOVABLE_DISKS_POLICY, "Deny_Write")
        deny_exec = machine.registry("HKCU", installed.REMOVABLE_DISKS_POLICY, "Deny_Execute")
        if deny_write != 1 or deny_exec != 1:
            return error(
                "removable-media",
                title,
                "USB sticks are writable or can run programs for this user",
                "Run the set-up again (setup.ps1) in an administrator PowerShell.",
            )
        return ok("removable-media", title, "read-only, nothing runs from them")
    rule = machine.read_text(installed.POLKIT_RULE)
    if not layout.installed and rule is None:
        return warning(
            "removable-media",
            title,
            "no kiosk policy installed (a development machine)",
            "Install the kiosk with the installer (INSTALL.md).",
        )
    if rule is None:
        return error(
            "removable-media",
            title,
            f"the kiosk's policy rule {installed.POLKIT_RULE} is missing: the kiosk user "
            "could format or write to a USB stick",
            "Run the installer again.",
        )
    if not allowed:
        return ok("removable-media", title, "off: sticks are not mounted for the kiosk")
    options = udisks_defaults(machine.read_text(installed.UDISKS_MOUNT_OPTIONS) or "")
    if not {"ro", "noexec"} <= options:
        return error(
            "removable-media",
            title,
            f"sticks are allowed, but {installed.UDISKS_MOUNT_OPTIONS} does not mount them "
            "read-only and noexec",
            "Run the installer again.",
        )
    return ok("removable-media", title, "read-only and noexec; formatting refused")


def udisks_defaults(text: str) -> set[str]:
    """The options udisks2 mounts with by default ('[defaults] defaults=ro,noexec,...')."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error:
        return set()
    value = parser.get("defaults", "defaults", fallback="")
    return {part.strip() for part in value.split(",") if part.strip()}


#: CUPS's defaults when cupsd.conf does not say (man cupsd.conf): job files are kept for a
#: day, the job history until MaxJobs.
CUPS_DEFAULTS = {"preservejobfiles": "86400", "preservejobhistory": "Yes"}
CUPS_FIX = (
    f"sudo sed -i '/^[[:space:]]*PreserveJob/Id' {installed.CUPSD_CONF} && "
    f"printf 'PreserveJobFiles No\\nPreserveJobHistory No\\n' | sudo tee -a {installed.CUPSD_CONF}"
    " && sudo systemctl restart cups   (or run the installer again)"
)


def cups_preserved(text: str) -> dict[str, bool]:
    """Whether CUPS keeps printed jobs' files and their history, from cupsd.conf's text:
    ``{"files": ..., "history": ...}``. A directive left out means CUPS's default (kept);
    the last one wins; a number is seconds (0 keeps nothing)."""
    values = dict(CUPS_DEFAULTS)
    for line in text.splitlines():
        words = line.split(None, 1)
        if len(words) == 2 and words[0].lower() in values:
            values[words[0].lower()] = words[1].split("#", 1)[0].strip()
    return {
        "files": _cups_keeps(values["preservejobfiles"]),
        "history": _cups_keeps(values["preservejobhistory"]),
    }


def _cups_keeps(value: str) -> bool:
    word = value.lower()
    if word in ("no", "off", "false"):
        return False
    if word.isdigit():
        return int(word) > 0
    return True  # yes, on, true, and anything CUPS would not read as "no"


def check_print_job_files(machine: Machine, printing_on: bool = True) -> CheckResult:
    """A visitor's printed document must not stay on disk after it has printed (CUPS keeps
    it a day by default, where the next visitor's session cannot wipe it)."""
    title = "Printed documents"
    check_id = "print-job-files"
    if machine.platform != "linux":
        return ok(check_id, title, "Windows keeps no printed documents unless told to")
    if not printing_on:
        return ok(check_id, title, "printing is off")
    text = machine.read_text(installed.CUPSD_CONF)
    if text is None:
        if machine.stat(installed.CUPSD_CONF) is not None:
            return warning(
                check_id,
                title,
                f"{installed.CUPSD_CONF} could not be read by this account, so whether CUPS "
                "keeps printed documents is unknown",
                f"Check as an administrator: sudo grep -i '^PreserveJob' {installed.CUPSD_CONF} "
                "must show 'PreserveJobFiles No' and 'PreserveJobHistory No'; if not: "
                f"{CUPS_FIX}",
            )
        if machine.printers() is None:
            return ok(check_id, title, "no printing system (see 'Printer')")
        return warning(
            check_id,
            title,
            f"CUPS's settings file {installed.CUPSD_CONF} is missing: CUPS then keeps printed "
            "documents for a day",
            f"Reinstall CUPS (sudo apt-get install --reinstall cups), then: {CUPS_FIX}",
        )
    kept = cups_preserved(text)
    installed_kiosk = machine.layout().installed
    if kept["files"]:
        problem = error if installed_kiosk else warning
        return problem(
            check_id,
            title,
            "CUPS keeps the files of printed jobs (PreserveJobFiles): a visitor's printed "
            "document stays on the disk after the visitor has gone",
            CUPS_FIX,
        )
    if kept["history"]:
        return warning(
            check_id,
            title,
            "CUPS keeps a history of printed jobs (PreserveJobHistory): the names of "
            "visitors' documents stay on the disk",
            CUPS_FIX,
        )
    return ok(check_id, title, "CUPS keeps neither the files nor the history of printed jobs")
