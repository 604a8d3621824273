"""The real machine, for ``kiosk doctor``. Every method answers with facts, never raises
for a finding, and gives up within a few seconds (a dead network must not hang it)."""

from __future__ import annotations

import concurrent.futures
import contextlib
import email.utils
import json
import os
import platform
import shutil
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from kiosk import paths
from kiosk.doctor import installed
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

PROBE_TIMEOUT_S = 60
NETWORK_TIMEOUT_S = 5.0


class LocalMachine:
    def __init__(self) -> None:
        self.platform = "win32" if sys.platform == "win32" else "linux"

    # -- the PC ------------------------------------------------------------------------
    def cpu(self) -> CpuInfo:
        arch = platform.machine() or "unknown"
        if sys.platform.startswith("linux"):
            flags: set[str] = set()
            model = ""
            with contextlib.suppress(OSError):
                for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
                    key, _, value = line.partition(":")
                    if key.strip() == "flags" and not flags:
                        flags = set(value.split())
                    elif key.strip() == "model name" and not model:
                        model = value.strip()
            return CpuInfo(arch, frozenset(flags) if flags else None, model)
        if sys.platform == "win32":
            return CpuInfo(arch, _windows_cpu_flags(), platform.processor())
        return CpuInfo(arch, None, platform.processor())

    def glibc(self) -> tuple[int, int] | None:
        try:
            text = os.confstr("CS_GNU_LIBC_VERSION") or ""
        except (AttributeError, ValueError, OSError):
            return None
        try:
            major, minor = text.split()[1].split(".")[:2]
            return int(major), int(minor)
        except (IndexError, ValueError):
            return None

    def user(self) -> UserInfo:
        if sys.platform == "win32":
            import ctypes  # noqa: PLC0415

            admin = bool(ctypes.windll.shell32.IsUserAnAdmin())  # type: ignore[attr-defined]
            return UserInfo(os.environ.get("USERNAME", "?"), None, admin)
        import grp  # noqa: PLC0415
        import pwd  # noqa: PLC0415

        uid = os.geteuid()
        try:
            name = pwd.getpwuid(uid).pw_name
        except KeyError:
            name = str(uid)
        groups = []
        for gid in os.getgroups():
            with contextlib.suppress(KeyError):
                groups.append(grp.getgrgid(gid).gr_name)
        return UserInfo(name, uid, uid == 0, tuple(groups))

    def layout(self) -> Layout:
        program = Path(sys.executable if getattr(sys, "frozen", False) else sys.argv[0])
        home = (
            Path(str(installed.WINDOWS_PROGRAM_DIR))
            if sys.platform == "win32"
            else installed.PROGRAM_DIR
        )
        frozen = bool(getattr(sys, "frozen", False))
        inside = str(program.resolve()).startswith(str(home))
        return Layout(frozen and inside, program, paths.data_dir())

    def environ(self) -> Mapping[str, str]:
        return dict(os.environ)

    def probe(self, name: str, *, safe_graphics: bool = False) -> ProbeOutcome:
        command = paths.kiosk_command("doctor-probe", name)
        if safe_graphics:
            command.append("--safe-graphics")
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired:
            return ProbeOutcome(False, {"safe_graphics": safe_graphics}, "no answer in 60 s")
        except OSError as exc:
            return ProbeOutcome(False, {}, f"could not start: {exc.strerror}")
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        data: dict[str, object] = {}
        if lines:
            with contextlib.suppress(ValueError):
                data = json.loads(lines[-1])
        if done.returncode == 0 and data.get("ok"):
            return ProbeOutcome(True, data)
        reason = str(data.get("error") or _last_line(done.stderr) or f"exit {done.returncode}")
        return ProbeOutcome(False, data, reason)

    def missing_libraries(self) -> dict[str, tuple[str, ...]]:
        """Libraries the Qt libraries and platform plugins need that ldd cannot find."""
        if not shutil.which("ldd"):
            return {}
        qt = _qt_folder()
        if qt is None:
            return {}
        candidates = [
            *sorted((qt / "lib").glob("libQt6WebEngineCore.so*"))[:1],
            *sorted((qt / "lib").glob("libQt6Gui.so*"))[:1],
            *sorted((qt / "plugins" / "platforms").glob("libq*.so")),
        ]
        found: dict[str, tuple[str, ...]] = {}
        for library in candidates:
            try:
                done = subprocess.run(
                    ["ldd", str(library)], capture_output=True, text=True, timeout=20, check=False
                )
            except (OSError, subprocess.TimeoutExpired):
                continue
            missing = tuple(
                line.split("=>")[0].strip()
                for line in done.stdout.splitlines()
                if "not found" in line
            )
            if missing:
                found[library.name] = missing
        return found

    # -- files -------------------------------------------------------------------------
    def read_text(self, path: Path) -> str | None:
        try:
            return path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None

    def stat(self, path: Path) -> FileInfo | None:
        try:
            info = path.stat()
        except OSError:
            return None
        kind = (
            "socket"
            if stat.S_ISSOCK(info.st_mode)
            else "dir"
            if stat.S_ISDIR(info.st_mode)
            else "file"
            if stat.S_ISREG(info.st_mode)
            else "other"
        )
        return FileInfo(_owner(info.st_uid), _group(info.st_gid), stat.S_IMODE(info.st_mode), kind)

    def readable_by_me(self, path: Path) -> bool:
        try:
            if path.is_dir():
                list(path.iterdir())
            else:
                with path.open("rb") as handle:
                    handle.read(1)
        except OSError:
            return False
        return True

    def secret_store(self) -> SecretStoreInfo:
        from kiosk import secrets  # noqa: PLC0415

        store = secrets.default_store()
        if isinstance(store, secrets.FileStore):
            return SecretStoreInfo("file", store.describe(), store.path)
        return SecretStoreInfo("keyring", store.describe())

    # -- devices -----------------------------------------------------------------------
    def printers(self) -> Printers | None:
        if sys.platform == "win32":
            return _windows_printers()
        if not shutil.which("lpstat"):
            return None
        names = _run(["lpstat", "-e"])
        default = _run(["lpstat", "-d"])
        chosen = default.split(":", 1)[1].strip() if ":" in default else ""
        return Printers(tuple(names.split()), chosen)

    def disk_free(self, path: Path) -> tuple[int, int]:
        folder = path
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        usage = shutil.disk_usage(folder)
        return usage.total, usage.free

    def memory(self) -> Memory:
        import psutil  # noqa: PLC0415

        zram = any(Path("/sys/block").glob("zram*")) if sys.platform != "win32" else False
        return Memory(psutil.virtual_memory().total, psutil.swap_memory().total, zram)

    # -- network -----------------------------------------------------------------------
    def reach(self, urls: Iterable[str]) -> list[Reach]:
        wanted = list(urls)
        if not wanted:
            return []
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            return list(pool.map(_reach_one, wanted))

    def clock_synced(self) -> bool | None:
        if sys.platform == "win32":
            text = _run(["w32tm", "/query", "/status"])
            return ("Leap Indicator: 0" in text) if text else None
        if not shutil.which("timedatectl"):
            return None
        answer = _run(["timedatectl", "show", "-p", "NTPSynchronized", "--value"]).strip()
        return {"yes": True, "no": False}.get(answer)

    # -- content -----------------------------------------------------------------------
    def guides(self, folder: Path, identification_hosts: Iterable[str]) -> Library:
        return load_library(folder, identification_hosts)

    def registry(self, hive: str, key: str, name: str) -> object | None:
        if sys.platform != "win32":
            return None
        import winreg  # noqa: PLC0415

        root = {"HKCU": winreg.HKEY_CURRENT_USER, "HKLM": winreg.HKEY_LOCAL_MACHINE}[hive]
        try:
            with winreg.OpenKey(root, key) as handle:
                value, _kind = winreg.QueryValueEx(handle, name)
        except OSError:
            return None
        return value


def _reach_one(url: str) -> Reach:
    """DNS, then an HTTPS HEAD request (the standard library's: no HTTP stack to carry)."""
    import http.client  # noqa: PLC0415 - only when the network is checked
    import ssl  # noqa: PLC0415
    from urllib.parse import urlsplit  # noqa: PLC0415

    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        return Reach(url, False, error=f"name not found ({exc.strerror or exc})")
    connection: http.client.HTTPConnection
    if parts.scheme == "http":
        connection = http.client.HTTPConnection(host, parts.port, timeout=NETWORK_TIMEOUT_S)
    else:
        connection = http.client.HTTPSConnection(
            host, parts.port, timeout=NETWORK_TIMEOUT_S, context=ssl.create_default_context()
        )
    try:
        connection.request("HEAD", parts.path or "/")
        response = connection.getresponse()
    except (OSError, http.client.HTTPException) as exc:
        return Reach(url, True, error=type(exc).__name__)
    finally:
        connection.close()
    offset = None
    if date := response.getheader("date"):
        with contextlib.suppress(TypeError, ValueError):
            offset = email.utils.parsedate_to_datetime(date).timestamp() - time.time()
    return Reach(url, True, response.status, clock_offset_s=offset)


def _qt_folder() -> Path | None:
    try:
        import PySide6  # noqa: PLC0415 - only its folder, no Qt library is loaded
    except ImportError:
        return None
    folder = Path(PySide6.__file__).parent / "Qt"
    return folder if folder.is_dir() else None


def _run(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def _owner(uid: int) -> str:
    try:
        import pwd  # noqa: PLC0415

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def _group(gid: int) -> str:
    try:
        import grp  # noqa: PLC0415

        return grp.getgrgid(gid).gr_name
    except (ImportError, KeyError):
        return str(gid)


def _windows_cpu_flags() -> frozenset[str] | None:
    """The x86-64-v2 features Windows reports (PF_SSSE3/SSE4_1/SSE4_2 = 36/37/38)."""
    import ctypes  # noqa: PLC0415

    present = ctypes.windll.kernel32.IsProcessorFeaturePresent  # type: ignore[attr-defined]
    flags = {"cx16", "lahf_lm", "popcnt"}  # every 64-bit CPU Windows 10 runs on has these
    for flag, number in (("ssse3", 36), ("sse4_1", 37), ("sse4_2", 38)):
        if present(number):
            flags.add(flag)
    return frozenset(flags)


def _windows_printers() -> Printers | None:
    text = _run(
        [
            "powershell",
            "-NoProfile",
            "-Command",
            "Get-Printer | Select-Object Name | ConvertTo-Json; "
            "(Get-CimInstance Win32_Printer -Filter 'Default=True').Name",
        ]
    )
    if not text:
        return None
    names: list[str] = []
    lines = text.strip().splitlines()
    default = lines[-1].strip() if lines and not lines[-1].strip().endswith(("}", "]")) else ""
    with contextlib.suppress(ValueError):
        data = json.loads("\n".join(lines[:-1] if default else lines))
        items = data if isinstance(data, list) else [data]
        names = [str(item.get("Name")) for item in items if isinstance(item, dict)]
    return Printers(tuple(names), default)
