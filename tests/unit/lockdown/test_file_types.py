"""Downloads: safe types kept under safe names; programs, scripts, archives, unknown
types, liars and giants refused."""

from __future__ import annotations

import pytest

from kiosk.lockdown.file_types import (
    MAX_DOWNLOAD_BYTES,
    FileKind,
    Refusal,
    accepts,
    classify,
    content_matches,
    kind_of,
    safe_name,
)


@pytest.mark.parametrize(
    ("name", "mime", "kind"),
    [
        ("paatos.pdf", "application/pdf", FileKind.PDF),
        ("PAATOS.PDF", "application/octet-stream", FileKind.PDF),
        ("kuva.jpg", "image/jpeg", FileKind.IMAGE),
        ("kuva.png", "image/png", FileKind.IMAGE),
        ("ohje.txt", "text/plain; charset=utf-8", FileKind.TEXT),
        ("hakemus.docx",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         FileKind.DOCUMENT),
        ("taulukko.ods", "", FileKind.DOCUMENT),
    ],
)  # fmt: skip
def test_safe_types_are_kept(name: str, mime: str, kind: FileKind) -> None:
    verdict = classify(name, mime)
    assert verdict.accepted
    assert verdict.kind is kind


@pytest.mark.parametrize(
    ("name", "mime", "refusal"),
    [
        ("setup.exe", "application/x-msdownload", Refusal.PROGRAM),
        ("setup.exe", "application/octet-stream", Refusal.PROGRAM),
        ("install.sh", "application/x-sh", Refusal.PROGRAM),
        ("install", "application/x-sh", Refusal.PROGRAM),
        ("run.bat", "text/plain", Refusal.PROGRAM),
        ("script.ps1", "", Refusal.PROGRAM),
        ("app.jar", "application/java-archive", Refusal.PROGRAM),
        ("app.apk", "", Refusal.PROGRAM),
        ("macro.docm", "", Refusal.PROGRAM),
        ("shortcut.lnk", "", Refusal.PROGRAM),
        ("kela.pdf.exe", "application/pdf", Refusal.PROGRAM),
        ("files.zip", "application/zip", Refusal.ARCHIVE),
        ("files", "application/zip", Refusal.ARCHIVE),
        ("disk.iso", "", Refusal.ARCHIVE),
        ("backup.tar.gz", "", Refusal.ARCHIVE),
        ("page.html", "text/html", Refusal.UNKNOWN),
        ("drawing.svg", "image/svg+xml", Refusal.UNKNOWN),
        ("data.xyz", "application/octet-stream", Refusal.UNKNOWN),
        ("noname", "", Refusal.UNKNOWN),
        ("decision.pdf", "text/html", Refusal.MISMATCH),
        ("photo.jpg", "image/png", Refusal.MISMATCH),
    ],
)
def test_dangerous_or_unknown_types_are_refused(name: str, mime: str, refusal: Refusal) -> None:
    verdict = classify(name, mime)
    assert not verdict.accepted
    assert verdict.refusal is refusal


def test_too_big_is_refused() -> None:
    assert classify("big.pdf", "application/pdf", MAX_DOWNLOAD_BYTES + 1).refusal is Refusal.TOO_BIG
    assert classify("ok.pdf", "application/pdf", MAX_DOWNLOAD_BYTES).accepted


def test_a_name_is_given_from_the_type() -> None:
    verdict = classify("download", "application/pdf")
    assert verdict.kind is FileKind.PDF
    assert verdict.file_name == "download.pdf"


@pytest.mark.parametrize(
    ("suggested", "safe"),
    [
        ("../../../../etc/evil.pdf", "evil.pdf"),
        ("..\\..\\Windows\\evil.pdf", "evil.pdf"),
        ("/etc/passwd", "passwd"),
        ("a\x00b\x1f.pdf", "ab.pdf"),
        ('what?*:"<>|.pdf', "what.pdf"),
        ("   .pdf", "pdf"),  # no hidden files: the leading dot goes
        ("", "file"),
        ("..", "file"),
        ("x" * 300 + ".pdf", "x" * 80 + ".pdf"),
    ],
)
def test_safe_names_stay_in_the_folder(suggested: str, safe: str) -> None:
    assert safe_name(suggested) == safe


@pytest.mark.parametrize(
    ("name", "head", "ok"),
    [
        ("a.pdf", b"%PDF-1.7\n", True),
        ("a.pdf", b"\xef\xbb\xbf%PDF-1.4", True),
        ("a.pdf", b"MZ\x90\x00", False),
        ("a.pdf", b"<html>", False),
        ("a.png", b"\x89PNG\r\n\x1a\n....", True),
        ("a.jpg", b"\xff\xd8\xff\xe0", True),
        ("a.jpg", b"#!/bin/sh\n", False),
        ("a.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", True),
        ("a.txt", b"Hello", True),
        ("a.txt", b"#!/bin/sh\necho", False),
        ("a.txt", b"\x7fELF\x02\x01", False),
        ("a.txt", b"bin\x00ary", False),
        ("a.docx", b"PK\x03\x04", True),
        ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1", True),
        ("a.exe", b"MZ", False),
    ],
)
def test_content_must_fit_the_name(name: str, head: bytes, ok: bool) -> None:
    assert content_matches(name, head) is ok


def test_kind_of_a_file_in_the_session_folder() -> None:
    assert kind_of("paatos.pdf") is FileKind.PDF
    assert kind_of("kuva.JPEG") is FileKind.IMAGE
    assert kind_of("setup.exe") is None


@pytest.mark.parametrize(
    ("name", "accept", "ok"),
    [
        ("a.pdf", [], True),
        ("a.pdf", [".pdf"], True),
        ("a.pdf", ["application/pdf"], True),
        ("a.pdf", ["image/*"], False),
        ("a.jpeg", [".jpg"], True),
        ("a.png", ["image/*", ".pdf"], True),
        ("a.txt", [".pdf", "image/*"], False),
        ("a.docx", [".doc", ".docx"], True),
    ],
)
def test_accepts_follows_the_pages_accept_attribute(name: str, accept: list[str], ok: bool) -> None:
    assert accepts(name, accept) is ok
