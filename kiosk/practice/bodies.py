"""Read a POST body safely: form fields and uploaded files, with size limits.

Python 3.13 has no ``cgi`` module, so ``multipart/form-data`` is parsed here by hand.
Nothing is written to disk: a file's bytes stay in memory only as long as the request.
A body that is too big or malformed raises :class:`BodyError`, which the server turns
into a friendly page that says what to fix.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from email.message import Message
from email.utils import collapse_rfc2231_value
from urllib.parse import parse_qsl

#: The biggest attachment a visitor may upload (what the pages promise: 10 MB).
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
#: Room for the form fields and multipart headers around an upload.
MULTIPART_OVERHEAD = 64 * 1024
#: The biggest plain form (our forms are a few hundred bytes).
MAX_FORM_BYTES = 64 * 1024
#: Form fields and files in one request; our forms have fewer than ten.
MAX_PARTS = 50


class BodyProblem(enum.Enum):
    TOO_BIG = "too-big"  # 413
    NO_LENGTH = "no-length"  # 411
    MALFORMED = "malformed"  # 400
    WRONG_TYPE = "wrong-type"  # 415: a content type our forms never send


@dataclass(frozen=True, slots=True)
class BodyError(Exception):
    problem: BodyProblem

    @property
    def status(self) -> int:
        return {
            BodyProblem.TOO_BIG: 413,
            BodyProblem.NO_LENGTH: 411,
            BodyProblem.MALFORMED: 400,
            BodyProblem.WRONG_TYPE: 415,
        }[self.problem]


@dataclass(frozen=True, slots=True)
class Upload:
    """One file from an ``<input type=file>``; empty ``filename`` means none was chosen."""

    field_name: str
    filename: str
    content_type: str
    data: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class Body:
    fields: dict[str, str]
    files: tuple[Upload, ...] = ()


def body_limit(content_type: str, max_upload: int = MAX_UPLOAD_BYTES) -> int:
    """How many bytes a body of this type may have."""
    if _media_type(content_type) == "multipart/form-data":
        return max_upload + MULTIPART_OVERHEAD
    return MAX_FORM_BYTES


def parse_body(content_type: str, data: bytes) -> Body:
    """Parse a body that is already within :func:`body_limit`."""
    media = _media_type(content_type)
    if media in ("", "application/x-www-form-urlencoded"):
        return Body(_parse_urlencoded(data))
    if media == "multipart/form-data":
        boundary = _param(content_type, "boundary")
        if not boundary:
            raise BodyError(BodyProblem.MALFORMED)
        return _parse_multipart(data, boundary)
    raise BodyError(BodyProblem.WRONG_TYPE)


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _param(header: str, name: str) -> str:
    message = Message()
    message["content-type"] = header
    value = message.get_param(name, header="content-type")
    return value if isinstance(value, str) else ""


def _parse_urlencoded(data: bytes) -> dict[str, str]:
    try:
        text = data.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        raise BodyError(BodyProblem.MALFORMED) from None
    if len(pairs) > MAX_PARTS:
        raise BodyError(BodyProblem.MALFORMED)
    fields: dict[str, str] = {}
    for key, value in pairs:
        fields.setdefault(key, value)  # the first value wins; our forms send each once
    return fields


_DISPOSITION_RE = re.compile(r"^form-data\s*;", re.IGNORECASE)


def _parse_multipart(data: bytes, boundary: str) -> Body:
    delimiter = b"--" + boundary.encode("latin-1")
    chunks = data.split(delimiter)
    # chunks[0] is the preamble; the last chunk starts with "--" (the closing delimiter).
    if len(chunks) < 2 or not chunks[-1].startswith(b"--"):
        raise BodyError(BodyProblem.MALFORMED)
    parts = chunks[1:-1]
    if len(parts) > MAX_PARTS:
        raise BodyError(BodyProblem.MALFORMED)
    fields: dict[str, str] = {}
    files: list[Upload] = []
    for part in parts:
        if not part.startswith(b"\r\n") or not part.endswith(b"\r\n"):
            raise BodyError(BodyProblem.MALFORMED)
        head, sep, content = part[2:-2].partition(b"\r\n\r\n")
        if not sep:
            raise BodyError(BodyProblem.MALFORMED)
        headers = _part_headers(head)
        disposition = headers.get("content-disposition", "")
        if not _DISPOSITION_RE.match(disposition):
            raise BodyError(BodyProblem.MALFORMED)
        name = _param_from_disposition(disposition, "name")
        if name is None:
            raise BodyError(BodyProblem.MALFORMED)
        filename = _param_from_disposition(disposition, "filename")
        if filename is None:
            try:
                fields.setdefault(name, content.decode("utf-8"))
            except UnicodeDecodeError:
                raise BodyError(BodyProblem.MALFORMED) from None
        else:
            content_type = headers.get("content-type", "application/octet-stream")
            files.append(Upload(name, _base_name(filename), content_type.strip(), content))
    return Body(fields, tuple(files))


def _part_headers(head: bytes) -> dict[str, str]:
    headers: dict[str, str] = {}
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        raise BodyError(BodyProblem.MALFORMED) from None
    for line in text.split("\r\n"):
        name, sep, value = line.partition(":")
        if not sep:
            raise BodyError(BodyProblem.MALFORMED)
        headers[name.strip().lower()] = value.strip()
    return headers


def _param_from_disposition(disposition: str, name: str) -> str | None:
    message = Message()
    message["content-disposition"] = disposition
    value = message.get_param(name, header="content-disposition")
    if value is None:
        return None
    return collapse_rfc2231_value(value)  # also decodes filename*=UTF-8''...


def _base_name(filename: str) -> str:
    """Only the file's own name: some browsers send a whole Windows path."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
