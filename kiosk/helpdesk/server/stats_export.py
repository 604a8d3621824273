"""The funder's files: CSV (the figures, one per line) and XLSX (one sheet per table, each
with a native, editable Excel chart), both drawn from the released report only.

Spreadsheets run what looks like a formula: a centre named ``=HYPERLINK(…)`` or a guide
title starting with ``+`` would be one. Every text cell of the CSV that starts with
``= + - @``, a tab or a carriage return gets a leading apostrophe (OWASP's advice), and the
XLSX writes text as text, never as a formula. A hidden figure is an empty cell with the
word "hidden" beside it (an empty cell is a gap in a chart, never a zero).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from kiosk.helpdesk.server import stats_labels
from kiosk.stats.figures import Report, Table, Value

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: The CSV's columns (their headers in the reader's language: labels "csv_<column>").
CSV_COLUMNS = ("section", "row", "measure", "value", "note")


def neutralise(text: str) -> str:
    """Text a spreadsheet will show, never run."""
    return "'" + text if text.startswith(_FORMULA_START) else text


@dataclass(frozen=True, slots=True)
class Words:
    """What the files say, in the reader's language."""

    words: dict[str, str]
    titles: dict[str, str]

    def table(self, table: Table) -> str:
        return stats_labels.table_title(self.words, table.id, table.guide, self.titles)

    def row(self, table: Table, key: str) -> str:
        return stats_labels.row_label(self.words, table.id, key, self.titles)

    def column(self, table: Table, column: str) -> str:
        return stats_labels.column_label(self.words, table.id, column)

    def about(self, report: Report, generated: str) -> list[tuple[str, str]]:
        w = self.words
        period = w["report_title"].format(
            start=report.period.start.isoformat(), end=report.period.end.isoformat()
        )
        return [
            (w["title"], period),
            (w["centres"], ", ".join(report.centres)),
            (w["kiosks_line"].split(":")[0], str(report.kiosks)),
            (w["generated"].split(" ")[0], generated),
            ("", w["method"]),
            ("", w["hidden_note"]),
        ]


def _cells(report: Report) -> list[tuple[Table, str, str, Value]]:
    out = []
    for table in report.tables:
        for row in table.rows:
            for column, value in zip(table.columns, row.values, strict=True):
                out.append((table, row.key, column, value))
        if table.total is not None:
            for column, value in zip(table.columns, table.total, strict=True):
                if value is not None:
                    out.append((table, "__total__", column, value))
    return out


def to_csv(report: Report, words: Words, generated: str) -> bytes:
    """One figure a line: section, row, measure, value, note. UTF-8 with a BOM (Excel)."""
    w = words.words
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([w[f"csv_{c}"] for c in CSV_COLUMNS])
    for label, text in words.about(report, generated):
        writer.writerow([neutralise(w["title"]), neutralise(label), "", "", neutralise(text)])
    for table, key, column, value in _cells(report):
        row = w["total"] if key == "__total__" else words.row(table, key)
        writer.writerow(
            [
                neutralise(words.table(table)),
                neutralise(row),
                neutralise(words.column(table, column)),
                "" if value is None else value,
                w["hidden"] if value is None else "",
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(report: Report, words: Words, generated: str) -> bytes:
    """A workbook: "About" (the method line), then a sheet per table with its chart."""
    import xlsxwriter  # type: ignore[import-untyped]  # noqa: PLC0415 - the stats extra (no types)

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    w = words.words
    about = book.add_worksheet(_sheet_name(w["title"], set()))
    about.set_column(0, 0, 28)
    about.set_column(1, 1, 90)
    for line, (label, text) in enumerate(words.about(report, generated)):
        about.write_string(line, 0, label, bold)
        about.write_string(line, 1, text, wrap)
    used: set[str] = {about.get_name()}
    for table in report.tables:
        if not table.rows:
            continue
        sheet = book.add_worksheet(_sheet_name(words.table(table), used))
        used.add(sheet.get_name())
        _write_table(book, sheet, table, words, bold)
    book.close()
    return buffer.getvalue()


def _write_table(book: Any, sheet: Any, table: Table, words: Words, bold: Any) -> None:
    w = words.words
    sheet.write_string(0, 0, words.table(table), bold)
    header_row, first = 2, 3
    sheet.write_string(header_row, 0, stats_labels.dimension_label(w, table), bold)
    for col, column in enumerate(table.columns, start=1):
        sheet.write_string(header_row, col, words.column(table, column), bold)
    note_col = len(table.columns) + 1
    for offset, row in enumerate(table.rows):
        line = first + offset
        sheet.write_string(line, 0, words.row(table, row.key))
        hidden = False
        for col, value in enumerate(row.values, start=1):
            if value is None:
                sheet.write_blank(line, col, None)
                hidden = True
            else:
                sheet.write_number(line, col, value)
        if hidden:
            sheet.write_string(line, note_col, w["hidden"])
    last = first + len(table.rows) - 1
    if table.total is not None:
        sheet.write_string(last + 1, 0, w["total"], bold)
        for col, value in enumerate(table.total, start=1):
            if value is not None:
                sheet.write_number(last + 1, col, value, bold)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, len(table.columns), 14)
    if table.note:
        sheet.write_string(last + 3, 0, w.get(f"n_{table.note}", table.note))
    if table.id == "heatmap":
        # Native colour scale on the grid: Excel's own "heatmap".
        sheet.conditional_format(first, 1, last, len(table.columns), {"type": "2_color_scale"})
        return
    if table.id in ("summary", "help_timing"):
        return
    chart = book.add_chart({"type": "column" if table.id == "sessions_per_day" else "bar"})
    chart.add_series(
        {
            "name": words.column(table, table.columns[0]),
            "categories": [sheet.get_name(), first, 0, last, 0],
            "values": [sheet.get_name(), first, 1, last, 1],
            "data_labels": {"value": True},
        }
    )
    chart.set_title({"name": words.table(table)})
    chart.set_legend({"none": True})
    chart.show_blanks_as("gap")
    if table.id != "sessions_per_day":
        chart.set_y_axis({"reverse": True})  # first row on top, as in the table
    sheet.insert_chart(header_row, note_col + 1, chart, {"x_scale": 1.4, "y_scale": 1.3})


def _sheet_name(title: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("'") or "Sheet"
    name = clean[:31]
    number = 2
    while name.lower() in {u.lower() for u in used}:
        suffix = f" {number}"
        name = clean[: 31 - len(suffix)] + suffix
        number += 1
    return name
