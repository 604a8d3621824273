"""The start-up sweep removes what an interrupted session left behind."""

from __future__ import annotations

from pathlib import Path

from kiosk.session.recovery import sweep


def test_sweep_removes_session_folders_and_engine_data(tmp_path: Path) -> None:
    (tmp_path / "session-1" / "downloads").mkdir(parents=True)
    (tmp_path / "session-1" / "downloads" / "a.pdf").write_text("x")
    (tmp_path / "session-2").mkdir()
    (tmp_path / "engine" / "data" / "digituki-kiosk" / "QtWebEngine").mkdir(parents=True)
    (tmp_path / "engine" / "cache" / "digituki-kiosk" / "QtWebEngine").mkdir(parents=True)
    (tmp_path / "engine" / "cache" / "fontconfig").mkdir(parents=True)
    (tmp_path / "unrelated").mkdir()

    assert sweep(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["engine", "unrelated"]
    assert not (tmp_path / "engine" / "data").exists()
    assert not (tmp_path / "engine" / "cache" / "digituki-kiosk" / "QtWebEngine").exists()
    assert (tmp_path / "engine" / "cache" / "fontconfig").exists()


def test_sweep_keeps_the_current_session(tmp_path: Path) -> None:
    keep = tmp_path / "session-now"
    keep.mkdir()
    (tmp_path / "session-old").mkdir()
    assert sweep(tmp_path, keep=keep) == 1
    assert keep.exists()


def test_sweep_of_a_missing_folder(tmp_path: Path) -> None:
    assert sweep(tmp_path / "nope") == 0
