"""A machine that passes every check, for the doctor's tests to break one fact at a time."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.doctor import installed
from kiosk.doctor.checks_system import X86_64_V2
from kiosk.doctor.checks_windows import KIOSK_USER_POLICIES
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
from kiosk.guides.loader import load_library
from kiosk.guides.model import Library

GIB = 1024**3


def _healthy_files() -> dict[Path, FileInfo]:
    return {
        installed.ADMIN_SOCKET: FileInfo("root", "kiosk", 0o660, "socket"),
        installed.ADMIN_STATE_DIR: FileInfo("root", "root", 0o700, "dir"),
        Path("/var/lib/digituki-kiosk/data/private/secrets.json"): FileInfo(
            "kiosk", "kiosk", 0o600, "file"
        ),
        Path(installed.WINDOWS_ADMIN_PIPE): FileInfo("SYSTEM", "SYSTEM", 0o600, "other"),
    }


def _healthy_texts() -> dict[Path, str]:
    return {
        installed.POLKIT_RULE: "polkit.addRule(...)",
        installed.UDISKS_MOUNT_OPTIONS: "[defaults]\ndefaults=ro,noexec,nosuid,nodev\n",
        Path("/proc/sys/kernel/unprivileged_userns_clone"): "1\n",
        installed.CUPSD_CONF: "LogLevel warn\nPreserveJobFiles No\nPreserveJobHistory No\n",
    }


def _healthy_registry() -> dict[tuple[str, str, str], object]:
    values: dict[tuple[str, str, str], object] = {
        (hive, key, name): wanted for hive, key, name, wanted in KIOSK_USER_POLICIES
    }
    values[("HKCU", installed.WINLOGON, "Shell")] = '"C:\\...\\digituki-kiosk.exe" supervise'
    values[("HKLM", installed.WINLOGON, "AutoAdminLogon")] = "1"
    values[("HKLM", installed.WINLOGON, "DefaultUserName")] = "kiosk"
    values[("HKCU", installed.REMOVABLE_DISKS_POLICY, "Deny_Write")] = 1
    values[("HKCU", installed.REMOVABLE_DISKS_POLICY, "Deny_Execute")] = 1
    return values


@dataclass
class FakeMachine:
    platform: str = "linux"
    cpu_info: CpuInfo = field(
        default_factory=lambda: CpuInfo("x86_64", frozenset(X86_64_V2 | {"sse2"}), "Core i5")
    )
    glibc_version: tuple[int, int] | None = (2, 36)
    user_info: UserInfo = field(
        default_factory=lambda: UserInfo("kiosk", 999, False, ("kiosk", "video", "input"))
    )
    layout_info: Layout = field(
        default_factory=lambda: Layout(
            True, installed.PROGRAM_DIR / "digituki-kiosk", installed.DATA_DIR
        )
    )
    env: dict[str, str] = field(default_factory=dict)
    probes: dict[str, ProbeOutcome] = field(
        default_factory=lambda: {
            "qt": ProbeOutcome(True, {"platform": "wayland"}),
            "web": ProbeOutcome(True, {"renderer": "Mesa Intel(R) HD 4000", "software": False}),
            "pdf": ProbeOutcome(True, {"pages": 1}),
        }
    )
    safe_probes: dict[str, ProbeOutcome] = field(default_factory=dict)
    missing: dict[str, tuple[str, ...]] = field(default_factory=dict)
    texts: dict[Path, str] = field(default_factory=_healthy_texts)
    files: dict[Path, FileInfo] = field(default_factory=_healthy_files)
    readable: set[Path] = field(default_factory=set)
    store: SecretStoreInfo = field(
        default_factory=lambda: SecretStoreInfo(
            "file",
            "file readable only by this account",
            Path("/var/lib/digituki-kiosk/data/private/secrets.json"),
        )
    )
    printer_list: Printers | None = field(default_factory=lambda: Printers(("Office",), "Office"))
    disk: tuple[int, int] = (100 * GIB, 40 * GIB)
    memory_info: Memory = field(default_factory=lambda: Memory(4 * GIB, 2 * GIB, True))
    unreachable: dict[str, Reach] = field(default_factory=dict)
    clock_offset_s: float = 1.0
    synced: bool | None = True
    library: Library | None = None
    registry_values: dict[tuple[str, str, str], object] = field(default_factory=_healthy_registry)
    probe_calls: list[tuple[str, bool]] = field(default_factory=list)

    def cpu(self) -> CpuInfo:
        return self.cpu_info

    def glibc(self) -> tuple[int, int] | None:
        return self.glibc_version

    def user(self) -> UserInfo:
        return self.user_info

    def layout(self) -> Layout:
        return self.layout_info

    def environ(self) -> Mapping[str, str]:
        return self.env

    def probe(self, name: str, *, safe_graphics: bool = False) -> ProbeOutcome:
        self.probe_calls.append((name, safe_graphics))
        if safe_graphics:
            return self.safe_probes.get(name, ProbeOutcome(False, {}, "no"))
        return self.probes[name]

    def missing_libraries(self) -> dict[str, tuple[str, ...]]:
        return self.missing

    def read_text(self, path: Path) -> str | None:
        return self.texts.get(path)

    def stat(self, path: Path) -> FileInfo | None:
        return self.files.get(path)

    def readable_by_me(self, path: Path) -> bool:
        return path in self.readable

    def secret_store(self) -> SecretStoreInfo:
        return self.store

    def printers(self) -> Printers | None:
        return self.printer_list

    def disk_free(self, path: Path) -> tuple[int, int]:
        return self.disk

    def memory(self) -> Memory:
        return self.memory_info

    def reach(self, urls: Iterable[str]) -> list[Reach]:
        return [
            self.unreachable.get(url, Reach(url, True, 200, clock_offset_s=self.clock_offset_s))
            for url in urls
        ]

    def clock_synced(self) -> bool | None:
        return self.synced

    def guides(self, folder: Path, identification_hosts: Iterable[str]) -> Library:
        if self.library is not None:
            return self.library
        return load_library(folder, identification_hosts)

    def registry(self, hive: str, key: str, name: str) -> object | None:
        return self.registry_values.get((hive, key, name))
