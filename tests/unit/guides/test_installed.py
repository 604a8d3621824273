"""The installed guide packs: what state.json says decides what the kiosk shows; every
step leaves a state that names only complete folders; a pack that does not load, or
that the kiosk died switching to, gives way to the one before, then to the shipped
guides."""

from __future__ import annotations

import datetime
import json
import logging
from pathlib import Path

import pytest

from kiosk.guides.installed import (
    STATE_FILE,
    InstalledPacks,
    PackState,
    Staged,
    folder_in_use,
    load_guides,
)
from kiosk.guides.loader import load_library
from kiosk.guides.model import Library
from kiosk.guides.packs import PackError, build_pack
from tests.helpers.guide_packs import with_changed_guide
from tests.helpers.guide_samples import IDENTIFICATION_HOSTS, variant, write_guide

NOW = datetime.datetime(2026, 12, 5, 9, 30, tzinfo=datetime.UTC)


def _load(folder: Path) -> Library:
    return load_library(folder, IDENTIFICATION_HOSTS)


def _pack(tmp_path: Path, version: str, *guide_ids: str) -> Path:
    folder = tmp_path / f"src-{version}"
    for guide_id in guide_ids or ("sample",):
        write_guide(folder, variant("id: sample", f"id: {guide_id}"), guide_id)
    out = tmp_path / f"{version}.guidepack"
    build_pack(folder, out, IDENTIFICATION_HOSTS, version=version, now=NOW)
    return out


def _shipped(tmp_path: Path) -> Path:
    folder = tmp_path / "shipped"
    write_guide(folder, variant("id: sample", "id: shipped-guide"), "shipped-guide")
    return folder


def _install(packs: InstalledPacks, pack: Path, version: str) -> Staged:
    staged = packs.stage(pack, version, IDENTIFICATION_HOSTS)
    packs.switch(staged)
    packs.confirm()
    return staged


def _ids(library: Library) -> set[str]:
    return {guide.id for guide in library.guides}


def test_without_any_pack_the_shipped_guides_show(tmp_path: Path) -> None:
    packs = InstalledPacks(tmp_path / "packs")

    library, version = load_guides(packs, _shipped(tmp_path), _load)

    assert version is None and _ids(library) == {"shipped-guide"}
    assert not (tmp_path / "packs").exists()  # nothing is written for nothing


def test_a_staged_pack_is_not_in_use_until_switched(tmp_path: Path) -> None:
    packs = InstalledPacks(tmp_path / "packs")

    staged = packs.stage(_pack(tmp_path, "1", "alpha"), "1", IDENTIFICATION_HOSTS)

    assert staged.version == "1" and (packs.folder(staged.folder) / "alpha").is_dir()
    assert packs.state() == PackState()
    library, version = load_guides(packs, _shipped(tmp_path), _load)
    assert version is None and _ids(library) == {"shipped-guide"}
    # A start-up tidies it away: no state names it.
    assert not packs.folder(staged.folder).exists()


def test_switching_keeps_the_pack_before_and_a_third_pack_drops_the_oldest(
    tmp_path: Path,
) -> None:
    packs = InstalledPacks(tmp_path / "packs")
    first = _install(packs, _pack(tmp_path, "1", "alpha"), "1")
    second = _install(packs, _pack(tmp_path, "2", "beta"), "2")

    state = packs.state()
    assert (state.current_version, state.previous_version) == ("2", "1")
    assert not state.trial
    library, version = load_guides(packs, _shipped(tmp_path), _load)
    assert version == "2" and _ids(library) == {"beta"}

    third = _install(packs, _pack(tmp_path, "3", "gamma"), "3")
    folders = sorted(p.name for p in packs.root.iterdir() if p.is_dir())
    assert folders == sorted([second.folder, third.folder])
    assert not packs.folder(first.folder).exists()


def test_the_state_file_is_replaced_whole(tmp_path: Path) -> None:
    packs = InstalledPacks(tmp_path / "packs")
    _install(packs, _pack(tmp_path, "1"), "1")

    names = sorted(p.name for p in packs.root.iterdir() if p.is_file())
    assert names == [STATE_FILE]  # no ".new" left behind
    data = json.loads((packs.root / STATE_FILE).read_text())
    assert data["current_version"] == "1" and data["trial"] is False


def test_a_pack_that_does_not_load_gives_way_to_the_one_before(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    packs = InstalledPacks(tmp_path / "packs")
    _install(packs, _pack(tmp_path, "1", "alpha"), "1")
    second = _install(packs, _pack(tmp_path, "2", "beta"), "2")
    # The disk damaged the pack in use after it went in.
    broken = packs.folder(second.folder) / "beta" / "guide.yaml"
    broken.write_text(variant("category: money", "category: food"))

    with caplog.at_level(logging.WARNING, "kiosk.guides"):
        library, version = load_guides(packs, _shipped(tmp_path), _load)

    assert version == "1" and _ids(library) == {"alpha"}
    state = packs.state()
    assert state.current_version == "1" and state.previous is None
    assert "pack 2 does not load: 1 error(s) in its guides" in (state.problem or "")
    assert "now showing pack 1" in caplog.text


def test_when_no_pack_loads_the_shipped_guides_show(tmp_path: Path) -> None:
    packs = InstalledPacks(tmp_path / "packs")
    first = _install(packs, _pack(tmp_path, "1", "alpha"), "1")
    second = _install(packs, _pack(tmp_path, "2", "beta"), "2")
    for staged, guide_id in ((first, "alpha"), (second, "beta")):
        (packs.folder(staged.folder) / guide_id / "guide.yaml").unlink()

    library, version = load_guides(packs, _shipped(tmp_path), _load)

    assert version is None and _ids(library) == {"shipped-guide"}
    assert packs.state().current is None


def test_a_kiosk_that_died_switching_goes_back_and_counts_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    packs = InstalledPacks(tmp_path / "packs")
    _install(packs, _pack(tmp_path, "1", "alpha"), "1")
    for attempt in (1, 2):
        staged = packs.stage(_pack(tmp_path, "2", "beta"), "2", IDENTIFICATION_HOSTS)
        packs.switch(staged)  # ... and the kiosk died before the tiles showed

        with caplog.at_level(logging.WARNING, "kiosk.guides"):
            library, version = load_guides(packs, _shipped(tmp_path), _load)

        assert version == "1" and _ids(library) == {"alpha"}
        assert "the kiosk stopped while switching to pack 2" in caplog.text
        assert packs.state().crashes == {"2": attempt}
    assert packs.crashed_too_often("2") and not packs.crashed_too_often("1")


def test_a_damaged_state_file_is_moved_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    packs = InstalledPacks(tmp_path / "packs")
    _install(packs, _pack(tmp_path, "1"), "1")
    (packs.root / STATE_FILE).write_bytes(b'{"current": "../../etc"')

    with caplog.at_level(logging.ERROR, "kiosk.guides"):
        library, version = load_guides(packs, _shipped(tmp_path), _load)

    assert version is None and _ids(library) == {"shipped-guide"}
    assert "is damaged" in caplog.text
    assert (packs.root / (STATE_FILE + ".damaged")).exists()


@pytest.mark.parametrize("name", ["../outside", "pack-1/../../x", "/etc", "guides"])
def test_a_state_never_names_a_folder_outside_the_packs(name: str) -> None:
    with pytest.raises(ValueError, match="not a pack folder"):
        PackState.from_json(json.dumps({"current": name}).encode())


def test_a_pack_with_a_broken_guide_is_not_staged(tmp_path: Path) -> None:
    """Every hash right (edited by hand), but a guide fails the check: nothing is left."""
    pack = with_changed_guide(
        _pack(tmp_path, "1"), "guides/sample/guide.yaml", variant("category: money", "category: x")
    )
    packs = InstalledPacks(tmp_path / "packs")

    with pytest.raises(PackError) as refused:
        packs.stage(pack, "1", IDENTIFICATION_HOSTS)

    assert refused.value.problems == (
        "guides/sample/guide.yaml:2: error: category 'x' must be one of: identification, "
        "money, health, work, housing, mail, practice, other",
    )
    assert not refused.value.transient
    assert list(packs.root.iterdir()) == []


def test_refusals_are_remembered_within_a_limit(tmp_path: Path) -> None:
    packs = InstalledPacks(tmp_path / "packs")
    for number in range(25):
        packs.refuse(f"offer-{number}", f"reason {number}")

    state = packs.state()
    assert len(state.refused) == 20 and "offer-24" in state.refused
    assert "offer-0" not in state.refused
    assert state.problem == "reason 24"


def test_the_folder_in_use_is_the_packs_when_one_is_shown(tmp_path: Path) -> None:
    packs = InstalledPacks(tmp_path / "packs")
    shipped = _shipped(tmp_path)
    assert folder_in_use(packs, shipped) == (shipped, None)

    staged = _install(packs, _pack(tmp_path, "7", "alpha"), "7")

    assert folder_in_use(packs, shipped) == (packs.folder(staged.folder), "7")
    # A pack folder that has gone (a damaged disk): what the kiosk falls back to.
    packs.folder(staged.folder).rename(tmp_path / "gone")
    assert folder_in_use(packs, shipped) == (shipped, None)
