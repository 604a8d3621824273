"""The `kiosk` command: version, plain errors for bad settings, and no Qt for the checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.cli import EXIT_USAGE, main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"kiosk {__version__}"


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == EXIT_USAGE
    assert "run" in capsys.readouterr().out


def test_run_with_bad_config_names_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[session]\nidle_timeout_s = 'x'\n")
    assert main(["run", "--config", str(config)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert str(config) in err
    assert "session.idle_timeout_s" in err


def test_run_with_missing_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--config", str(tmp_path / "missing.toml")]) == EXIT_USAGE
    assert "does not exist" in capsys.readouterr().err


def test_console_script_exists() -> None:
    kiosk = Path(sys.executable).parent / "kiosk"
    result = subprocess.run([str(kiosk), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert __version__ in result.stdout
