"""The updater with a stand-in help desk: a new pack is fetched, checked and staged, then
switched to; everything that can go wrong leaves the kiosk on the pack it shows, says so
in one log line, and is reported with the next check."""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk.guides.installed import InstalledPacks
from kiosk.guides.model import Library
from kiosk.guides.packs import Verifier, build_pack, manifest_signature, signature_matches
from kiosk.guides.updater import Offer, Sink, SourceError, Updater
from tests.helpers.guide_packs import with_changed_guide
from tests.helpers.guide_samples import IDENTIFICATION_HOSTS, variant, write_guide

NOW = datetime.datetime(2026, 12, 5, 9, 30, tzinfo=datetime.UTC)
KEY = b"k" * 32


@dataclass
class FakeDesk:
    """A help desk with one pack on offer, signed with its key for this kiosk."""

    pack: Path | None = None
    key: bytes = KEY
    offer_key: bytes = KEY
    reports: list[tuple[str | None, str | None]] = field(default_factory=list)
    downloads: int = 0
    unreachable: bool = False
    damage: bool = False

    def offer(self) -> Offer | None:
        if self.pack is None:
            return None
        data = self.pack.read_bytes()
        with zipfile.ZipFile(self.pack) as archive:
            manifest = archive.read("manifest.json")
        version = json.loads(manifest)["version"]
        signature = manifest_signature(self.offer_key, manifest)
        return Offer(version, len(data), hashlib.sha256(data).hexdigest(), signature)

    def check(self, current: str | None, problem: str | None) -> Offer | None:
        if self.unreachable:
            raise SourceError("the help desk cannot be reached (ConnectionRefusedError)")
        self.reports.append((current, problem))
        return self.offer()

    def download(self, offer: Offer, out: Sink) -> None:
        assert self.pack is not None
        self.downloads += 1
        data = bytearray(self.pack.read_bytes())
        if self.damage:
            data[len(data) // 2] ^= 0xFF
        out.write(bytes(data))

    def verifier(self) -> Verifier:
        return lambda manifest, signature: signature_matches(self.key, manifest, signature)


def _pack(tmp_path: Path, version: str, *guide_ids: str) -> Path:
    folder = tmp_path / f"src-{version}"
    for guide_id in guide_ids:
        write_guide(folder, variant("id: sample", f"id: {guide_id}"), guide_id)
    out = tmp_path / f"{version}.guidepack"
    build_pack(folder, out, IDENTIFICATION_HOSTS, version=version, now=NOW)
    return out


def _updater(tmp_path: Path, desk: FakeDesk, free: int = 10**12) -> Updater:
    shipped = tmp_path / "shipped"
    write_guide(shipped, variant("id: sample", "id: shipped-guide"), "shipped-guide")
    return Updater(
        InstalledPacks(tmp_path / "packs"),
        desk,
        shipped,
        IDENTIFICATION_HOSTS,
        free_space=lambda _folder: free,
    )


class Screen:
    """What ``show`` was given: the tiles the kiosk would show."""

    def __init__(self) -> None:
        self.shown: list[tuple[set[str], str | None]] = []

    def __call__(self, library: Library, version: str | None) -> None:
        self.shown.append(({g.id for g in library.guides}, version))


def _leftovers(updater: Updater) -> list[str]:
    state = updater.packs.state()
    keep = {"state.json", state.current, state.previous}
    return sorted(p.name for p in updater.packs.root.iterdir() if p.name not in keep)


def test_a_new_pack_is_staged_then_switched_to_and_reported(tmp_path: Path) -> None:
    desk = FakeDesk(_pack(tmp_path, "1", "alpha", "beta"))
    updater = _updater(tmp_path, desk)
    assert updater.start_guides().version is None

    staged = updater.fetch()

    assert staged is not None and staged.version == "1"
    assert updater.packs.state().current is None  # nothing switched yet
    screen = Screen()
    assert updater.activate(staged, screen)
    assert screen.shown == [({"alpha", "beta"}, "1")]
    state = updater.packs.state()
    assert state.current_version == "1" and not state.trial
    # The next check reports it, and nothing is downloaded again.
    assert updater.fetch() is None
    assert desk.reports == [(None, None), ("1", None)] and desk.downloads == 1


def test_no_pack_published_and_no_help_desk_change_nothing(tmp_path: Path) -> None:
    desk = FakeDesk()
    updater = _updater(tmp_path, desk)
    assert updater.fetch() is None
    desk.unreachable = True
    assert updater.fetch() is None
    assert updater.packs.state().current is None


def test_a_pack_from_another_server_is_refused_for_good(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    desk = FakeDesk(_pack(tmp_path, "1", "alpha"), offer_key=b"o" * 32)
    updater = _updater(tmp_path, desk)

    with caplog.at_level(logging.WARNING, "kiosk.guides"):
        assert updater.fetch() is None

    assert "pack 1 was refused: the pack's signature does not match: it was" in caplog.text
    assert "staying on the shipped guides" in caplog.text
    assert _leftovers(updater) == []
    assert updater.fetch() is None
    assert desk.downloads == 1  # not fetched again
    assert desk.reports[-1] == (
        None,
        "pack 1 was refused: the pack's signature does not match: it was changed on the "
        "way, or it is not from the help desk this kiosk is paired with",
    )


def test_a_damaged_download_is_tried_again_later(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    desk = FakeDesk(_pack(tmp_path, "1", "alpha"), damage=True)
    updater = _updater(tmp_path, desk)

    with caplog.at_level(logging.WARNING, "kiosk.guides"):
        assert updater.fetch() is None

    assert "pack 1: the download was damaged; staying on the shipped guides" in caplog.text
    assert _leftovers(updater) == []
    desk.damage = False
    staged = updater.fetch()
    assert staged is not None and desk.downloads == 2
    assert desk.reports[-1] == (None, "pack 1: the download was damaged")


def test_too_little_disk_space_leaves_everything_as_it_is(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    desk = FakeDesk(_pack(tmp_path, "1", "alpha"))
    updater = _updater(tmp_path, desk, free=5 * 2**20)

    with caplog.at_level(logging.WARNING, "kiosk.guides"):
        assert updater.fetch() is None

    assert "not enough free disk space (5 MB free" in caplog.text
    assert desk.downloads == 0 and _leftovers(updater) == []


def test_guides_that_fail_the_check_here_are_refused_with_their_lines(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pack = with_changed_guide(
        _pack(tmp_path, "2", "alpha"),
        "guides/alpha/guide.yaml",
        variant("id: sample", "id: alpha", variant("category: money", "category: x")),
    )
    updater = _updater(tmp_path, FakeDesk(pack))

    with caplog.at_level(logging.WARNING, "kiosk.guides"):
        assert updater.fetch() is None

    assert "pack 2 was refused: the pack's guides do not pass the check" in caplog.text
    assert "guides/alpha/guide.yaml:2: error: category 'x'" in caplog.text
    assert _leftovers(updater) == []


def test_a_pack_that_does_not_load_after_the_switch_falls_back(tmp_path: Path) -> None:
    desk = FakeDesk(_pack(tmp_path, "1", "alpha"))
    updater = _updater(tmp_path, desk)
    first = updater.fetch()
    assert first is not None and updater.activate(first, Screen())
    desk.pack = _pack(tmp_path, "2", "beta")
    second = updater.fetch()
    assert second is not None
    # The disk damages the new pack while it waits for the visitor to leave.
    (updater.packs.folder(second.folder) / "beta" / "guide.yaml").write_text("id: [")

    screen = Screen()
    assert not updater.activate(second, screen)

    assert screen.shown == [({"alpha"}, "1")]
    state = updater.packs.state()
    assert state.current_version == "1"
    assert "pack 2 does not load" in (state.problem or "")
    assert updater.fetch() is None  # this offer is not taken again
    assert desk.downloads == 2


def test_a_pack_the_kiosk_died_on_twice_is_not_tried_again(tmp_path: Path) -> None:
    desk = FakeDesk(_pack(tmp_path, "1", "alpha"))
    updater = _updater(tmp_path, desk)
    for _attempt in range(2):
        staged = updater.fetch()
        assert staged is not None
        updater.packs.switch(staged)  # the kiosk dies while showing the new tiles
        assert updater.start_guides().version is None  # the next start goes back

    assert updater.fetch() is None
    assert desk.downloads == 2
