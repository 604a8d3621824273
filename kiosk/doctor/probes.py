"""The doctor's Qt probes, run in a child process (``kiosk doctor-probe NAME``).

Each prints one JSON line: ``{"ok": true, ...}`` or ``{"ok": false, "error": "..."}``.
A crash or a hang here is what the doctor reports, so nothing is caught that would hide
one. Qt is imported only inside the functions.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any

RENDER_TIMEOUT_MS = 30_000
#: A page of one colour: the probe checks that this colour reaches the screen.
_PAGE = "<html><body style='margin:0;background:#1f7a3c'></body></html>"
_COLOUR = (0x1F, 0x7A, 0x3C)


def _prepare(safe_graphics: bool) -> None:
    from kiosk import launcher  # noqa: PLC0415

    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a terminal with no screen (ssh)
    launcher.confine_engine_folders()
    if safe_graphics:
        launcher.apply_safe_graphics(os.environ)
    # As the kiosk does: only as root is the sandbox off (and the doctor says so).
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox".strip()


def probe_qt() -> dict[str, Any]:
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    app = QGuiApplication(sys.argv[:1])
    return {"ok": True, "platform": app.platformName()}


def probe_web() -> dict[str, Any]:
    """The kiosk's own browser view (off-the-record profile, navigation policy) draws a
    page served on 127.0.0.1; the probe checks that its colour reaches the screen."""
    import tempfile  # noqa: PLC0415
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415
    from threading import Thread  # noqa: PLC0415

    from PySide6.QtCore import QCoreApplication, QEvent, QTimer, QUrl  # noqa: PLC0415
    from PySide6.QtGui import QOpenGLContext  # noqa: PLC0415

    from kiosk import paths  # noqa: PLC0415
    from kiosk.app import application  # noqa: PLC0415 - loads the engine before the app
    from kiosk.browser.policy import AllowList  # noqa: PLC0415
    from kiosk.browser.webengine.context import BrowserContext  # noqa: PLC0415

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = _PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    app = application()
    paths.runtime_dir().mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="doctor-", dir=paths.runtime_dir()))
    context = BrowserContext(folder)
    view = context.new_view(AllowList.parse([base]))
    view.resize(200, 120)
    view.show()
    found: dict[str, Any] = {"ok": False, "error": "the page did not draw in 30 s"}

    def look() -> None:
        colour = view.grab().toImage().pixelColor(100, 60)
        if (colour.red(), colour.green(), colour.blue()) == _COLOUR:
            found.update(ok=True, error="")
            app.quit()

    timer = QTimer(interval=100)
    timer.timeout.connect(look)
    view.loadFinished.connect(lambda _ok: timer.start())
    QTimer.singleShot(RENDER_TIMEOUT_MS, app.quit)
    view.setUrl(QUrl(base + "/"))
    app.exec()
    server.shutdown()
    renderer = _gl_renderer(QOpenGLContext)
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    # No OpenGL context at all (a PC without a driver, the offscreen platform): software.
    software = (
        not renderer
        or "--disable-gpu" in flags
        or any(word in renderer.lower() for word in ("llvmpipe", "softpipe", "swiftshader"))
    )
    view.close()
    context.close()  # views and pages first, then the profile
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return {**found, "renderer": renderer or "no OpenGL", "software": software}


def _gl_renderer(context_class: Any) -> str:
    from PySide6.QtGui import QOffscreenSurface  # noqa: PLC0415

    context = context_class()
    if not context.create():
        return ""
    surface = QOffscreenSurface()
    surface.create()
    if not context.makeCurrent(surface):
        return ""
    functions = context.functions()
    gl_renderer = 0x1F01
    text = str(functions.glGetString(gl_renderer) or "")
    context.doneCurrent()
    return text


def probe_pdf() -> dict[str, Any]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication, QPageSize, QPainter, QPdfWriter  # noqa: PLC0415
    from PySide6.QtPdf import QPdfDocument  # noqa: PLC0415

    app = QGuiApplication(sys.argv[:1])
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(100, 100, "Digituki kiosk")
    painter.end()
    buffer.close()
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(app)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        return {"ok": False, "error": f"QtPdf: {document.error().name}"}
    pages = document.pageCount()
    image = document.render(0, document.pagePointSize(0).toSize())
    if image.isNull():
        return {"ok": False, "error": "the page could not be drawn"}
    return {"ok": pages == 1, "pages": pages, "error": "" if pages == 1 else "wrong page count"}


PROBES: dict[str, Callable[[], dict[str, Any]]] = {
    "qt": probe_qt,
    "web": probe_web,
    "pdf": probe_pdf,
}


def run(name: str, *, safe_graphics: bool = False) -> int:
    """The ``kiosk doctor-probe`` command: one probe, one JSON line, exit 0 if ok."""
    _prepare(safe_graphics)
    result = PROBES[name]()
    result["safe_graphics"] = safe_graphics
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0 if result.get("ok") else 1
