"""``kiosk selftest``: does this build of the kiosk really work? Run on a frozen bundle by
``installer/build.py``; a volunteer may run it too.

The command runs the kiosk offscreen in a child process (``--child``) and reads its
standard error: every line there must be one of ``EXPECTED_STDERR`` (each with its
reason), so a library that fails to load or a Qt warning fails the test. The child opens
every tile against pages served on 127.0.0.1 (the practice tiles against the practice
site), plants browser state and a copied text, wipes the session and looks for both
again (in the next visitor's pages and on disk), opens a PDF in the kiosk's viewer,
loads every screen translation, checks Chromium's locale packs and loads the on-screen
keyboard. The report is JSON; the exit code is 0 only when every step passed.

Qt is imported only inside the functions, so ``kiosk --version`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import paths

if TYPE_CHECKING:
    from kiosk.app import KioskApp

#: Standard-error lines that are not failures, each with its reason (regular expressions).
EXPECTED_STDERR: tuple[tuple[str, str], ...] = (
    (r"QRhiGles2: Failed to create|Failed to create RHI", "offscreen: no GPU"),
    (r"createPlatformVulkanInstance|QVulkanInstance: Failed to initialize", "no Vulkan"),
    (r"GBM is not supported|Fallback to software rendering|GPUInfo not initialized", "no GPU"),
    (r"This plugin does not support", "the offscreen platform has no window system"),
    (r"Couldn't (load|resolve) pipewire", "QtMultimedia probes PipeWire; none runs here"),
    (r"Screen capturing is not available|Window capturing is not available", "no screen"),
    (r"Sandboxing disabled by user", "the self-test runs as root (a build machine)"),
    (r"Failed to connect to the bus: .*system_bus_socket", "a build machine with no D-Bus"),
    (r"No QtMultimedia backends found", "the bundle plays its chime without FFmpeg"),
    (
        r"Member contentWidth of the object PopupList_QMLTYPE",
        "Qt Virtual Keyboard 6.12's own PopupList.qml warns about itself",
    ),
    (r"^\s*$", "empty line"),
)
STEP_TIMEOUT_S = 60.0
MARKER_PREFIX = "SELFTEST-VISITOR-"


@dataclass
class Step:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class Report:
    steps: list[Step] = field(default_factory=list)
    unexpected_stderr: list[str] = field(default_factory=list)
    sandbox: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return bool(self.steps) and all(s.ok for s in self.steps) and not self.unexpected_stderr

    def to_json(self) -> str:
        data = asdict(self)
        data["ok"] = self.ok
        return json.dumps(data, ensure_ascii=False, indent=2)


def unexpected_lines(stderr: str) -> list[str]:
    """The lines of ``stderr`` that no entry of ``EXPECTED_STDERR`` explains."""
    patterns = [re.compile(pattern) for pattern, _reason in EXPECTED_STDERR]
    return [line for line in stderr.splitlines() if not any(p.search(line) for p in patterns)]


# -- the parent: runs the child and reads its stderr ----------------------------------------
def run_parent(json_file: Path | None) -> int:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as folder:
        base = Path(folder)
        child_report = base / "child.json"
        env = dict(os.environ)
        env.update(
            {
                "QT_QPA_PLATFORM": "offscreen",
                paths.ENV_DATA_DIR: str(base / "data"),
                paths.ENV_RUNTIME_DIR: str(base / "runtime"),
                "XDG_CONFIG_HOME": str(base / "config"),
                paths.ENV_CONFIG: str(base / "none.toml"),
            }
        )
        env.pop("QTWEBENGINE_REMOTE_DEBUGGING", None)
        command = paths.kiosk_command("selftest", "--child", "--json", str(child_report))
        try:
            done = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=600, check=False
            )
            stderr, code = done.stderr, done.returncode
        except subprocess.TimeoutExpired as exc:
            stderr, code = str(exc.stderr or ""), -1
        try:
            report = _report_from(json.loads(child_report.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            report = Report(steps=[Step("child", False, f"no report (exit code {code})")])
        if code != 0 and report.ok:
            report.steps.append(Step("child", False, f"exit code {code}"))
        report.unexpected_stderr = unexpected_lines(stderr)
    report.seconds = round(time.monotonic() - started, 1)
    text = report.to_json()
    sys.stdout.write(text + "\n")
    if json_file is not None:
        json_file.write_text(text + "\n", encoding="utf-8")
    return 0 if report.ok else 1


def _report_from(data: dict[str, Any]) -> Report:
    steps = [Step(str(s["name"]), bool(s["ok"]), str(s.get("detail", ""))) for s in data["steps"]]
    return Report(steps=steps, sandbox=str(data.get("sandbox", "")))


# -- local test pages ---------------------------------------------------------------------
_PLANT = """<!doctype html><title>plant</title><h1>Plant</h1><script>
const M = "%(marker)s";
document.cookie = "js=" + M + "; path=/; max-age=86400";
localStorage.setItem("local", M);
sessionStorage.setItem("session", M);
const open = indexedDB.open("visitor-db", 1);
open.onupgradeneeded = () => open.result.createObjectStore("store");
open.onsuccess = () => {
  const tx = open.result.transaction("store", "readwrite");
  tx.objectStore("store").put(M, "key");
  tx.oncomplete = () => { document.title = "planted"; };
};
open.onerror = () => { document.title = "plant failed"; };
</script>"""
_PROBE = """<!doctype html><title>probe</title><h1>Probe</h1><script>
indexedDB.databases().then(dbs => {
  document.title = "probed " + JSON.stringify({
    cookies: document.cookie, local: localStorage.length,
    session: sessionStorage.length, idb: dbs.map(d => d.name)});
});
</script>"""


class _Pages(BaseHTTPRequestHandler):
    marker = ""
    pdf = b""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if path.startswith("/tile/"):
            tile = path.removeprefix("/tile/")
            body = f"<!doctype html><title>tile {tile}</title><h1>{tile}</h1>".encode()
        elif path == "/plant":
            body = (_PLANT % {"marker": self.marker}).encode()
            headers["Set-Cookie"] = f"server={self.marker}; Path=/; Max-Age=86400"
        elif path == "/probe":
            body = _PROBE.encode()
        elif path == "/decision.pdf":
            body = self.pdf
            headers = {
                "Content-Type": "application/pdf",
                "Content-Disposition": 'attachment; filename="decision.pdf"',
            }
        else:
            self.send_error(404)
            return
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: stderr is the test's evidence


class _QuietServer(ThreadingHTTPServer):
    """The pages' server. A browser that hangs up before its answer is written (the wipe
    closes a page whose favicon is still on its way) is the browser's right, not a fault
    of the kiosk's: it is not reported on stderr, which is the self-test's evidence."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # broken pipe, reset
            return
        super().handle_error(request, client_address)


def _pages_server(marker: str, pdf: bytes) -> _QuietServer:
    handler = type("Pages", (_Pages,), {"marker": marker, "pdf": pdf})
    return _QuietServer(("127.0.0.1", 0), handler)


@contextmanager
def _serve(marker: str, pdf: bytes) -> Iterator[str]:
    server = _pages_server(marker, pdf)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# -- the child: the kiosk, offscreen ---------------------------------------------------------
def run_child(json_file: Path) -> int:
    from kiosk import launcher  # noqa: PLC0415

    launcher.confine_engine_folders()
    sandbox = "on"
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # as the kiosk does: only as root
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox".strip()
        sandbox = "off (running as root)"
    marker = MARKER_PREFIX + secrets.token_hex(6)
    steps = run_steps(marker, _serve)
    report = Report(steps=steps, sandbox=sandbox)
    json_file.write_text(report.to_json(), encoding="utf-8")
    # The kiosk's threads and the browser engine's processes end with the process.
    sys.stdout.flush()
    os._exit(0 if report.ok else 1)


def run_steps(marker: str, serve: Callable[[str, bytes], Any]) -> list[Step]:
    """Build the kiosk offscreen and run every step; a step that fails does not stop the
    others unless the kiosk could not start."""
    from kiosk import app as app_mod  # noqa: PLC0415 - loads the engine before the app
    from kiosk import config as config_mod  # noqa: PLC0415

    steps: list[Step] = []
    qapp = app_mod.application()
    pdf = _pdf_bytes()
    with serve(marker, pdf) as base:
        try:
            config = config_mod.from_mapping(
                {"kiosk": {"windowed": True}, "speech": {"engine": "none"}}
            )
            kiosk = app_mod.create(config)
        except Exception as exc:  # the step's failure is the report
            return [Step("start", False, f"{type(exc).__name__}: {exc}")]
        kiosk.restart_on_wipe_failure = False
        kiosk.window.resize(1366, 768)
        kiosk.window.show()
        steps.append(Step("start", True, f"{len(kiosk.library.guides)} guides"))
        local_guides(kiosk, base)
        for name, step in (
            ("translations", _step_translations),
            ("tiles", _step_tiles),
            ("wipe", _step_wipe),
            ("pdf-viewer", _step_pdf),
            ("keyboard", _step_keyboard),
        ):
            try:
                ok, detail = step(kiosk, base, marker)
            except Exception as exc:
                ok, detail = False, f"{type(exc).__name__}: {exc}"
            steps.append(Step(name, ok, detail))
        kiosk.shutdown()
    del qapp
    return steps


def _wait(predicate: Callable[[], bool], timeout_s: float = STEP_TIMEOUT_S) -> bool:
    """Run Qt's event loop until ``predicate()`` holds (True) or the time is up (False)."""
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415

    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            return False
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    return True


def _pdf_bytes() -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: PLC0415
    from PySide6.QtGui import QPainter, QPdfWriter  # noqa: PLC0415

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    painter.drawText(200, 200, "Digituki kiosk self-test")
    painter.end()
    buffer.close()
    return bytes(data.data())


def _open_tile(kiosk: KioskApp, guide_id: str) -> Any:
    kiosk.window.home.tile_chosen.emit(guide_id)
    return kiosk.window.service.view


def _load(view: Any, url: str, title: Callable[[str], bool]) -> bool:
    from PySide6.QtCore import QUrl  # noqa: PLC0415

    view.setUrl(QUrl(url))
    return _wait(lambda: title(view.title()))


def _first_local(kiosk: KioskApp) -> str:
    return next(g.id for g in kiosk.library.guides if g.category != "practice")


def _step_translations(kiosk: KioskApp, _base: str, _marker: str) -> tuple[bool, str]:
    from PySide6.QtCore import QLibraryInfo, QTranslator  # noqa: PLC0415
    from PySide6.QtWidgets import QPushButton  # noqa: PLC0415

    from kiosk.config import UI_LANGUAGES  # noqa: PLC0415
    from kiosk.shell.i18n import SOURCE_LANGUAGE, catalogue  # noqa: PLC0415

    problems = []
    end = kiosk.window.findChild(QPushButton, "end-session-button")
    english = "End session"  # the source text (kiosk/shell/top_bar.py)
    kiosk.translations.switch(SOURCE_LANGUAGE)
    if end is None or not _wait(lambda: end.text() == english, 10):
        return False, "the End session button does not show its English text"
    for language in UI_LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        if not QTranslator().load(str(catalogue(language))):
            problems.append(f"{language}: no compiled catalogue")
            continue
        kiosk.translations.switch(language)
        # Each widget retranslates on the LanguageChange event Qt posts.
        if not _wait(lambda: end.text() != english, 10):
            problems.append(f"{language}: 'End session' not translated")
    kiosk.translations.switch(kiosk.config.kiosk.default_language)
    packs = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    chromium = ["en-US", *(code for code in UI_LANGUAGES if code not in {"en", "so"})]
    locales = packs / "qtwebengine_locales"
    missing = [code for code in chromium if not (locales / f"{code}.pak").is_file()]
    if missing:
        problems.append(f"Chromium locale packs missing: {', '.join(missing)}")
    return not problems, "; ".join(problems) or f"{len(UI_LANGUAGES) - 1} catalogues, locale packs"


def _step_tiles(kiosk: KioskApp, base: str, _marker: str) -> tuple[bool, str]:
    kiosk.keeper.start_visit()
    failed = []
    for guide in kiosk.library.guides:
        view = _open_tile(kiosk, guide.id)
        if view is None:
            failed.append(f"{guide.id}: no view")
            continue
        practice = guide.category == "practice"
        wanted = f"tile {guide.id}"

        def shown(view: Any = view, practice: bool = practice, wanted: str = wanted) -> bool:
            if practice:  # the practice site's own page, whatever its title
                return bool(view.url().host() == "127.0.0.1" and view.title())
            return bool(view.title() == wanted)

        loaded = _wait(shown)
        if not loaded:
            failed.append(f"{guide.id}: did not load ({view.url().toString()})")
        kiosk.go_home()
    opened = len(kiosk.library.guides) - len(failed)
    return not failed, f"{opened} of {len(kiosk.library.guides)} opened; " + "; ".join(failed)


def _step_wipe(kiosk: KioskApp, base: str, marker: str) -> tuple[bool, str]:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    tile = _first_local(kiosk)
    view = _open_tile(kiosk, tile)
    if not _load(view, f"{base}/plant", lambda t: t == "planted"):
        return False, f"the state was not planted ({view.title()})"
    QApplication.clipboard().setText(marker)
    receipts: list[Any] = []
    kiosk.wipe_finished.connect(receipts.append)
    kiosk.keeper.end_session()
    if not _wait(lambda: bool(receipts)):
        return False, "the wipe did not finish"
    receipt = receipts[0]
    if not receipt.ok:
        return False, f"the wipe's checks failed: {', '.join(receipt.failed)}"
    kiosk.keeper.start_visit()
    view = _open_tile(kiosk, tile)
    if not _load(view, f"{base}/probe", lambda t: t.startswith("probed ")):
        return False, f"the next visitor's probe did not run ({view.title()})"
    found = json.loads(view.title().removeprefix("probed "))
    leaks = [k for k, v in found.items() if v not in ("", 0, [])]
    if QApplication.clipboard().text() == marker:
        leaks.append("clipboard")
    on_disk = _files_with(marker.encode(), [paths.runtime_dir(), paths.data_dir()])
    leaks += [f"file {p}" for p in on_disk]
    kiosk.go_home()
    if leaks:
        return False, "the next visitor found: " + ", ".join(leaks)
    return True, f"wiped in {receipt.duration_s * 1000:.0f} ms; nothing found after it"


def _files_with(needle: bytes, folders: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        for file in folder.rglob("*") if folder.is_dir() else []:
            try:
                if file.is_file() and needle in file.read_bytes():
                    found.append(file)
            except OSError:
                continue
    return found


def _step_pdf(kiosk: KioskApp, base: str, _marker: str) -> tuple[bool, str]:
    from PySide6.QtCore import QUrl  # noqa: PLC0415
    from PySide6.QtPdf import QPdfDocument  # noqa: PLC0415

    view = _open_tile(kiosk, _first_local(kiosk))
    if not _wait(lambda: view.title().startswith("tile ")):
        return False, "the tile did not open"
    view.setUrl(QUrl(f"{base}/decision.pdf"))
    viewer = kiosk.safe_rooms.viewer
    shown = _wait(
        lambda: viewer.isVisible() and viewer.document.status() == QPdfDocument.Status.Ready
    )
    pages = viewer.document.pageCount()
    kiosk.go_home()
    if not shown:
        return False, "the downloaded PDF was not shown in the viewer"
    return pages == 1, f"{pages} page(s) shown"


def _step_keyboard(_kiosk: KioskApp, _base: str, _marker: str) -> tuple[bool, str]:
    from PySide6.QtQuickWidgets import QQuickWidget  # noqa: PLC0415

    widget = QQuickWidget()
    widget.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
    widget.setSource(
        _data_url("import QtQuick\nimport QtQuick.VirtualKeyboard\nInputPanel { width: 800 }\n")
    )
    ready = _wait(lambda: widget.status() != QQuickWidget.Status.Loading, 20)
    errors = [e.toString() for e in widget.errors()]
    status = widget.status()
    widget.deleteLater()
    if not ready or status != QQuickWidget.Status.Ready:
        return False, "the on-screen keyboard did not load: " + "; ".join(errors)
    return True, "Qt Virtual Keyboard's InputPanel loaded"


def _data_url(qml: str) -> Any:
    from PySide6.QtCore import QUrl  # noqa: PLC0415

    folder = Path(tempfile.mkdtemp(prefix="kiosk-selftest-qml-", dir=paths.runtime_dir()))
    file = folder / "keyboard.qml"
    file.write_text(qml, encoding="utf-8")
    return QUrl.fromLocalFile(str(file))


def local_guides(kiosk: KioskApp, base: str) -> None:
    """Point every tile except the practice ones at a page of the local server."""
    library = kiosk.library
    guides = tuple(
        g
        if g.category == "practice"
        else replace(g, start_url=f"{base}/tile/{g.id}", allowed_hosts=(base,))
        for g in library.guides
    )
    kiosk.library = replace(library, guides=guides)


# -- the command ----------------------------------------------------------------------------
def _cmd_selftest(args: argparse.Namespace) -> int:
    if args.child:
        return run_child(args.json)
    return run_parent(args.json)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "selftest",
        help="run the kiosk offscreen against local pages and report (JSON) whether it works",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the report here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=_cmd_selftest)
