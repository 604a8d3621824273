"""The help desk running beside the kiosk on the same PC, as a separate process.

* ``kiosk demo``: :func:`start_demo_helpdesk` serves on 127.0.0.1 with SQLite in the data
  folder, makes a demo staff account with a random password, pairs the demo kiosk and
  returns the address and password for the demo to print once.
* ``helpdesk.embedded = true`` (a centre with one PC): :func:`start_embedded_helpdesk`
  serves on all addresses (staff open the page from their phones on the LAN), pairs the
  kiosk with it the first time, and :meth:`EmbeddedHelpdesk.stop` stops it with the kiosk.

Pure Python (subprocess and the standard library's HTTP); no Qt.
"""

from __future__ import annotations

import logging
import secrets
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from kiosk import paths
from kiosk.config import Config
from kiosk.helpdesk import client
from kiosk.helpdesk.connection import Http, TransportError

if TYPE_CHECKING:
    from kiosk.helpdesk.server.store import Store

log = logging.getLogger("kiosk.helpdesk")

DEFAULT_PORT = 8765
DEMO_USER = "demo"
DEMO_CENTRE = "Demo centre"


def serve_command(database_url: str, host: str, port: int) -> list[str]:
    """The command line that starts ``kiosk helpdesk serve`` (source or bundle)."""
    return paths.kiosk_command(
        "helpdesk", "serve", "--database", database_url, "--host", host, "--port", str(port)
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class EmbeddedHelpdesk:
    """``kiosk helpdesk serve`` as a child process of the kiosk."""

    def __init__(self, database_url: str, host: str = "127.0.0.1", port: int = DEFAULT_PORT):
        self.database_url = database_url
        self.host = host
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = paths.log_dir() / "helpdesk-server.log"

    def start(self, timeout: float = 30.0) -> None:
        """Start the server and wait until it answers; RuntimeError if it does not."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as out:
            self.process = subprocess.Popen(
                serve_command(self.database_url, self.host, self.port),
                stdout=out,
                stderr=out,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + timeout
        pause = threading.Event()
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"the help desk stopped at start-up (exit {self.process.returncode}); "
                    f"see {self.log_path}"
                )
            try:
                with Http(self.url, timeout=2) as http:
                    if http.get("/api/v1/health").status == 200:
                        return
            except TransportError:
                pass
            pause.wait(0.1)
        self.stop()
        raise RuntimeError(f"the help desk did not answer within {timeout:.0f} s")

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the server to stop (SIGTERM: uvicorn finishes open requests), then kill."""
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)


@dataclass(frozen=True)
class DemoHelpdesk:
    server: EmbeddedHelpdesk
    staff_url: str
    username: str
    password: str

    @property
    def url(self) -> str:
        return self.server.url

    def stop(self) -> None:
        self.server.stop()


def _prepare(database_url: str, centre: str) -> tuple[str, Store]:
    """Migrate and make sure the centre exists; returns (centre, store)."""
    from kiosk.helpdesk.server import db  # noqa: PLC0415 - the server side, only here
    from kiosk.helpdesk.server.store import NotFoundError, Store  # noqa: PLC0415

    db.migrate(database_url)
    store = Store(db.make_engine(database_url))
    try:
        store.centre_id(centre)
    except NotFoundError:
        store.add_centre(centre)
    return centre, store


def start_demo_helpdesk(data_dir: Path | None = None, port: int | None = None) -> DemoHelpdesk:
    """Serve a demo help desk on 127.0.0.1 and pair this kiosk with it."""
    from kiosk.helpdesk.server.accounts import Accounts  # noqa: PLC0415
    from kiosk.helpdesk.server.roles import Role  # noqa: PLC0415
    from kiosk.helpdesk.server.store import NotFoundError  # noqa: PLC0415

    folder = data_dir or paths.data_dir()
    database_url = f"sqlite:///{folder / 'helpdesk-demo.sqlite3'}"
    centre, store = _prepare(database_url, DEMO_CENTRE)
    password = secrets.token_urlsafe(12)
    accounts = Accounts(store)
    try:
        accounts.by_username(DEMO_USER)
        accounts.set_password(DEMO_USER, password)
    except NotFoundError:
        accounts.add_staff(DEMO_USER, password, display_name="Demo")
    # The demo shows every view of the staff page (guide packs among them).
    accounts.set_role(DEMO_USER, Role.COORDINATOR)
    code = store.create_pair_code(centre, "Demo kiosk")
    store.engine.dispose()
    server = EmbeddedHelpdesk(database_url, "127.0.0.1", port or free_port())
    server.start()
    client.pair(server.url, code)
    return DemoHelpdesk(server, f"{server.url}/staff/", DEMO_USER, password)


def start_embedded_helpdesk(config: Config) -> EmbeddedHelpdesk:
    """For ``helpdesk.embedded = true``: serve beside the kiosk, reachable on the LAN."""
    url = config.helpdesk.url or f"http://127.0.0.1:{DEFAULT_PORT}"
    port = urlsplit(url).port or DEFAULT_PORT
    database_url = f"sqlite:///{paths.data_dir() / 'helpdesk.sqlite3'}"
    centre, store = _prepare(database_url, config.kiosk.centre_name or "Centre")
    server = EmbeddedHelpdesk(database_url, "0.0.0.0", port)  # staff phones on the LAN
    server.start()
    if client.stored_token(server.url) is None:
        code = store.create_pair_code(centre, "kiosk")
        client.pair(server.url, code)
    store.engine.dispose()
    return server
