"""Guide packs from publishing to the kiosk's disk, with the real help desk: the server
checks and signs, the kiosk's updater (standard-library HTTP, its key kept with its
pairing) fetches, verifies, checks and switches. A pack from another server, a damaged
download, a kiosk killed while downloading, unpacking or switching, and a full disk each
leave the kiosk on a working pack with a plain log line."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import signal
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from kiosk.config import DEFAULT_IDENTIFICATION_HOSTS
from kiosk.guides.installed import InstalledPacks
from kiosk.guides.packs import manifest_signature
from kiosk.guides.updater import Updater
from kiosk.helpdesk.client import pair, stored_token
from kiosk.helpdesk.guide_packs import HelpdeskPackSource
from kiosk.helpdesk.server.packs import guide_packs
from kiosk.helpdesk.server.roles import Role
from tests.helpers.guide_packs import (
    CHECK,
    overview,
    pack_of,
    pack_server,
    publish,
    with_changed_guide,
)
from tests.helpers.guide_samples import variant, write_guide
from tests.helpers.helpdesk_faults import TlsFront, self_signed
from tests.helpers.helpdesk_servers import REPO, LiveServer, Seeded, StaffApi, seed, wait_until
from tests.helpers.pack_proxy import PackProxy

KEY_PATH = "/api/v1/kiosk/guide-pack/key"
FILES = "/api/v1/kiosk/guide-pack/files/"


def _guides(folder: Path, *guide_ids: str, big: int = 0) -> Path:
    for guide_id in guide_ids:
        write_guide(folder, variant("id: sample", f"id: {guide_id}"), guide_id)
    if big:  # a picture that does not compress: a pack this many bytes bigger
        (folder / guide_ids[0] / "photo.png").write_bytes(os.urandom(big))
    return folder


def _pack(tmp_path: Path, version: str, *guide_ids: str, big: int = 0) -> Path:
    folder = _guides(tmp_path / f"src-{version}", *guide_ids, big=big)
    return pack_of(folder, tmp_path / f"{version}.guidepack", version)


def _publisher(seeded: Seeded) -> StaffApi:
    seeded.accounts.set_role("anna", Role.PUBLISHER)
    return StaffApi(seeded.url)


def _shipped(tmp_path: Path) -> Path:
    return _guides(tmp_path / "shipped", "shipped-guide")


# -- the API ------------------------------------------------------------------------------
def test_a_published_pack_is_offered_signed_for_each_kiosk(seeded: Seeded, tmp_path: Path) -> None:
    staff = _publisher(seeded)
    pack = _pack(tmp_path, "2026-12-05.a", "alpha", "beta")
    answer = publish(staff, pack)
    assert answer.status_code == 201, answer.text
    assert answer.json()["version"] == "2026-12-05.a" and answer.json()["guides"] == 2

    tokens = [seeded.pair_kiosk("Olohuone"), seeded.pair_kiosk("Aula")]
    signatures = []
    with zipfile.ZipFile(pack) as archive:
        manifest = archive.read("manifest.json")
    for token in tokens:
        auth = {"Authorization": f"Bearer {token}"}
        key = base64.b64decode(httpx.get(f"{seeded.url}{KEY_PATH}", headers=auth).json()["key"])
        offer = httpx.post(f"{seeded.url}{CHECK}", json={"current": None}, headers=auth).json()
        newest = offer["newest"]
        assert newest["version"] == "2026-12-05.a"
        assert newest["signature"] == manifest_signature(key, manifest).hex()
        signatures.append(newest["signature"])
        data = httpx.get(f"{seeded.url}{FILES}2026-12-05.a", headers=auth).content
        assert (
            hashlib.sha256(data).hexdigest()
            == newest["sha256"]
            == hashlib.sha256(pack.read_bytes()).hexdigest()
        )
    assert signatures[0] != signatures[1]  # one kiosk's key makes no other kiosk's pack

    auth = {"Authorization": f"Bearer {tokens[0]}"}
    httpx.post(f"{seeded.url}{CHECK}", json={"current": "2026-12-05.a"}, headers=auth)
    kiosks = {k["name"]: k for k in overview(staff)["kiosks"]}
    assert kiosks["Olohuone"]["version"] == "2026-12-05.a"
    assert kiosks["Aula"]["version"] is None and kiosks["Aula"]["reported"]
    assert httpx.get(f"{seeded.url}{FILES}nope", headers=auth).status_code == 404
    assert httpx.post(f"{seeded.url}{CHECK}", json={}).status_code == 401


def test_a_broken_pack_is_refused_by_the_server(seeded: Seeded, tmp_path: Path) -> None:
    staff = _publisher(seeded)
    broken = with_changed_guide(
        _pack(tmp_path, "1", "alpha"),
        "guides/alpha/guide.yaml",
        variant("id: sample", "id: alpha", variant("steps:", "stepz:")),
    )

    answer = publish(staff, broken)

    assert answer.status_code == 422
    body = answer.json()
    assert body["detail"].startswith("The pack was not published: ")
    assert "guides/alpha/guide.yaml:" in body["problems"][0]
    assert any("unknown field 'stepz'" in line for line in body["problems"])
    assert overview(staff)["newest"] is None
    token = seeded.pair_kiosk()
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.post(f"{seeded.url}{CHECK}", json={}, headers=auth).json() == {"newest": None}

    not_a_pack = staff.http.post(
        "/api/v1/staff/guide-packs",
        content=b"PK\x03\x04 not really",
        headers={"X-CSRF-Token": staff.csrf},
    )
    assert not_a_pack.status_code == 422 and "is not a guide pack" in not_a_pack.json()["detail"]
    too_big = staff.http.post(
        "/api/v1/staff/guide-packs",
        content=b"\0" * (52 * 1024 * 1024),
        headers={"X-CSRF-Token": staff.csrf},
    )
    assert too_big.status_code == 413
    no_csrf = staff.http.post("/api/v1/staff/guide-packs", content=broken.read_bytes())
    assert no_csrf.status_code == 403


def test_versions_roles_and_a_tampered_database(seeded: Seeded, tmp_path: Path) -> None:
    staff = StaffApi(seeded.url)  # role "staff": answers requests, publishes nothing
    pack = _pack(tmp_path, "7", "alpha")
    assert publish(staff, pack).status_code == 403
    assert staff.http.get("/api/v1/staff/guide-packs").status_code == 403

    staff = _publisher(seeded)
    assert publish(staff, pack).status_code == 201
    assert publish(staff, pack).status_code == 200  # the same pack: the newest again
    other = _pack(tmp_path / "other", "7", "beta")
    taken = publish(staff, other)
    assert taken.status_code == 409 and "new version" in taken.json()["detail"]

    # Someone with the database but not the server's secret file changes the pack.
    with seeded.store.engine.begin() as conn:
        conn.execute(update(guide_packs).values(signature="00" * 32))
    auth = {"Authorization": f"Bearer {seeded.pair_kiosk()}"}
    assert httpx.post(f"{seeded.url}{CHECK}", json={}, headers=auth).json() == {"newest": None}


# -- the kiosk's updater ------------------------------------------------------------------
@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with pack_server(tmp_path) as live:
        yield live


@pytest.fixture
def proxy(server: LiveServer) -> Iterator[PackProxy]:
    man_in_the_middle = PackProxy(server.url)
    yield man_in_the_middle
    man_in_the_middle.stop()


def _kiosk(seeded: Seeded, url: str, tmp_path: Path) -> Updater:
    """A paired kiosk's updater, talking to the help desk at ``url``."""
    pair(url, seeded.store.create_pair_code(seeded.centre, "Olohuone"))
    return Updater(
        InstalledPacks(tmp_path / "kiosk-packs"),
        HelpdeskPackSource(url),
        _shipped(tmp_path),
        DEFAULT_IDENTIFICATION_HOSTS,
    )


def _shown(updater: Updater) -> tuple[str | None, list[str]]:
    library, version = updater.start_guides()
    return version, sorted(g.id for g in library.guides)


def _install(updater: Updater) -> None:
    staged = updater.fetch()
    assert staged is not None
    assert updater.activate(staged, lambda _library, _version: None)


def test_the_kiosk_fetches_checks_and_switches_and_the_staff_see_it(
    server: LiveServer, tmp_path: Path
) -> None:
    seeded = seed(server.url, server.state.store)
    staff = _publisher(seeded)
    updater = _kiosk(seeded, server.url, tmp_path)
    assert updater.fetch() is None  # nothing published yet
    publish(staff, _pack(tmp_path, "1", "alpha"))

    _install(updater)

    assert _shown(updater) == ("1", ["alpha"])
    assert updater.fetch() is None  # reports "1"; nothing new
    assert overview(staff)["kiosks"][0]["version"] == "1"
    publish(staff, _pack(tmp_path, "2", "alpha", "beta"))
    _install(updater)
    assert _shown(updater) == ("2", ["alpha", "beta"])
    state = updater.packs.state()
    assert (state.current_version, state.previous_version) == ("2", "1")


@pytest.fixture
def other_server(tmp_path: Path) -> Iterator[LiveServer]:
    """Another help desk, with a secret of its own."""
    with pack_server(tmp_path, "other") as live:
        yield live


def test_a_pack_from_another_server_is_refused(
    server: LiveServer,
    other_server: LiveServer,
    proxy: PackProxy,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    seeded = seed(server.url, server.state.store)
    staff = _publisher(seeded)
    publish(staff, _pack(tmp_path, "1", "alpha"))
    updater = _kiosk(seeded, proxy.url, tmp_path)
    _install(updater)
    # The man in the middle answers with the other help desk's pack, made for a kiosk
    # someone paired there.
    other = seed(other_server.url, other_server.state.store)
    publish(_publisher(other), _pack(tmp_path / "b", "2", "evil"))
    proxy.other = (other_server.url, other.pair_kiosk("theirs"))

    with caplog.at_level(logging.WARNING, "kiosk.guides"):
        assert updater.fetch() is None

    assert "pack 2 was refused: the pack's signature does not match" in caplog.text
    assert "staying on pack 1" in caplog.text
    assert _shown(updater) == ("1", ["alpha"])
    proxy.other = None
    assert updater.fetch() is None  # and it tells its own help desk why
    kiosk = overview(staff)["kiosks"][0]
    assert kiosk["version"] == "1" and "signature does not match" in kiosk["problem"]


def test_a_damaged_download_is_dropped_and_tried_again(
    server: LiveServer, proxy: PackProxy, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    seeded = seed(server.url, server.state.store)
    staff = _publisher(seeded)
    publish(staff, _pack(tmp_path, "1", "alpha"))
    updater = _kiosk(seeded, proxy.url, tmp_path)
    _install(updater)
    publish(staff, _pack(tmp_path, "2", "beta"))
    proxy.damage = True

    with caplog.at_level(logging.WARNING, "kiosk.guides"):
        assert updater.fetch() is None

    assert "pack 2: the download was damaged; staying on pack 1" in caplog.text
    assert _shown(updater) == ("1", ["alpha"])
    assert sorted(p.name for p in updater.packs.root.iterdir()) == ["pack-1", "state.json"]
    proxy.damage = False
    _install(updater)
    assert _shown(updater) == ("2", ["beta"])


def test_over_https_packs_and_the_key_come_only_from_the_pinned_certificate(
    server: LiveServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    seeded = seed(server.url, server.state.store)
    staff = _publisher(seeded)
    real = self_signed(tmp_path / "tls", "real")
    impostor = self_signed(tmp_path / "tls", "impostor")
    front = TlsFront(server.port, real)
    try:
        updater = _kiosk(seeded, front.url, tmp_path)  # pairing pins the real certificate
        publish(staff, _pack(tmp_path, "1", "alpha"))
        _install(updater)  # the key and pack 1 over https
        publish(staff, _pack(tmp_path, "2", "beta"))
        front.use(impostor)

        with caplog.at_level(logging.INFO, "kiosk.guides"):
            assert updater.fetch() is None

        assert (
            "could not ask the help desk for a newer pack (the help desk cannot be reached "
            "(CertificateChanged))" in caplog.text
        )
        assert front.received[impostor.cert] == 0  # not even the device token
        assert _shown(updater) == ("1", ["alpha"])
        front.use(real)
        _install(updater)
        assert _shown(updater) == ("2", ["beta"])
    finally:
        front.close()


# -- killed, or out of disk ---------------------------------------------------------------
def _child(
    mode: str, root: Path, url: str, shipped: Path, token: str, **env: str
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.pack_child", mode, str(root), url, str(shipped)],
        cwd=REPO,
        env={**os.environ, "PACK_CHILD_TOKEN": token, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kiosk_on_pack_1(server: LiveServer, url: str, tmp_path: Path) -> tuple[Updater, str]:
    """A kiosk (talking to ``url``) that shows pack 1, with a big pack 2 published."""
    seeded = seed(server.url, server.state.store)
    staff = _publisher(seeded)
    updater = _kiosk(seeded, url, tmp_path)
    publish(staff, _pack(tmp_path, "1", "alpha"))
    _install(updater)
    publish(staff, _pack(tmp_path, "2", "beta", big=300_000))
    token = stored_token(url)
    assert token is not None
    return updater, token


@pytest.mark.parametrize("mode", ["die-unpacking", "die-switching"])
def test_a_kiosk_killed_while_installing_starts_on_the_pack_before(
    server: LiveServer, tmp_path: Path, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    updater, token = _kiosk_on_pack_1(server, server.url, tmp_path)

    child = _child(mode, updater.packs.root, server.url, updater.shipped, token)
    _out, err = child.communicate(timeout=60)

    assert child.returncode == -signal.SIGKILL, err
    left = sorted(p.name for p in updater.packs.root.iterdir())
    state = updater.packs.state()
    if mode == "die-unpacking":  # killed with the new pack half checked
        assert left == ["download.partial", "pack-1", "pack-2.partial", "state.json"]
        assert (state.current_version, state.trial) == ("1", False)
    else:  # killed with the new pack switched to, its tiles not yet shown
        assert left == ["pack-1", "pack-2", "state.json"]
        assert (state.current_version, state.trial) == ("2", True)
    with caplog.at_level(logging.WARNING, "kiosk.guides"):
        assert _shown(updater) == ("1", ["alpha"])
    assert sorted(p.name for p in updater.packs.root.iterdir()) == ["pack-1", "state.json"]
    if mode == "die-switching":
        assert "the kiosk stopped while switching to pack 2" in caplog.text
    else:
        assert "removed pack-2.partial, left by an update that was cut short" in caplog.text


def test_a_kiosk_killed_while_downloading_starts_on_the_pack_before(
    server: LiveServer, proxy: PackProxy, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    updater, token = _kiosk_on_pack_1(server, proxy.url, tmp_path)
    proxy.hold = True

    child = _child("fetch", updater.packs.root, proxy.url, updater.shipped, token)
    try:
        assert proxy.half_sent.wait(60), "the download did not start"
        download = updater.packs.download_file()
        wait_until(lambda: download.exists() and download.stat().st_size > 100_000)
    finally:
        child.kill()
        child.communicate(timeout=30)

    assert child.returncode == -signal.SIGKILL
    with caplog.at_level(logging.WARNING, "kiosk.guides"):
        assert _shown(updater) == ("1", ["alpha"])
    assert "removed download.partial, left by an update that was cut short" in caplog.text
    assert sorted(p.name for p in updater.packs.root.iterdir()) == ["pack-1", "state.json"]


def test_a_full_disk_leaves_the_kiosk_on_its_pack(server: LiveServer, tmp_path: Path) -> None:
    """On a file system of its own (a small tmpfs, in a mount namespace of the child's
    own, so nothing stays mounted): the disk fills up while the new pack downloads."""
    seeded = seed(server.url, server.state.store)
    staff = _publisher(seeded)
    first = _pack(tmp_path, "1", "alpha")
    publish(staff, _pack(tmp_path, "2", "beta", big=300_000))
    pair(server.url, seeded.store.create_pair_code(seeded.centre, "Olohuone"))
    token = stored_token(server.url)
    assert token is not None
    disk = tmp_path / "disk"
    disk.mkdir()
    script = 'mount -t tmpfs -o size=512k tmpfs "$1" && shift && exec "$@"'
    namespace = ["unshare", "--mount", "--propagation", "private", "--"]
    updater = [sys.executable, "-m", "tests.helpers.pack_child", "full-disk"]
    arguments = [str(disk / "packs"), server.url, str(_shipped(tmp_path))]
    child = subprocess.run(
        [*namespace, "sh", "-c", script, "sh", str(disk), *updater, *arguments],
        cwd=REPO,
        env={**os.environ, "PACK_CHILD_TOKEN": token, "PACK_CHILD_FIRST": str(first)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert child.returncode == 0, child.stderr
    result: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    assert result["fetched"] == [False, False]
    assert (result["version"], result["guides"]) == ("1", ["alpha"])
    assert result["leftovers"] == []
    assert "the disk is full" in child.stderr, child.stderr
    assert "staying on pack 1, trying again later" in child.stderr
    assert "not enough free disk space" in result["problem"]
    assert not any(disk.iterdir())  # the tmpfs was the child's alone
