"""Two visitors, part two: what visitor A downloads, allows and leaves open in the kiosk's
own rooms (a download, a granted camera, a page's alert, a download still running, a PDF
in the viewer, a print preview) is gone for visitor B, and not on disk either."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import KioskApp
from kiosk.browser.webengine.dialogs import FileRequest
from kiosk.browser.webengine.view import KioskView
from kiosk.session.receipts import WipeReceipt
from tests.helpers import lockdown_site as site
from tests.helpers.disk import files_containing
from tests.helpers.guides import small_guide
from tests.helpers.kiosk_fixtures import confirm_end_session
from tests.helpers.screens import save_screenshot, wait_until_painted
from tests.helpers.webserver import LocalServer, Request, Response
from tests.qt.conftest import MakeKiosk

pytestmark = pytest.mark.e2e

MARKER = "VISITOR-A-DOWNLOAD-4e1d"
_START = """
<h1>Start</h1>
<a id="pdf" href="/decision.pdf">Decision</a>
<a id="named" href="/named.pdf">Your decision</a>
<a id="slow" href="/slow.pdf">Big file</a>
<button id="call" onclick="media()">Call</button>
<button id="alert" onclick="alert('Your application is saved.')">Save</button>
<script>
window.events = [];
function media() {
  navigator.mediaDevices.getUserMedia({video: true})
    .then(() => events.push("granted"), e => events.push(e.name));
}
</script>
"""


def _decision(_request: Request) -> Response:
    # The marker rides after the PDF's end, where a search of the disk can find it.
    body = site.pdf_bytes(1) + f"\n% {MARKER}\n".encode()
    headers = {
        "Content-Type": "application/pdf",
        "Content-Disposition": 'attachment; filename="decision.pdf"',
    }
    return 200, headers, body


def _named(_request: Request) -> Response:
    """A PDF whose name and text carry the marker, as a decision names its addressee."""
    headers = {
        "Content-Type": "application/pdf",
        "Content-Disposition": f'attachment; filename="{MARKER}.pdf"',
    }
    return 200, headers, site.pdf_bytes(2, text=MARKER)


def _kiosk(make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer) -> KioskApp:
    web.route("/start", _START)
    web.route("/decision.pdf", _decision)
    web.route("/named.pdf", _named)
    small_guide(
        tmp_path / "guides",
        f"{web.base}/start",
        [f"http://127.0.0.1:{web.port}"],
        extra="permissions: [camera]\n",
    )
    return make_kiosk(tmp_path / "guides")


def _end(qtbot: QtBot, kiosk: KioskApp) -> WipeReceipt:
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker:
        assert kiosk.keeper.end_session()
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    assert receipt.ok, receipt.failed
    return receipt


def _camera_permission(qtbot: QtBot, view: KioskView) -> str:
    """What the page's own Permissions API says about the camera."""
    site.js(
        qtbot,
        view,
        "delete window.cam, navigator.permissions.query({name: 'camera'})"
        ".then(p => { window.cam = p.state; }), true",
    )
    qtbot.waitUntil(lambda: site.js(qtbot, view, "window.cam") is not None)
    state = site.js(qtbot, view, "window.cam")
    assert isinstance(state, str)
    return state


def _end_by_button(qtbot: QtBot, kiosk: KioskApp) -> WipeReceipt:
    """The visitor presses End session in the top bar and confirms, with a room open."""
    qtbot.mouseClick(_child(kiosk, "end-session-button"), Qt.MouseButton.LeftButton)
    confirm = _child(kiosk, "end-session-confirm-button")
    qtbot.waitUntil(confirm.isVisible)
    with qtbot.waitSignal(kiosk.wipe_finished, timeout=15000) as blocker:
        confirm_end_session(qtbot, kiosk)
    receipt = blocker.args[0]
    assert isinstance(receipt, WipeReceipt)
    assert receipt.ok, receipt.failed
    return receipt


def _child(kiosk: KioskApp, name: str) -> QWidget:
    found = kiosk.window.findChild(QWidget, name)
    assert found is not None, name
    return found


def _texts_with_marker(kiosk: KioskApp) -> list[str]:
    """Every widget of the kiosk whose text, title, tooltip or accessible name still
    holds the marker (shown or hidden: a hidden label is one show() away)."""
    found = []
    for widget in [kiosk.window, *kiosk.window.findChildren(QWidget)]:
        texts = [
            widget.windowTitle(), widget.toolTip(), widget.accessibleName(),
            widget.accessibleDescription(),
        ]  # fmt: skip
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        if any(MARKER in text for text in texts):
            found.append(f"{widget.metaObject().className()} {widget.objectName()}")
    return found


def _visitor_b_finds_nothing(qtbot: QtBot, kiosk: KioskApp) -> None:
    """B starts, opens the same service: no room of A's is open or can be opened, and
    no file of A's is offered to attach."""
    qtbot.mouseClick(kiosk.window.attract, Qt.MouseButton.LeftButton)
    site.open_tile(qtbot, kiosk)
    rooms = kiosk.safe_rooms
    for room in (rooms.viewer, rooms.preview, rooms.chooser, rooms.notice):
        assert not room.isVisible(), room.objectName()
    assert rooms.viewer.path is None and rooms.viewer.document.pageCount() == 0
    assert rooms.preview.path is None and rooms.preview.pages == 0
    assert rooms.preview.thumbnail.pixmap().isNull()
    assert kiosk.session.printed_pages == 0
    offered = FileRequest(multiple=True)
    rooms.chooser.ask(offered)
    assert rooms.chooser.tiles == []
    qtbot.mouseClick(rooms.chooser.cancel, Qt.MouseButton.LeftButton)
    assert offered.answered and offered.paths == []
    assert _texts_with_marker(kiosk) == []


def _no_marker_on_disk(tmp_path: Path) -> None:
    roots = [paths.runtime_dir(), paths.data_dir(), Path.home() / "Downloads", tmp_path]
    assert files_containing(MARKER, roots) == []


def test_download_permission_and_alert_do_not_reach_the_next_visitor(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    view = site.open_tile(qtbot, kiosk)
    # A downloads their decision (it opens in the kiosk's viewer) ...
    site.click_element(qtbot, view, "#pdf")
    site.wait_for_room(qtbot, kiosk, "pdf-viewer")
    saved = kiosk.session.folder / "downloads" / "decision.pdf"
    assert MARKER.encode() in saved.read_bytes()
    kiosk.safe_rooms.viewer.reset_for_next_visitor()
    # ... allows the camera (the guide declares it): the browser now remembers the grant ...
    assert _camera_permission(qtbot, view) == "prompt"
    site.click_element(qtbot, view, "#call")
    qtbot.waitUntil(lambda: bool(site.js(qtbot, view, "window.events")), timeout=15000)
    assert site.js(qtbot, view, "window.events") == ["granted"]
    assert _camera_permission(qtbot, view) == "granted"
    # ... and ends the session while a page's alert waits for an answer (the page's
    # wait is a nested event loop, so the End comes from inside it, as a tap would).
    receipts: list[WipeReceipt] = []
    kiosk.wipe_finished.connect(receipts.append)
    site.when_open(kiosk.safe_rooms.dialog, kiosk.keeper.end_session)
    site.click_element(qtbot, view, "#alert")
    qtbot.waitUntil(lambda: bool(receipts), timeout=15000)
    assert receipts[0].ok, receipts[0].failed
    assert not kiosk.safe_rooms.dialog.isVisible()
    assert not saved.exists()

    # Visitor B: no file to attach, no camera without being asked.
    qtbot.mouseClick(kiosk.window.attract, Qt.MouseButton.LeftButton)
    view = site.open_tile(qtbot, kiosk)
    assert list((kiosk.session.folder / "downloads").iterdir()) == []
    assert _camera_permission(qtbot, view) == "prompt"  # B is asked again, as A was
    _no_marker_on_disk(tmp_path)


def test_wipe_while_a_download_is_running(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    release = threading.Event()
    finished = threading.Event()

    def slow(_request: Request) -> Response:
        def parts() -> Iterator[bytes]:
            try:
                yield site.pdf_bytes(1) + f"\n% {MARKER}\n".encode()
                release.wait(20)  # the wipe happens while the rest is still coming
                yield b"0" * 500_000
            finally:
                finished.set()

        headers = {
            "Content-Type": "application/pdf",
            "Content-Disposition": 'attachment; filename="big.pdf"',
        }
        return 200, headers, parts()

    web.route("/slow.pdf", slow)
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    view = site.open_tile(qtbot, kiosk)
    folder = kiosk.session.folder
    site.click_element(qtbot, view, "#slow")
    qtbot.waitUntil(lambda: bool(web.seen("/slow.pdf")), timeout=15000)
    part = folder / "downloads" / "big.pdf.download"  # QtWebEngine's name while it runs
    # It has started: the first part is on disk, and the rest is still to come.
    qtbot.waitUntil(lambda: part.exists() and MARKER.encode() in part.read_bytes(), timeout=15000)
    assert not finished.is_set()
    _end(qtbot, kiosk)
    release.set()
    finished.wait(20)
    assert not folder.exists()
    _no_marker_on_disk(tmp_path)


def _open_the_named_pdf(qtbot: QtBot, kiosk: KioskApp) -> None:
    """Visitor A downloads the PDF with the marker in its name: it opens in the viewer."""
    view = site.open_tile(qtbot, kiosk)
    site.click_element(qtbot, view, "#named")
    qtbot.waitUntil(kiosk.safe_rooms.viewer.isVisible, timeout=15000)


def test_wipe_while_a_pdf_is_open_in_the_viewer(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    _open_the_named_pdf(qtbot, kiosk)
    viewer = kiosk.safe_rooms.viewer
    assert viewer.document.pageCount() == 2
    viewer.next_page.click()  # A reads on
    assert MARKER in viewer.title.text()
    assert _texts_with_marker(kiosk) != []  # the scan below can find what A left
    wait_until_painted(qtbot, _child(kiosk, "viewer-pdf"))
    save_screenshot(kiosk.window, "wipe-viewer-open-visitor-a")
    folder = kiosk.session.folder

    _end_by_button(qtbot, kiosk)  # the viewer is still open
    assert not folder.exists()
    _visitor_b_finds_nothing(qtbot, kiosk)
    view = kiosk.window.service.view
    assert view is not None
    wait_until_painted(qtbot, view)
    save_screenshot(kiosk.window, "wipe-viewer-open-visitor-b")
    _no_marker_on_disk(tmp_path)


def test_wipe_while_the_print_preview_is_up(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    kiosk.safe_rooms.printer.make_printer = lambda: site.test_printer(kiosk.session.folder)
    preview = kiosk.safe_rooms.preview
    _open_the_named_pdf(qtbot, kiosk)
    qtbot.mouseClick(_child(kiosk, "viewer-print"), Qt.MouseButton.LeftButton)
    assert preview.isVisible()
    qtbot.mouseClick(preview.more, Qt.MouseButton.LeftButton)  # A wants two copies
    assert preview.copies == 2 and preview.pages == 2
    assert not preview.thumbnail.pixmap().isNull()
    assert preview.path is not None and preview.path.is_relative_to(kiosk.session.folder)
    save_screenshot(kiosk.window, "wipe-print-preview-visitor-a")
    folder = kiosk.session.folder

    _end_by_button(qtbot, kiosk)  # the preview is still up, nothing printed
    assert not folder.exists()
    assert preview.copies == 1
    _visitor_b_finds_nothing(qtbot, kiosk)
    # B's own preview starts from one copy and B's whole page allowance.
    document = kiosk.session.folder / "downloads" / "b.pdf"
    document.write_bytes(site.pdf_bytes(1))
    assert preview.show_pdf(document)
    assert preview.copies == 1
    assert kiosk.safe_rooms.quota().remaining == kiosk.config.printing.max_pages_per_session
    save_screenshot(kiosk.window, "wipe-print-preview-visitor-b")
    _no_marker_on_disk(tmp_path)
