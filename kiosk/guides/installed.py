"""The guide packs installed on this kiosk: the one in use, the one before it, and the
switch between them, so that the kiosk is never left without guides that work.

On disk (``paths.guide_packs_dir()``)::

    state.json          which pack is in use and which came before it
    pack-<version>/     an unpacked pack that passed the check: <id>/guide.yaml ...
    download.partial    a download in progress (removed at the next start)

Only ``state.json`` decides what the kiosk shows. It is written to a new file, flushed to
the disk and renamed over the old one (``os.replace``), so a kiosk killed at any moment
finds the old state or the new one, never half of one; and every folder a state names is
complete, because a pack is unpacked under another name and renamed into place only once
it passed the check.

A pack being switched to is *on trial* until the kiosk has loaded it and shown its tiles.
A kiosk that starts and finds a pack still on trial died during the switch: it goes back
to the previous pack. When no pack loads, the guides the kiosk was installed with (the
shipped guides) are shown: the fallback of last resort.

Pure Python (no Qt, no network): :mod:`kiosk.guides.updater` fetches packs, ``app_packs``
runs it between visitors.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from kiosk.guides.model import Library
from kiosk.guides.packs import PackError, PackManifest, Verifier, read_pack

log = logging.getLogger("kiosk.guides")

STATE_FILE = "state.json"
DOWNLOAD_NAME = "download.partial"
#: A damaged state file, kept for whoever looks into why (the last one only).
DAMAGED_NAME = STATE_FILE + ".damaged"
FOLDER_PREFIX = "pack-"
#: Offers refused for good (a bad signature, guides that fail the check here) that are
#: remembered, so the kiosk does not fetch them again and again.
MAX_REFUSED = 20
#: A pack the kiosk stopped this often while switching to it is not tried again.
MAX_CRASHES = 2
#: The longest problem sentence kept for the staff page.
MAX_PROBLEM_CHARS = 300

Loader = Callable[[Path], Library]


@dataclass(frozen=True, slots=True)
class PackState:
    """What ``state.json`` says. Folder names are inside the packs folder."""

    current: str | None = None
    current_version: str | None = None
    previous: str | None = None
    previous_version: str | None = None
    #: The current pack was switched to but not yet seen to load and show.
    trial: bool = False
    #: Offer key -> why it was refused (never fetched again).
    refused: Mapping[str, str] = field(default_factory=dict)
    #: The last thing that went wrong, for the staff page (None once a pack went in).
    problem: str | None = None
    #: Version -> how often the kiosk stopped while switching to it.
    crashes: Mapping[str, int] = field(default_factory=dict)

    def to_json(self) -> bytes:
        return (json.dumps(_as_dict(self), ensure_ascii=False, indent=2) + "\n").encode()

    @classmethod
    def from_json(cls, data: bytes) -> PackState:
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")

        def text(name: str) -> str | None:
            value = raw.get(name)
            if value is not None and not isinstance(value, str):
                raise ValueError(f"{name} is not text")
            return value

        refused = raw.get("refused", {})
        if not isinstance(refused, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in refused.items()
        ):
            raise ValueError("refused is not a table of texts")
        crashes = raw.get("crashes", {})
        if not isinstance(crashes, dict) or not all(
            isinstance(k, str) and isinstance(v, int) for k, v in crashes.items()
        ):
            raise ValueError("crashes is not a table of counts")
        for name in ("current", "previous"):
            folder = text(name)
            if folder is not None and not _own_folder_name(folder):
                raise ValueError(f"{name} is not a pack folder's name")
        return cls(
            current=text("current"),
            current_version=text("current_version"),
            previous=text("previous"),
            previous_version=text("previous_version"),
            trial=bool(raw.get("trial", False)),
            refused=dict(refused),
            problem=text("problem"),
            crashes=dict(crashes),
        )


def _as_dict(state: PackState) -> dict[str, object]:
    return {
        "current": state.current,
        "current_version": state.current_version,
        "previous": state.previous,
        "previous_version": state.previous_version,
        "trial": state.trial,
        "refused": dict(state.refused),
        "problem": state.problem,
        "crashes": dict(state.crashes),
    }


def _own_folder_name(name: str) -> bool:
    return (
        name.startswith(FOLDER_PREFIX)
        and "/" not in name
        and "\\" not in name
        and name not in (".", "..")
    )


@dataclass(frozen=True, slots=True)
class Staged:
    """A pack unpacked and checked, ready to switch to."""

    folder: str
    manifest: PackManifest
    library: Library
    #: The offer it came from (see :class:`kiosk.guides.updater.Offer`), to refuse it by.
    offer_key: str = ""

    @property
    def version(self) -> str:
        return self.manifest.version


def unusable(library: Library) -> str | None:
    """Why a loaded pack cannot be shown (None: it can)."""
    if library.errors or library.skipped:
        first = library.errors[0] if library.errors else None
        return f"{len(library.errors)} error(s) in its guides" + (
            f", the first: {first.message}" if first is not None else ""
        )
    if not library.guides:
        return "it holds no guides"
    return None


class InstalledPacks:
    """The packs folder of this kiosk. Every change of the state goes through here."""

    def __init__(self, root: Path) -> None:
        self.root = root

    # -- the state -------------------------------------------------------------------------
    def state(self) -> PackState:
        """The state on disk; a missing one means "the shipped guides"."""
        path = self.root / STATE_FILE
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return PackState()
        except OSError as exc:
            log.error("guide packs: %s cannot be read (%s); showing the shipped guides", path, exc)
            return PackState()
        try:
            return PackState.from_json(data)
        except (ValueError, UnicodeDecodeError) as exc:
            # Only a damaged disk makes one (it is replaced whole, never written in place).
            log.error(
                "guide packs: %s is damaged (%s); it is moved aside and the shipped guides "
                "are shown until the next pack",
                path,
                exc,
            )
            with contextlib.suppress(OSError):
                path.replace(path.with_name(DAMAGED_NAME))
            return PackState()

    def save(self, state: PackState) -> None:
        """Write the state atomically (a new file, flushed, renamed over the old one)."""
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / STATE_FILE
        new = path.with_name(STATE_FILE + ".new")
        with new.open("wb") as out:
            out.write(state.to_json())
            out.flush()
            os.fsync(out.fileno())
        new.replace(path)  # os.replace: atomic on POSIX and Windows
        _sync_folder(self.root)

    def folder(self, name: str) -> Path:
        return self.root / name

    # -- tidying -----------------------------------------------------------------------------
    def clean(self) -> None:
        """Remove what no state names: half-done downloads and unpackings, old packs."""
        if not self.root.is_dir():
            return
        state = self.state()
        keep = {STATE_FILE, state.current, state.previous}
        for entry in self.root.iterdir():
            if entry.name in keep or entry.name == DAMAGED_NAME:
                continue
            try:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            except OSError as exc:
                log.warning("guide packs: could not remove %s (%s)", entry.name, exc)
                continue
            if entry.name == DOWNLOAD_NAME or entry.name.endswith((".partial", ".new")):
                log.warning(
                    "guide packs: removed %s, left by an update that was cut short "
                    "(the kiosk stopped, or the disk was full)",
                    entry.name,
                )

    def download_file(self) -> Path:
        return self.root / DOWNLOAD_NAME

    # -- installing ------------------------------------------------------------------------
    def stage(
        self,
        pack_file: Path,
        label: str,
        identification_hosts: Iterable[str],
        *,
        substitutions: Mapping[str, str] | None = None,
        verifier: Verifier | None = None,
        signature: bytes | None = None,
    ) -> Staged:
        """Check ``pack_file`` (signature, hashes, the guides) and unpack it into a new
        folder (named after ``label``, the version it was offered as) beside the pack in
        use. Raises :class:`PackError`; nothing is switched."""
        self.root.mkdir(parents=True, exist_ok=True)
        state = self.state()
        safe = "".join(ch for ch in label if ch.isalnum() or ch in ".-_+")[:64] or "pack"
        taken = {state.current, state.previous}
        name, number = f"{FOLDER_PREFIX}{safe}", 1
        while name in taken or self.folder(name).exists():
            number += 1
            name = f"{FOLDER_PREFIX}{safe}~{number}"
        manifest, library = read_pack(
            pack_file,
            self.folder(name),
            identification_hosts,
            substitutions=substitutions,
            verifier=verifier,
            signature=signature,
        )
        return Staged(name, manifest, library)

    def switch(self, staged: Staged) -> PackState:
        """Make ``staged`` the pack in use (on trial); the one in use becomes the previous."""
        old = self.state()
        new = replace(
            old,
            current=staged.folder,
            current_version=staged.version,
            previous=old.current,
            previous_version=old.current_version,
            trial=True,
        )
        self.save(new)
        log.info(
            "guide packs: switched to pack %s (before: %s)",
            staged.version,
            old.current_version or "the shipped guides",
        )
        return new

    def confirm(self) -> PackState:
        """The pack in use loaded and its tiles show: it is no longer on trial."""
        state = replace(self.state(), trial=False, problem=None)
        self.save(state)
        self.clean()  # the pack before the previous one is no longer needed
        return state

    def fall_back(self, problem: str, *, crashed: bool = False) -> PackState:
        """Leave the pack in use for the previous one (or the shipped guides).

        ``crashed``: the kiosk stopped while switching to it (counted: see
        :meth:`crashed_too_often`)."""
        old = self.state()
        crashes = dict(old.crashes)
        if crashed and old.current_version is not None:
            crashes[old.current_version] = crashes.get(old.current_version, 0) + 1
            while len(crashes) > MAX_REFUSED:
                crashes.pop(next(iter(crashes)))
        new = replace(
            old,
            crashes=crashes,
            current=old.previous,
            current_version=old.previous_version,
            previous=None,
            previous_version=None,
            trial=False,
            problem=problem[:MAX_PROBLEM_CHARS],
        )
        self.save(new)
        log.warning(
            "guide packs: left pack %s (%s); now showing %s",
            old.current_version,
            problem,
            f"pack {new.current_version}" if new.current else "the shipped guides",
        )
        return new

    def crashed_too_often(self, version: str) -> bool:
        """The kiosk stopped twice while switching to ``version``: do not try it again."""
        return self.state().crashes.get(version, 0) >= MAX_CRASHES

    def refuse(self, offer_key: str, problem: str) -> PackState:
        """Remember an offer that will never work here, and say why (for the staff page)."""
        state = self.state()
        refused = dict(state.refused)
        refused[offer_key] = problem[:MAX_PROBLEM_CHARS]
        while len(refused) > MAX_REFUSED:
            refused.pop(next(iter(refused)))
        new = replace(state, refused=refused, problem=problem[:MAX_PROBLEM_CHARS])
        self.save(new)
        return new

    def note_problem(self, problem: str | None) -> None:
        """A passing trouble (help desk unreachable, disk full) for the staff page."""
        state = self.state()
        if state.problem != problem:
            self.save(replace(state, problem=problem[:MAX_PROBLEM_CHARS] if problem else None))


def folder_in_use(packs: InstalledPacks, shipped: Path) -> tuple[Path, str | None]:
    """The guides folder the kiosk shows from, and the pack's version (None: ``shipped``,
    the shipped guides or ``guides.dir``). Read only: nothing is changed or cleaned."""
    state = packs.state()
    if state.current is not None and packs.folder(state.current).is_dir():
        return packs.folder(state.current), state.current_version
    return shipped, None


def load_guides(packs: InstalledPacks, shipped: Path, load: Loader) -> tuple[Library, str | None]:
    """The guides to show at start: the pack in use; if it does not load, the one before;
    if none does, the shipped guides. Returns the library and the pack's version (None:
    the shipped guides)."""
    try:
        state = packs.state()
        if state.trial:
            state = packs.fall_back(
                f"the kiosk stopped while switching to pack {state.current_version}",
                crashed=True,
            )
        packs.clean()  # what a download, unpacking or switch cut short left behind
        while state.current is not None:
            folder = packs.folder(state.current)
            problem = "its folder is missing" if not folder.is_dir() else None
            library = load(folder) if problem is None else Library()
            problem = problem or unusable(library)
            if problem is None:
                return library, state.current_version
            state = packs.fall_back(f"pack {state.current_version} does not load: {problem}")
    except OSError as exc:  # the state cannot be written (disk full, read-only)
        log.error("guide packs: %s; showing the shipped guides", exc)
    return load(shipped), None


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename) to the disk, where the OS allows it."""
    if os.name != "posix":
        return  # Windows cannot open a folder; its rename is durable once it returns
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = [
    "InstalledPacks",
    "PackError",
    "PackState",
    "Staged",
    "load_guides",
    "unusable",
]
