"""The installed layout's boundary: the admin verifier runs as root (as its systemd unit
does) and the kiosk's user can ask it, but can neither read nor change its state; killing
the kiosk or restarting the service does not reset a lock-out; a user outside the kiosk
group cannot ask at all, and the service checks its callers itself (SO_PEERCRED) even
when the socket's mode is wrong.

The kiosk's side runs as a throw-away unprivileged user (tests/helpers/throwaway_users.py)
with the kiosk's real client code (kiosk.admin.transport).
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from kiosk.admin.state import StateStore
from kiosk.admin.throttle import Attempts
from tests.helpers.helpdesk_servers import wait_until
from tests.helpers.throwaway_users import REPO, User, throwaway_group, throwaway_user

pytestmark = pytest.mark.e2e

PIN = "482915"


@dataclass
class Installed:
    folder: Path
    socket: Path
    state: Path
    group: str
    env: dict[str, str]
    service: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.service = subprocess.Popen(
            [sys.executable, "-m", "kiosk.cli", "admin", "verifier",
             "--socket", str(self.socket), "--state", str(self.state), "--group", self.group],
            cwd=REPO,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until(self.socket.exists, 30, "the verifier's socket")

    def stop(self) -> None:
        if self.service is not None:
            self.service.terminate()
            assert self.service.wait(30) == 0
            self.service = None

    def kiosk_cli(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kiosk.cli", *args],
            cwd=REPO,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
        )


@pytest.fixture
def installed() -> Iterator[Installed]:
    # A folder every user may pass through (as /run and /var/lib are); the state folder
    # inside it is the verifier's own (0700): that mode is what is tested.
    folder = Path(f"/tmp/dgk-admin-{secrets.token_hex(4)}")
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    with throwaway_group() as group:
        env = {
            **os.environ,
            "KIOSK_ADMIN_SOCKET": str(folder / "admin.sock"),
            "KIOSK_ADMIN_STATE_DIR": str(folder / "state"),
        }
        layout = Installed(folder, folder / "admin.sock", folder / "state", group, env)
        layout.start()
        try:
            yield layout
        finally:
            layout.stop()
            shutil.rmtree(folder, ignore_errors=True)


def _ask(user: User, socket: Path, *codes: str) -> dict[str, object]:
    """As ``user``, with the kiosk's own client: the status, then each code's verdict."""
    return user.run_python(  # type: ignore[no-any-return]
        f"""
import json
from pathlib import Path
from kiosk.admin.transport import SocketVerifier
client = SocketVerifier(Path({str(socket)!r}))
status = client.status()
verdicts = [client.verify(code).to_wire() for code in {list(codes)!r}]
print(json.dumps({{"status": status.to_wire(), "verdicts": verdicts}}))
"""
    )


def _try_the_state(user: User, state: Path) -> dict[str, str]:
    """As ``user``: read, list, change and add to the verifier's state; each outcome."""
    return user.run_python(  # type: ignore[no-any-return]
        f"""
import json, os
from pathlib import Path
state = Path({str(state)!r})
out = {{}}
def attempt(name, action):
    try:
        action()
        out[name] = "done"
    except OSError as exc:
        out[name] = type(exc).__name__
attempt("read", lambda: (state / "verifier.json").read_text())
attempt("list", lambda: os.listdir(state))
attempt("write", lambda: (state / "verifier.json").write_text("{{}}"))
attempt("add", lambda: (state / "other.json").write_text("{{}}"))
attempt("remove", lambda: (state / "verifier.json").unlink())
print(json.dumps(out))
"""
    )


def test_the_kiosk_user_can_ask_but_never_reach_the_state(installed: Installed) -> None:
    done = installed.kiosk_cli("admin", "set-pin", stdin=PIN + "\n")
    assert done.returncode == 0, done.stderr
    # Owned by root, private: the folder 0700 and its files 0600.
    info = installed.state.stat()
    assert (info.st_uid, stat.S_IMODE(info.st_mode)) == (0, 0o700)
    for file in installed.state.iterdir():
        assert (file.stat().st_uid, stat.S_IMODE(file.stat().st_mode)) == (0, 0o600), file
    sock = installed.socket.stat()
    assert stat.S_ISSOCK(sock.st_mode)
    assert stat.S_IMODE(sock.st_mode) == 0o660

    with throwaway_user(installed.group) as kiosk_user:
        attempts = _try_the_state(kiosk_user, installed.state)
        assert attempts == {
            "read": "PermissionError",
            "list": "PermissionError",
            "write": "PermissionError",
            "add": "PermissionError",
            "remove": "PermissionError",
        }
        answer = _ask(kiosk_user, installed.socket, PIN)
        assert answer["status"]["pin_set"] is True  # type: ignore[index]
        assert answer["status"]["protected"] is True  # type: ignore[index]
        assert answer["verdicts"] == [
            {"ok": True, "method": "pin", "problem": "", "wait_s": 0.0, "failures": 0}
        ]
    # The file is as root left it.
    assert "$argon2id$" in (installed.state / "verifier.json").read_text()


def test_the_lock_out_survives_killing_the_kiosk_and_restarting_the_service(
    installed: Installed,
) -> None:
    assert installed.kiosk_cli("admin", "set-pin", stdin=PIN + "\n").returncode == 0
    # Four wrong codes were typed earlier (their delays have passed): root's view.
    store = StateStore(installed.state)
    with store.locked():
        store.save(replace(store.load(), attempts=Attempts(failures=4, last_failure=1.0)))
    with throwaway_user(installed.group) as kiosk_user:
        fifth = _ask(kiosk_user, installed.socket, "000001")
        assert fifth["verdicts"][0]["problem"] == "locked"  # type: ignore[index]
        # A new kiosk process (the old one was killed): still locked, even for the PIN.
        again = _ask(kiosk_user, installed.socket, PIN)
        assert again["verdicts"][0]["problem"] == "locked"  # type: ignore[index]
        # The service restarts (a reboot, a crash): still locked.
        installed.stop()
        installed.start()
        after = _ask(kiosk_user, installed.socket, PIN)
        assert after["verdicts"][0]["problem"] == "locked"  # type: ignore[index]
        assert after["status"]["failures"] == 5  # type: ignore[index]
        assert after["status"]["locked_for_s"] > 14 * 60  # type: ignore[index]


def test_a_user_outside_the_kiosk_group_cannot_ask(installed: Installed) -> None:
    assert installed.kiosk_cli("admin", "set-pin", stdin=PIN + "\n").returncode == 0
    with throwaway_user() as stranger:
        answer = stranger.run_python(
            f"""
import json, socket
s = socket.socket(socket.AF_UNIX)
try:
    s.connect({str(installed.socket)!r})
    print(json.dumps("connected"))
except OSError as exc:
    print(json.dumps(type(exc).__name__))
"""
        )
        assert answer == "PermissionError"
        # A socket left open to everyone by mistake: the service still checks the caller.
        installed.socket.chmod(0o666)
        refused = _ask(stranger, installed.socket, PIN)
        assert refused["status"]["problem"] == "refused"  # type: ignore[index]
        assert refused["verdicts"][0]["ok"] is False  # type: ignore[index]
        assert refused["verdicts"][0]["problem"] == "refused"  # type: ignore[index]


def test_admin_status_and_set_pin_in_the_installed_layout(installed: Installed) -> None:
    status = installed.kiosk_cli("admin", "status")
    assert status.returncode == 1  # no PIN yet: not ready
    assert "protected" in status.stdout
    assert "PIN: not set" in status.stdout
    assert "Nobody can unlock" in status.stdout
    bad = installed.kiosk_cli("admin", "set-pin", stdin="12\n")
    assert bad.returncode == 2
    assert "6 to 12 digits" in bad.stderr
    assert installed.kiosk_cli("admin", "set-pin", stdin=PIN + "\n").returncode == 0
    ready = installed.kiosk_cli("admin", "status")
    assert ready.returncode == 0, ready.stdout
    assert "PIN: set" in ready.stdout
    assert "not protected" not in ready.stdout
    installed.stop()
    down = installed.kiosk_cli("admin", "status")
    assert down.returncode == 1
    assert "does not answer" in down.stdout
