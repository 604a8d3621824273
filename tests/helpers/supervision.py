"""A supervisor in its own process (tests/helpers/supervisor_host.py, or ``kiosk
supervise``), with its JSON log lines collected so that tests wait on its events."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from tests.helpers.helpdesk_servers import wait_until

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Hosted:
    process: subprocess.Popen[str]
    control: Path
    events: list[dict[str, Any]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def of(self, event: str) -> list[dict[str, Any]]:
        with self._lock:
            return [e for e in self.events if e.get("event") == event]

    def wait_event(self, event: str, count: int = 1, timeout: float = 60.0) -> dict[str, Any]:
        found = wait_until(lambda: len(self.of(event)) >= count, timeout, f"{count}x {event}")
        assert found
        return self.of(event)[count - 1]

    def starts(self) -> list[tuple[int, int]]:
        """(child pid, grandchild pid) of each start of supervised_child."""
        file = self.control / "starts"
        if not file.exists():
            return []
        return [
            (int(a), int(b))
            for a, b in (line.split() for line in file.read_text().splitlines() if line)
        ]

    def set_mode(self, mode: str) -> None:
        (self.control / "mode").write_text(mode)

    def stop(self, timeout: float = 60.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)


def _collect(hosted: Hosted) -> None:
    stream = hosted.process.stderr
    assert stream is not None
    for line in stream:
        with hosted._lock:
            hosted.lines.append(line)
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict):
                hosted.events.append(entry)


@contextmanager
def hosted(
    command: Sequence[str], control: Path, env: dict[str, str] | None = None
) -> Iterator[Hosted]:
    control.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        list(command),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env or os.environ.copy(),
    )
    host = Hosted(process, control)
    reader = threading.Thread(target=_collect, args=(host,), daemon=True)
    reader.start()
    try:
        yield host
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        reader.join(10)
        if process.stderr is not None:
            process.stderr.close()


@contextmanager
def supervisor_host(control: Path, *extra: str) -> Iterator[Hosted]:
    command = [sys.executable, "-m", "tests.helpers.supervisor_host", str(control), *extra]
    with hosted(command, control) as host:
        yield host


def alive(pid: int) -> bool:
    """Running and not a zombie."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
