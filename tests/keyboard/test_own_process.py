"""Runs the keyboard's tests in a pytest of their own (see conftest.py), and checks that a
kiosk whose keyboard is off ("never") never sets it up: no input method in the
environment, no keyboard widget, and none of its modules loaded, even when a field
takes the focus."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
