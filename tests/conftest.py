"""Test-wide set-up: a headless Qt, and a disk of our own for every test.

QtWebEngine and the kiosk read their paths from the environment, so the environment is
prepared here, at import time, before pytest-qt creates the QApplication.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Chromium refuses to run as root with its sandbox on. CI runs as root; only then.
if hasattr(os, "geteuid") and os.geteuid() == 0:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--no-sandbox" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox".strip()
# A fake camera and microphone, so that a page's request reaches the kiosk's permission
# table (without a device Chromium answers "not found" before asking). Only the devices
# are fake: every permission is still decided by the kiosk (never --use-fake-ui-...).
_FAKE_DEVICES = "--use-fake-device-for-media-stream"
_flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
if _FAKE_DEVICES not in _flags:
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{_flags} {_FAKE_DEVICES}".strip()

# Nothing a test run does may land in the real home: QtWebEngine and Qt write below these.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="kiosk-test-home-"))
for _var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_SESSION_HOME / _var.lower())
os.environ.pop("XDG_RUNTIME_DIR", None)
os.environ.pop("QTWEBENGINE_REMOTE_DEBUGGING", None)
# Nothing a test run prints may reach a real printer: Qt and libcups talk only to this
# run's own CUPS scheduler (tests/helpers/cups.py), which the printing tests start.
os.environ["CUPS_SERVER"] = str(Path(tempfile.gettempdir()) / f"kiosk-cups-{os.getpid()}.sock")


@pytest.fixture(autouse=True)
def kiosk_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    """Every test gets its own config, data and runtime (session) folders."""
    dirs = {
        "data": tmp_path / "data",
        "runtime": tmp_path / "runtime",
        "config": tmp_path / "config" / "kiosk.toml",
    }
    monkeypatch.setenv("KIOSK_DATA_DIR", str(dirs["data"]))
    monkeypatch.setenv("KIOSK_RUNTIME_DIR", str(dirs["runtime"]))
    monkeypatch.setenv("KIOSK_CONFIG", str(dirs["config"]))
    yield dirs


#: pytest-timeout (``timeout`` in pyproject.toml) fails a test that hangs with SIGALRM. But
#: the exception it raises lands in whatever Python code runs next, and inside a Qt event
#: loop that is often a slot, whose exceptions Qt swallows (pytest-qt reports them when
#: the test ends, if it ever does). So this long after the timeout, every thread's stack
#: is written and the run ends: one hung test may stop the run, but never hold CI forever.
HARD_STOP_AFTER_S = 60
_hard_stops: dict[str, threading.Timer] = {}


def _stop_the_run(item: pytest.Item) -> None:
    capture = item.config.pluginmanager.getplugin("capturemanager")
    if capture is not None:
        capture.suspend_global_capture(in_=True)  # write to the real stderr
    sys.stderr.write(f"\n{item.nodeid} still hangs after its timeout; every thread's stack:\n")
    faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
    sys.stderr.flush()
    os._exit(1)


@pytest.hookimpl
def pytest_timeout_set_timer(item: pytest.Item, settings: Any) -> None:
    if settings.timeout:
        timer = threading.Timer(settings.timeout + HARD_STOP_AFTER_S, _stop_the_run, [item])
        timer.daemon = True
        timer.start()
        _hard_stops[item.nodeid] = timer


@pytest.hookimpl
def pytest_timeout_cancel_timer(item: pytest.Item) -> None:
    timer = _hard_stops.pop(item.nodeid, None)
    if timer is not None:
        timer.cancel()


pytest_plugins = ["tests.helpers.kiosk_fixtures", "tests.helpers.idle_clock", "tests.helpers.cups"]
