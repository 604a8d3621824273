"""Benchmark: start-up, wipe, hand-over and memory of the kiosk, against baselines.

Measured in one run on this machine (offscreen Qt, software rendering):

  (a) start-up to the first screen ready,
  (b) "End session" to the attract screen ready (the whole verified wipe),
  (c) tile tap to the service page loaded: the first after start-up (at once, when the
      kiosk makes the visitor's browser at that tap, and a second later, when it has made
      it while the attract screen waited), and after a wipe,
  (d) memory (PSS of the process and its browser-engine children) after 1 and N sessions.

Baselines, in the same run:
  * bare: a PySide6 program with one QWebEngineView on an off-the-record profile. Its
    start-up (the floor of (a)) is exactly: QApplication + one off-the-record profile + one
    page (in its view) + a tiny local page loaded. A "session" is a new profile + view
    that loads the service page, a "reset" deletes both;
  * chromium (where Debian's chromium is installed): the usual kiosk reset, i.e. kill the
    browser and start it again with a fresh profile, until the page is loaded
    (``--headless --incognito --dump-dom``; no screen here, so headless stands in for --kiosk).

How each figure is taken, the same way for the kiosk and the floor:
  * start-up is the whole process, from the command to the first screen answering: the
    kiosk's attract screen has handled a touch (a press and release posted to it as soon
    as it shows, queued behind whatever start-up work the kiosk left for later), the bare
    view's tiny page has loaded. The runs alternate kiosk, bare, kiosk, bare... Both
    programs live in ``startup_child.py``, which imports nothing of this benchmark (its
    HTTP server and helpers would add the same time to both and shrink the ratio).
  * memory is the PSS of the process and every child it started (browser engine, speech
    engine, ...), taken in both with the visitor's page loaded: during visitor 1, and
    during visitor N; and, for the growth, after visitor N has left as well.
  * the kiosk's own modules are compiled to bytecode first, as an installed kiosk's are
    (the bundle and pip both ship .pyc files); PYTHONDONTWRITEBYTECODE would otherwise
    make every start compile them again.

Usage: .venv/bin/python bench/session_bench.py [--sessions 200] [--repeat 5]
Prints a table and the ratios; README.md shows the latest figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import site
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAGE = (
    b"<!doctype html><title>service</title><h1>Service</h1>"
    b"<script>document.cookie='a=b';localStorage.setItem('k','v');</script>"
    + b"<p>Some text to lay out.</p>"
    * 200
)
#: The floor's start-up page: tiny, local.
TINY = b"<!doctype html><title>ready</title><p>ready</p>"


# -- a local page to load ---------------------------------------------------------------
class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = TINY if self.path == "/tiny" else PAGE
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


def _serve() -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["KIOSK_DATA_DIR"] = str(tmp / "data")
    env["KIOSK_RUNTIME_DIR"] = str(tmp / "runtime")
    env["KIOSK_CONFIG"] = str(tmp / "none.toml")
    env["XDG_DATA_HOME"] = str(tmp / "xdg-data")
    env["XDG_CACHE_HOME"] = str(tmp / "xdg-cache")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    return env


def _pss(pid: int) -> int:
    import psutil

    total = 0
    proc = psutil.Process(pid)
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += p.memory_full_info().pss
    return total


# -- child programs ---------------------------------------------------------------------
def _wait(app: object, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout
    while not condition():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)  # type: ignore[attr-defined]
        if time.perf_counter() > deadline:
            raise TimeoutError("benchmark step timed out")


def _speech_settled(speaker: Any) -> bool:
    """The read-aloud engine runs with its voices, or has gone (it has none)."""
    voices = any(speaker.can_speak(code) for code in ("fi", "en"))
    return bool(speaker.is_ready and (speaker.pid is None or voices))


def child_kiosk_sessions(url: str, sessions: int, settle: bool = False) -> None:
    from PySide6.QtWidgets import QApplication

    from kiosk.app import create
    from kiosk.config import from_mapping

    folder = Path(tempfile.mkdtemp())
    guide = folder / "bench" / "guide.yaml"
    guide.parent.mkdir()
    host = url.split("://", 1)[1]
    guide.write_text(
        "id: bench\ncategory: other\nlanguages: [fi, sv, en]\n"
        f"start_url: {url}/\nallowed_hosts: ['http://{host}']\n"
        "title: {fi: B, sv: B, en: B}\nsteps:\n  - text: {fi: a, sv: a, en: a}\n"
    )
    kiosk = create(from_mapping({"kiosk": {"windowed": True}, "guides": {"dir": str(folder)}}))
    kiosk.window.resize(1366, 768)
    kiosk.window.show()
    app = QApplication.instance()
    results: dict[str, list[float]] = {"tile": [], "wipe": []}
    memory: dict[str, int] = {}
    if settle:
        # A visitor who comes a second after start-up or later: the first screen was
        # shown without a browser, which is made by then (and the next session too).
        _wait(app, lambda: kiosk.keeper.prepared is not None)
    for n in range(1, sessions + 1):
        kiosk.keeper.start_visit()
        loaded: list[bool] = []
        start = time.perf_counter()
        kiosk.open_guide("bench")
        view = kiosk.window.service.view
        assert view is not None
        view.loadFinished.connect(loaded.append)
        _wait(app, lambda loaded=loaded: bool(loaded))
        results["tile"].append(time.perf_counter() - start)
        if n == 1:
            # The read-aloud engine starts with the first visit: measured once it has
            # settled, running with its voices or gone (no voices on this machine), not
            # while its process is still starting or ending.
            _wait(app, lambda: _speech_settled(kiosk.speaker))
            memory["speech_pid"] = kiosk.speaker.pid or 0
        if n in (1, sessions):
            memory[f"during_{n}"] = _pss(os.getpid())
        start = time.perf_counter()
        kiosk.keeper.end_session()
        app.processEvents()  # the attract screen is laid out and painted
        results["wipe"].append(time.perf_counter() - start)
        receipt = kiosk.keeper.receipts.recent[-1]
        if not receipt.ok:
            raise SystemExit(f"wipe failed: {receipt.failed}")
        _wait(app, lambda: kiosk.keeper.prepared is not None)  # the hand-over is ready
    memory[f"left_{sessions}"] = _pss(os.getpid())
    print(json.dumps({"results": results, "memory": memory}), flush=True)
    kiosk.shutdown()


def child_bare_sessions(url: str, sessions: int) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QUrl
    from PySide6.QtWebEngineCore import QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    results: dict[str, list[float]] = {"tile": [], "wipe": []}
    memory: dict[str, int] = {}
    for n in range(1, sessions + 1):
        start = time.perf_counter()
        profile = QWebEngineProfile()
        view = QWebEngineView(profile)
        view.resize(1366, 768)
        view.show()
        loaded: list[bool] = []
        view.loadFinished.connect(loaded.append)
        view.setUrl(QUrl(url + "/"))
        _wait(app, lambda loaded=loaded: bool(loaded))
        results["tile"].append(time.perf_counter() - start)
        if n in (1, sessions):
            memory[f"during_{n}"] = _pss(os.getpid())
        start = time.perf_counter()
        view.deleteLater()
        profile.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        results["wipe"].append(time.perf_counter() - start)
    memory[f"left_{sessions}"] = _pss(os.getpid())
    print(json.dumps({"results": results, "memory": memory}), flush=True)


# -- running children -------------------------------------------------------------------
def _run_until_ready(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY"):
            break
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    proc.stdout.close()
    return elapsed


def _run_json(args: list[str], env: dict[str, str]) -> dict[str, object]:
    out = subprocess.run(
        args, env=env, cwd=ROOT, capture_output=True, text=True, check=False, timeout=3600
    )
    if out.returncode != 0:
        tail = [line for line in out.stderr.splitlines() if not line.startswith("[")][-15:]
        raise SystemExit(f"{args[3]} failed:\n" + "\n".join(tail))
    return json.loads(out.stdout.strip().splitlines()[-1])


def _chromium_reset(url: str, tmp: Path) -> float | None:
    chromium = shutil.which("chromium")
    if chromium is None:
        return None
    profile = tmp / f"chromium-{time.perf_counter_ns()}"
    start = time.perf_counter()
    subprocess.run(
        [
            chromium, "--headless", "--incognito", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--no-first-run", "--disable-sync",
            f"--user-data-dir={profile}", "--dump-dom", url + "/",
        ],
        capture_output=True, check=True, timeout=60,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    shutil.rmtree(profile, ignore_errors=True)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", default="")
    parser.add_argument("--url", default="")
    parser.add_argument("--settle", action="store_true")
    args = parser.parse_args()

    if args.child == "kiosk-sessions":
        child_kiosk_sessions(args.url, args.sessions, args.settle)
        return 0
    if args.child == "bare-sessions":
        child_bare_sessions(args.url, args.sessions)
        return 0

    server, url = _serve()
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    env = _env(tmp)
    me = [sys.executable, str(Path(__file__).resolve())]
    # The start-up programs run as installed programs do: without the development
    # install's import hook, which this venv's .pth file loads at every start (pathlib,
    # urllib: about 12 ms) and which a bare PySide6 program would not pay either. So
    # without site (-S), and with this venv's packages and the kiosk's folder on the path.
    startup = [sys.executable, "-S", str(Path(__file__).resolve().with_name("startup_child.py"))]
    startup_env = {
        **env,
        "PYTHONPATH": os.pathsep.join([str(ROOT), *site.getsitepackages()]),
    }
    try:
        # An installed kiosk's modules are compiled (see the docstring).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "kiosk")], check=True)
        startup_kiosk: list[float] = []
        startup_bare: list[float] = []
        for _ in range(args.repeat):  # alternately, so that both meet the same load
            startup_kiosk.append(_run_until_ready([*startup, "kiosk"], startup_env))
            startup_bare.append(_run_until_ready([*startup, "bare", url + "/"], startup_env))
        kiosk = _run_json(
            [*me, "--child", "kiosk-sessions", "--url", url, "--sessions", str(args.sessions)],
            env,
        )
        settled = _run_json(
            [*me, "--child", "kiosk-sessions", "--url", url, "--sessions", "1", "--settle"],
            env,
        )
        bare = _run_json(
            [*me, "--child", "bare-sessions", "--url", url, "--sessions", str(args.sessions)],
            env,
        )
        chromium = [_chromium_reset(url, tmp) for _ in range(args.repeat)]
    finally:
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)

    k_res, b_res = kiosk["results"], bare["results"]  # type: ignore[index]
    s_res = settled["results"]  # type: ignore[index]
    k_mem, b_mem = kiosk["memory"], bare["memory"]  # type: ignore[index]
    n = args.sessions
    med = statistics.median

    def ms(value: float) -> str:
        return f"{value * 1000:.0f} ms"

    def mib(value: int) -> str:
        return f"{value / 2**20:.0f} MiB"

    rows = [
        ("(a) start-up: first screen answers a touch", ms(med(startup_kiosk)),
         ms(med(startup_bare)),
         med(startup_kiosk) / med(startup_bare)),
        ("(b) End -> attract ready (verified wipe)", ms(med(k_res["wipe"][1:])),
         ms(med(b_res["wipe"][1:])), None),
        ("(c) first tile at once after start-up -> loaded (its browser made then)",
         ms(k_res["tile"][0]), ms(b_res["tile"][0]), k_res["tile"][0] / b_res["tile"][0]),
        ("(c) first tile a second after start-up -> loaded", ms(s_res["tile"][0]),
         ms(b_res["tile"][0]), s_res["tile"][0] / b_res["tile"][0]),
        ("(c) tile after a wipe -> loaded (median)", ms(med(k_res["tile"][1:])),
         ms(med(b_res["tile"][1:])), med(k_res["tile"][1:]) / med(b_res["tile"][1:])),
        ("(d) memory, visitor 1's page loaded", mib(k_mem["during_1"]),
         mib(b_mem["during_1"]), k_mem["during_1"] / b_mem["during_1"]),
        (f"(d) memory, visitor {n}'s page loaded", mib(k_mem[f"during_{n}"]),
         mib(b_mem[f"during_{n}"]), k_mem[f"during_{n}"] / b_mem[f"during_{n}"]),
        (f"(d) memory after visitor {n} left", mib(k_mem[f"left_{n}"]), mib(b_mem[f"left_{n}"]),
         k_mem[f"left_{n}"] / b_mem[f"left_{n}"]),
    ]  # fmt: skip
    print(f"Session benchmark: {n} sessions, medians of {args.repeat} runs where repeated")
    speech = "running" if k_mem.get("speech_pid") else "not running (no voices here)"
    print(f"Read-aloud engine's process at visitor 1: {speech}")
    print("| measure | kiosk | bare QWebEngineView | kiosk / bare |")
    print("|---|---|---|---|")
    for name, kiosk_value, bare_value, ratio in rows:
        shown = f"{ratio:.2f}x" if ratio is not None else "-"
        print(f"| {name} | {kiosk_value} | {bare_value} | {shown} |")
    growth = k_mem[f"during_{n}"] / k_mem["during_1"] - 1
    bare_growth = b_mem[f"during_{n}"] / b_mem["during_1"] - 1
    print(f"| memory growth, visitor 1 -> {n} | {growth:+.1%} | {bare_growth:+.1%} | - |")
    resets = [c for c in chromium if c is not None]
    if resets:
        print(
            f"| chromium reset (kill, restart, load) | {ms(med(k_res['wipe'][1:]))} "
            f"(kiosk wipe) | {ms(med(resets))} (chromium) | "
            f"{med(k_res['wipe'][1:]) / med(resets):.2f}x |"
        )
    else:
        print("| chromium reset | - | chromium not installed | - |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
