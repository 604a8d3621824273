"""Guide packs: built only from guides that pass the check, read back only when every
file is what the manifest says, and checked again before they are used."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import zipfile
from pathlib import Path

import pytest

from kiosk.cli import EXIT_OK, EXIT_PROBLEMS, main
from kiosk.guides.packs import (
    MANIFEST_NAME,
    MAX_FILE_BYTES,
    SIGNATURE_NAME,
    PackError,
    PackManifest,
    build_pack,
    read_manifest,
    read_pack,
)
from tests.helpers.guide_packs import rewrite
from tests.helpers.guide_samples import IDENTIFICATION_HOSTS, VALID_GUIDE, variant, write_guide

NOW = datetime.datetime(2026, 12, 5, 9, 30, tzinfo=datetime.UTC)


def _guides(tmp_path: Path) -> Path:
    folder = tmp_path / "guides"
    write_guide(folder, VALID_GUIDE, "sample")
    write_guide(folder, variant("id: sample", "id: second"), "second")
    (folder / "sample" / "notes.txt").write_text("not for the kiosk")
    (folder / "sample" / ".guide.yaml.swp").write_bytes(b"editor backup")
    (folder / "README.md").write_text("how to write a guide")
    return folder


def _build(tmp_path: Path, **kwargs: object) -> Path:
    out = tmp_path / "out" / "guides.guidepack"
    build_pack(_guides(tmp_path), out, IDENTIFICATION_HOSTS, now=NOW, **kwargs)  # type: ignore[arg-type]
    return out


def test_a_pack_holds_the_manifest_and_only_the_guides_files(tmp_path: Path) -> None:
    pack = _build(tmp_path)

    with zipfile.ZipFile(pack) as archive:
        names = sorted(archive.namelist())
        manifest = json.loads(archive.read(MANIFEST_NAME))
        files = {name: archive.read(name) for name in names if name != MANIFEST_NAME}

    assert names == [
        "guides/sample/guide.yaml",
        "guides/sample/icon.svg",
        "guides/sample/step-3.png",
        "guides/second/guide.yaml",
        "guides/second/icon.svg",
        "guides/second/step-3.png",
        MANIFEST_NAME,
    ]
    assert manifest["format"] == 1
    assert manifest["guides"] == ["sample", "second"]
    assert manifest["created"] == "2026-12-05T09:30:00+00:00"
    assert manifest["version"].startswith("2026-12-05.")
    assert manifest["files"] == {
        name: hashlib.sha256(data).hexdigest() for name, data in files.items()
    }
    assert files["guides/sample/guide.yaml"] == VALID_GUIDE.encode()


def test_the_same_guides_make_the_same_pack(tmp_path: Path) -> None:
    first = _build(tmp_path / "a").read_bytes()
    second = _build(tmp_path / "b").read_bytes()

    assert first == second


def test_a_version_can_be_given(tmp_path: Path) -> None:
    pack = _build(tmp_path, version="2027.1")

    assert read_manifest(pack).version == "2027.1"


def test_a_folder_with_an_error_is_not_packed(tmp_path: Path) -> None:
    folder = _guides(tmp_path)
    write_guide(folder, variant("category: money", "category: food"), "broken")
    out = tmp_path / "guides.guidepack"

    with pytest.raises(PackError, match="1 error"):
        build_pack(folder, out, IDENTIFICATION_HOSTS)

    assert not out.exists()
    assert list(tmp_path.glob("*.partial")) == []


@pytest.mark.parametrize("version", ["", "two words", "../up", "x" * 65])
def test_an_unusable_version_is_refused(tmp_path: Path, version: str) -> None:
    with pytest.raises(PackError, match="version"):
        _build(tmp_path, version=version)


def test_a_link_in_a_guide_folder_is_refused(tmp_path: Path) -> None:
    folder = _guides(tmp_path)
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "sample" / "photo.png").symlink_to(secret)

    with pytest.raises(PackError, match="is a link"):
        build_pack(folder, tmp_path / "p.guidepack", IDENTIFICATION_HOSTS)


def test_a_pack_reads_back_into_a_new_folder_and_loads(tmp_path: Path) -> None:
    pack = _build(tmp_path)
    target = tmp_path / "kiosk" / "pack-1"

    manifest, library = read_pack(pack, target, IDENTIFICATION_HOSTS)

    assert manifest.guides == ("sample", "second")
    assert [g.id for g in library.guides] == ["sample", "second"]
    assert library.errors == ()
    assert (target / "sample" / "guide.yaml").read_text(encoding="utf-8") == VALID_GUIDE
    assert not (target / "sample" / "notes.txt").exists()


def test_reading_never_writes_over_a_folder(tmp_path: Path) -> None:
    pack = _build(tmp_path)
    target = tmp_path / "pack-1"
    target.mkdir()

    with pytest.raises(PackError, match="already exists"):
        read_pack(pack, target, IDENTIFICATION_HOSTS)


def _refused(tmp_path: Path, pack: Path, message: str) -> None:
    target = tmp_path / "unpacked"
    with pytest.raises(PackError, match=message):
        read_pack(pack, target, IDENTIFICATION_HOSTS)
    assert not target.exists()
    assert not target.with_name("unpacked.partial").exists()


def test_a_changed_file_is_refused(tmp_path: Path) -> None:
    pack = _build(tmp_path)
    changed = VALID_GUIDE.replace("Tee hakemus", "Lähetä rahaa").encode()
    rewrite(pack, {"guides/sample/guide.yaml": changed})

    _refused(tmp_path, pack, "does not match its hash")


def test_a_file_the_manifest_does_not_list_is_refused(tmp_path: Path) -> None:
    pack = _build(tmp_path)
    rewrite(pack, {"guides/sample/extra.svg": b"<svg/>"})

    _refused(tmp_path, pack, "does not list")


def test_a_listed_file_that_is_missing_is_refused(tmp_path: Path) -> None:
    pack = _build(tmp_path)
    rewrite(pack, {"guides/second/icon.svg": None})

    _refused(tmp_path, pack, "lacks files")


@pytest.mark.parametrize(
    "name",
    [
        "guides/../../evil.yaml",
        "/etc/evil.yaml",
        "guides/sample/..\\evil.yaml",
        "guides/sample/.hidden.yaml",
        "guides/sample/run.sh",
        "other/sample/guide.yaml",
    ],
)
def test_a_path_that_leaves_the_pack_is_refused(tmp_path: Path, name: str) -> None:
    pack = _build(tmp_path)
    with zipfile.ZipFile(pack) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
    manifest["files"][name] = hashlib.sha256(b"x").hexdigest()
    rewrite(pack, {name: b"x", MANIFEST_NAME: json.dumps(manifest).encode()})

    _refused(tmp_path, pack, "may not hold")


def test_a_file_bigger_than_its_limit_is_refused(tmp_path: Path) -> None:
    pack = _build(tmp_path)
    big = b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_FILE_BYTES
    with zipfile.ZipFile(pack) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
    manifest["files"]["guides/sample/step-3.png"] = hashlib.sha256(big).hexdigest()
    with zipfile.ZipFile(pack) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["guides/sample/step-3.png"] = big
    members[MANIFEST_NAME] = json.dumps(manifest).encode()
    with zipfile.ZipFile(pack, "w", zipfile.ZIP_DEFLATED) as archive:  # compresses to little
        for name, data in members.items():
            archive.writestr(name, data)

    _refused(tmp_path, pack, "too big")


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (b"not json", "not readable JSON"),
        (b"[]", "not a JSON object"),
        (json.dumps({"format": 2}).encode(), "format 2"),
    ],
)
def test_a_broken_manifest_is_refused(tmp_path: Path, manifest: bytes, message: str) -> None:
    pack = _build(tmp_path)
    rewrite(pack, {MANIFEST_NAME: manifest})

    _refused(tmp_path, pack, message)


def test_a_file_that_is_not_a_pack_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "guides.guidepack"
    pack.write_bytes(b"PK\x03\x04 this is not really a zip")

    _refused(tmp_path, pack, "is not a guide pack")


def test_guides_that_fail_the_check_on_the_kiosk_are_refused(tmp_path: Path) -> None:
    """A pack built with other identification hosts, or edited with matching hashes."""
    pack = _build(tmp_path)
    broken = variant("category: money", "category: food").encode()
    with zipfile.ZipFile(pack) as archive:
        manifest = PackManifest.from_bytes(archive.read(MANIFEST_NAME))
    files = dict(manifest.files)
    files["guides/sample/guide.yaml"] = hashlib.sha256(broken).hexdigest()
    fixed = PackManifest(manifest.version, manifest.created, manifest.guides, files)
    rewrite(pack, {"guides/sample/guide.yaml": broken, MANIFEST_NAME: fixed.to_bytes()})

    _refused(tmp_path, pack, "do not pass the check: category 'food'")


KEY = b"server key for the test"


def _sign(data: bytes) -> bytes:
    return hmac.new(KEY, data, "sha256").digest()


def _verify(data: bytes, signature: bytes) -> bool:
    return hmac.compare_digest(_sign(data), signature)


def test_a_signed_pack_is_verified_with_the_callers_verifier(tmp_path: Path) -> None:
    pack = _build(tmp_path, signer=_sign)

    with zipfile.ZipFile(pack) as archive:
        assert SIGNATURE_NAME in archive.namelist()
    manifest, library = read_pack(pack, tmp_path / "ok", IDENTIFICATION_HOSTS, verifier=_verify)
    assert manifest.guides == ("sample", "second") and len(library.guides) == 2


def test_an_unsigned_pack_is_refused_when_a_signature_is_required(tmp_path: Path) -> None:
    pack = _build(tmp_path)

    with pytest.raises(PackError, match="not signed"):
        read_pack(pack, tmp_path / "x", IDENTIFICATION_HOSTS, verifier=_verify)


def test_a_pack_signed_with_another_key_is_refused(tmp_path: Path) -> None:
    pack = _build(tmp_path, signer=lambda data: hmac.new(b"other", data, "sha256").digest())

    with pytest.raises(PackError, match="signature does not match"):
        read_pack(pack, tmp_path / "x", IDENTIFICATION_HOSTS, verifier=_verify)


def test_the_pack_command_builds_a_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _guides(tmp_path)
    out = tmp_path / "release.guidepack"

    assert main(["guides", "pack", str(folder), "-o", str(out), "--version", "7"]) == EXIT_OK

    assert capsys.readouterr().out == (
        f"Guide pack written: {out}\n  version 7, 2 guide(s), 6 file(s)\n"
    )
    assert read_manifest(out).version == "7"


def test_the_pack_command_refuses_a_folder_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _guides(tmp_path)
    write_guide(folder, variant("category: money", "category: food"), "broken")
    out = tmp_path / "release.guidepack"

    assert main(["guides", "pack", str(folder), "-o", str(out)]) == EXIT_PROBLEMS

    captured = capsys.readouterr()
    assert "NOT SHOWN" in captured.out and "category 'food'" in captured.out
    assert "The guide pack was not built: 1 error(s)" in captured.err
    assert not out.exists()
