"""Runs the keyboard's tests in a pytest of their own (see conftest.py), and checks that a
kiosk whose keyboard is off ("never") never sets it up: no input method in the
environment, no keyboard widget, and none of its modules loaded, even when a field
takes the focus."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import exit_codes
from tests.helpers.child_script import kiosk_env, run_script
from tests.keyboard.conftest import OWN_PROCESS

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def _environment(tmp_path: Path) -> dict[str, str]:
    env = kiosk_env(tmp_path)
    for variable in ("QT_IM_MODULE", "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", OWN_PROCESS):
        env.pop(variable, None)
    return env


@pytest.mark.parametrize("tests", sorted(p.name for p in HERE.glob("test_keys_*.py")))
def test_the_keyboards_tests_pass_in_their_own_process(tmp_path: Path, tests: str) -> None:
    env = _environment(tmp_path)
    env[OWN_PROCESS] = "1"
    # With pytest-qt's capture of Qt's messages (a Python message handler, as the kiosk's
    # log has): loading the keyboard once hung with one (see kiosk/keyboard/qt/panel.py).
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    out = subprocess.run(
        [*command, str(HERE / tests)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )
    report = "\n".join(line for line in out.stdout.splitlines() if "dbus" not in line)
    assert out.returncode == 0, report[-6000:] + out.stderr[-2000:]
    assert " passed" in report and " skipped" not in report


CHILD = """
import json, os, sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from PySide6.QtTest import QTest
from kiosk.app import create
from kiosk.config import from_mapping

config = {"kiosk": {"windowed": True}, "speech": {"engine": "mock"},
          "keyboard": {"on_screen": "never"}}
kiosk = create(from_mapping(config))
kiosk.window.show()
kiosk.keeper.start_visit()
kiosk.call_for_help()
field = kiosk.helpdesk._dialog.findChild(QLineEdit, "help-phone-input")
QTest.qWaitForWindowExposed(field.window())
QTest.mouseClick(field, Qt.MouseButton.LeftButton)
QTest.qWait(300)
shown = [w.objectName() for w in kiosk.qapp.allWidgets()
         if w.objectName() == "on-screen-keyboard" and w.isVisible()]
result = {
    "focused": field.hasFocus(),
    "im_module": os.environ.get("QT_IM_MODULE"),
    "keyboard": kiosk.keyboard is not None,
    "shown": shown,
    "modules": sorted(
        m for m in sys.modules if "QuickWidgets" in m or m.startswith("kiosk.keyboard.qt")
    ),
}
kiosk.shutdown()
print(json.dumps(result))
"""


def test_never_sets_nothing_up(tmp_path: Path) -> None:
    result = run_script(CHILD, _environment(tmp_path))
    assert result["focused"], "the phone field did not take the focus"
    assert result == {
        "focused": True,
        "im_module": None,
        "keyboard": False,
        "shown": [],
        "modules": [],
    }


WATCH_CHILD = """
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from kiosk import app_keyboard
from kiosk.app import create
from kiosk.config import from_mapping
from kiosk.keyboard import choice
from kiosk.session.lifecycle import State

plugged = Path(os.environ["TEST_KEYBOARD_FLAG"])  # there: a physical keyboard is attached
choice.physical_keyboard_attached = plugged.exists
app_keyboard.WATCH_MS = 20
config = {"kiosk": {"windowed": True}, "speech": {"engine": "mock"},
          "keyboard": {"on_screen": os.environ["TEST_KEYBOARD_MODE"]}}
kiosk = create(from_mapping(config))
kiosk.window.show()
seen = {"keyboard": kiosk.keyboard is not None,
        "watching": kiosk.findChild(QTimer, "keyboard-watch") is not None}

def change_during_a_visit():
    kiosk.keeper.start_visit()
    if plugged.exists():
        plugged.unlink()
    else:
        plugged.touch()

def end_the_visit():
    seen["running_during_the_visit"] = kiosk.keeper.lifecycle.state is State.ACTIVE
    kiosk.keeper.end_session()

QTimer.singleShot(300, change_during_a_visit)
QTimer.singleShot(1500, end_the_visit)
QTimer.singleShot(5000, lambda: kiosk.qapp.exit(0))  # no restart within 3.5 s: exit 0
seen["exit_code"] = kiosk.qapp.exec()
kiosk.shutdown()
print(json.dumps(seen))
"""


@pytest.mark.parametrize(
    ("mode", "attached_at_start", "restarts"),
    [
        ("auto", True, True),  # pulled out overnight: the next visitor needs the keys
        ("auto", False, True),  # plugged in: the keys go away
        ("never", True, False),
        ("always", False, False),
    ],
)
def test_a_keyboard_plugged_in_or_pulled_out_is_followed_between_visitors(
    tmp_path: Path, mode: str, attached_at_start: bool, restarts: bool
) -> None:
    """Qt's input method is chosen at start-up: with "auto", the kiosk starts again (exit
    79: the supervisor starts it at once) when the keyboard has changed, never while a
    visitor is there."""
    env = _environment(tmp_path)
    flag = tmp_path / "keyboard-attached"
    if attached_at_start:
        flag.touch()
    env.update(TEST_KEYBOARD_FLAG=str(flag), TEST_KEYBOARD_MODE=mode)
    result = run_script(WATCH_CHILD, env)
    assert result["watching"] is (mode == "auto")
    assert result["running_during_the_visit"], "restarted while a visitor was there"
    assert result["exit_code"] == (exit_codes.RESTART if restarts else 0)
