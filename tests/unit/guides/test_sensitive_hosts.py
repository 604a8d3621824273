"""A guide's ``sensitive_hosts``: pages a remote supporter must never see. Checked like
``allowed_hosts``; a host the guide cannot reach is a warning (it hides nothing)."""

from __future__ import annotations

from pathlib import Path

from kiosk.guides.loader import load_guide
from tests.helpers.guide_samples import (
    IDENTIFICATION_HOSTS,
    VALID_GUIDE,
    line_of,
    variant,
    write_guide,
)

HOSTS = 'allowed_hosts:\n  - "*.kela.fi"\n'


def _with(sensitive: str) -> str:
    return variant(HOSTS, HOSTS + f"sensitive_hosts:\n{sensitive}")


def test_sensitive_hosts_are_read(tmp_path: Path) -> None:
    guide, problems = load_guide(
        write_guide(tmp_path, _with('  - "maksu.kela.fi"\n  - tunnistus.suomi.fi\n')),
        IDENTIFICATION_HOSTS,
    )
    assert problems == []
    assert guide is not None
    assert guide.sensitive_hosts == ("maksu.kela.fi", "tunnistus.suomi.fi")


def test_no_sensitive_hosts_is_fine(tmp_path: Path) -> None:
    guide, problems = load_guide(write_guide(tmp_path, VALID_GUIDE), IDENTIFICATION_HOSTS)
    assert problems == [] and guide is not None
    assert guide.sensitive_hosts == ()


def test_a_bad_host_is_an_error_with_its_line(tmp_path: Path) -> None:
    text = _with('  - "https://maksu.kela.fi/pay"\n')
    guide, problems = load_guide(write_guide(tmp_path, text), IDENTIFICATION_HOSTS)
    assert guide is None
    assert len(problems) == 1
    assert problems[0].error
    assert problems[0].line == line_of(text, "maksu.kela.fi/pay")
    assert "sensitive_hosts" in problems[0].message and "without a path" in problems[0].message


def test_a_host_the_guide_cannot_reach_is_a_warning(tmp_path: Path) -> None:
    text = _with("  - pankki.example.fi\n")
    guide, problems = load_guide(write_guide(tmp_path, text), IDENTIFICATION_HOSTS)
    assert guide is not None  # a warning: the guide still loads
    assert [p.error for p in problems] == [False]
    assert "not in allowed_hosts" in problems[0].message
    assert problems[0].line == line_of(text, "pankki.example.fi")
