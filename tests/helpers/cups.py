"""A throw-away CUPS scheduler with ``cups-pdf`` queues: the kiosk prints through the real
path (Qt's print support, libcups, CUPS's filters) and the test reads what came out.

Debian's ``cups`` and ``printer-driver-cups-pdf`` (``scripts/setup --test`` installs them).
The scheduler is the installed ``cupsd`` with a configuration of its own in a temporary
folder, listening only on a socket there. ``tests/conftest.py`` names that socket in
``CUPS_SERVER`` for the whole run, so no test ever reaches the machine's own printers.
Its configuration is Debian's default (``cupsd.conf.default``: the same job policy, so a
user may cancel their own jobs and no one else's) except: no network, no web interface,
log level ``info``, and ``PreserveJobFiles No`` (see :data:`KIOSK_SETTINGS`).

A queue writes what it prints as a PDF into a folder of its own. cups-pdf reads its
settings only from ``/etc/cups/cups-pdf-<name>.conf``, so each queue writes one there and
removes it again. cupsd must run as root, and so does the cups-pdf backend (its mode is
0700): as in CI, the tests that print run as root; otherwise they fail with a plain
message (no skip: printing is a feature of the kiosk).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

#: Where this test run's scheduler listens (the file exists only while it runs); the
#: name is set for the whole run in tests/conftest.py.
SOCKET = Path(os.environ["CUPS_SERVER"])
CUPSD = Path("/usr/sbin/cupsd")
DEFAULT_CONFIG = Path("/usr/share/cups/cupsd.conf.default")
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPS_PDF_SETTINGS = Path("/etc/cups")

#: How a kiosk's own CUPS must be set (the installer's job): a printed document is not
#: kept in the spool after printing. CUPS's default keeps it a day, and an unprivileged
#: kiosk user cannot purge a finished job (CUPS answers "Forbidden").
KIOSK_SETTINGS = "PreserveJobFiles No\n"


def _missing() -> str | None:
    if os.geteuid() != 0:
        return "the printing tests run CUPS and its cups-pdf backend, which need root (as in CI)"
    for path in (CUPSD, DEFAULT_CONFIG, CUPS_PDF_BACKEND, CUPS_PDF_PPD):
        if not path.exists():
            return f"{path} is missing: run 'scripts/setup --test' (installs cups, cups-pdf)"
    for tool in ("lpadmin", "lpstat", "cupsenable", "cupsdisable", "pdfinfo", "pdftoppm"):
        if shutil.which(tool) is None:
            return f"{tool} is missing: run 'scripts/setup --test' (cups, poppler-utils)"
    return None


class CupsServer:
    """One scheduler for the whole test run; see :func:`cups_server`."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
        # CUPS runs its filters as the user "lp": they must be able to reach the spool.
        self.root.chmod(0o755)
        self.conf = self.root / "conf"
        self.spool = self.root / "spool"
        self.log = self.root / "log"
        self._process: psutil.Process | None = None
        self._names = itertools.count(1)

    def start(self) -> CupsServer:
        for folder in (self.conf / "ppd", self.spool / "tmp", self.log, self.root / "cache"):
            folder.mkdir(parents=True)
        lines = []
        for line in DEFAULT_CONFIG.read_text().splitlines():
            key = line.split(" ", 1)[0]
            if key in {"Listen", "Port", "Browsing", "BrowseLocalProtocols", "WebInterface"}:
                continue
            if key == "IdleExitTimeout":
                continue
            lines.append("LogLevel info" if key == "LogLevel" else line)
        lines += [f"Listen {SOCKET}", "Browsing No", "WebInterface No", KIOSK_SETTINGS]
        (self.conf / "cupsd.conf").write_text("\n".join(lines) + "\n")
        (self.conf / "cups-files.conf").write_text(
            f"ServerRoot {self.conf}\nRequestRoot {self.spool}\nTempDir {self.spool / 'tmp'}\n"
            f"CacheDir {self.root / 'cache'}\nStateDir {self.root}\n"
            f"ErrorLog {self.log / 'error_log'}\nAccessLog {self.log / 'access_log'}\n"
            f"PageLog {self.log / 'page_log'}\nSystemGroup root\nUser lp\nGroup lp\n"
        )
        SOCKET.unlink(missing_ok=True)
        # Started apart from the test process, as the system's own scheduler is: a child
        # of the tests would be a stray process in the kiosk's wipe check.
        command = shlex.join(
            [str(CUPSD), "-f", "-c", str(self.conf / "cupsd.conf"),
             "-s", str(self.conf / "cups-files.conf")]
        )  # fmt: skip
        started = subprocess.run(
            ["sh", "-c", f"{command} </dev/null >/dev/null 2>&1 & echo $!"],
            capture_output=True, text=True, check=True, start_new_session=True,
        )  # fmt: skip
        self._process = psutil.Process(int(started.stdout))
        # lpstat -r waits for the scheduler's answer; it says "running" once it listens.
        for _ in range(600):
            if not self._process.is_running() or self._process.status() == psutil.STATUS_ZOMBIE:
                raise RuntimeError(f"cupsd ended at once:\n{self.error_log()[-3000:]}")
            if SOCKET.exists() and "is running" in self.lp("lpstat", "-r", check=False):
                return self
            with contextlib.suppress(psutil.TimeoutExpired):
                self._process.wait(timeout=0.1)
        raise RuntimeError(f"cupsd did not start:\n{self.error_log()[-3000:]}")

    def lp(self, *command: str, check: bool = True) -> str:
        """Run a CUPS command (lpadmin, lpstat, ...) against this scheduler."""
        env = {**os.environ, "CUPS_SERVER": str(SOCKET)}
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {result.stdout}{result.stderr}")
        return result.stdout

    def error_log(self) -> str:
        path = self.log / "error_log"
        return path.read_text(errors="replace") if path.exists() else ""

    def spooled_documents(self) -> list[Path]:
        """Documents CUPS keeps in its spool (``d<job>-<n>``: the printed file itself)."""
        return sorted(p for p in self.spool.iterdir() if p.name.startswith("d"))

    def new_queue(self, name: str = "") -> PdfQueue:
        """A cups-pdf queue; ``name``: the printer's name, if not a made-up one."""
        instance = f"kiosk-test-{os.getpid()}-{next(self._names)}"
        return PdfQueue(self, name or instance, instance).add()

    def stop(self) -> None:
        try:
            if self._process is not None and self._process.is_running():
                self._process.terminate()
                try:
                    self._process.wait(timeout=30)
                except psutil.TimeoutExpired:
                    self._process.kill()
                    self._process.wait(timeout=30)
        finally:
            SOCKET.unlink(missing_ok=True)
            shutil.rmtree(self.root, ignore_errors=True)


class PdfQueue:
    """A cups-pdf printer of the test scheduler: every job ends as a PDF in :attr:`out`."""

    def __init__(self, server: CupsServer, name: str, instance: str) -> None:
        self.server = server
        self.name = name
        self.instance = instance  # cups-pdf's name for its settings: this run's own
        self.folder = server.root / instance
        self.out = self.folder / "out"
        self.settings = CUPS_PDF_SETTINGS / f"cups-pdf-{instance}.conf"

    def add(self) -> PdfQueue:
        self.out.mkdir(parents=True)
        self.settings.write_text(
            f"Out {self.out}\nAnonDirName {self.out}\nSpool {self.folder / 'spool'}\n"
            f"Log {self.server.log}\nGrp root\n"
        )
        self.server.lp(
            "lpadmin", "-p", self.name, "-E", "-v", f"cups-pdf:/{self.instance}",
            "-P", str(CUPS_PDF_PPD), "-o", "printer-is-shared=false",
        )  # fmt: skip
        return self

    def jobs(self, which: str) -> list[str]:
        """Job ids (``<queue>-<n>``) that are ``not-completed``, ``completed`` or ``all``."""
        listing = self.server.lp("lpstat", "-W", which, "-o", self.name)
        return [line.split()[0] for line in listing.splitlines() if line.strip()]

    def pdfs(self) -> list[Path]:
        return sorted(self.out.glob("*.pdf"), key=lambda p: p.stat().st_mtime_ns)

    def printed(self, count: int) -> bool:
        """Have ``count`` jobs come out, and nothing is still being printed? (The PDF
        appears while it is written: only a completed job's PDF is whole.)"""
        return len(self.pdfs()) >= count and not self.jobs("not-completed")

    def stop_printer(self) -> None:
        """As a printer that is off or out of paper: jobs wait in the queue."""
        self.server.lp("cupsdisable", self.name)

    def start_printer(self) -> None:
        self.server.lp("cupsenable", self.name)

    def remove(self) -> None:
        try:
            self.server.lp("lpadmin", "-x", self.name, check=False)
        finally:
            self.settings.unlink(missing_ok=True)


def pdf_pages(path: Path) -> int:
    """Pages in a PDF, as poppler reads it (not Qt, which wrote it)."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    for line in info.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError(f"pdfinfo found no pages in {path.name}")


def pages_as_png(path: Path, folder: Path, stem: str) -> list[Path]:
    """Every page of the PDF as a PNG in ``folder`` (for a human to look at)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(folder / stem)], check=True)
    return sorted(folder.glob(f"{stem}*.png"))


def inked_pages(path: Path) -> list[bool]:
    """For every page: is anything printed on it (dark pixels), or is it blank?"""
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(["pdftoppm", "-r", "20", "-gray", str(path), f"{scratch}/page"], check=True)
        return [_has_ink(page.read_bytes()) for page in sorted(Path(scratch).glob("page*.pgm"))]


def _has_ink(pgm: bytes) -> bool:
    # Binary PGM: "P5", width, height, maxval, then one byte a pixel.
    fields = pgm.split(maxsplit=4)
    assert fields[0] == b"P5", "pdftoppm -gray writes binary PGM"
    pixels = fields[4]
    return sum(1 for value in pixels if value < 128) >= 20


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    problem = _missing()
    if problem is not None:
        raise RuntimeError(problem)
    server = CupsServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def cups_queue(cups_server: CupsServer) -> Iterator[PdfQueue]:
    """A fresh cups-pdf queue for one test, removed after it."""
    queue = cups_server.new_queue()
    try:
        yield queue
    finally:
        queue.remove()
