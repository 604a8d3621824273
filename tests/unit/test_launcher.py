"""Start-up checks that refuse an unsafe environment: an installed kiosk never runs as
root, without Chromium's sandbox, with remote debugging or with a switch that opens the
browser to the network or the disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import launcher
from kiosk.cli import EXIT_USAGE, main
from kiosk.launcher import UNSAFE_SWITCHES, UnsafeEnvironmentError, check_environment


def test_clean_environment_is_fine_and_adds_nothing() -> None:
    assert check_environment({}, ["kiosk", "run"]) == []
    flags = {"QTWEBENGINE_CHROMIUM_FLAGS": "--use-fake-device-for-media-stream"}
    assert check_environment(flags, ["kiosk", "run"]) == []


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
        check_environment(environ, argv, as_root=True, development=True)


@pytest.mark.parametrize("switch", sorted(UNSAFE_SWITCHES))
def test_every_unsafe_switch_is_refused_on_an_installed_kiosk(switch: str) -> None:
    environ = {"QTWEBENGINE_CHROMIUM_FLAGS": f"--lang=fi {switch}=1"}
    with pytest.raises(UnsafeEnvironmentError, match=UNSAFE_SWITCHES[switch][:20]):
        check_environment(environ, ["kiosk", "run"])


def test_root_is_refused_unless_for_development() -> None:
    with pytest.raises(UnsafeEnvironmentError, match="must not run as root"):
        check_environment({}, ["kiosk", "run"], as_root=True)
    # A developer's machine as root: the sandbox cannot run, so it is turned off, once.
    assert check_environment({}, ["kiosk"], as_root=True, development=True) == ["--no-sandbox"]
    flags = {"QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}
    assert check_environment(flags, ["kiosk"], as_root=True, development=True) == []
    # ... but never without being root: the sandbox works there.
    with pytest.raises(UnsafeEnvironmentError, match="sandbox"):
        check_environment(flags, ["kiosk"], as_root=False, development=True)


def test_kiosk_run_as_root_says_why_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.delenv(launcher.ENV_DEVELOPMENT, raising=False)
    monkeypatch.delenv("QTWEBENGINE_CHROMIUM_FLAGS", raising=False)
    monkeypatch.setattr(launcher, "_is_root", lambda: True)
    monkeypatch.setattr(launcher.logsetup, "setup", lambda **_: None)
    config = tmp_path / "kiosk.toml"
    config.write_text("config_version = 1\n")
    assert main(["run", "--config", str(config)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "must not run as root" in err
    assert "--development" in err  # what a developer may do instead
    assert "Traceback" not in err
