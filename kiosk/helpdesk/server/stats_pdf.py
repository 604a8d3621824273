"""The printable report (PDF, A4) for a funder: title, period, centres, the method line,
then each table with its chart (drawn by vl-convert) and its figures. Exact totals; hidden
cells say "hidden". fpdf2 writes it; the charts are PNG pictures of the same specs the page
draws.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.helpdesk.server import stats_charts, stats_labels
from kiosk.helpdesk.server.stats_export import Words
from kiosk.stats.figures import Report, Table

#: A Unicode font (Finnish, Swedish, typographic quotes); Debian's fonts-dejavu-core.
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_LATIN1 = str.maketrans({"–": "-", "“": '"', "”": '"', "’": "'", "…": "...", "≥": ">="})


def _font(pdf: Any) -> tuple[str, bool]:
    """The family to write with, and whether it covers Unicode."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            pdf.add_font("DejaVu", "", str(regular))
            pdf.add_font("DejaVu", "B", str(bold))
            return "DejaVu", True
    return "Helvetica", False


def to_pdf(
    report: Report, words: Words, charts: dict[str, dict[str, Any]], generated: str
) -> bytes:
    from fpdf import FPDF  # noqa: PLC0415 - the stats extra

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_creator("Digituki kiosk")
    family, unicode_font = _font(pdf)
    if unicode_font:
        # Arabic (a screen language) joins its letters and runs right to left: HarfBuzz
        # shapes it (uharfbuzz, in the stats extra).
        pdf.set_text_shaping(True)

    def text(value: str) -> str:
        return (
            value
            if unicode_font
            else value.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")
        )

    w = words.words
    pdf.set_title(text(w["title"]))
    pdf.add_page()
    pdf.set_font(family, "B", 18)
    title = w["report_title"].format(
        start=report.period.start.isoformat(), end=report.period.end.isoformat()
    )
    pdf.multi_cell(0, 9, text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10)
    for line in (
        w["centres_line"].format(names=", ".join(report.centres)),
        w["kiosks_line"].format(n=report.kiosks),
        w["generated"].format(when=generated),
    ):
        pdf.multi_cell(0, 5.5, text(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(family, "B", 10)
    pdf.multi_cell(0, 5.5, text(w["method"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 9)
    pdf.multi_cell(0, 5, text(w["hidden_note"]), new_x="LMARGIN", new_y="NEXT")
    if report.empty:
        pdf.ln(4)
        pdf.set_font(family, "", 12)
        pdf.multi_cell(0, 6, text(w["empty"]), new_x="LMARGIN", new_y="NEXT")
    for table in report.tables:
        if not table.rows and not table.note:
            continue
        _table(pdf, family, text, table, words=words, chart=charts.get(stats_charts.key_of(table)))
    return bytes(pdf.output())


def _table(
    pdf: Any, family: str, text: Any, table: Table, *, words: Words, chart: dict[str, Any] | None
) -> None:
    w = words.words
    wide = table.id == "heatmap" and len(table.columns) > 10
    if pdf.will_page_break(60):
        pdf.add_page()
    pdf.ln(5)
    pdf.set_font(family, "B", 12)
    pdf.multi_cell(0, 7, text(words.table(table)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 9)
    if table.note:
        pdf.multi_cell(
            0, 5, text(w.get(f"n_{table.note}", table.note)), new_x="LMARGIN", new_y="NEXT"
        )
    if not table.rows:
        return
    if chart is not None:
        png = stats_charts.render(chart, "png")
        if pdf.will_page_break(70):
            pdf.add_page()
        pdf.image(png, w=pdf.epw if wide else min(pdf.epw, 150))
        pdf.ln(2)
    size = 7 if wide else 9
    pdf.set_font(family, "", size)
    first_width = 28 if wide else 70
    rest = (pdf.epw - first_width) / max(1, len(table.columns))
    widths = (first_width, *([rest] * len(table.columns)))
    with pdf.table(
        col_widths=widths,
        text_align=("LEFT", *(["RIGHT"] * len(table.columns))),
        line_height=size * 0.55,
        first_row_as_headings=True,
    ) as grid:
        header = grid.row()
        header.cell(text(stats_labels.dimension_label(w, table)))
        for column in table.columns:
            header.cell(text(words.column(table, column)))
        for row in table.rows:
            line = grid.row()
            line.cell(text(words.row(table, row.key)))
            for value in row.values:
                line.cell(text(w["hidden"]) if value is None else _number(value))
        if table.total is not None:
            line = grid.row()
            line.cell(text(w["total"]))
            for value in table.total:
                line.cell("" if value is None else _number(value))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
