"""Benchmark: what a screen share costs, against the same kiosk not sharing, in one run.

The real kiosk (offscreen Qt, software rendering) and the real help desk (SQLite, one
uvicorn worker) run in this process; a supporter follows the share's stream over
loopback. The visitor's page is busy: an animation on every frame and a script doing a
fixed piece of work again and again. Measured, alternating "not sharing" and "sharing"
phases of the same length:

  * the page's own work done per second (the visitor-page slowdown) and its animation
    frames per second,
  * the CPU the kiosk's process and its browser engine use,
  * pictures a second, bytes a second from the kiosk, and to the supporter's page,
  * the kiosk's time per picture on its GUI thread (grab and mask) and in its encoder
    thread (scale and JPEG);

and, for a still page (nothing changes), the bytes a second of the keep-alives.

Usage: .venv/bin/python bench/share_bench.py [--seconds 10] [--repeat 3]
Prints a table; README.md shows the latest figures. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BUSY = b"""<!doctype html><title>busy</title>
<h1>A busy page</h1><p id="count">0</p>
<div id="box" style="width:120px;height:120px;background:#36c"></div>
<p>Some text to lay out.</p>
<script>
let frames = 0, chunks = 0, x = 0;
const box = document.getElementById('box'), count = document.getElementById('count');
function frame() {
  frames++;
  box.style.transform = 'translateX(' + ((frames * 7) % 600) + 'px)';
  count.textContent = String(frames);
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
function work() {
  for (let i = 0; i < 200000; i++) x += Math.sqrt(i + x % 7);
  chunks++;
  setTimeout(work, 0);
}
work();
window.__counts = () => JSON.stringify([frames, chunks, performance.now()]);
</script>"""
STILL = b"<!doctype html><title>still</title><h1>A still page</h1>" + b"<p>Text.</p>" * 50


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = BUSY if self.path.startswith("/busy") else STILL
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


def _environment(tmp: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["KIOSK_DATA_DIR"] = str(tmp / "data")
    os.environ["KIOSK_RUNTIME_DIR"] = str(tmp / "runtime")
    os.environ["KIOSK_CONFIG"] = str(tmp / "none.toml")
    os.environ["XDG_DATA_HOME"] = str(tmp / "xdg-data")
    os.environ["XDG_CACHE_HOME"] = str(tmp / "xdg-cache")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"


class Viewer:
    """The supporter's share stream, read in a thread: bytes and pictures received."""

    def __init__(self, client: Any, path: str) -> None:
        self.bytes = 0
        self.pictures = 0
        self._client = client
        self._path = path
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import httpx

        timeout = httpx.Timeout(10, read=60)
        with (
            contextlib.suppress(httpx.HTTPError),
            self._client.stream("GET", self._path, timeout=timeout) as response,
        ):
            for line in response.iter_lines():
                self.bytes += len(line) + 1
                if line.startswith("event: frame"):
                    self.pictures += 1
                if self._stop.is_set():
                    return

    def close(self) -> None:
        self._stop.set()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="share-bench-"))
    _environment(tmp)

    import httpx
    import psutil
    import uvicorn
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from kiosk import secrets
    from kiosk.app import create
    from kiosk.config import from_mapping
    from kiosk.helpdesk.client import pair
    from kiosk.helpdesk.model import Topic
    from kiosk.helpdesk.qt.share import capture
    from kiosk.helpdesk.server import db
    from kiosk.helpdesk.server.accounts import Accounts
    from kiosk.helpdesk.server.app import create_app
    from kiosk.helpdesk.server.settings import ServerSettings
    from kiosk.helpdesk.server.store import Store
    from kiosk.helpdesk.share_model import Phase

    secrets.use_store(secrets.FileStore(tmp / "secrets.json"))
    pages = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=pages.serve_forever, daemon=True).start()
    page_url = f"http://127.0.0.1:{pages.server_address[1]}"

    # The help desk.
    database = f"sqlite:///{tmp / 'helpdesk.sqlite3'}"
    db.migrate(database)
    store = Store(db.make_engine(database))
    store.add_centre("Kalliola")
    password = "bench password 123"
    Accounts(store).add_staff("anna", password, display_name="Anna")
    app = create_app(ServerSettings(database_url=database, allowed_hosts=("127.0.0.1",)))
    with contextlib.closing(__import__("socket").socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    while not server.started:
        time.sleep(0.05)
    pair(url, store.create_pair_code("Kalliola", "bench"))

    # The kiosk, with a guide for the two pages.
    guides = tmp / "guides" / "bench"
    guides.mkdir(parents=True)
    host = page_url.split("://", 1)[1]
    (guides / "guide.yaml").write_text(
        "id: bench\ncategory: other\nlanguages: [fi, sv, en]\n"
        f"start_url: {page_url}/busy\nallowed_hosts: ['http://{host}']\n"
        "title: {fi: B, sv: B, en: B}\nsteps:\n  - text: {fi: a, sv: a, en: a}\n"
    )
    kiosk = create(
        from_mapping(
            {
                "kiosk": {"windowed": True},
                "guides": {"dir": str(tmp / "guides")},
                "helpdesk": {"url": url},
                "speech": {"engine": "none"},
                "practice": {"enabled": False},
                "session": {"idle_timeout_s": 3600, "help_wait_s": 3600},
            }
        )
    )
    qapp = QApplication.instance()
    assert qapp is not None
    kiosk.window.resize(1366, 768)
    kiosk.window.show()

    def wait(condition: Callable[[], bool], timeout: float = 60.0) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if time.perf_counter() > deadline:
                raise TimeoutError("benchmark step timed out")

    def run_for(seconds: float) -> None:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def js(script: str) -> Any:
        view = kiosk.window.service.view
        assert view is not None
        results: list[Any] = []
        view.page().runJavaScript(script, 0, results.append)
        wait(lambda: bool(results))
        return results[0]

    # Timing of the kiosk's own work per picture.
    grab_times: list[float] = []
    encode_times: list[float] = []
    grabber = kiosk.screen_share.grabber
    original_grab, original_jpeg = grabber.grab, capture.to_jpeg

    def timed_grab(*a: Any) -> Any:
        start = time.perf_counter()
        try:
            return original_grab(*a)
        finally:
            grab_times.append(time.perf_counter() - start)

    def timed_jpeg(*a: Any) -> Any:
        start = time.perf_counter()
        try:
            return original_jpeg(*a)
        finally:
            encode_times.append(time.perf_counter() - start)

    grabber.grab = timed_grab  # type: ignore[method-assign]
    capture.to_jpeg = timed_jpeg

    # A visitor asks for help; Anna takes it.
    kiosk.keeper.start_visit()
    kiosk.open_guide("bench")
    wait(lambda: kiosk.helpdesk.online is True)
    dialog = kiosk.helpdesk.open_dialog(kiosk.window)
    assert dialog is not None
    dialog.topics[Topic.LOGIN].click()
    dialog.send_button.click()
    wait(lambda: kiosk.helpdesk.current is not None and kiosk.helpdesk.current.code is not None)
    assert kiosk.helpdesk.current is not None
    request_id = kiosk.helpdesk.current.request_id
    staff = httpx.Client(base_url=url)
    me = staff.post("/api/v1/staff/login", json={"username": "anna", "password": password})
    csrf = {"X-CSRF-Token": me.json()["csrf_token"]}
    staff.post(f"/api/v1/staff/requests/{request_id}/take", json={}, headers=csrf)
    share = kiosk.screen_share
    assert share.link is not None
    wait(lambda: share.link is not None and share.link.following == request_id)
    share_path = f"/api/v1/staff/requests/{request_id}/share"

    def cpu_seconds() -> float:
        total = 0.0
        for proc in [psutil.Process(), *psutil.Process().children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                total += times.user + times.system
        return total

    def phase(sharing: bool, address: str) -> dict[str, float]:
        view = kiosk.window.service.view
        assert view is not None
        if view.url().toString() != address:
            view.open_address(address)
        wanted = "busy" if "busy" in address else "still"
        wait(lambda: view.title() == wanted)
        run_for(1.0)
        viewer = None
        if sharing:
            staff.post(share_path, headers=csrf).raise_for_status()
            wait(share.consent.isVisible)
            share.consent.allow_button.click()
            wait(lambda: share.phase is Phase.SHARING)
            viewer = Viewer(staff, share_path + "/events")
            run_for(1.5)  # the first pictures (a whole screen) are not the steady state
        link = share.link
        assert link is not None
        busy = "busy" in address
        start_counts = json.loads(js("window.__counts()")) if busy else [0, 0, 0]
        sent, pictures = link.sent_bytes, link.sent_pictures
        seen = viewer.bytes if viewer else 0
        grabs, encodes = len(grab_times), len(encode_times)
        cpu, wall = cpu_seconds(), time.perf_counter()
        run_for(args.seconds)
        wall = time.perf_counter() - wall
        cpu = cpu_seconds() - cpu
        end_counts = json.loads(js("window.__counts()")) if busy else [0, 0, 1]
        page_s = max(1e-9, (end_counts[2] - start_counts[2]) / 1000) if busy else 1.0
        result = {
            "work_per_s": (end_counts[1] - start_counts[1]) / page_s,
            "frames_per_s": (end_counts[0] - start_counts[0]) / page_s,
            "cpu_percent": 100 * cpu / wall,
            "pictures_per_s": (link.sent_pictures - pictures) / wall,
            "kb_up_per_s": (link.sent_bytes - sent) / wall / 1024,
            "kb_to_viewer_per_s": ((viewer.bytes if viewer else 0) - seen) / wall / 1024,
            "grab_ms": 1000 * statistics.mean(grab_times[grabs:]) if grab_times[grabs:] else 0,
            "encode_ms": 1000 * statistics.mean(encode_times[encodes:])
            if encode_times[encodes:]
            else 0,
        }
        if sharing:
            assert viewer is not None
            viewer.close()
            staff.post(share_path + "/stop", headers=csrf)
            wait(lambda: share.phase is Phase.IDLE)
        return result

    runs: dict[str, list[dict[str, float]]] = {"off": [], "on": [], "still": []}
    for _ in range(args.repeat):
        runs["off"].append(phase(False, f"{page_url}/busy"))
        runs["on"].append(phase(True, f"{page_url}/busy"))
    runs["still"].append(phase(True, f"{page_url}/still"))

    def med(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[kind])

    print(
        f"\nscreen share, {args.repeat} x {args.seconds:.0f} s each, 1366x768 window, "
        f"{psutil.cpu_count()} cores, offscreen Qt (software rendering)\n"
    )
    print("| | not sharing | sharing | change |")
    print("|---|---:|---:|---:|")
    for key, name in (
        ("work_per_s", "visitor's page: work done per second"),
        ("frames_per_s", "visitor's page: animation frames per second"),
        ("cpu_percent", "kiosk + browser engine CPU (% of one core)"),
    ):
        off, on = med("off", key), med("on", key)
        print(f"| {name} | {off:.1f} | {on:.1f} | {100 * (on - off) / off:+.1f} % |")
    print()
    print("| sharing | busy page | still page |")
    print("|---|---:|---:|")
    for key, name in (
        ("pictures_per_s", "pictures sent per second"),
        ("kb_up_per_s", "kB/s from the kiosk"),
        ("kb_to_viewer_per_s", "kB/s to the supporter's page"),
        ("grab_ms", "ms per picture on the GUI thread (grab, mask)"),
        ("encode_ms", "ms per picture in the encoder thread (scale, JPEG)"),
    ):
        print(f"| {name} | {med('on', key):.1f} | {med('still', key):.1f} |")
    kiosk.shutdown()
    server.should_exit = True
    pages.shutdown()


if __name__ == "__main__":
    main()
