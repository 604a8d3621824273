"""Guide updates without reinstalling: fetch the newest guide pack from the help desk and
make it the kiosk's guides, between visitors.

Two halves that run at different moments, both only while nobody uses the kiosk:

* :meth:`Updater.fetch`, on a background thread: ask the help desk for its newest pack
  (telling it which pack this kiosk shows and what went wrong last), download it when it
  is new, check its hash and the help desk's signature, check its guides with this
  kiosk's own settings, and unpack it beside the pack in use. Nothing on the screen
  changes, and nothing of what is in use is touched.
* :meth:`Updater.activate`, on the GUI thread: switch to it, load it, show its tiles
  (the caller's ``show``) and confirm it; when it does not load, go back to the pack
  before.

Every failure (no help desk, a full disk, a damaged download, a pack from another server,
guides that fail the check here) leaves the kiosk on the pack it shows, with one plain
log line; offers that can never work here are remembered and not fetched again. Pure
Python: the help desk is reached through a :class:`PackSource` that the composition root
gives (``kiosk.helpdesk.guide_packs``), so this module needs no network code.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from kiosk.guides.installed import InstalledPacks, Staged, load_guides, unusable
from kiosk.guides.loader import load_library
from kiosk.guides.model import Library
from kiosk.guides.packs import MAX_PACK_BYTES, PackError, Verifier, disk_error

if TYPE_CHECKING:
    import hashlib

log = logging.getLogger("kiosk.guides")

#: Free disk space a download must leave: the kiosk's logs and outbox need room too.
DISK_MARGIN_BYTES = 20 * 1024 * 1024
#: An unpacked pack takes about this many times its download (zip compresses text well).
UNPACKED_FACTOR = 4


class SourceError(Exception):
    """The help desk could not be asked, or did not answer properly. ``str()`` is plain."""


@dataclass(frozen=True, slots=True)
class Offer:
    """The help desk's newest pack, as it offers it to this kiosk."""

    version: str
    size: int
    sha256: str
    #: The help desk's signature over the pack's manifest, made for this kiosk.
    signature: bytes

    @property
    def key(self) -> str:
        """Names this exact offer (a re-published pack signed again is another one)."""
        return f"{self.version}:{self.sha256[:16]}:{self.signature.hex()[:16]}"


class Sink(Protocol):
    """Where a download is written (a file, wrapped)."""

    def write(self, data: bytes, /) -> int: ...


class PackSource(Protocol):
    """Where packs come from (the help desk, with this kiosk's device token)."""

    def check(self, current: str | None, problem: str | None) -> Offer | None:
        """Report the pack in use (None: the shipped guides) and the last problem; get
        the newest pack on offer (None: none is published)."""
        ...

    def download(self, offer: Offer, out: Sink) -> None:
        """Write the offered pack's bytes to ``out`` (at most ``offer.size``)."""
        ...

    def verifier(self) -> Verifier:
        """Checks a signature of this kiosk's help desk (fetches its key the first time)."""
        ...


class Shown(NamedTuple):
    library: Library
    #: The pack's version; None for the shipped guides.
    version: str | None


Show = Callable[[Library, "str | None"], None]


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


class Updater:
    """The kiosk's guides: which to show at start, and newer packs from ``source``."""

    def __init__(
        self,
        packs: InstalledPacks,
        source: PackSource | None,
        shipped: Path,
        identification_hosts: Iterable[str],
        substitutions: Mapping[str, str] | None = None,
        *,
        free_space: Callable[[Path], int] = free_bytes,
    ) -> None:
        self.packs = packs
        self.source = source
        self.shipped = shipped
        self.identification_hosts = tuple(identification_hosts)
        self.substitutions = substitutions
        self.free_space = free_space
        self._said: set[str] = set()  # things logged once, not at every check

    def load(self, folder: Path) -> Library:
        """The guides the kiosk shows (without the writers' advice: see ``load_guide``)."""
        return load_library(folder, self.identification_hosts, self.substitutions, advice=False)

    def start_guides(self) -> Shown:
        """The guides to show at start (the pack in use, the one before, or the shipped)."""
        library, version = load_guides(self.packs, self.shipped, self.load)
        if version is not None:
            log.info("guide packs: showing pack %s (%d guides)", version, len(library.guides))
        return Shown(library, version)

    # -- fetching (background thread) ------------------------------------------------------
    def fetch(self) -> Staged | None:
        """Fetch, check and unpack a newer pack; None when there is none (or it failed).

        Never raises: every outcome is a log line (and, for the staff page, the state's
        ``problem``, sent with the next check).
        """
        if self.source is None:
            return None
        try:
            return self._fetch(self.source)
        except Exception as exc:  # a background thread: log plainly, keep the kiosk going
            log.error(
                "guide packs: the update stopped unexpectedly (%s: %s)", type(exc).__name__, exc
            )
            self._note(f"the update stopped unexpectedly ({type(exc).__name__})")
            return None

    def report(self) -> None:
        """Tell the help desk which pack the kiosk shows (after a switch); fetch nothing.
        Never raises."""
        if self.source is None:
            return
        state = self.packs.state()
        try:
            self.source.check(state.current_version, state.problem)
        except SourceError as exc:
            log.info("guide packs: could not tell the help desk which pack is shown (%s)", exc)
        except Exception as exc:  # a background thread: log plainly
            log.error("guide packs: the report failed (%s)", type(exc).__name__)

    def _fetch(self, source: PackSource) -> Staged | None:
        state = self.packs.state()
        try:
            offer = source.check(state.current_version, state.problem)
        except SourceError as exc:
            self._once(
                "check", "guide packs: could not ask the help desk for a newer pack (%s)", exc
            )
            return None
        self._said.discard("check")
        if offer is None or offer.version == state.current_version:
            return None
        if offer.key in state.refused:
            self._once(
                offer.key,
                "guide packs: pack %s stays refused: %s",
                offer.version,
                state.refused[offer.key],
            )
            return None
        if self.packs.crashed_too_often(offer.version):
            self._once(
                offer.key,
                "guide packs: pack %s is not tried again: the kiosk stopped twice while "
                "switching to it",
                offer.version,
            )
            return None
        if offer.size <= 0 or offer.size > MAX_PACK_BYTES:
            self._refuse(offer, f"pack {offer.version} is too big ({offer.size} bytes)")
            return None
        try:
            self.packs.clean()
            self._check_room(offer)
            return self._download_and_stage(source, offer)
        except OSError as exc:
            problem = str(disk_error(exc, f"installing guide pack {offer.version}"))
        except PackError as exc:
            if not exc.transient:
                self._refuse(offer, f"pack {offer.version} was refused: {exc}", exc.problems)
                return None
            problem = f"pack {offer.version}: {exc}"
        except SourceError as exc:
            problem = f"downloading pack {offer.version} failed: {exc}"
        log.warning(
            "guide packs: %s; staying on %s, trying again later",
            problem,
            _name(state.current_version),
        )
        self._note(problem)
        return None

    def _check_room(self, offer: Offer) -> None:
        self.packs.root.mkdir(parents=True, exist_ok=True)
        free = self.free_space(self.packs.root)
        needed = offer.size * (1 + UNPACKED_FACTOR) + DISK_MARGIN_BYTES
        if free < needed:
            raise PackError(
                f"not enough free disk space ({free // 2**20} MB free, "
                f"{needed // 2**20 + 1} MB needed)",
                transient=True,
            )

    def _download_and_stage(self, source: PackSource, offer: Offer) -> Staged:
        import hashlib  # noqa: PLC0415 - with the first download, not the first screen

        verifier = source.verifier()
        download = self.packs.download_file()
        try:
            digest = hashlib.sha256()
            with download.open("wb") as out:
                source.download(offer, _Hashing(out, digest))
            if download.stat().st_size != offer.size or digest.hexdigest() != offer.sha256:
                raise PackError("the download was damaged", transient=True)
            staged = self.packs.stage(
                download,
                offer.version,
                self.identification_hosts,
                substitutions=self.substitutions,
                verifier=verifier,
                signature=offer.signature,
            )
        finally:
            download.unlink(missing_ok=True)
        log.info(
            "guide packs: pack %s (%d guides) is checked and ready; it goes in between visitors",
            staged.version,
            len(staged.library.guides),
        )
        return replace(staged, offer_key=offer.key)

    def _refuse(self, offer: Offer, problem: str, details: tuple[str, ...] = ()) -> None:
        state = self.packs.state()
        log.warning("guide packs: %s; staying on %s", problem, _name(state.current_version))
        for line in details:
            log.warning("guide packs:   %s", line)
        try:
            self.packs.refuse(offer.key, problem)
        except OSError as exc:
            log.error("guide packs: could not note the refusal (%s)", exc)

    def _note(self, problem: str | None) -> None:
        try:
            self.packs.note_problem(problem)
        except OSError as exc:
            log.error("guide packs: could not note the problem (%s)", exc)

    def _once(self, key: str, message: str, *args: object) -> None:
        if key not in self._said:
            self._said.add(key)
            log.info(message, *args)

    # -- switching (GUI thread, between visitors) ------------------------------------------
    def activate(self, staged: Staged, show: Show) -> bool:
        """Switch to ``staged`` and show it. False: it did not load, and the pack before
        (or the shipped guides) is shown again."""
        try:
            self.packs.switch(staged)
        except OSError as exc:
            problem = str(disk_error(exc, f"switching to guide pack {staged.version}"))
            log.error("guide packs: %s; staying on the pack in use", problem)
            self._note(problem)
            return False
        library = self.load(self.packs.folder(staged.folder))
        trouble = unusable(library)
        if trouble is not None:
            problem = f"pack {staged.version} does not load: {trouble}"
            try:
                self.packs.fall_back(problem)
                if staged.offer_key:
                    self.packs.refuse(staged.offer_key, problem)
            except OSError as exc:
                log.error("guide packs: could not go back (%s)", exc)
            show(*self.start_guides())
            return False
        # If showing it kills the kiosk, the pack stays on trial: the next start goes back.
        show(library, staged.version)
        try:
            self.packs.confirm()
        except OSError as exc:
            log.error("guide packs: could not confirm pack %s (%s)", staged.version, exc)
        self._said.clear()
        log.info(
            "guide packs: now showing pack %s (%d guides)", staged.version, len(library.guides)
        )
        return True

    def discard(self, staged: Staged) -> None:
        """A staged pack that will not be switched to (the kiosk is closing)."""
        shutil.rmtree(self.packs.folder(staged.folder), ignore_errors=True)


class _Hashing:
    """A file that hashes what is written to it."""

    def __init__(self, out: Sink, digest: hashlib._Hash) -> None:
        self._out = out
        self._digest = digest

    def write(self, data: bytes) -> int:
        self._digest.update(data)
        return self._out.write(data)


def _name(version: str | None) -> str:
    return f"pack {version}" if version else "the shipped guides"
