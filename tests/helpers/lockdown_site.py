"""A local test site for the lockdown tests: links of every scheme, downloads of every
type (with honest Content-Type and Content-Disposition headers), popups, dialogs and an
upload form; and a test printer that writes a PDF into the session folder.
"""

from __future__ import annotations

import json
import re
import ssl
import subprocess
from pathlib import Path
from typing import Any

import psutil
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.browser.webengine.view import KioskView
from tests.helpers.webserver import LocalServer, Request, Response, html

ENGINE_PROCESSES = frozenset({"QtWebEngineProcess", "QtWebEngineProcess.exe"})


# -- files ------------------------------------------------------------------------------
def pdf_bytes(pages: int = 2, text: str = "Kela decision") -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(72)
    painter = QPainter(writer)
    font = painter.font()
    font.setPixelSize(28)
    painter.setFont(font)
    for number in range(1, pages + 1):
        if number > 1:
            writer.newPage()
        painter.drawText(40, 80, f"{text} — page {number}")
        painter.drawRect(40, 120, 400, 200)
    painter.end()
    buffer.close()
    return bytes(data.data())


def png_bytes() -> bytes:
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#0A4A82"))
    painter = QPainter(image)
    painter.fillRect(40, 40, 240, 120, QColor("#FFC83D"))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


#: name -> (body, Content-Type, file name in Content-Disposition)
def download_catalogue() -> dict[str, tuple[bytes, str, str]]:
    return {
        "pdf": (pdf_bytes(2), "application/pdf", "paatos.pdf"),
        "png": (png_bytes(), "image/png", "kuva.png"),
        "txt": (b"Hello from the service\n", "text/plain; charset=utf-8", "ohje.txt"),
        "docx": (
            b"PK\x03\x04" + b"\x00" * 40,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "hakemus.docx",
        ),
        "exe": (b"MZ\x90\x00" + b"\x00" * 60, "application/x-msdownload", "setup.exe"),
        "sh": (b"#!/bin/sh\necho hacked\n", "application/x-sh", "install.sh"),
        "zip": (b"PK\x03\x04" + b"\x00" * 40, "application/zip", "files.zip"),
        "bin": (b"\x00\x01\x02\x03" * 10, "application/octet-stream", "data.xyz"),
        "fake-pdf": (b"MZ\x90\x00" + b"\x00" * 60, "application/pdf", "decision.pdf"),
        "double": (b"MZ\x90\x00" + b"\x00" * 60, "application/octet-stream", "kela.pdf.exe"),
        "traversal": (pdf_bytes(1), "application/pdf", "../../../../etc/evil.pdf"),
        "bat": (b"@echo off\r\n", "application/octet-stream", "run.bat"),
        "jar": (b"PK\x03\x04" + b"\x00" * 40, "application/java-archive", "app.jar"),
        "html": (b"<h1>saved</h1>", "text/html", "page.html"),
    }


def file_route(body: bytes, content_type: str, name: str) -> Any:
    def handler(_request: Request) -> Response:
        headers = {
            "Content-Type": content_type,
            "Content-Disposition": f'attachment; filename="{name}"',
        }
        return 200, headers, body

    return handler


def add_downloads(web: LocalServer) -> None:
    for key, (body, content_type, name) in download_catalogue().items():
        web.route(f"/download/{key}", file_route(body, content_type, name))
    # A PDF opened as a page (no attachment header): the browser's viewer is off, so it
    # becomes a download too.
    web.route("/inline.pdf", lambda _r: (200, {"Content-Type": "application/pdf"}, pdf_bytes(1)))


def upload_form(web: LocalServer) -> None:
    web.route(
        "/upload",
        "<h1>Attach</h1><form id='form' method='post' action='/received' "
        "enctype='multipart/form-data'><input id='file' type='file' name='attachment' "
        "accept='.pdf,image/*'><input id='many' type='file' multiple name='many'>"
        "<input id='folder' type='file' webkitdirectory name='folder'>"
        "<button id='send'>Send</button></form>",
    )
    web.route("/received", lambda _r: html("<h1>Received</h1>", title="received"))


def uploaded_file_names(request: Request) -> list[str]:
    return re.findall(rb'filename="([^"]*)"', request.body)  # type: ignore[return-value]


# -- the kiosk --------------------------------------------------------------------------
def open_tile(qtbot: QtBot, kiosk: KioskApp, title: str = "/start") -> KioskView:
    tile = kiosk.window.findChild(QWidget, "tile-test-service")
    assert tile is not None
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    view = kiosk.window.service.view
    assert view is not None
    qtbot.waitUntil(lambda: view.title() == title, timeout=15000)
    return view


def go(qtbot: QtBot, view: KioskView, url: str, title: str) -> None:
    view.setUrl(QUrl(url))
    qtbot.waitUntil(lambda: view.title() == title, timeout=15000)


def js(qtbot: QtBot, view: KioskView, script: str) -> Any:
    """Run ``script`` in the page and return its (JSON-able) value."""
    results: list[Any] = []
    view.page().runJavaScript(f"JSON.stringify(({script})) ?? null", 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    return json.loads(results[0]) if isinstance(results[0], str) and results[0] else None


def test_printer(folder: Path) -> QPrinter:
    """A printer that writes a PDF into the session folder (never reachable to visitors)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / "printed.pdf"))
    return printer


def pdf_pages(path: Path) -> int:
    document = QPdfDocument()
    document.load(str(path))
    count = document.pageCount()
    document.close()
    return count


def child_processes() -> set[str]:
    names = set()
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE:
                names.add(child.name())
        except psutil.Error:
            continue
    return names - ENGINE_PROCESSES


def visible_windows(main: QWidget) -> list[str]:
    """Every visible top-level window except the kiosk's own (and a page's own lists)."""
    return [
        w.metaObject().className()
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not main
    ]


def wait_for_layout(qtbot: QtBot, view: KioskView) -> None:
    """Until the page has the view's final size (a click must land where it was aimed)."""
    width = round(view.width() / view.zoomFactor())
    qtbot.waitUntil(lambda: abs((js(qtbot, view, "window.innerWidth") or 0) - width) <= 1)


def element_centre(qtbot: QtBot, view: KioskView, selector: str) -> QPoint:
    """Where to click ``selector``: the element is first put on a stage at the top left
    of the page, above everything, so that no scrolling or reflow moves it away."""
    wait_for_layout(qtbot, view)
    rect = js(
        qtbot,
        view,
        "(() => { document.querySelectorAll('[data-staged]').forEach(old => {"
        " old.style.cssText = old.dataset.staged; delete old.dataset.staged; });"
        f" const e = document.querySelector({json.dumps(selector)});"
        " e.dataset.staged = e.style.cssText;"
        " Object.assign(e.style, {position: 'fixed', left: '20px', top: '20px',"
        " zIndex: 2147483647, margin: '0'}); "
        "const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()",
    )
    zoom = view.zoomFactor()
    return QPoint(round(rect[0] * zoom), round(rect[1] * zoom))


def click_element(
    qtbot: QtBot,
    view: KioskView,
    selector: str,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A real mouse click on an element of the page (a user gesture, as a visitor's)."""
    target = view.focusProxy()
    assert target is not None
    qtbot.mouseClick(target, button, modifier, element_centre(qtbot, view, selector))


def when_open(overlay: Any, action: Any) -> None:
    """Run ``action`` once, just after ``overlay`` opens.

    A page that asks (a file chooser, an alert) waits in a nested event loop until the
    visitor answers; a test answers from inside that loop, as a visitor's tap would.
    """

    def run() -> None:
        overlay.opened.disconnect(run)
        QTimer.singleShot(0, action)

    overlay.opened.connect(run)


# -- the page of doors ------------------------------------------------------------------
DOOR_LINKS: dict[str, str] = {
    "file": "file:///etc/passwd",
    "view-source": "view-source:{base}/start",
    "chrome": "chrome://settings",
    "chrome-gpu": "chrome://gpu",
    "qrc": "qrc:/index.html",
    "data": "data:text/html,<h1>data</h1>",
    "javascript-file": "javascript:void(location='file:///etc/passwd')",
    "ms-settings": "ms-settings:display",
    "ms-msdt": "ms-msdt:/id PCWDiagnostic",
    "search-ms": "search-ms:query=secret",
    "shell": "shell:startup",
    "intent": "intent://scan/#Intent;scheme=zxing;end",
    "smb": "smb://server/share",
    "ftp": "ftp://example.org/file",
    "ssh": "ssh://root@example.org",
    "steam": "steam://run/1",
    "mailto": "mailto:kela@example.org?subject=Hello",
    "tel": "tel:+358%2020%20692%20207",
    "sms": "sms:+358401234567",
    "away": "https://elsewhere.example/",
    "other-host": "http://localhost:{port}/second",
}

DOOR_SCRIPT = """
window.keys = []; window.events = [];
document.addEventListener('keydown', e => keys.push(e.key));
window.addEventListener('message', e => { window.bankResult = e.data; });
function storm() { let n = 0; for (let i = 0; i < 20; i++) { if (window.open('/popup?' + i)) n++; }
  window.stormOpened = n; }
function alerts() { for (let i = 0; i < 12; i++) alert('Message ' + i); window.alertsDone = true; }
function arm() { window.onbeforeunload = e => { e.preventDefault(); e.returnValue = ''; }; }
function media(what) { navigator.mediaDevices.getUserMedia(what).then(
  () => events.push('media:granted'), e => events.push('media:' + e.name)); }
function geo() { navigator.geolocation.getCurrentPosition(
  () => events.push('geo:granted'), e => events.push('geo:' + e.code)); }
function notify() { Notification.requestPermission().then(r => events.push('notify:' + r)); }
function clip() { navigator.clipboard.readText().then(
  () => events.push('clip:granted'), e => events.push('clip:' + e.name)); }
function picker(kind) { window[kind]().then(() => events.push(kind + ':granted'),
  e => { events.push(kind + ':' + e.name); window.why = e.message; }); }
function full() { document.documentElement.requestFullscreen().then(
  () => events.push('full:granted'), e => events.push('full:' + e.name)); }
function blob() {
  location = URL.createObjectURL(new Blob(['<h1>blob</h1>'], {type: 'text/html'})); }
document.addEventListener('pointerlockchange', () => events.push(
  document.pointerLockElement ? 'lock:locked' : 'lock:unlocked'));
document.addEventListener('pointerlockerror', () => events.push('lock:error'));
function lock() { const asked = document.body.requestPointerLock();
  if (asked) asked.catch(() => {}); }
"""

BUTTONS: dict[str, str] = {
    "open": "window.open('/popup')",
    "open-away": "window.open('https://elsewhere.example/')",
    "open-file": "window.open('file:///etc/passwd')",
    "storm": "storm()",
    "bank": "window.open('/bank', 'bank', 'width=500,height=600')",
    "alert": "alert('Your application was saved.')",
    "confirm": "window.confirmed = confirm('Send the application?')",
    "prompt": "window.prompted = prompt('Your name?', 'Matti')",
    "alerts": "alerts()",
    "arm": "arm()",
    "print": "window.print()",
    "full": "full()",
    "blob": "blob()",
    "camera": "media({video: true})",
    "microphone": "media({audio: true})",
    "geo": "geo()",
    "notify": "notify()",
    "clip": "clip()",
    "open-picker": "picker('showOpenFilePicker')",
    "save-picker": "picker('showSaveFilePicker')",
    "dir-picker": "picker('showDirectoryPicker')",
    "lock": "lock()",
    "screen": "navigator.mediaDevices.getDisplayMedia().then(() => events.push('screen:granted'),"
    " e => events.push('screen:' + e.name))",
}


def door_page(web: LocalServer) -> None:
    """/start: one element for every door; /second, /popup, /bank, /auth, downloads."""
    links = "".join(
        f"<p><a id='{key}' href=\"{href.format(base=web.base, port=web.port)}\">{key}</a></p>"
        for key, href in DOOR_LINKS.items()
    )
    buttons = "".join(
        f"<p><button id='b-{key}' onclick=\"{code}\">{key}</button></p>"
        for key, code in BUTTONS.items()
    )
    downloads = "".join(
        f"<p><a id='dl-{key}' href='/download/{key}'>{key}</a></p>" for key in download_catalogue()
    )
    web.route(
        "/start",
        f"<script>{DOOR_SCRIPT}</script><h1>Doors</h1><input id='field' autofocus>"
        "<p><a id='next' href='/second'>Next</a> <a id='blank' href='/second' "
        "target='_blank'>New tab</a> <a id='inline-pdf' href='/inline.pdf'>PDF</a> "
        "<a id='auth' href='/auth'>Members</a></p>"
        "<p><input id='file-input' type='file'> <input id='folder-input' type='file' "
        "webkitdirectory></p>" + links + buttons + downloads,
    )
    web.route("/second", "<h1>Second</h1><input id='field'>")
    web.route("/popup", "<h1>Popup</h1><p>A new window.</p>")
    web.route(
        "/bank",
        "<h1>Bank</h1><script>window.opener.postMessage('identified', '*');"
        "setTimeout(() => window.close(), 50);</script>",
    )
    web.route("/auth", _auth)
    add_downloads(web)


def _auth(request: Request) -> Response:
    if request.headers.get("authorization", "").startswith("Basic "):
        return html("<h1>Welcome</h1>", title="welcome")
    return 401, {"WWW-Authenticate": 'Basic realm="Members"', "Content-Type": "text/html"}, b""


# -- a server with a certificate nobody trusts ----------------------------------------------
def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (made with the openssl command)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def wait_for_room(qtbot: QtBot, kiosk: KioskApp, name: str, timeout: int = 15000) -> QWidget:
    """The room named ``name`` once it shows. The document rooms (viewer, print preview,
    file chooser) are made at their first use, so they are looked up when they show."""

    def shown() -> bool:
        found = kiosk.window.findChild(QWidget, name)
        return found is not None and found.isVisible()

    qtbot.waitUntil(shown, timeout=timeout)
    room = kiosk.window.findChild(QWidget, name)
    assert room is not None
    return room
