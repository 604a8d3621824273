"""The kiosk in its own process on a real X server (Xvfb), for real taps with xdotool.

Usage: python -m tests.helpers.xvfb_kiosk GUIDES_DIR (with DISPLAY set)
It reports on stdout, one line at a time: "READY x y" (a point on the attract screen),
"TILE id x y" (a tile fully in sight, in screen coordinates) whenever the home screen
shows or its scroll position changes, "SCROLLED n" and "OPENED id".
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtWidgets import QScroller

from kiosk.app import create
from kiosk.config import from_mapping
from kiosk.launcher import run_until_stopped
from kiosk.session.lifecycle import State

REPO = Path(__file__).resolve().parents[2]


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> int:
    config = {
        "kiosk": {"windowed": True},
        "guides": {"dir": sys.argv[1]},
        "speech": {"engine": "none"},
    }
    kiosk = create(from_mapping(config))
    window = kiosk.window
    window.setGeometry(0, 0, 1024, 768)
    window.show()
    home = window.home
    bar = home.scroller.verticalScrollBar()
    reported: dict[str, int] = {"scroll": -1}

    def tile_in_sight() -> None:
        viewport = home.scroller.viewport()
        sight = QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
        for tile in home.tiles:
            rect = QRect(tile.mapToGlobal(QPoint(0, 0)), tile.size())
            if sight.contains(rect):
                centre = rect.center()
                _say(f"TILE {tile.guide.id} {centre.x()} {centre.y()}")
                return

    def watch() -> None:
        visit = kiosk.keeper.lifecycle.state is State.ACTIVE
        on_home = visit and window.stack.currentWidget() is home
        if on_home and bar.value() != reported["scroll"] and not _scrolling():
            reported["scroll"] = bar.value()
            if bar.value() > 0:
                _say(f"SCROLLED {bar.value()}")
            tile_in_sight()

    def _scrolling() -> bool:
        state = QScroller.scroller(home.scroller.viewport()).state()
        return state is not QScroller.State.Inactive

    window.home.tile_chosen.connect(lambda guide_id: _say(f"OPENED {guide_id}"))
    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(watch)
    timer.start()
    centre = window.mapToGlobal(window.rect().center())
    QTimer.singleShot(500, lambda: _say(f"READY {centre.x()} {centre.y()}"))
    return run_until_stopped(kiosk)


class Lines:
    """The child's stdout lines, read on a thread: a test waits for one with a timeout."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._queue: queue.Queue[str] = queue.Queue()
        assert process.stdout is not None
        self._stdout = process.stdout
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        for line in self._stdout:
            self._queue.put(line.strip())

    def close(self) -> None:
        """After the process has ended: the reader has reached the end; close the pipe."""
        self._thread.join(timeout=30)
        self._stdout.close()

    def wait_for(self, prefix: str, timeout: float = 60.0) -> list[str]:
        """The next line starting with ``prefix``, split into words."""
        while True:
            line = self._queue.get(timeout=timeout)
            if line.startswith(prefix):
                return line.split()


@contextmanager
def xvfb() -> Iterator[str]:
    """An X server of 1024x768 on a free display; its name (":N") once it is ready."""
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines = Lines(server)
    try:
        number = lines.wait_for("", timeout=30)[0]  # written when it is ready
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        lines.close()


@contextmanager
def kiosk_on(display: str, guides: Path) -> Iterator[Lines]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.xvfb_kiosk", str(guides)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    lines = Lines(process)
    try:
        yield lines
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)
        lines.close()


if __name__ == "__main__":
    sys.exit(main())
