"""The report of ``kiosk guides check``: what is ready, what is not shown, and why."""

from __future__ import annotations

from pathlib import Path

from kiosk.guides.report import check_report
from tests.helpers.guide_samples import IDENTIFICATION_HOSTS, VALID_GUIDE, variant, write_guide


def test_an_empty_folder_is_not_fine(tmp_path: Path) -> None:
    report, ok = check_report(tmp_path, IDENTIFICATION_HOSTS)

    assert not ok
    assert report == (
        f"Guides in {tmp_path}\n  No guides found. Each guide is a folder with a guide.yaml in it."
    )


def test_good_guides_are_fine(tmp_path: Path) -> None:
    write_guide(tmp_path, VALID_GUIDE)

    report, ok = check_report(tmp_path, IDENTIFICATION_HOSTS)

    assert ok
    assert report == (
        f"Guides in {tmp_path}\n"
        "  OK             sample (3 steps, fi, sv, en)\n"
        "\n"
        "1 guide(s) ready, 0 not shown; 0 error(s), 0 warning(s)."
    )


def test_a_warning_is_shown_and_makes_the_check_fail(tmp_path: Path) -> None:
    file = write_guide(tmp_path, variant("icon: icon.svg", "icon: gone.svg"))

    report, ok = check_report(tmp_path, IDENTIFICATION_HOSTS)

    assert not ok
    assert report == (
        f"Guides in {tmp_path}\n"
        "  1 warning(s)   sample (3 steps, fi, sv, en)\n"
        "\n"
        "Problems:\n"
        f"  {file}:4: warning: icon 'gone.svg' does not exist next to guide.yaml\n"
        "\n"
        "1 guide(s) ready, 0 not shown; 0 error(s), 1 warning(s).\n"
        "Guides with warnings are shown, but please fix the warnings."
    )


def test_a_guide_with_an_error_is_not_shown(tmp_path: Path) -> None:
    write_guide(tmp_path, VALID_GUIDE, "good")
    broken = write_guide(tmp_path, variant("id: sample", "id: other\ncolour: red"), "broken")

    report, ok = check_report(tmp_path, IDENTIFICATION_HOSTS)

    assert not ok
    assert report == (
        f"Guides in {tmp_path}\n"
        "  OK             sample (3 steps, fi, sv, en)\n"
        f"  NOT SHOWN      {broken} (errors below)\n"
        "\n"
        "Problems:\n"
        f"  {broken}:2: error: unknown field 'colour' in the guide.\n"
        "\n"
        "1 guide(s) ready, 1 not shown; 1 error(s), 0 warning(s).\n"
        "A guide with errors is not shown on the kiosk until it is fixed."
    )


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    report, ok = check_report(tmp_path / "nowhere", IDENTIFICATION_HOSTS)

    assert not ok
    assert f"{tmp_path / 'nowhere'}:0: error: the guides folder does not exist" in report


def test_substitutions_are_used_like_the_kiosk_uses_them(tmp_path: Path) -> None:
    text = variant("start_url: https://www.kela.fi/start", "start_url: '{site}/start'")
    text = variant('  - "*.kela.fi"', '  - "*.kela.fi"\n  - "{site}"', text)
    write_guide(tmp_path, text)

    report, ok_without = check_report(tmp_path, IDENTIFICATION_HOSTS)
    _, ok_with = check_report(tmp_path, IDENTIFICATION_HOSTS, {"site": "http://127.0.0.1:8765"})

    assert (ok_without, ok_with) == (False, True)
    assert "allowed_hosts: '{site}': a host name has only letters" in report
