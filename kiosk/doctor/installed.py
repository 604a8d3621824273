"""Where the installers put things (installer/linux, installer/windows): one list for the
doctor and the installer's tests. Change them together.

The admin verifier's addresses and the kiosk user are owned by :mod:`kiosk.admin.layout`
(the kiosk and the verifier service find each other with them) and only named here.
"""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

from kiosk.admin import layout as _admin

KIOSK_USER = _admin.KIOSK_USER

# Linux
PROGRAM_DIR = Path("/opt/digituki-kiosk")
SETTINGS_FILE = Path("/etc/digituki-kiosk/kiosk.toml")
DATA_DIR = Path("/var/lib/digituki-kiosk/data")
ADMIN_SOCKET = _admin.LINUX_SOCKET
ADMIN_STATE_DIR = _admin.LINUX_STATE
POLKIT_RULE = Path("/etc/polkit-1/rules.d/50-digituki-kiosk.rules")
UDISKS_MOUNT_OPTIONS = Path("/etc/udisks2/mount_options.conf")
#: CUPS's scheduler settings: the installer sets PreserveJobFiles and PreserveJobHistory.
CUPSD_CONF = Path("/etc/cups/cupsd.conf")
APPARMOR_PROFILE = "digituki-kiosk-webengine"
KIOSK_UNIT = "digituki-kiosk.service"
ADMIN_UNIT = "digituki-kiosk-admin.service"

# Windows
WINDOWS_PROGRAM_DIR = PureWindowsPath(r"C:\Program Files\DigitukiKiosk")
WINDOWS_ADMIN_PIPE = _admin.WINDOWS_PIPE
WINDOWS_ADMIN_STATE_DIR = PureWindowsPath(
    r"C:\ProgramData", *_admin.WINDOWS_STATE_UNDER_PROGRAMDATA
)
WINLOGON = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon"
POLICIES_SYSTEM = r"Software\Microsoft\Windows\CurrentVersion\Policies\System"
POLICIES_EXPLORER = r"Software\Microsoft\Windows\CurrentVersion\Policies\Explorer"
REMOVABLE_DISKS_POLICY = (
    r"Software\Policies\Microsoft\Windows\RemovableStorageDevices"
    r"\{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}"
)
