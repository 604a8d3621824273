"""Start-up checks that refuse an unsafe environment."""

from __future__ import annotations

import pytest

from kiosk.launcher import UnsafeEnvironmentError, check_environment


def test_clean_environment_is_fine() -> None:
    check_environment({"QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}, ["kiosk", "run"])


@pytest.mark.parametrize(
    ("environ", "argv"),
    [
        ({"QTWEBENGINE_REMOTE_DEBUGGING": "9222"}, ["kiosk"]),
        ({"QTWEBENGINE_CHROMIUM_FLAGS": "--remote-debugging-port=9222"}, ["kiosk"]),
        ({}, ["kiosk", "run", "--remote-debugging-port=9222"]),
        ({}, ["kiosk", "--remote-debugging-pipe"]),
    ],
)
def test_remote_debugging_is_refused(environ: dict[str, str], argv: list[str]) -> None:
    with pytest.raises(UnsafeEnvironmentError, match="remote debugging"):
        check_environment(environ, argv)
