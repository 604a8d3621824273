"""The PC itself: processor, C library, user, disk, memory, clock."""

from __future__ import annotations

from kiosk.doctor import installed
from kiosk.doctor.machine import Machine, Reach
from kiosk.doctor.model import CheckResult, error, ok, warning

GIB = 1024**3

#: x86-64-v2: what Qt 6's wheels are built for; older processors crash at start-up.
X86_64_V2 = frozenset({"cx16", "lahf_lm", "popcnt", "sse4_1", "sse4_2", "ssse3"})
MIN_GLIBC = (2, 34)
#: Groups that would let the kiosk user administer the machine or its printers.
POWERFUL_GROUPS = frozenset({"sudo", "wheel", "admin", "adm", "lpadmin", "root", "disk"})


def check_cpu(machine: Machine) -> CheckResult:
    title = "Processor"
    cpu = machine.cpu()
    arch = cpu.arch.lower()
    if arch in {"i386", "i686", "x86"}:
        return error(
            "cpu",
            title,
            f"a 32-bit system ({cpu.arch})",
            "The kiosk needs a 64-bit system. Install 64-bit Debian, Ubuntu or Windows.",
        )
    if arch not in {"x86_64", "amd64"}:
        return ok("cpu", title, f"{cpu.arch} {cpu.model}".strip())
    if cpu.flags is None:
        return ok("cpu", title, f"64-bit {cpu.model}".strip())
    missing = sorted(X86_64_V2 - cpu.flags)
    if missing:
        return error(
            "cpu",
            title,
            f"this processor is too old for Qt 6: it lacks {', '.join(missing)} "
            f"(x86-64-v2). {cpu.model}".strip(),
            "Use a newer PC: roughly any Intel Core or AMD processor made after 2009.",
        )
    return ok("cpu", title, f"x86-64-v2 or newer ({cpu.model})" if cpu.model else "x86-64-v2")


def check_glibc(machine: Machine) -> CheckResult:
    title = "C library (glibc)"
    if machine.platform != "linux":
        return ok("glibc", title, "not needed on this system")
    found = machine.glibc()
    if found is None:
        return error(
            "glibc",
            title,
            "this Linux has no GNU C library (musl?)",
            "Install Debian 12, Ubuntu 22.04 or Linux Mint 21 (or newer).",
        )
    if found < MIN_GLIBC:
        return error(
            "glibc",
            title,
            f"glibc {found[0]}.{found[1]} is too old; the kiosk needs 2.34 or newer",
            "Install Debian 12, Ubuntu 22.04 or Linux Mint 21 (or newer).",
        )
    return ok("glibc", title, f"glibc {found[0]}.{found[1]}")


def check_user(machine: Machine) -> CheckResult:
    title = "User account"
    user = machine.user()
    if user.uid == 0 or (machine.platform == "win32" and user.is_admin):
        who = "root" if user.uid == 0 else f"{user.name}, an administrator"
        how = (
            f"sudo -u {installed.KIOSK_USER} {installed.PROGRAM_DIR}/digituki-kiosk doctor"
            if machine.platform == "linux"
            else f"sign in as {installed.KIOSK_USER} (or run it without 'Run as administrator')"
        )
        return error(
            "user",
            title,
            f"running as {who}: a kiosk run so would turn the browser's sandbox off and "
            "give visitors the whole machine",
            f"The kiosk runs as the unprivileged user '{installed.KIOSK_USER}'. "
            f"Check it as that user: {how}",
        )
    powerful = sorted(POWERFUL_GROUPS & set(user.groups))
    if powerful:
        return error(
            "user",
            title,
            f"'{user.name}' is in the group(s) {', '.join(powerful)}, which can administer "
            "this machine or its printers",
            f"sudo gpasswd -d {user.name} GROUP   (for each of: {', '.join(powerful)})",
        )
    layout = machine.layout()
    if layout.installed and user.name != installed.KIOSK_USER:
        return warning(
            "user",
            title,
            f"running as '{user.name}', not as the kiosk user '{installed.KIOSK_USER}'",
            f"Run the doctor as the kiosk user to see what the kiosk sees: "
            f"sudo -u {installed.KIOSK_USER} {layout.program} doctor",
        )
    return ok("user", title, f"'{user.name}', without administrator rights")


def check_disk(machine: Machine) -> CheckResult:
    title = "Free disk space"
    folder = machine.layout().data_dir
    total, free = machine.disk_free(folder)
    seen = f"{free / GIB:.1f} GB free of {total / GIB:.0f} GB ({folder})"
    if free < 1 * GIB:
        return error(
            "disk",
            title,
            seen,
            "Free space: remove old files or programs (on Linux: sudo apt-get clean; "
            "sudo journalctl --vacuum-size=100M). The kiosk needs at least 1 GB.",
        )
    if free < 5 * GIB:
        return warning(
            "disk", title, seen, "Free some space soon: at least 5 GB free is comfortable."
        )
    return ok("disk", title, seen)


def check_memory(machine: Machine) -> CheckResult:
    title = "Memory"
    memory = machine.memory()
    seen = f"{memory.total / GIB:.1f} GB memory, {memory.swap / GIB:.1f} GB swap" + (
        " (zram)" if memory.zram and memory.swap else ""
    )
    if memory.total < 1.8 * GIB:
        return error(
            "memory",
            title,
            seen,
            "The kiosk needs at least 2 GB of memory (4 GB is better). Add memory.",
        )
    if memory.swap == 0 and memory.total < 8 * GIB:
        zram = (
            "sudo apt-get install zram-tools   (Ubuntu: sudo apt-get install "
            "systemd-zram-generator)"
            if machine.platform == "linux"
            else "Let Windows manage the page file (System > Advanced > Performance)."
        )
        return warning(
            "memory",
            title,
            seen + ": without swap a heavy page can end the browser",
            f"Turn on compressed swap in memory: {zram}",
        )
    if memory.total < 3.5 * GIB:
        return warning(
            "memory",
            title,
            seen,
            "The kiosk works, but heavy pages may be slow. 4 GB or more is better.",
        )
    return ok("memory", title, seen)


#: More than this apart from the help desk's clock, one-time admin codes and certificates fail.
MAX_CLOCK_OFFSET_S = 90


def check_clock(machine: Machine, reached: list[Reach]) -> CheckResult:
    title = "Clock"
    offsets = [r.clock_offset_s for r in reached if r.clock_offset_s is not None]
    if offsets:
        worst = max(offsets, key=abs)
        if abs(worst) > MAX_CLOCK_OFFSET_S:
            return error(
                "clock",
                title,
                f"this PC's clock is {abs(worst):.0f} s {'behind' if worst > 0 else 'ahead'} "
                "of the servers' clocks: secure pages and one-time admin codes fail",
                _clock_fix(machine),
            )
    synced = machine.clock_synced()
    if synced is False:
        return warning(
            "clock", title, "the clock is not synchronised with a time server", _clock_fix(machine)
        )
    if synced is None and not offsets:
        return warning(
            "clock",
            title,
            "could not tell whether the clock is right",
            "Check the date and time; " + _clock_fix(machine),
        )
    return ok("clock", title, "in sync")


def _clock_fix(machine: Machine) -> str:
    if machine.platform == "win32":
        return "Settings > Time & language > Date & time: 'Set time automatically' on, 'Sync now'."
    return "sudo timedatectl set-ntp true   (and check the time zone: timedatectl)"
