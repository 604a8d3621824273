"""Help-desk servers for tests: the real app in a uvicorn thread (in-process: the clock
can be injected), or ``kiosk helpdesk serve`` as a child process (it can be killed)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.accounts import Accounts
from kiosk.helpdesk.server.app import create_app
from kiosk.helpdesk.server.settings import ServerSettings
from kiosk.helpdesk.server.store import Store

STAFF_PASSWORD = "correct horse battery"
#: For tests where one kiosk stands in for many visitors: lifts the cap of open
#: requests per kiosk (5 in real use).
MANY_OPEN = {"KIOSK_HELPDESK_MAX_OPEN_PER_KIOSK": "100000"}
REPO = Path(__file__).resolve().parents[2]


def wait_until(predicate: Callable[[], Any], timeout: float = 20.0, what: str = "") -> Any:
    """Poll a condition (with a short pause between looks) until true or time is up."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        pause.wait(0.02)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            self.now += timedelta(microseconds=1)  # every change is later than the last
            return self.now

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self.now += delta


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.ready.set()

    def install_signal_handlers(self) -> None:  # not in the main thread
        pass


@dataclass
class Seeded:
    url: str
    store: Store
    accounts: Accounts
    centre: str = "Kalliola"

    def pair_kiosk(self, name: str = "kiosk-1", centre: str | None = None) -> str:
        code = self.store.create_pair_code(centre or self.centre, name)
        response = httpx.post(f"{self.url}/api/v1/pair", json={"code": code})
        response.raise_for_status()
        token: str = response.json()["token"]
        return token


def seed(
    url: str,
    store: Store | str,
    centres: tuple[str, ...] = ("Kalliola",),
) -> Seeded:
    """Centres and the staff member "anna"; ``store`` may be a database URL."""
    if isinstance(store, str):
        db.migrate(store)
        store = Store(db.make_engine(store))
    accounts = Accounts(store)
    for name in centres:
        store.add_centre(name)
    accounts.add_staff("anna", STAFF_PASSWORD, display_name="Anna")
    return Seeded(url, store, accounts, centres[0])


class LiveServer:
    """The real app on a free loopback port, served by uvicorn in a thread."""

    def __init__(
        self,
        database_url: str,
        clock: Callable[[], datetime] | None = None,
        **settings: Any,
    ) -> None:
        """``settings``: more :class:`ServerSettings` (TLS when tls_cert/tls_key)."""
        db.migrate(database_url)
        checked = ServerSettings(
            database_url=database_url,
            allowed_hosts=("127.0.0.1", "localhost"),
            clock=clock or ServerSettings().clock,
            **settings,
        )
        self.app = create_app(checked)
        self.state = self.app.state.helpdesk
        # The socket is bound here and handed to uvicorn: a port only looked up as free
        # could be taken by another program before uvicorn binds it (seen in the suite).
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.port = int(self._socket.getsockname()[1])
        scheme = "https" if checked.https else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        tls = (
            {"ssl_certfile": str(checked.tls_cert), "ssl_keyfile": str(checked.tls_key)}
            if checked.https
            else {}
        )
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
            timeout_graceful_shutdown=1,
            proxy_headers=False,  # as ``serve``: the app reads X-Forwarded-* itself
            **tls,
        )
        self.server = _Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def start(self) -> LiveServer:
        self.thread.start()
        if not self.server.ready.wait(20):
            raise AssertionError("the help-desk server did not start")
        return self

    def stop(self) -> None:
        close_clients()
        self.server.should_exit = True
        self.thread.join(10)
        self._socket.close()


class ServerProcess:
    """``kiosk helpdesk serve`` as a child process."""

    def __init__(
        self,
        database_url: str,
        port: int | None = None,
        workers: int = 1,
        log: Path | None = None,
        *,
        extra: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> None:
        self.extra = extra
        self.env = env or {}
        self.database_url = database_url
        self.port = port or free_port()
        self.workers = workers
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, wait: bool = True) -> ServerProcess:
        command = [
            sys.executable, "-m", "kiosk.cli", "helpdesk", "serve",
            "--database", self.database_url, "--port", str(self.port),
            "--workers", str(self.workers), *self.extra,
        ]  # fmt: skip
        out = self.log.open("ab") if self.log else subprocess.DEVNULL
        try:
            self.proc = subprocess.Popen(
                command,
                cwd=REPO,
                stdout=out,
                stderr=out,
                env={**os.environ, **self.env},
                start_new_session=True,
            )
        finally:
            if self.log:
                out.close()  # type: ignore[union-attr]
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 60.0, live: bool = True) -> None:
        def ready() -> bool:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"the server exited with {self.proc.returncode}")
            try:
                response = httpx.get(f"{self.url}/api/v1/health", timeout=2)
            except httpx.HTTPError:
                return False
            return response.status_code == 200 and (response.json()["live"] or not live)

        wait_until(ready, timeout, "the help-desk server to answer")

    def kill(self) -> None:
        """SIGKILL the whole process group (uvicorn's supervisor and its workers)."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


def interrupt(response: httpx.Response) -> None:
    """Wake a thread blocked reading ``response`` (closing alone does not, on Linux)."""
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class EventReader:
    """Reads a server-sent event stream in a thread; ``next(name)`` waits for one."""

    def __init__(self, client: httpx.Client, path: str) -> None:
        import queue

        self.events: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.status: int | None = None
        self._client = client
        self._path = path
        self._opened = threading.Event()
        self._response: httpx.Response | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        if not self._opened.wait(20):
            raise AssertionError("the event stream did not open")

    def _run(self) -> None:
        import json

        try:
            with self._client.stream("GET", self._path, timeout=httpx.Timeout(10, read=60)) as r:
                self._response = r
                self.status = r.status_code
                self._opened.set()
                name, data = "message", []
                for line in r.iter_lines():
                    if not line:
                        if data:
                            self.events.put((name, json.loads("\n".join(data))))
                        name, data = "message", []
                    elif line.startswith("event:"):
                        name = line[6:].strip()
                    elif line.startswith("data:"):
                        data.append(line[5:].strip())
        except httpx.HTTPError:
            pass
        finally:
            self._opened.set()

    def next(self, name: str, predicate: Callable[[Any], bool] = lambda _d: True) -> Any:
        """The next event called ``name`` whose data matches ``predicate``."""
        import queue

        deadline = time.monotonic() + 20
        while True:
            try:
                event, data = self.events.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {name!r} event arrived") from None
            if event == name and predicate(data):
                return data

    def close(self) -> None:
        if self._response is not None:
            interrupt(self._response)
        self._thread.join(10)


_clients: list[httpx.Client] = []


def client(url: str, **kwargs: Any) -> httpx.Client:
    """An httpx client that :func:`close_clients` closes after the test."""
    made = httpx.Client(base_url=url, **kwargs)
    _clients.append(made)
    return made


def close_clients() -> None:
    while _clients:
        _clients.pop().close()


class KioskApi:
    def __init__(self, url: str, token: str) -> None:
        self.http = client(url, headers={"Authorization": f"Bearer {token}"})

    def send(self, request_id: str, topic: str = "login", **extra: Any) -> httpx.Response:
        return self.http.post(
            "/api/v1/kiosk/requests", json={"id": request_id, "topic": topic, **extra}
        )

    def status(self, request_id: str) -> httpx.Response:
        return self.http.get(f"/api/v1/kiosk/requests/{request_id}")

    def cancel(self, request_id: str, reason: str = "cancel") -> httpx.Response:
        return self.http.post(
            f"/api/v1/kiosk/requests/{request_id}/cancel", json={"reason": reason}
        )


class StaffApi:
    def __init__(self, url: str, username: str = "anna", password: str = STAFF_PASSWORD) -> None:
        self.http = client(url)
        response = self.http.post(
            "/api/v1/staff/login", json={"username": username, "password": password}
        )
        response.raise_for_status()
        self.csrf: str = response.json()["csrf_token"]

    def act(self, request_id: str, action: str, **body: Any) -> httpx.Response:
        return self.http.post(
            f"/api/v1/staff/requests/{request_id}/{action}",
            json=body,
            headers={"X-CSRF-Token": self.csrf},
        )

    def queue(self) -> dict[str, Any]:
        response = self.http.get("/api/v1/staff/queue")
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data
