"""Throw-away Unix users for tests of what another user can and cannot do.

CI runs as root; the kiosk runs as its own unprivileged user. A test that checks a
boundary between them makes a user (and a group) of its own and removes them after.
Processes run as such a user with the system's Python (the test's interpreter may live
where only root can read it), with this repository on PYTHONPATH.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
#: The kiosk's pure modules used by these processes keep to Python 3.11 syntax.
SYSTEM_PYTHON = shutil.which("python3", path="/usr/bin:/bin") or "/usr/bin/python3"


@dataclass(frozen=True)
class User:
    name: str
    uid: int
    gid: int

    def run_python(self, code: str, *, timeout: float = 60) -> Any:
        """Run ``code`` as this user; it prints one JSON value, which is returned."""
        done = subprocess.run(
            [SYSTEM_PYTHON, "-c", code],
            user=self.uid,
            group=self.gid,
            extra_groups=[],
            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": "/"},
            cwd="/",
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1])


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


@contextmanager
def throwaway_user(group: str | None = None) -> Iterator[User]:
    """A system user with no home and no shell; in ``group`` (its primary group) if
    given, else in a group of its own."""
    assert os.geteuid() == 0, "making a user needs root (CI runs as root)"
    assert Path(SYSTEM_PYTHON).exists(), "these tests need the system's python3"
    name = "dgk" + secrets.token_hex(4)
    own_group = group is None
    primary = group or name
    if own_group:
        _run("groupadd", "--system", primary)
    _run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
         "--gid", primary, name)  # fmt: skip
    try:
        import pwd

        entry = pwd.getpwnam(name)
        yield User(name, entry.pw_uid, entry.pw_gid)
    finally:
        subprocess.run(["userdel", name], check=False, capture_output=True)
        if own_group:
            subprocess.run(["groupdel", primary], check=False, capture_output=True)


@contextmanager
def throwaway_group() -> Iterator[str]:
    name = "dgkg" + secrets.token_hex(4)
    _run("groupadd", "--system", name)
    try:
        yield name
    finally:
        subprocess.run(["groupdel", name], check=False, capture_output=True)
