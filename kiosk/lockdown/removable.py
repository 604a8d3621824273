"""Which mounted drives are a visitor's USB stick: a pure decision over mount entries.

Only used when ``lockdown.allow_removable_media`` is on. The kiosk's file chooser shows
files of the safe types (``file_types.py``) from these drives, never a path or a folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

#: Where desktop Linux mounts USB sticks (udisks2) and where volunteers often do.
LINUX_MEDIA_ROOTS: tuple[str, ...] = ("/media/", "/run/media/", "/mnt/")
#: File systems a USB stick or SD card carries.
REMOVABLE_FILE_SYSTEMS = frozenset({"vfat", "exfat", "ntfs", "ntfs3", "fuseblk", "msdos", "fat"})


@dataclass(frozen=True, slots=True)
class Mount:
    device: str
    mount_point: str
    fs_type: str
    options: str = ""


def is_removable(mount: Mount, platform: str) -> bool:
    options = {o.strip() for o in mount.options.split(",")}
    if platform == "win32":
        # psutil marks removable drives (USB sticks, SD cards) with "removable".
        return "removable" in options
    if platform.startswith("linux"):
        under_media = any(mount.mount_point.startswith(root) for root in LINUX_MEDIA_ROOTS)
        return under_media and mount.fs_type.lower() in REMOVABLE_FILE_SYSTEMS
    return False


def removable_roots(mounts: list[Mount], platform: str) -> list[PurePath]:
    return [PurePath(m.mount_point) for m in mounts if is_removable(m, platform)]
