"""Two visitors, part two: what visitor A downloads, allows and leaves open in the kiosk's
own rooms (a download, a granted camera, a page's alert, a download still running) is
gone for visitor B, and not on disk either."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import KioskApp
from kiosk.session.receipts import WipeReceipt
from tests.helpers import lockdown_site as site
from tests.helpers.disk import files_containing
from tests.helpers.guides import small_guide
from tests.helpers.webserver import LocalServer, Request, Response
from tests.qt.conftest import MakeKiosk

pytestmark = pytest.mark.e2e

MARKER = "VISITOR-A-DOWNLOAD-4e1d"
_START = """
<h1>Start</h1>
<a id="pdf" href="/decision.pdf">Decision</a>
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


def _kiosk(make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer) -> KioskApp:
    web.route("/start", _START)
    web.route("/decision.pdf", _decision)
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


def _no_marker_on_disk(tmp_path: Path) -> None:
    roots = [paths.runtime_dir(), paths.data_dir(), Path.home() / "Downloads", tmp_path]
    assert files_containing(MARKER, roots) == []


def test_download_permission_and_alert_do_not_reach_the_next_visitor(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer
) -> None:
    kiosk = _kiosk(make_kiosk, tmp_path, web)
    view = site.open_tile(qtbot, kiosk)
    # A downloads their decision (it opens in the kiosk's viewer) ...
    viewer = kiosk.window.findChild(QWidget, "pdf-viewer")
    assert viewer is not None
    site.click_element(qtbot, view, "#pdf")
    qtbot.waitUntil(viewer.isVisible, timeout=15000)
    saved = kiosk.session.folder / "downloads" / "decision.pdf"
    assert MARKER.encode() in saved.read_bytes()
    kiosk.safe_rooms.viewer.reset_for_next_visitor()
    # ... allows the camera (the guide declares it) ...
    site.click_element(qtbot, view, "#call")
    qtbot.waitUntil(lambda: bool(site.js(qtbot, view, "window.events")), timeout=15000)
    assert site.js(qtbot, view, "window.events") == ["granted"]
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
    state = site.js(
        qtbot,
        view,
        "navigator.permissions.query({name: 'camera'}).then(p => { window.cam = p.state; })"
        " || true",
    )
    assert state is not None
    qtbot.waitUntil(lambda: site.js(qtbot, view, "window.cam") is not None)
    assert site.js(qtbot, view, "window.cam") != "granted"
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
