"""Which downloads the kiosk keeps, and how each is shown: a table, deny by default.

Pure Python. The Qt adapter (``browser/webengine/downloads.py``) asks :func:`classify`
with the file name the server suggests and its MIME type, before anything is written;
after the download, :func:`content_matches` checks the first bytes, so that a program
named ``decision.pdf`` is thrown away too.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath


class FileKind(enum.Enum):
    PDF = "pdf"  # shown in the kiosk's PDF viewer, printable
    IMAGE = "image"  # shown in the kiosk's viewer, printable
    TEXT = "text"  # shown in the kiosk's viewer
    DOCUMENT = "document"  # kept for uploading, "cannot be shown here"


class Refusal(enum.Enum):
    PROGRAM = "program"  # .exe, .msi, .sh, .bat, .ps1, .jar, .apk, ...
    ARCHIVE = "archive"  # .zip, .rar, .7z, .tar, .iso, ...
    UNKNOWN = "unknown"  # anything not in the table
    MISMATCH = "mismatch"  # the name and the content disagree
    TOO_BIG = "too-big"  # bigger than MAX_DOWNLOAD_BYTES
    PAGE = "page"  # "save page as": a web page saved to disk


#: Session folders are on RAM-backed storage: one visitor's files stay small.
MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024

#: Extension -> (kind, MIME types a server may honestly send for it).
SAFE_TYPES: dict[str, tuple[FileKind, frozenset[str]]] = {
    ".pdf": (FileKind.PDF, frozenset({"application/pdf", "application/x-pdf"})),
    ".png": (FileKind.IMAGE, frozenset({"image/png"})),
    ".jpg": (FileKind.IMAGE, frozenset({"image/jpeg", "image/pjpeg"})),
    ".jpeg": (FileKind.IMAGE, frozenset({"image/jpeg", "image/pjpeg"})),
    ".gif": (FileKind.IMAGE, frozenset({"image/gif"})),
    ".webp": (FileKind.IMAGE, frozenset({"image/webp"})),
    ".txt": (FileKind.TEXT, frozenset({"text/plain"})),
    ".csv": (FileKind.TEXT, frozenset({"text/csv", "text/plain"})),
    ".rtf": (FileKind.DOCUMENT, frozenset({"application/rtf", "text/rtf"})),
    ".doc": (FileKind.DOCUMENT, frozenset({"application/msword"})),
    ".docx": (
        FileKind.DOCUMENT,
        frozenset({"application/vnd.openxmlformats-officedocument.wordprocessingml.document"}),
    ),
    ".odt": (FileKind.DOCUMENT, frozenset({"application/vnd.oasis.opendocument.text"})),
    ".xls": (FileKind.DOCUMENT, frozenset({"application/vnd.ms-excel"})),
    ".xlsx": (
        FileKind.DOCUMENT,
        frozenset({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}),
    ),
    ".ods": (FileKind.DOCUMENT, frozenset({"application/vnd.oasis.opendocument.spreadsheet"})),
    ".ppt": (FileKind.DOCUMENT, frozenset({"application/vnd.ms-powerpoint"})),
    ".pptx": (
        FileKind.DOCUMENT,
        frozenset({"application/vnd.openxmlformats-officedocument.presentationml.presentation"}),
    ),
    ".odp": (
        FileKind.DOCUMENT,
        frozenset({"application/vnd.oasis.opendocument.presentation"}),
    ),
}

#: MIME types that say nothing about the content: the extension decides.
GENERIC_MIME_TYPES = frozenset(
    {"", "application/octet-stream", "binary/octet-stream", "application/download",
     "application/force-download", "application/x-download"}
)  # fmt: skip

#: Named refusals, so the visitor is told why. Anything else unknown is UNKNOWN.
PROGRAM_EXTENSIONS = frozenset(
    {".exe", ".msi", ".msix", ".appx", ".bat", ".cmd", ".com", ".scr", ".pif", ".cpl",
     ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".hta", ".lnk", ".url",
     ".reg", ".inf", ".sh", ".bash", ".run", ".bin", ".appimage", ".deb", ".rpm", ".jar",
     ".apk", ".py", ".pl", ".rb", ".desktop", ".dll", ".so", ".docm", ".xlsm", ".pptm",
     ".application", ".gadget", ".msc", ".jnlp", ".command", ".app", ".dmg", ".pkg"}
)  # fmt: skip
ARCHIVE_EXTENSIONS = frozenset(
    {".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".cab", ".iso",
     ".img", ".vhd", ".vhdx", ".arj", ".lz", ".lzh"}
)  # fmt: skip
PROGRAM_MIME_TYPES = frozenset(
    {"application/x-msdownload", "application/x-msdos-program", "application/x-executable",
     "application/x-sh", "application/x-shellscript", "text/x-shellscript",
     "application/x-bat", "application/java-archive", "application/vnd.android.package-archive",
     "application/x-ms-installer", "application/x-msi", "text/javascript",
     "application/javascript", "application/x-python-code"}
)  # fmt: skip
ARCHIVE_MIME_TYPES = frozenset(
    {"application/zip", "application/x-zip-compressed", "application/x-rar-compressed",
     "application/vnd.rar", "application/x-7z-compressed", "application/x-tar",
     "application/gzip", "application/x-gzip", "application/x-iso9660-image"}
)  # fmt: skip

#: For a name without an extension: the extension its MIME type stands for.
_EXTENSION_FOR_MIME = {
    mime: ext
    for ext, (_kind, mimes) in SAFE_TYPES.items()
    if ext not in (".jpeg", ".csv")
    for mime in mimes
}


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: FileKind | None  # None: refused
    refusal: Refusal | None = None
    file_name: str = ""  # the safe name to save as

    @property
    def accepted(self) -> bool:
        return self.kind is not None


def _extension(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower()
    return suffix if len(suffix) > 1 else ""


def safe_name(suggested: str, fallback: str = "file") -> str:
    """A file name fit for the session folder: no folders, no control characters, short."""
    # Either kind of separator: a server may suggest "..\\..\\evil.pdf".
    name = PureWindowsPath(PurePosixPath(suggested).name).name
    name = unicodedata.normalize("NFC", name)
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"/\\|?*')
    name = re.sub(r"\s+", " ", name).strip(" .")
    if not name:
        name = fallback
    ext = _extension(name)
    stem = name[: len(name) - len(ext)]
    return (stem[:80].rstrip(" .") or fallback) + ext


def classify(suggested_name: str, mime_type: str, total_bytes: int = -1) -> Verdict:
    """May this download be kept? Decided before anything is written to disk."""
    mime = mime_type.split(";", 1)[0].strip().lower()
    name = safe_name(suggested_name)
    ext = _extension(name)
    if total_bytes > MAX_DOWNLOAD_BYTES:
        return Verdict(None, Refusal.TOO_BIG)
    if ext in PROGRAM_EXTENSIONS or mime in PROGRAM_MIME_TYPES:
        return Verdict(None, Refusal.PROGRAM)
    if ext in ARCHIVE_EXTENSIONS or mime in ARCHIVE_MIME_TYPES:
        return Verdict(None, Refusal.ARCHIVE)
    if not ext and mime in _EXTENSION_FOR_MIME:
        ext = _EXTENSION_FOR_MIME[mime]
        name += ext
    if ext not in SAFE_TYPES:
        return Verdict(None, Refusal.UNKNOWN)
    kind, honest = SAFE_TYPES[ext]
    if mime not in honest and mime not in GENERIC_MIME_TYPES:
        return Verdict(None, Refusal.MISMATCH)
    return Verdict(kind, file_name=name)


def kind_of(name: str) -> FileKind | None:
    """The kind of a file already in the session folder, by its name."""
    entry = SAFE_TYPES.get(_extension(name))
    return entry[0] if entry else None


_MAGIC: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".ppt": (b"\xd0\xcf\x11\xe0",),
    ".rtf": (b"{\\rtf",),
    # Office Open XML and OpenDocument files are zip containers.
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".odp": (b"PK\x03\x04",),
}

#: Starts of programs and scripts, refused whatever the name says.
_PROGRAM_MAGIC: tuple[bytes, ...] = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe")


def content_matches(name: str, head: bytes) -> bool:
    """Do the file's first bytes fit its name? ``head``: at least the first 16 bytes."""
    ext = _extension(name)
    if ext not in SAFE_TYPES or head.startswith(_PROGRAM_MAGIC):
        return False
    if ext == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if ext in (".txt", ".csv"):
        return b"\x00" not in head
    # A PDF may have a few bytes of junk before its header; readers accept 1 KiB of it.
    if ext == ".pdf":
        return b"%PDF-" in head[:1024]
    return head.startswith(_MAGIC[ext])


def accepts(name: str, accepted_types: tuple[str, ...] | list[str]) -> bool:
    """Does a file fit a page's ``<input accept="...">`` (".pdf", "image/*", "text/plain")?"""
    wanted = [t.strip().lower() for t in accepted_types if t.strip()]
    if not wanted:
        return True
    ext = _extension(name)
    mimes = SAFE_TYPES[ext][1] if ext in SAFE_TYPES else frozenset()
    for item in wanted:
        if item.startswith("."):
            if item == ext or (item in (".jpg", ".jpeg") and ext in (".jpg", ".jpeg")):
                return True
        elif item.endswith("/*"):
            if any(m.startswith(item[:-1]) for m in mimes):
                return True
        elif item in mimes:
            return True
    return False
