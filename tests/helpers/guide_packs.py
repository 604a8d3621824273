"""Guide packs for tests: built from a folder, published through the staff API, and
broken in ways the checks must catch (a guide with an error but every hash right)."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import DEFAULT_IDENTIFICATION_HOSTS
from kiosk.guides.packs import MANIFEST_NAME, PackManifest, build_pack

if TYPE_CHECKING:  # the unit tests use this module without a help desk
    import httpx

    from tests.helpers.helpdesk_servers import LiveServer, StaffApi

CHECK = "/api/v1/kiosk/guide-pack/check"


def pack_of(folder: Path, out: Path, version: str | None = None) -> Path:
    """``kiosk guides pack FOLDER``: the pack file."""
    build_pack(folder, out, DEFAULT_IDENTIFICATION_HOSTS, version=version)
    return out


def rewrite(pack: Path, change: dict[str, bytes | None]) -> None:
    """Write the pack again with members replaced (bytes) or removed (None)."""
    with zipfile.ZipFile(pack) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for name, data in change.items():
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data
    with zipfile.ZipFile(pack, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def with_changed_guide(pack: Path, member: str, text: str) -> Path:
    """The pack with ``member`` (``guides/<id>/guide.yaml``) replaced by ``text`` and the
    manifest's hash updated, as someone editing a pack by hand would: every hash matches,
    so only the guide checker can catch what is wrong."""
    data = text.encode()
    with zipfile.ZipFile(pack) as archive:
        manifest = PackManifest.from_bytes(archive.read(MANIFEST_NAME))
    files = dict(manifest.files)
    files[member] = hashlib.sha256(data).hexdigest()
    fixed = PackManifest(manifest.version, manifest.created, manifest.guides, files)
    rewrite(pack, {member: data, MANIFEST_NAME: fixed.to_bytes()})
    return pack


def publish(staff: StaffApi, pack: Path) -> httpx.Response:
    """Upload a pack as the staff page does (the file as the body)."""
    return staff.http.post(
        "/api/v1/staff/guide-packs",
        content=pack.read_bytes(),
        headers={"X-CSRF-Token": staff.csrf, "Content-Type": "application/zip"},
    )


def overview(staff: StaffApi) -> dict[str, Any]:
    response = staff.http.get("/api/v1/staff/guide-packs")
    response.raise_for_status()
    data: dict[str, Any] = response.json()
    return data


@contextmanager
def pack_server(folder: Path, name: str = "helpdesk") -> Iterator[LiveServer]:
    """A help desk on SQLite in ``folder`` with a guide pack signing secret of its own."""
    from tests.helpers.helpdesk_servers import LiveServer

    live = LiveServer(
        f"sqlite:///{folder / f'{name}.sqlite3'}", pack_key_file=folder / f"{name}.key"
    ).start()
    try:
        yield live
    finally:
        live.stop()
