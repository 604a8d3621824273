"""Printing on a real printer: the kiosk's print button, Qt's print support, CUPS and its
filters, to a cups-pdf queue (tests/helpers/cups.py); then the PDF that CUPS wrote is read.

What comes out is what the preview showed, the centre's page limit per visitor holds on
paper too, and after the wipe nothing of the visitor waits in the print queue: not a
finished document, and not a job that the printer has not printed yet (it would come out
when the next visitor is at the printer).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.browser.webengine.view import KioskView
from kiosk.session.receipts import WipeReceipt
from kiosk.shell.rooms.print_preview import PrintPreview
from tests.helpers import lockdown_site as site
from tests.helpers.cups import PdfQueue, inked_pages, pages_as_png, pdf_pages
from tests.helpers.guides import service_guide
from tests.helpers.kiosk_fixtures import confirm_end_session
from tests.helpers.screens import ARTIFACTS, save_screenshot
from tests.helpers.webserver import LocalServer, Request, Response
from tests.qt.conftest import MakeKiosk

pytestmark = pytest.mark.e2e

LIMIT = 5  # pages one visitor may print here
PRINTING = 60000  # ms: CUPS's filters and Ghostscript on a loaded machine
_START = (
    "<h1>Your decisions</h1>"
    + "".join(f"<p><a id='pdf{n}' href='/pdf/{n}'>{n} pages</a></p>" for n in (1, 2, 3))
    + "<p>Your application was received.</p>"
)


def _document(pages: int) -> object:
    def handler(_request: Request) -> Response:
        headers = {
            "Content-Type": "application/pdf",
            "Content-Disposition": f'attachment; filename="decision-{pages}.pdf"',
        }
        return 200, headers, site.pdf_bytes(pages, text="Kela decision for visitor A")

    return handler


@dataclass
class Printing:
    kiosk: KioskApp
    queue: PdfQueue  # the kiosk's printer (printing.printer)
    qt_temp: Path  # where Qt keeps its own copy of a print job until CUPS has it


@pytest.fixture
def printing(
    make_kiosk: MakeKiosk,
    tmp_path: Path,
    web: LocalServer,
    cups_queue: PdfQueue,
    monkeypatch: pytest.MonkeyPatch,
) -> Printing:
    qt_temp = tmp_path / "qt-temp"
    qt_temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(qt_temp))
    web.route("/start", _START)
    for pages in (1, 2, 3):
        web.route(f"/pdf/{pages}", _document(pages))
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(
        tmp_path / "guides",
        printing={"printer": cups_queue.name, "max_pages_per_session": LIMIT},
    )
    return Printing(kiosk, cups_queue, qt_temp)


def _child(kiosk: KioskApp, name: str) -> QWidget:
    found = kiosk.window.findChild(QWidget, name)
    assert found is not None, name
    return found


def _preview_download(qtbot: QtBot, kiosk: KioskApp, view: KioskView, pages: int) -> PrintPreview:
    """Download a document (it opens in the viewer), then the viewer's Print."""
    viewer = kiosk.safe_rooms.viewer
    site.click_element(qtbot, view, f"#pdf{pages}")
    qtbot.waitUntil(viewer.isVisible, timeout=15000)
    qtbot.mouseClick(_child(kiosk, "viewer-print"), Qt.MouseButton.LeftButton)
    preview = kiosk.safe_rooms.preview
    assert preview.isVisible()
    assert preview.pages == pages
    return preview


def _close_rooms(qtbot: QtBot, kiosk: KioskApp) -> None:
    qtbot.mouseClick(_child(kiosk, "print-cancel"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_child(kiosk, "viewer-close"), Qt.MouseButton.LeftButton)


def _end(qtbot: QtBot, kiosk: KioskApp) -> None:
    qtbot.mouseClick(_child(kiosk, "end-session-button"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker:
        confirm_end_session(qtbot, kiosk)
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    assert receipt.ok, receipt.failed


def test_the_printer_prints_what_the_preview_shows_and_the_limit_holds(
    qtbot: QtBot, printing: Printing
) -> None:
    kiosk, cups_queue = printing.kiosk, printing.queue
    view = site.open_tile(qtbot, kiosk)

    # Three pages, one copy: what comes out of the printer is those three pages.
    preview = _preview_download(qtbot, kiosk, view, 3)
    assert preview.print_button.isVisible()
    save_screenshot(kiosk.window, "printing-real-preview")
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert preview.result.isVisible() and not preview.print_button.isVisible()
    qtbot.waitUntil(lambda: cups_queue.printed(1), timeout=PRINTING)
    first = cups_queue.pdfs()[0]
    assert pdf_pages(first) == preview.pages == 3
    assert inked_pages(first) == [True, True, True]  # each page has the document on it
    assert pages_as_png(first, ARTIFACTS, "printing-real-cups-output")
    assert kiosk.session.printed_pages == 3
    _close_rooms(qtbot, kiosk)

    # Two pages are left of the five: three more is too many, even one copy of it ...
    preview = _preview_download(qtbot, kiosk, view, 3)
    assert not preview.print_button.isVisible()
    assert "2" in preview.limit_note.text()
    _close_rooms(qtbot, kiosk)
    # ... but two pages once is allowed (and not twice), and comes out.
    preview = _preview_download(qtbot, kiosk, view, 2)
    assert preview.print_button.isVisible()
    assert not preview.more.isEnabled()
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cups_queue.printed(2), timeout=PRINTING)
    assert pdf_pages(cups_queue.pdfs()[1]) == 2
    assert kiosk.session.printed_pages == LIMIT
    _close_rooms(qtbot, kiosk)
    # Now nothing more, not even one page.
    preview = _preview_download(qtbot, kiosk, view, 1)
    assert not preview.print_button.isVisible()
    save_screenshot(kiosk.window, "printing-real-limit-reached")
    _close_rooms(qtbot, kiosk)
    # On paper too: two jobs, five pages, nothing else was sent.
    assert len(cups_queue.jobs("all")) == 2
    assert sum(pdf_pages(pdf) for pdf in cups_queue.pdfs()) == LIMIT

    _end(qtbot, kiosk)
    # Nothing of the visitor's is left to print or to read for the next one.
    assert cups_queue.jobs("not-completed") == []
    assert cups_queue.server.spooled_documents() == []
    assert list(printing.qt_temp.iterdir()) == []  # Qt's own copy of each job is gone too
    qtbot.mouseClick(kiosk.window.attract, Qt.MouseButton.LeftButton)
    assert kiosk.session.printed_pages == 0
    assert kiosk.safe_rooms.quota().remaining == LIMIT


def test_a_job_still_waiting_at_the_wipe_never_prints_for_the_next_visitor(
    qtbot: QtBot, printing: Printing
) -> None:
    """The printer is off (or out of paper): visitor A's page waits in the queue, A
    leaves. When the printer comes back, A's page must not come out for B."""
    kiosk, cups_queue = printing.kiosk, printing.queue
    cups_queue.stop_printer()
    site.open_tile(qtbot, kiosk)
    preview = kiosk.safe_rooms.preview
    qtbot.mouseClick(_child(kiosk, "print-page-button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(preview.isVisible, timeout=15000)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert kiosk.session.printed_pages == preview.pages == 1
    qtbot.waitUntil(lambda: len(cups_queue.jobs("not-completed")) == 1, timeout=PRINTING)

    _end(qtbot, kiosk)
    assert cups_queue.jobs("not-completed") == []
    assert cups_queue.server.spooled_documents() == []
    assert list(printing.qt_temp.iterdir()) == []

    # The printer is back and B prints their page: it is the only one that comes out
    # (the queue prints in order: a page of A's would have come first).
    cups_queue.start_printer()
    qtbot.mouseClick(kiosk.window.attract, Qt.MouseButton.LeftButton)
    site.open_tile(qtbot, kiosk)
    qtbot.mouseClick(_child(kiosk, "print-page-button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(preview.isVisible, timeout=15000)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cups_queue.printed(1), timeout=PRINTING)
    assert len(cups_queue.pdfs()) == 1
    assert pdf_pages(cups_queue.pdfs()[0]) == 1
