"""Where the kiosk's files live on each OS.

Three kinds of place, kept apart on purpose:

* the **config** file (written by the installer or a volunteer),
* the **data** folder (logs, the help-request outbox, wipe receipts: nothing of a visitor),
* the **runtime** folder that holds session folders: everything a visitor's browsing may
  leave on disk. It is on RAM-backed storage where the OS has one, so a power cut takes
  it with it.

Every place can be overridden by an environment variable, which tests use to isolate
the disk.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

APP_DIR_NAME = "digituki-kiosk"

ENV_CONFIG = "KIOSK_CONFIG"
ENV_DATA_DIR = "KIOSK_DATA_DIR"
ENV_RUNTIME_DIR = "KIOSK_RUNTIME_DIR"

REPO_ROOT = Path(__file__).resolve().parent.parent


def _home() -> Path:
    return Path.home()


def default_config_file() -> Path:
    """The config file used when ``--config`` is not given."""
    if env := os.environ.get(ENV_CONFIG):
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData"))
        return base / "DigitukiKiosk" / "kiosk.toml"
    system = Path("/etc") / APP_DIR_NAME / "kiosk.toml"
    user = Path(os.environ.get("XDG_CONFIG_HOME") or _home() / ".config") / APP_DIR_NAME
    # A system-wide file (written by the installer) wins over a per-user one.
    return system if system.exists() else user / "kiosk.toml"


def data_dir() -> Path:
    """Logs, outbox, receipts. Never anything a visitor typed or downloaded."""
    if env := os.environ.get(ENV_DATA_DIR):
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or _home() / "AppData" / "Local")
        return base / "DigitukiKiosk"
    base = Path(os.environ.get("XDG_DATA_HOME") or _home() / ".local" / "share")
    return base / APP_DIR_NAME


def runtime_dir() -> Path:
    """Parent of the session folders: RAM-backed where the OS has it."""
    if env := os.environ.get(ENV_RUNTIME_DIR):
        return Path(env)
    if sys.platform.startswith("linux"):
        xdg = os.environ.get("XDG_RUNTIME_DIR")
        if xdg and Path(xdg).is_dir():
            return Path(xdg) / APP_DIR_NAME
        shm = Path("/dev/shm")
        if shm.is_dir() and os.access(shm, os.W_OK):
            return shm / f"{APP_DIR_NAME}-{os.getuid()}"
    # Windows and others: no RAM disk by default; the wipe and the start-up sweep
    # remove what lands here.
    return Path(tempfile.gettempdir()) / f"{APP_DIR_NAME}-runtime"


def log_dir() -> Path:
    return data_dir() / "logs"


def guide_packs_dir() -> Path:
    """Guide packs from the help desk: the one in use and the one before it."""
    return data_dir() / "guide-packs"


def bundled_guides_dir() -> Path:
    """The guides shipped with the kiosk (next to the package, or inside a bundle)."""
    if bundle := getattr(sys, "_MEIPASS", None):
        return Path(bundle) / "guides"
    return REPO_ROOT / "guides"


def resources_dir() -> Path:
    if bundle := getattr(sys, "_MEIPASS", None):
        return Path(bundle) / "resources"
    return REPO_ROOT / "resources"


def kiosk_command(*args: str) -> list[str]:
    """The command line that runs ``kiosk ARGS...`` as a child process (source or bundle)."""
    if getattr(sys, "frozen", False):  # PyInstaller: the executable is the kiosk command
        return [sys.executable, *args]
    return [sys.executable, "-m", "kiosk.cli", *args]
