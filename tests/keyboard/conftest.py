"""The on-screen keyboard's tests run in a pytest process of their own.

Qt Virtual Keyboard is Qt's input method only when the environment says so before the
QApplication exists (as ``kiosk.app.create`` does for a kiosk whose keyboard is on), and
the rest of the suite must run without it. So in the suite's own process only
``test_own_process.py`` is collected here: it runs the ``test_keys_*.py`` files in a
child pytest with ``KIOSK_TEST_KEYBOARD=1``, where this file sets the environment at
import time, before pytest-qt makes the QApplication.
"""

from __future__ import annotations

import os

from kiosk.keyboard.choice import enable_environment

OWN_PROCESS = "KIOSK_TEST_KEYBOARD"

if os.environ.get(OWN_PROCESS) == "1":
    enable_environment()
    collect_ignore = ["test_own_process.py"]
else:
    collect_ignore_glob = ["test_keys_*.py"]
