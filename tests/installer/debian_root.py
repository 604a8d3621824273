"""A throw-away Debian root (mmdebstrap) and a way to run commands in it (chroot).

Commands run under ``unshare --mount``: /proc and /dev are mounted for the chroot in a
mount namespace of their own, so nothing stays mounted on the host when they end.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SUITE = "bookworm"
#: What a minimal Debian PC has before the installer runs (the installer adds the rest).
BASE_PACKAGES = ("systemd", "systemd-sysv", "dbus", "passwd", "ca-certificates", "procps")


def make_root(dest: Path) -> Path:
    subprocess.run(
        [
            "mmdebstrap",
            "--quiet",
            "--variant=apt",
            f"--include={','.join(BASE_PACKAGES)}",
            SUITE,
            str(dest),
        ],
        check=True,
    )
    # The installer's apt-get reaches Debian's mirror through the host's resolver.
    shutil.copy("/etc/resolv.conf", dest / "etc" / "resolv.conf")
    return dest


def run_in(
    root: Path, *command: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` inside ``root`` as root; returns the finished process."""
    exports = " ".join(f"{key}={value!s}" for key, value in (env or {}).items())
    script = (
        'set -e; r="$1"; shift; '
        'mount -t proc proc "$r/proc"; '
        'mount --rbind /dev "$r/dev"; mount --make-rslave "$r/dev"; '
        f'exec chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin {exports} "$@"'
    )
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c", script, "sh",
         str(root), *command],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )  # fmt: skip
