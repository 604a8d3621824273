"""The kiosk's choice of secret store against a real Secret Service (GNOME Keyring on a
private session bus): its keyring when the user's default keyring is unlocked, the
private file when there is none or it is locked (never a password prompt on the screen),
and :func:`kiosk.secrets.describe` saying which, for ``kiosk doctor``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[3]

PROBE = """
import json, sys
import secretstorage
from kiosk import secrets
if sys.argv[1] == "lock":
    with secretstorage.dbus_init() as bus:
        secretstorage.get_default_collection(bus).lock()
store = secrets.default_store()
found = store.get("helpdesk-token https://desk.example")
if sys.argv[1] == "write":
    store.set("helpdesk-token https://desk.example", "a-device-token")
print(json.dumps({"store": type(store).__name__, "describe": secrets.describe(), "found": found}))
"""


def in_session(tmp_path: Path, daemon: str, steps: list[str]) -> list[dict[str, Any]]:
    """Run the probe once per step on one private session bus with GNOME Keyring."""
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        assert shutil.which(tool), f"{tool} is missing: run scripts/setup --test"
    (tmp_path / "probe.py").write_text(PROBE)
    python = f"{sys.executable} {tmp_path / 'probe.py'}"
    script = "; ".join([f"{daemon} >/dev/null 2>&1"] + [f"{python} {step}" for step in steps])
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
        "XDG_RUNTIME_DIR": str(tmp_path / "run"),
        "PYTHONPATH": str(REPO),
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    (tmp_path / "run").mkdir(mode=0o700)
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


UNLOCKED = "printf kiosk-user | gnome-keyring-daemon --unlock --components=secrets"


def test_an_unlocked_keyring_is_used_and_named(tmp_path: Path, kiosk_dirs: dict[str, Path]) -> None:
    written, read = in_session(tmp_path, UNLOCKED, ["write", "read"])
    assert written["store"] == read["store"] == "KeyringStore"
    assert "Secret Service" in read["describe"]
    assert read["found"] == "a-device-token"  # a later process finds it in the same store
    assert not (kiosk_dirs["data"] / "private").exists()  # nothing went to the file


@pytest.mark.parametrize(
    ("daemon", "step"),
    [
        ("gnome-keyring-daemon --start --components=secrets", "write"),  # no keyring yet
        (UNLOCKED, "lock"),  # the user's keyring is locked
    ],
)
def test_without_an_unlocked_keyring_the_private_file_is_used(
    tmp_path: Path, kiosk_dirs: dict[str, Path], daemon: str, step: str
) -> None:
    (result,) = in_session(tmp_path, daemon, [step])
    assert result["store"] == "FileStore"
    assert "only this account can read" in result["describe"]
    assert str(kiosk_dirs["data"]) in result["describe"]
