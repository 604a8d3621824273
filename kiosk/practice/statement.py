"""A made-up bank statement as a one-page PDF, to practise attaching a file.

Kela asks for bank statements with every new application for basic social assistance,
and a statement must show the account number, its owner, the balance at the start and
the end, every payment and the period (kela.fi, "Toimeentulotuen hakija, älä unohda
tiliotetta!"). The sample has exactly these parts, marked PRACTICE, with invented names
and numbers, so a visitor can download it with the kiosk and attach it with the
kiosk's own file chooser.

Written by hand (a PDF of text is small): Helvetica in WinAnsiEncoding, which has the
letters ä, ö, å and the euro sign. No third-party library, nothing written to disk.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence
from dataclasses import dataclass

#: (description, amount in cents) — the same invented month twice.
_MONTH = (
    ("statement.row_benefit", 64_250),
    ("statement.row_rent", -40_000),
    ("statement.row_shop", -6_390),
    ("statement.row_phone", -1_990),
    ("statement.row_shop", -4_120),
    ("statement.row_cash", -2_000),
)
OPENING_CENTS = 1_240


@dataclass(frozen=True, slots=True)
class StatementRow:
    day: datetime.date
    text: str
    cents: int


def period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The two full months before ``today``'s month (what Kela asks for)."""
    first_this = today.replace(day=1)
    last = first_this - datetime.timedelta(days=1)
    start = (last.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    return start, last


def rows(today: datetime.date, texts: dict[str, str]) -> list[StatementRow]:
    start, _end = period(today)
    found: list[StatementRow] = []
    month = start
    for _ in range(2):
        days = calendar.monthrange(month.year, month.month)[1]
        for n, (key, cents) in enumerate(_MONTH):
            day = min(1 + n * 5, days)
            found.append(StatementRow(month.replace(day=day), texts[key], cents))
        month = (month.replace(day=days) + datetime.timedelta(days=1)).replace(day=1)
    return found


def money(cents: int, lang: str) -> str:
    sign = "-" if cents < 0 else "+"
    euros, rest = divmod(abs(cents), 100)
    separator = "." if lang == "en" else ","
    return f"{sign}{euros}{separator}{rest:02d} \u20ac"


def _date(day: datetime.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _pdf_text(text: str) -> bytes:
    """A PDF string literal in WinAnsiEncoding (cp1252), with its specials escaped."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _lines(texts: dict[str, str], lang: str, today: datetime.date) -> list[tuple[int, str]]:
    """(font size, text) for each line, top to bottom."""
    start, end = period(today)
    entries = rows(today, texts)
    closing = OPENING_CENTS + sum(row.cents for row in entries)
    lines: list[tuple[int, str]] = [
        (20, texts["statement.heading"]),
        (12, texts["statement.practice"]),
        (12, ""),
        (12, f"{texts['statement.bank_label']}: {texts['statement.bank']}"),
        (12, f"{texts['statement.owner_label']}: Harri Harjoittelija"),
        (12, f"{texts['statement.account_label']}: FI00 0000 0000 0000 00"),
        (12, f"{texts['statement.period_label']}: {_date(start)}\u2013{_date(end)}"),
        (12, f"{texts['statement.opening_label']}: {money(OPENING_CENTS, lang)}"),
        (12, ""),
    ]
    lines.extend(
        (11, f"{_date(row.day):<12}{row.text:<34}{money(row.cents, lang):>14}") for row in entries
    )
    lines.extend(
        [
            (12, ""),
            (12, f"{texts['statement.closing_label']}: {money(closing, lang)}"),
            (12, ""),
            (12, texts["statement.footer"]),
        ]
    )
    return lines


def statement_pdf(texts: dict[str, str], lang: str, today: datetime.date) -> bytes:
    """The PDF's bytes. ``texts``: the ``statement.*`` texts in the visitor's language."""
    content = bytearray(b"BT\n")
    y = 800
    for size, text in _lines(texts, lang, today):
        font = b"/F2" if size == 11 else b"/F1"  # payments in a fixed-width font
        content += font + b" %d Tf 1 0 0 1 50 %d Tm " % (size, y) + _pdf_text(text) + b" Tj\n"
        y -= size + 8
    content += b"ET\n"
    return _document(bytes(content))


def _document(content: bytes) -> bytes:
    objects: Sequence[bytes] = (
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
