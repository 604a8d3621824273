"""``kiosk run`` refuses a browser that is not locked down. The first visitor's browser is
made soon after the first screen (issue 14), so the refusal comes from the event loop:
the kiosk exits as refused (2, a human must look; the supervisor does not restart it in
a loop) and says why, as it did when the check ran before the first screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import exit_codes
from tests.helpers.child_script import kiosk_env, run_child

pytestmark = pytest.mark.e2e

CHILD = """
import sys
from PySide6.QtWebEngineCore import QWebEngineSettings
from kiosk import launcher
from kiosk.browser.webengine import settings
from kiosk.config import from_mapping

original = settings.apply

def a_default_turned_back_on(web_settings):  # as a Qt upgrade might
    original(web_settings)
    web_settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)

settings.apply = a_default_turned_back_on
config = {"kiosk": {"windowed": True}, "speech": {"engine": "mock"},
          "keyboard": {"on_screen": "never"}}
sys.exit(launcher.run(from_mapping(config)))
"""


def test_kiosk_run_refuses_a_browser_that_is_not_locked_down(tmp_path: Path) -> None:
    env = kiosk_env(tmp_path)
    env["KIOSK_DEVELOPMENT"] = "1"  # as root on CI: no browser sandbox
    out = run_child(CHILD, env)
    assert out.returncode == exit_codes.REFUSED, out.stderr[-3000:]
    assert (
        "The kiosk refuses to start: the browser is not locked down: "
        "LocalContentCanAccessFileUrls is on" in out.stderr
    )
    assert "unexpected error" not in out.stderr  # a refusal, not a crash
