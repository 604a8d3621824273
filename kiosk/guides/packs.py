"""Guide packs: the ``guides/`` folder format in one file, to update kiosks without reinstalling.

A pack is a zip file::

    manifest.json        what is in the pack: format, version, guides, each file's SHA-256
    manifest.sig         (optional) the server's signature over manifest.json, byte for byte
    guides/<id>/guide.yaml
    guides/<id>/icon.svg ...

:func:`build_pack` checks the folder with the same checker as ``kiosk guides check`` and
refuses a folder with errors. :func:`read_pack` trusts nothing in the file: it refuses
paths that leave the pack, files the manifest does not list (or lists but lacks), a hash
that does not match, sizes that would fill the disk, and a missing or wrong signature
when the caller asks for one; then it unpacks into a new folder and checks the guides
again, so what it returns is ready to switch to.

Signing: the help-desk server signs a pack it accepts (``signer``, or a signature it
sends beside the pack); a kiosk verifies it (``verifier``). Both are plain functions over
bytes, so this module needs no key handling of its own and stays pure (no Qt, no
network). :func:`manifest_signature` is the HMAC-SHA256 both sides use.
"""

from __future__ import annotations

import datetime
import errno
import json
import shutil
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from kiosk.guides.loader import GUIDE_FILE, load_library
from kiosk.guides.model import Library

# Reading, writing and checking a pack is the guide updater's work, not the first
# screen's: zipfile and hashlib load with it (issue 14).
if TYPE_CHECKING:
    import zipfile

#: The manifest's ``format``: a reader refuses formats it does not know.
PACK_FORMAT = 1
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
GUIDES_FOLDER = "guides"
#: What a guide folder may hold: its guide file and pictures. Nothing else is packed.
PACKED_SUFFIXES = frozenset({".yaml", ".svg", ".png", ".jpg", ".jpeg", ".webp"})
#: Limits that keep a broken or hostile pack from filling the kiosk's disk.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_PACK_BYTES = 50 * 1024 * 1024
MAX_FILES = 2000
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_VERSION_CHARS = 64

#: ``signer(manifest_bytes) -> signature``; ``verifier(manifest_bytes, signature) -> ok``.
Signer = Callable[[bytes], bytes]
Verifier = Callable[[bytes, bytes], bool]


#: Put before the manifest when it is signed: a signature over a guide pack's manifest can
#: never be mistaken for one over anything else.
SIGNATURE_CONTEXT = b"digituki guide pack manifest\0"


class PackError(Exception):
    """A pack that cannot be built or used. ``str()`` is a plain message for staff.

    ``problems``: each problem of the pack's guides, ``guides/<id>/guide.yaml:LINE: ...``
    (paths as inside the pack). ``transient``: the pack may be fine and the trouble was
    here (a full disk, a broken download): trying again later may work.
    """

    def __init__(
        self, message: str, *, problems: tuple[str, ...] = (), transient: bool = False
    ) -> None:
        super().__init__(message)
        self.problems = problems
        self.transient = transient


def manifest_signature(key: bytes, manifest: bytes) -> bytes:
    """HMAC-SHA256 of a pack's manifest (which holds every file's SHA-256) under ``key``."""
    import hashlib  # noqa: PLC0415 - see the top of this module
    import hmac  # noqa: PLC0415 - see the top of this module

    return hmac.new(key, SIGNATURE_CONTEXT + manifest, hashlib.sha256).digest()


def signature_matches(key: bytes, manifest: bytes, signature: bytes) -> bool:
    import hmac  # noqa: PLC0415 - see the top of this module

    return hmac.compare_digest(manifest_signature(key, manifest), signature)


def disk_error(exc: OSError, doing: str) -> PackError:
    """A plain message for an error of the disk (full, read-only, gone)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return PackError(f"the disk is full: {doing} stopped", transient=True)
    return PackError(f"{doing} failed: {exc.strerror or exc}", transient=True)


@dataclass(frozen=True, slots=True)
class PackManifest:
    version: str
    created: str  # ISO 8601, UTC
    guides: tuple[str, ...]
    #: Path inside the pack ("guides/<id>/<file>") -> SHA-256 of the file, in hex.
    files: Mapping[str, str]
    format: int = PACK_FORMAT

    def to_bytes(self) -> bytes:
        data = {
            "format": self.format,
            "version": self.version,
            "created": self.created,
            "guides": list(self.guides),
            "files": dict(sorted(self.files.items())),
        }
        return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> PackManifest:
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise PackError("the pack's manifest is not readable JSON") from None
        if not isinstance(raw, dict):
            raise PackError("the pack's manifest is not a JSON object")
        fmt = raw.get("format")
        if fmt != PACK_FORMAT:
            raise PackError(
                f"the pack has format {fmt!r}; this kiosk reads format {PACK_FORMAT} only"
            )
        version, created = raw.get("version"), raw.get("created")
        guides, files = raw.get("guides"), raw.get("files")
        if not isinstance(version, str) or not _good_version(version):
            raise PackError("the pack's manifest has no usable 'version'")
        if not isinstance(created, str):
            raise PackError("the pack's manifest has no 'created' time")
        if not isinstance(guides, list) or not all(isinstance(g, str) for g in guides):
            raise PackError("the pack's manifest has no list of 'guides'")
        if not isinstance(files, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and _is_sha256(v) for k, v in files.items()
        ):
            raise PackError("the pack's manifest has no usable list of 'files' and hashes")
        return cls(version, created, tuple(guides), dict(files), fmt)


@dataclass(frozen=True, slots=True)
class BuiltPack:
    file: Path
    manifest: PackManifest
    library: Library


def _good_version(version: str) -> bool:
    return (
        0 < len(version) <= MAX_VERSION_CHARS
        and all(ch.isalnum() or ch in ".-_+" for ch in version)
        and version[0].isalnum()
    )


def _is_sha256(text: str) -> bool:
    return len(text) == 64 and all(ch in "0123456789abcdef" for ch in text)


def _sha256(data: bytes) -> str:
    import hashlib  # noqa: PLC0415 - see the top of this module

    return hashlib.sha256(data).hexdigest()


# -- building ---------------------------------------------------------------------------------
def pack_files(folder: Path, library: Library) -> dict[str, Path]:
    """Path inside the pack -> file on disk, for every guide that loaded.

    Only the guide file and pictures are packed; notes, editor backups and hidden files
    stay behind. A link is refused: it could point anywhere on the writer's computer.
    """
    found: dict[str, Path] = {}
    for guide in library.guides:
        guide_folder = guide.folder
        for path in sorted(guide_folder.rglob("*")):
            relative = path.relative_to(guide_folder)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if path.is_symlink():
                raise PackError(f"{path} is a link; put the file itself in the guide's folder")
            if not path.is_file() or path.suffix.lower() not in PACKED_SUFFIXES:
                continue
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise PackError(
                    f"{path} is too big ({size // 1024} KiB); a pack file may be at most "
                    f"{MAX_FILE_BYTES // (1024 * 1024)} MiB"
                )
            name = PurePosixPath(GUIDES_FOLDER, guide_folder.name, *relative.parts).as_posix()
            found[name] = path
    return found


def default_version(files: Mapping[str, bytes], today: datetime.date) -> str:
    """``2026-12-05.1a2b3c4d``: the day, and a short hash of the contents."""
    import hashlib  # noqa: PLC0415 - see the top of this module

    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return f"{today.isoformat()}.{digest.hexdigest()[:8]}"


def build_pack(
    folder: Path,
    out_file: Path,
    identification_hosts: Iterable[str],
    *,
    version: str | None = None,
    substitutions: Mapping[str, str] | None = None,
    signer: Signer | None = None,
    now: datetime.datetime | None = None,
) -> BuiltPack:
    """Check ``folder`` and write it as a pack to ``out_file`` (atomically).

    Raises :class:`PackError` when a guide has an error (nothing is written then): a
    pack must never carry a guide the kiosk would not show.
    """
    import zipfile  # noqa: PLC0415 - see the top of this module

    library = load_library(folder, identification_hosts, substitutions)
    if library.errors or library.skipped:
        raise PackError(
            f"{len(library.errors)} error(s) in the guides; fix them first "
            "(kiosk guides check lists them)"
        )
    if not library.guides:
        raise PackError(f"no guides in {folder}; each guide is a folder with a {GUIDE_FILE}")
    if version is not None and not _good_version(version):
        raise PackError(
            f"version '{version}' may have only letters, digits and . - _ + "
            f"(at most {MAX_VERSION_CHARS})"
        )
    sources = pack_files(folder, library)
    contents = {name: path.read_bytes() for name, path in sources.items()}
    total = sum(len(data) for data in contents.values())
    if total > MAX_PACK_BYTES:
        raise PackError(f"the guides are too big for one pack ({total // (1024 * 1024)} MiB)")
    moment = (now or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    manifest = PackManifest(
        version=version or default_version(contents, moment.date()),
        created=moment.replace(microsecond=0).isoformat(),
        guides=tuple(sorted(g.id for g in library.guides)),
        files={name: _sha256(data) for name, data in contents.items()},
    )
    manifest_bytes = manifest.to_bytes()
    out_file.parent.mkdir(parents=True, exist_ok=True)
    partial = out_file.with_name(out_file.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            _add(archive, MANIFEST_NAME, manifest_bytes)
            if signer is not None:
                _add(archive, SIGNATURE_NAME, signer(manifest_bytes))
            for name in sorted(contents):
                _add(archive, name, contents[name])
        partial.replace(out_file)
    finally:
        partial.unlink(missing_ok=True)
    return BuiltPack(out_file, manifest, library)


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    import zipfile  # noqa: PLC0415 - see the top of this module

    # A fixed time stamp: the same guides make the same pack, byte for byte.
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    archive.writestr(info, data)


# -- reading ----------------------------------------------------------------------------------
def pack_problems(library: Library, folder: Path, *, errors_only: bool = True) -> tuple[str, ...]:
    """``guides/<id>/guide.yaml:12: error: ...`` for each problem, named as inside the pack
    (not by the folder it was unpacked into, which means nothing to the guide's writer)."""
    lines = []
    for problem in library.problems:
        if errors_only and not problem.error:
            continue
        try:
            relative = problem.file.relative_to(folder)
        except ValueError:
            relative = Path(problem.file.name)
        name = PurePosixPath(GUIDES_FOLDER, *relative.parts).as_posix()
        kind = "error" if problem.error else "warning"
        lines.append(f"{name}:{problem.line}: {kind}: {problem.message}")
    return tuple(lines)


def _safe_member(name: str) -> bool:
    """A path that stays inside the pack: ``guides/<id>/<file>``, no tricks."""
    if "\\" in name or name.startswith("/") or "\0" in name:
        return False
    parts = PurePosixPath(name).parts
    return (
        len(parts) >= 3
        and parts[0] == GUIDES_FOLDER
        and all(part not in ("", ".", "..") and not part.startswith(".") for part in parts)
        and PurePosixPath(name).suffix.lower() in PACKED_SUFFIXES
        and ":" not in name
    )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The member's bytes, read no further than ``limit`` (its header may lie)."""
    if info.file_size > limit:
        raise PackError(f"{info.filename} is too big for a guide pack")
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise PackError(f"{info.filename} is too big for a guide pack")
    return data


def read_manifest(
    pack_file: Path, verifier: Verifier | None = None, *, signature: bytes | None = None
) -> PackManifest:
    """Read and check a pack without unpacking it: manifest, every hash, the signature."""
    manifest, _contents = _read_checked(pack_file, verifier, signature)
    return manifest


def _read_checked(
    pack_file: Path, verifier: Verifier | None, given_signature: bytes | None = None
) -> tuple[PackManifest, dict[str, bytes]]:
    import zipfile  # noqa: PLC0415 - see the top of this module

    try:
        archive = zipfile.ZipFile(pack_file)
    except (OSError, zipfile.BadZipFile) as exc:
        raise PackError(f"{pack_file} is not a guide pack: {exc}") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_FILES + 2:
            raise PackError("the pack has too many files")
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            raise PackError("the pack names one file twice")
        by_name = {info.filename: info for info in infos}
        if MANIFEST_NAME not in by_name:
            raise PackError("the pack has no manifest.json; it was not made by kiosk guides pack")
        try:
            manifest_bytes = _read_member(archive, by_name[MANIFEST_NAME], MAX_MANIFEST_BYTES)
            # A signature sent beside the pack (the help desk signs for each kiosk) counts;
            # one inside it is then not looked at.
            signature = given_signature
            if signature is None and SIGNATURE_NAME in by_name:
                signature = _read_member(archive, by_name[SIGNATURE_NAME], MAX_MANIFEST_BYTES)
            if verifier is not None:
                if signature is None:
                    raise PackError("the pack is not signed; only signed packs are accepted")
                if not verifier(manifest_bytes, signature):
                    raise PackError(
                        "the pack's signature does not match: it was changed on the way, or "
                        "it is not from the help desk this kiosk is paired with"
                    )
            manifest = PackManifest.from_bytes(manifest_bytes)
            listed = set(manifest.files)
            present = {n for n in by_name if n not in (MANIFEST_NAME, SIGNATURE_NAME)}
            for name in sorted(present | listed):
                if not _safe_member(name):
                    raise PackError(f"the pack holds a file it may not hold: {name!r}")
            if missing := sorted(listed - present):
                raise PackError(f"the pack lacks files its manifest lists: {', '.join(missing)}")
            if extra := sorted(present - listed):
                raise PackError(f"the pack holds files its manifest does not list: {extra[0]}")
            contents: dict[str, bytes] = {}
            total = 0
            for name in sorted(present):
                data = _read_member(archive, by_name[name], MAX_FILE_BYTES)
                total += len(data)
                if total > MAX_PACK_BYTES:
                    raise PackError("the pack is too big")
                if _sha256(data) != manifest.files[name]:
                    raise PackError(f"{name} does not match its hash; the pack is damaged")
                contents[name] = data
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            # zlib.error is not a subclass of these; it is caught by the caller's wrapper.
            raise PackError(f"the pack cannot be read: {exc}") from None
    guide_ids = {PurePosixPath(name).parts[1] for name in contents}
    if guide_ids != set(manifest.guides):
        raise PackError("the pack's list of guides does not match its files")
    return manifest, contents


def read_pack(
    pack_file: Path,
    destination: Path,
    identification_hosts: Iterable[str],
    *,
    substitutions: Mapping[str, str] | None = None,
    verifier: Verifier | None = None,
    signature: bytes | None = None,
) -> tuple[PackManifest, Library]:
    """Check ``pack_file``, unpack it into ``destination`` (a new folder) and load it.

    ``destination`` must not exist yet; it appears only when everything is right, so a
    caller can switch to it atomically (rename) and keep the previous pack until then.
    ``signature``: the pack's signature when it came beside the pack rather than in it.
    Raises :class:`PackError` (its ``problems`` list every problem of the guides, by file
    and line); nothing is left behind then.
    """
    if destination.exists():
        raise PackError(f"{destination} already exists; unpack into a new folder")
    try:
        manifest, contents = _read_checked(pack_file, verifier, signature)
    except PackError:
        raise
    except Exception as exc:  # a damaged deflate stream (zlib.error) and the like
        raise PackError(f"the pack cannot be read: {exc}") from None
    partial = destination.with_name(destination.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        for name, data in contents.items():
            target = partial.joinpath(*PurePosixPath(name).parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        partial.mkdir(parents=True, exist_ok=True)
        library = load_library(partial, identification_hosts, substitutions)
        if library.errors or library.skipped:
            problems = pack_problems(library, partial)
            first = library.errors[0] if library.errors else None
            raise PackError(
                "the pack's guides do not pass the check"
                + (f": {first.message}" if first is not None else ""),
                problems=problems,
            )
        partial.replace(destination)
    except OSError as exc:
        raise disk_error(exc, "unpacking the guide pack") from None
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    # Loaded from the partial folder: load again where the files now are.
    return manifest, load_library(destination, identification_hosts, substitutions)
