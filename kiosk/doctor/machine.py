"""What the checks may ask of a machine. The real one is in ``local.py``; tests use fakes.

Each method returns plain facts (dataclasses, strings, numbers) and never raises for a
finding: a missing file is ``None``, a failed lookup an error text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from kiosk.guides.model import Library


@dataclass(frozen=True, slots=True)
class CpuInfo:
    arch: str  # "x86_64", "aarch64", "AMD64"...
    #: Feature flags (/proc/cpuinfo on Linux); None where the OS does not list them.
    flags: frozenset[str] | None
    model: str = ""


@dataclass(frozen=True, slots=True)
class UserInfo:
    name: str
    uid: int | None  # None on Windows
    is_admin: bool  # root, or a member of Administrators with an elevated token
    groups: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FileInfo:
    owner: str
    group: str
    mode: int  # permission bits only (0o7777)
    kind: str  # "file", "dir", "socket", "other"


@dataclass(frozen=True, slots=True)
class ProbeOutcome:
    """What a Qt probe in a child process said (``data``), or why it failed (``error``)."""

    ok: bool
    data: Mapping[str, Any] = field(default_factory=dict)
    error: str = ""


@dataclass(frozen=True, slots=True)
class SecretStoreInfo:
    kind: str  # "keyring" or "file"
    description: str
    path: Path | None = None  # the file, for "file"


@dataclass(frozen=True, slots=True)
class Printers:
    names: tuple[str, ...]
    default: str = ""


@dataclass(frozen=True, slots=True)
class Memory:
    total: int  # bytes
    swap: int  # bytes of swap, zram included
    zram: bool = False


@dataclass(frozen=True, slots=True)
class Reach:
    """One address tried: DNS, then HTTPS. ``error`` is empty when it answered."""

    url: str
    resolved: bool
    status: int | None = None
    error: str = ""
    #: The server's clock (the HTTP Date header) minus ours, in seconds.
    clock_offset_s: float | None = None


@dataclass(frozen=True, slots=True)
class Layout:
    """Where this kiosk runs from and where an installer puts things."""

    installed: bool  # a bundle under the installer's folder, not a development checkout
    program: Path
    data_dir: Path


class Machine(Protocol):
    platform: str  # "linux" or "win32" (sys.platform's words)

    def cpu(self) -> CpuInfo: ...
    def glibc(self) -> tuple[int, int] | None: ...
    def user(self) -> UserInfo: ...
    def layout(self) -> Layout: ...
    def environ(self) -> Mapping[str, str]: ...
    def probe(self, name: str, *, safe_graphics: bool = False) -> ProbeOutcome: ...
    def missing_libraries(self) -> dict[str, tuple[str, ...]]: ...
    def read_text(self, path: Path) -> str | None: ...
    def stat(self, path: Path) -> FileInfo | None: ...
    def readable_by_me(self, path: Path) -> bool: ...
    def secret_store(self) -> SecretStoreInfo: ...
    def printers(self) -> Printers | None: ...
    def disk_free(self, path: Path) -> tuple[int, int]: ...
    def memory(self) -> Memory: ...
    def reach(self, urls: Iterable[str]) -> list[Reach]: ...
    def clock_synced(self) -> bool | None: ...
    def guides(self, folder: Path, identification_hosts: Iterable[str]) -> Library: ...
    def registry(self, hive: str, key: str, name: str) -> object | None: ...
