"""The staff page in Chromium while the real kiosk runs in the same test.

Playwright's sync API blocks the thread that calls it, and the kiosk needs its Qt event
loop turning (its pictures are taken by timers). So Chromium is driven from a thread of
its own: the test hands it functions (``call``) and waits for them with
``qtbot.waitUntil``, which keeps the kiosk's event loop running meanwhile.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from playwright.sync_api import Browser, sync_playwright
from pytestqt.qtbot import QtBot

from tests.helpers import chromium

Job = Callable[["StaffBrowser"], Any]


class StaffBrowser:
    def __init__(self) -> None:
        self.browser: Browser | None = None
        #: What the jobs keep between calls (pages, contexts), used only in the thread.
        self.things: dict[str, Any] = {}
        self.problems: list[str] = []
        self._jobs: queue.Queue[tuple[Job, Future[Any]] | None] = queue.Queue()
        self._ready: Future[None] = Future()
        self._thread = threading.Thread(target=self._run, name="staff-browser", daemon=True)
        self._thread.start()
        self._ready.result(timeout=60)

    def _run(self) -> None:
        try:
            with sync_playwright() as playwright:
                self.browser = chromium.launch(playwright)
                self._ready.set_result(None)
                while True:
                    item = self._jobs.get()
                    if item is None:
                        break
                    job, future = item
                    if not future.set_running_or_notify_cancel():
                        continue
                    try:
                        future.set_result(job(self))
                    except BaseException as exc:  # handed to the test's thread
                        future.set_exception(exc)
                self.browser.close()
        except BaseException as exc:
            if not self._ready.done():
                self._ready.set_exception(exc)

    def call(self, job: Job) -> Future[Any]:
        future: Future[Any] = Future()
        self._jobs.put((job, future))
        return future

    def run(self, qtbot: QtBot, job: Job, timeout: int = 30000) -> Any:
        """Run ``job`` in the browser's thread; the kiosk's event loop turns meanwhile."""
        future = self.call(job)
        qtbot.waitUntil(future.done, timeout=timeout)
        return future.result()

    def close(self) -> None:
        self._jobs.put(None)
        self._thread.join(30)
