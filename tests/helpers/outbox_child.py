"""The kiosk's help-desk client in a process of its own, for the kill -9 tests.

Usage: python -m tests.helpers.outbox_child URL OUTBOX TOKEN

Reads commands on standard input, one a line, and answers on standard output:

  send          "SENDING <id>" before the request is put in the outbox, "SENT <id>" after
  burst N       N sends in a row
  cancel ID     the visitor left (the wipe): "CANCELLED <id>" once it is in the outbox
  drain         "EMPTY <delivered>" once the outbox is empty

It runs until it is killed or its input ends, as the kiosk's process would.
"""

from __future__ import annotations

import contextlib
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

from kiosk.helpdesk import model
from kiosk.helpdesk.client import HelpdeskClient
from kiosk.helpdesk.outbox import Outbox

REPO = Path(__file__).resolve().parents[2]


def main() -> int:
    url, outbox_path, token = sys.argv[1:4]
    outbox = Outbox(Path(outbox_path))
    client = HelpdeskClient(
        url, outbox, token=lambda: token, certificate=lambda: None, backoff_limit=0.3,
        timeout_s=2.0,
    )  # fmt: skip
    client.start()

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    def send() -> None:
        request_id = model.new_request_id()
        say(f"SENDING {request_id}")
        client.send(model.Topic.LOGIN, request_id=request_id)
        say(f"SENT {request_id}")

    pause = threading.Event()
    for line in sys.stdin:
        command, *args = line.split()
        if command == "send":
            send()
        elif command == "burst":
            for _ in range(int(args[0])):
                send()
        elif command == "cancel":
            client.cancel(args[0], visitor_left=True)
            say(f"CANCELLED {args[0]}")
        elif command == "drain":
            while outbox.count():
                pause.wait(0.02)
            say(f"EMPTY {client.delivered}")
    client.stop()
    outbox.close()
    return 0


def stored_states(database_url: str) -> dict[str, str]:
    """What the help desk stored: each request's id and state."""
    from sqlalchemy import select

    from kiosk.helpdesk.server import db

    engine = db.make_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(db.requests.c.id, db.requests.c.state)).all()
    finally:
        engine.dispose()
    return {str(row[0]): str(row[1]) for row in rows}


class OutboxChild:
    """The parent's side: start the child, give commands, wait for its lines."""

    def __init__(self, url: str, outbox: Path, token: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.outbox_child", url, str(outbox), token],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=dict(os.environ),
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def command(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def expect(self, prefix: str, timeout: float = 30.0) -> str:
        """The rest of the child's next line, which must start with ``prefix``."""
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"the child did not say {prefix!r}") from None
        assert line.startswith(prefix + " "), line
        return line[len(prefix) + 1 :]

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, as a power cut or the OOM killer."""
        self.process.kill()
        self.process.wait(10)
        self._close_pipes()

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            with contextlib.suppress(OSError):
                self.process.stdin.close()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._close_pipes()

    def _close_pipes(self) -> None:
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        self._reader.join(5)  # the child is gone: its output ends
        if self.process.stdout is not None:
            self.process.stdout.close()


if __name__ == "__main__":
    sys.exit(main())
