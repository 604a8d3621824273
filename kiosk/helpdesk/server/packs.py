"""Guide packs on the help desk: publishing (checked with the same checker as ``kiosk
guides check``), signing for each kiosk, what each kiosk reports it shows, and which
guides are due a new check.

A pack is published by a staff member whose role may publish guides. The server reads
it as a kiosk would (paths, sizes, every file's hash) and checks its guides with the
shipped identification hosts; a pack with an error is refused with every problem by
file and line. An accepted pack is signed with the server's secret (kept in a file of
its own, not in the database: whoever can write to the database still cannot make a pack
that a kiosk takes) and stored whole in the database, so every worker and every server
of a PostgreSQL set-up serves the same packs. The newest published pack is the one on
offer; publishing an older pack file again makes it the newest again (going back).

Each kiosk gets the pack with a signature of its own: an HMAC-SHA256 over the manifest
with a key derived from the server's secret, the kiosk's id and its device token's hash
(see ``kiosk.helpdesk.guide_packs`` for why this is enough).
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import hashlib
import hmac
import io
import json
import logging
import os
import secrets
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from kiosk import paths
from kiosk.config import DEFAULT_IDENTIFICATION_HOSTS
from kiosk.guides.freshness import MAX_AGE_DAYS
from kiosk.guides.loader import DEFAULT_SUBSTITUTIONS, load_library
from kiosk.guides.model import Guide, Library
from kiosk.guides.packs import (
    MANIFEST_NAME,
    PackError,
    manifest_signature,
    pack_problems,
    read_pack,
    signature_matches,
)
from kiosk.guides.report import with_freshness
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.db import UtcDateTime
from kiosk.helpdesk.server.store import Store

log = logging.getLogger("kiosk.helpdesk.server")

#: The packs whose files are kept (older ones stay listed, without their file).
KEEP_FILES = 5
#: The packs listed on the staff page.
LIST_PACKS = 20
#: A kiosk's report is written again after this long even if nothing changed.
REPORT_REFRESH = datetime.timedelta(minutes=15)
KEY_FILE_NAME = "guide-pack-signing.key"
_KEY_CONTEXT = b"digituki kiosk guide pack key\0"

guide_packs = Table(
    "guide_packs",
    db.metadata,
    Column("id", Integer, primary_key=True),
    Column("version", String(64), nullable=False, unique=True),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("manifest", LargeBinary, nullable=False),
    # HMAC of the manifest with the server's secret, made when it was checked.
    Column("signature", String(64), nullable=False),
    # NULL once the pack is older than the newest KEEP_FILES.
    Column("content", LargeBinary),
    # JSON: [{"id", "title": {language: text}, "verified": "YYYY-MM-DD" | null}]
    Column("guides", Text, nullable=False),
    Column("warnings", Integer, nullable=False, server_default="0"),
    Column("published_by", String(60), nullable=False),
    Column("published_at", UtcDateTime, nullable=False),
)

kiosk_guide_packs = Table(
    "kiosk_guide_packs",
    db.metadata,
    Column("kiosk_id", Integer, ForeignKey("kiosks.id", ondelete="CASCADE"), primary_key=True),
    # NULL: the guides the kiosk was installed with.
    Column("version", String(64)),
    Column("problem", String(300)),
    Column("reported_at", UtcDateTime, nullable=False),
)


class PackRefusedError(Exception):
    """A pack that is not published. ``str()`` is plain; ``problems`` by file and line."""

    def __init__(self, message: str, problems: tuple[str, ...] = (), status: int = 422) -> None:
        super().__init__(message)
        self.problems = problems
        self.status = status


@dataclass(frozen=True, slots=True)
class Published:
    version: str
    guides: int
    warnings: tuple[str, ...]
    published_at: datetime.datetime
    #: False: the same pack was published before and is now the newest again.
    new: bool


# -- the server's secret ------------------------------------------------------------------
def default_key_file() -> Path:
    return paths.data_dir() / KEY_FILE_NAME


def load_or_make_secret(path: Path) -> bytes:
    """The signing secret in ``path``, made (32 random bytes, mode 0600) if there is none.

    Several workers may start at once: the secret is written to a file of its own and
    linked into place, so exactly one is kept and every worker reads that one.
    """
    with contextlib.suppress(FileNotFoundError):
        return _read_secret(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32) + "\n")
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(partial, path)
        except FileExistsError:
            pass  # another worker was first: its secret counts
        except OSError:
            if not path.exists():  # a file system without hard links
                partial.replace(path)
        else:
            log.info("made a new guide pack signing secret in %s", path)
    finally:
        partial.unlink(missing_ok=True)
    return _read_secret(path)


def _read_secret(path: Path) -> bytes:
    text = path.read_text(encoding="ascii", errors="replace").strip()
    try:
        secret = bytes.fromhex(text)
    except ValueError:
        secret = b""
    if len(secret) != 32:
        raise OSError(f"the guide pack signing secret {path} is damaged; restore it from a backup")
    return secret


def kiosk_key(secret: bytes, kiosk_id: int, token_hash: str) -> bytes:
    """The key that signs packs for one kiosk (and one pairing of it)."""
    message = _KEY_CONTEXT + f"{kiosk_id}\0{token_hash}".encode()
    return hmac.new(secret, message, hashlib.sha256).digest()


# -- checking an upload ------------------------------------------------------------------
def check_pack(data: bytes, today: datetime.date) -> tuple[bytes, Library, tuple[str, ...]]:
    """Check an uploaded pack as a kiosk would; returns its manifest's bytes, its guides
    and its warnings (guides due a new check among them). Raises PackRefusedError."""
    with tempfile.TemporaryDirectory(prefix="guide-pack-") as tmp:
        upload = Path(tmp) / "upload.guidepack"
        upload.write_bytes(data)
        folder = Path(tmp) / "guides"
        try:
            _manifest, library = read_pack(
                upload,
                folder,
                DEFAULT_IDENTIFICATION_HOSTS,
                substitutions=DEFAULT_SUBSTITUTIONS,
            )
        except PackError as exc:
            if exc.problems:
                raise PackRefusedError(
                    f"The pack was not published: {len(exc.problems)} problem(s) in its guides. "
                    "Fix them (kiosk guides check lists them too) and build the pack again.",
                    exc.problems,
                ) from None
            raise PackRefusedError(f"The pack was not published: {exc}.") from None
        warnings = pack_problems(with_freshness(library, today), folder, errors_only=False)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = archive.read(MANIFEST_NAME)
    return manifest, library, warnings


def guide_summary(guides: tuple[Guide, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": guide.id,
            "title": dict(guide.title.by_language),
            "verified": guide.verified.isoformat() if guide.verified else None,
        }
        for guide in guides
    ]


class GuidePacks:
    """Published packs and what the kiosks report, in the help desk's database."""

    def __init__(self, store: Store, key_file: Path | None = None) -> None:
        self.store = store
        self.key_file = key_file or default_key_file()
        self._secret: bytes | None = None
        self._secret_lock = threading.Lock()
        self._shipped: list[dict[str, Any]] | None = None

    def secret(self) -> bytes:
        with self._secret_lock:
            if self._secret is None:
                self._secret = load_or_make_secret(self.key_file)
            return self._secret

    def today(self) -> datetime.date:
        return self.store.clock().astimezone(self.store.timezone).date()

    # -- publishing ---------------------------------------------------------------------------
    def publish(self, data: bytes, published_by: str) -> Published:
        manifest, library, warnings = check_pack(data, self.today())
        version = json.loads(manifest)["version"]
        digest = hashlib.sha256(data).hexdigest()
        signature = manifest_signature(self.secret(), manifest).hex()
        now = self.store.clock()
        values = {
            "version": version,
            "sha256": digest,
            "size": len(data),
            "manifest": manifest,
            "signature": signature,
            "content": data,
            "guides": json.dumps(guide_summary(library.guides), ensure_ascii=False),
            "warnings": len(warnings),
            "published_by": published_by[:60],
            "published_at": now,
        }
        with self.store.write() as (conn, _events):
            row = conn.execute(
                select(guide_packs.c.id, guide_packs.c.sha256).where(
                    guide_packs.c.version == version
                )
            ).first()
            if row is not None and row.sha256 != digest:
                raise PackRefusedError(
                    f"Another pack with version {version} was published before. Give this "
                    "one a new version (kiosk guides pack --version) and publish it again.",
                    status=409,
                )
            if row is None:
                try:
                    conn.execute(insert(guide_packs).values(**values))
                except IntegrityError:  # the same pack, published twice at once
                    raise PackRefusedError(
                        f"Pack {version} is being published by someone else right now.",
                        status=409,
                    ) from None
            else:
                conn.execute(update(guide_packs).where(guide_packs.c.id == row.id).values(**values))
            self._drop_old_files(conn)
        log.info("guide pack %s published (%d guides)", version, len(library.guides))
        return Published(version, len(library.guides), warnings, now, row is None)

    @staticmethod
    def _drop_old_files(conn: Any) -> None:
        keep = (
            select(guide_packs.c.id).order_by(guide_packs.c.published_at.desc()).limit(KEEP_FILES)
        )
        kept = [r.id for r in conn.execute(keep)]
        conn.execute(
            update(guide_packs)
            .where(guide_packs.c.id.not_in(kept), guide_packs.c.content.is_not(None))
            .values(content=None)
        )

    # -- for kiosks ---------------------------------------------------------------------------
    def key_for(self, kiosk_id: int, token_hash: str) -> str:
        return base64.b64encode(kiosk_key(self.secret(), kiosk_id, token_hash)).decode()

    def offer(self, kiosk_id: int, token_hash: str) -> dict[str, Any] | None:
        """The newest pack, signed for this kiosk (None: none is published)."""
        with self.store.engine.connect() as conn:
            row = conn.execute(
                select(
                    guide_packs.c.version,
                    guide_packs.c.size,
                    guide_packs.c.sha256,
                    guide_packs.c.manifest,
                    guide_packs.c.signature,
                )
                .where(guide_packs.c.content.is_not(None))
                .order_by(guide_packs.c.published_at.desc())
                .limit(1)
            ).first()
        if row is None:
            return None
        secret = self.secret()
        if not signature_matches(secret, row.manifest, bytes.fromhex(row.signature)):
            log.error(
                "guide pack %s in the database was not signed with this server's secret "
                "(changed in the database, or the secret file was replaced): not offered; "
                "publish the pack again",
                row.version,
            )
            return None
        signature = manifest_signature(kiosk_key(secret, kiosk_id, token_hash), row.manifest)
        return {
            "version": row.version,
            "size": row.size,
            "sha256": row.sha256,
            "signature": signature.hex(),
        }

    def content(self, version: str) -> bytes | None:
        with self.store.engine.connect() as conn:
            data = conn.execute(
                select(guide_packs.c.content).where(guide_packs.c.version == version)
            ).scalar()
        return bytes(data) if data is not None else None

    def report(self, kiosk_id: int, version: str | None, problem: str | None) -> None:
        """What the kiosk says it shows; written when it changed (or now and then)."""
        now = self.store.clock()
        with self.store.engine.connect() as conn:
            old = conn.execute(
                select(kiosk_guide_packs).where(kiosk_guide_packs.c.kiosk_id == kiosk_id)
            ).first()
        if (
            old is not None
            and (old.version, old.problem) == (version, problem)
            and now - old.reported_at < REPORT_REFRESH
        ):
            return
        values = {"version": version, "problem": problem, "reported_at": now}
        with self.store.write() as (conn, _events):
            changed = conn.execute(
                update(kiosk_guide_packs)
                .where(kiosk_guide_packs.c.kiosk_id == kiosk_id)
                .values(**values)
            ).rowcount
            if not changed:
                conn.execute(insert(kiosk_guide_packs).values(kiosk_id=kiosk_id, **values))
        if old is None or old.version != version:
            log.info("kiosk %d shows guide pack %s", kiosk_id, version or "(shipped guides)")

    # -- for staff ------------------------------------------------------------------------------
    def overview(self, centre_ids: frozenset[int] | None) -> dict[str, Any]:
        """Packs, each kiosk's pack, and the guides due a new check."""
        with self.store.engine.connect() as conn:
            packs = conn.execute(
                select(
                    guide_packs.c.version,
                    guide_packs.c.size,
                    guide_packs.c.guides,
                    guide_packs.c.warnings,
                    guide_packs.c.published_by,
                    guide_packs.c.published_at,
                    guide_packs.c.content.is_not(None).label("available"),
                )
                .order_by(guide_packs.c.published_at.desc())
                .limit(LIST_PACKS)
            ).all()
            query = (
                select(
                    db.kiosks.c.id,
                    db.kiosks.c.name,
                    db.kiosks.c.centre_id,
                    db.centres.c.name.label("centre_name"),
                    db.kiosks.c.last_seen_at,
                    kiosk_guide_packs.c.version,
                    kiosk_guide_packs.c.problem,
                    kiosk_guide_packs.c.reported_at,
                )
                .join(db.centres, db.centres.c.id == db.kiosks.c.centre_id)
                .outerjoin(kiosk_guide_packs, kiosk_guide_packs.c.kiosk_id == db.kiosks.c.id)
                .order_by(db.centres.c.name, db.kiosks.c.name)
            )
            if centre_ids is not None:
                query = query.where(db.kiosks.c.centre_id.in_(centre_ids))
            kiosks = conn.execute(query).all()
        newest = next((p for p in packs if p.available), None)
        guides = json.loads(newest.guides) if newest is not None else self._shipped_guides()
        return {
            "newest": _pack_view(newest) if newest is not None else None,
            "packs": [_pack_view(p) for p in packs],
            "kiosks": [
                {
                    "id": k.id,
                    "name": k.name,
                    "centre_id": k.centre_id,
                    "centre_name": k.centre_name,
                    "last_seen_at": _iso(k.last_seen_at),
                    "reported": k.reported_at is not None,
                    "version": k.version,
                    "problem": k.problem,
                    "reported_at": _iso(k.reported_at),
                }
                for k in kiosks
            ],
            "due": due_guides(guides, self.today()),
            "max_age_days": MAX_AGE_DAYS,
        }

    def _shipped_guides(self) -> list[dict[str, Any]]:
        """No pack published: the kiosks show the guides they were installed with."""
        if self._shipped is None:
            library = load_library(
                paths.bundled_guides_dir(),
                DEFAULT_IDENTIFICATION_HOSTS,
                DEFAULT_SUBSTITUTIONS,
            )
            self._shipped = guide_summary(library.guides)
        return self._shipped


def due_guides(guides: list[dict[str, Any]], today: datetime.date) -> list[dict[str, Any]]:
    """Guides not checked for :data:`MAX_AGE_DAYS` days (or never), oldest first."""
    due = []
    for guide in guides:
        verified = guide.get("verified")
        day = datetime.date.fromisoformat(verified) if verified else None
        days = None if day is None else (today - day).days
        if days is None or days > MAX_AGE_DAYS:
            due.append({**guide, "days": days})
    return sorted(due, key=lambda g: (g["days"] is not None, -(g["days"] or 0), g["id"]))


def _pack_view(row: Any) -> dict[str, Any]:
    return {
        "version": row.version,
        "size": row.size,
        "guides": len(json.loads(row.guides)),
        "warnings": row.warnings,
        "published_by": row.published_by,
        "published_at": _iso(row.published_at),
        "available": bool(row.available),
    }


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
