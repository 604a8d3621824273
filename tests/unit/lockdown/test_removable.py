"""USB sticks are told apart from the system's own disks."""

from __future__ import annotations

from pathlib import PurePath

import pytest

from kiosk.lockdown.removable import Mount, is_removable, removable_roots


@pytest.mark.parametrize(
    ("mount", "platform", "removable"),
    [
        (Mount("/dev/sdb1", "/media/kiosk/STICK", "vfat"), "linux", True),
        (Mount("/dev/sdc1", "/run/media/kiosk/DATA", "exfat"), "linux", True),
        (Mount("/dev/sda1", "/", "ext4"), "linux", False),
        (Mount("/dev/sda2", "/home", "ext4"), "linux", False),
        (Mount("/dev/sdb1", "/media/kiosk/root", "ext4"), "linux", False),
        (Mount("tmpfs", "/run/user/1000", "tmpfs"), "linux", False),
        (Mount("E:\\", "E:\\", "FAT32", "rw,removable"), "win32", True),
        (Mount("C:\\", "C:\\", "NTFS", "rw,fixed"), "win32", False),
        (Mount("/dev/disk2s1", "/Volumes/STICK", "msdos"), "darwin", False),
    ],
)
def test_removable(mount: Mount, platform: str, removable: bool) -> None:
    assert is_removable(mount, platform) is removable


def test_roots() -> None:
    mounts = [Mount("/dev/sda1", "/", "ext4"), Mount("/dev/sdb1", "/media/k/S", "vfat")]
    assert removable_roots(mounts, "linux") == [PurePath("/media/k/S")]
