"""``kiosk guides check``: the report on stdout and an exit code a script can use."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main
from tests.helpers.guide_samples import VALID_GUIDE, variant, write_guide


def test_good_guides_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_guide(tmp_path, VALID_GUIDE)

    assert main(["guides", "check", str(tmp_path)]) == EXIT_OK

    out = capsys.readouterr().out
    assert "OK             sample (3 steps, fi, sv, en)" in out
    assert out.endswith("1 guide(s) ready, 0 not shown; 0 error(s), 0 warning(s).\n")


def test_a_warning_exits_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_guide(tmp_path, variant("image: step-3.png", "image: step-9.png"))

    assert main(["guides", "check", str(tmp_path)]) == EXIT_PROBLEMS

    assert "warning: step 3 image 'step-9.png' does not exist" in capsys.readouterr().out


def test_an_error_exits_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_guide(tmp_path, variant("category: money", "category: food"))

    assert main(["guides", "check", str(tmp_path)]) == EXIT_PROBLEMS

    assert "NOT SHOWN" in capsys.readouterr().out


def test_no_guides_exits_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guides", "check", str(tmp_path)]) == EXIT_PROBLEMS

    assert "No guides found" in capsys.readouterr().out


def test_a_settings_file_that_does_not_exist_exits_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "kiosk.toml"

    assert main(["guides", "check", str(tmp_path), "--config", str(missing)]) == EXIT_USAGE

    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{missing}: the file does not exist" in captured.err


def test_the_settings_file_gives_the_identification_hosts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_guide(tmp_path / "guides", VALID_GUIDE)
    settings = tmp_path / "kiosk.toml"
    settings.write_text('[browser]\nidentification_hosts = ["*.example.fi"]\n', encoding="utf-8")

    code = main(["guides", "check", str(tmp_path / "guides"), "--config", str(settings)])

    assert code == EXIT_PROBLEMS
    assert "tunnistus.suomi.fi is not in allowed_hosts" in capsys.readouterr().out


def test_without_a_folder_the_shipped_guides_are_checked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["guides", "check"])

    out = capsys.readouterr().out
    assert code == EXIT_OK, out
    assert out.startswith(f"Guides in {Path(__file__).parents[3] / 'guides'}\n")
