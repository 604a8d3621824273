"""Help-desk benchmark: from a kiosk's "send" to the request appearing in staff event
streams, with 50 simulated kiosks and 20 staff streams on loopback; and sustained
requests per second. On SQLite (1 worker) and PostgreSQL (4 workers), compared in the
same run against a bare Starlette/uvicorn endpoint that only echoes (the floor).

Run from the repository root:  .venv/bin/python bench/helpdesk_latency.py [--seconds 10]

Everything (servers, PostgreSQL, load generator) shares this machine's cores, so the
numbers are a lower bound for a real server. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

KIOSKS = 50
STREAMS = 20
CENTRES = 5
PASSWORD = "benchmark password"


# -- the floor: a bare Starlette app that echoes --------------------------------------------


def _echo_app() -> object:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    async def echo(request: Request) -> Response:
        return Response(await request.body(), media_type="application/json")

    return Starlette(routes=[Route("/echo", echo, methods=["POST"])])


echo_app = _echo_app()


# -- helpers ---------------------------------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


@dataclass
class Result:
    name: str
    latencies_ms: list[float] = field(default_factory=list)
    per_second: float = 0.0
    sent: int = 0
    note: str = ""

    def row(self, floor: Result | None) -> str:
        lat = self.latencies_ms
        p50, p95, p99 = (percentile(lat, p) for p in (50, 95, 99))
        ratio = f"{floor.per_second / self.per_second:.2f}x" if floor and self.per_second else "-"
        return (
            f"| {self.name} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {self.per_second:.0f} | "
            f"{ratio} | {self.note} |"
        )


class Process:
    def __init__(self, command: list[str], env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            command,
            cwd=REPO,
            env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


async def wait_ready(url: str, path: str, method: str = "GET") -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(600):
            try:
                response = await client.request(method, url + path, content=b"{}")
                if response.status_code < 500 and (
                    path != "/api/v1/health" or response.json().get("live")
                ):
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError(f"{url} did not start")


# -- the help desk under load --------------------------------------------------------------------


def seed(database_url: str) -> None:
    from kiosk.helpdesk.server import db
    from kiosk.helpdesk.server.accounts import Accounts
    from kiosk.helpdesk.server.store import Store

    db.migrate(database_url)
    store = Store(db.make_engine(database_url))
    for number in range(CENTRES):
        store.add_centre(f"Centre {number}")
    Accounts(store).add_staff("bench", PASSWORD)
    store.engine.dispose()


def pair_codes(database_url: str) -> list[str]:
    from kiosk.helpdesk.server import db
    from kiosk.helpdesk.server.store import Store

    store = Store(db.make_engine(database_url))
    codes = [store.create_pair_code(f"Centre {n % CENTRES}", f"kiosk {n}") for n in range(KIOSKS)]
    store.engine.dispose()
    return codes


async def staff_stream(
    url: str, arrivals: dict[str, list[float]], ready: asyncio.Event, stop: asyncio.Event
) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(10, read=None)) as client:
        login = await client.post(
            "/api/v1/staff/login", json={"username": "bench", "password": PASSWORD}
        )
        login.raise_for_status()
        async with client.stream("GET", "/api/v1/staff/events") as response:
            event = ""
            async for line in response.aiter_lines():
                now = time.perf_counter()
                if line.startswith("event:"):
                    event = line[6:].strip()
                    if event == "ready":
                        ready.set()
                elif line.startswith("data:") and event == "request":
                    data = json.loads(line[5:])
                    if data["state"] == "waiting":
                        arrivals.setdefault(data["id"], []).append(now)
                if stop.is_set():
                    return


async def run_helpdesk(name: str, url: str, database_url: str, seconds: float) -> Result:
    tokens = []
    async with httpx.AsyncClient(base_url=url) as client:
        for code in pair_codes(database_url):
            response = await client.post("/api/v1/pair", json={"code": code})
            response.raise_for_status()
            tokens.append(response.json()["token"])
    arrivals: dict[str, list[float]] = {}
    sent_at: dict[str, float] = {}
    stop = asyncio.Event()
    readies = [asyncio.Event() for _ in range(STREAMS)]
    streams = [asyncio.create_task(staff_stream(url, arrivals, r, stop)) for r in readies]
    await asyncio.wait_for(asyncio.gather(*(r.wait() for r in readies)), 60)

    limits = httpx.Limits(max_connections=KIOSKS, max_keepalive_connections=KIOSKS)
    clients = [
        httpx.AsyncClient(
            base_url=url, headers={"Authorization": f"Bearer {t}"}, limits=limits, timeout=30
        )
        for t in tokens
    ]

    async def paced_kiosk(client: httpx.AsyncClient, until: float) -> None:
        await asyncio.sleep(random.random())
        while time.perf_counter() < until:
            request_id = str(uuid.uuid4())
            sent_at[request_id] = time.perf_counter()
            response = await client.post(
                "/api/v1/kiosk/requests", json={"id": request_id, "topic": "login"}
            )
            response.raise_for_status()
            await asyncio.sleep(1.0)

    until = time.perf_counter() + seconds
    await asyncio.gather(*(paced_kiosk(c, until) for c in clients))
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline and any(
        len(arrivals.get(i, [])) < STREAMS for i in sent_at
    ):
        await asyncio.sleep(0.05)
    latencies = [
        (arrived - sent_at[i]) * 1000 for i, times in arrivals.items() if i in sent_at
        for arrived in times
    ]  # fmt: skip
    missing = sum(STREAMS - len(arrivals.get(i, [])) for i in sent_at)

    count = 0

    async def flat_out(client: httpx.AsyncClient, until: float) -> None:
        nonlocal count
        while time.perf_counter() < until:
            response = await client.post(
                "/api/v1/kiosk/requests", json={"id": str(uuid.uuid4()), "topic": "print"}
            )
            response.raise_for_status()
            count += 1

    started = time.perf_counter()
    await asyncio.gather(*(flat_out(c, started + seconds) for c in clients))
    elapsed = time.perf_counter() - started
    stop.set()
    for task in streams:
        task.cancel()
    await asyncio.gather(*streams, return_exceptions=True)
    for client in clients:
        await client.aclose()
    note = f"{len(sent_at)} sends x {STREAMS} streams"
    if missing:
        note += f", {missing} deliveries missing"
    return Result(name, latencies, count / elapsed, len(sent_at), note)


async def run_floor(name: str, url: str, seconds: float) -> Result:
    limits = httpx.Limits(max_connections=KIOSKS, max_keepalive_connections=KIOSKS)
    clients = [httpx.AsyncClient(base_url=url, limits=limits, timeout=30) for _ in range(KIOSKS)]
    latencies: list[float] = []
    body = {"id": str(uuid.uuid4()), "topic": "login"}

    async def paced(client: httpx.AsyncClient, until: float) -> None:
        await asyncio.sleep(random.random())
        while time.perf_counter() < until:
            start = time.perf_counter()
            (await client.post("/echo", json=body)).raise_for_status()
            latencies.append((time.perf_counter() - start) * 1000)
            await asyncio.sleep(1.0)

    await asyncio.gather(*(paced(c, time.perf_counter() + seconds) for c in clients))
    count = 0

    async def flat_out(client: httpx.AsyncClient, until: float) -> None:
        nonlocal count
        while time.perf_counter() < until:
            (await client.post("/echo", json=body)).raise_for_status()
            count += 1

    started = time.perf_counter()
    await asyncio.gather(*(flat_out(c, started + seconds) for c in clients))
    elapsed = time.perf_counter() - started
    for client in clients:
        await client.aclose()
    return Result(name, latencies, count / elapsed, len(latencies), "round trip (no stream)")


# -- main ------------------------------------------------------------------------------------------


def serve_helpdesk(database_url: str, workers: int) -> tuple[Process, str]:
    port = free_port()
    command = [sys.executable, "-m", "kiosk.cli", "helpdesk", "serve", "--database",
               database_url, "--port", str(port), "--workers", str(workers)]  # fmt: skip
    return Process(command), f"http://127.0.0.1:{port}"


def serve_floor(workers: int) -> tuple[Process, str]:
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "--app-dir", str(REPO / "bench"),
               "helpdesk_latency:echo_app", "--port", str(port), "--workers", str(workers),
               "--log-level", "warning", "--no-access-log"]  # fmt: skip
    return Process(command), f"http://127.0.0.1:{port}"


async def main_async(seconds: float) -> list[tuple[Result, Result]]:
    from tests.helpers.helpdesk_pg import PostgresCluster

    results = []
    folder = Path(tempfile.mkdtemp(prefix="helpdesk-bench-"))
    cluster = PostgresCluster().start()
    try:
        setups = [
            ("SQLite, 1 worker", f"sqlite:///{folder / 'bench.sqlite3'}", 1),
            ("PostgreSQL, 4 workers", cluster.new_database(), 4),
        ]
        for name, database_url, workers in setups:
            floor_proc, floor_url = serve_floor(workers)
            try:
                await wait_ready(floor_url, "/echo", "POST")
                floor = await run_floor(
                    f"floor: Starlette echo, {workers} worker(s)", floor_url, seconds
                )
            finally:
                floor_proc.stop()
            seed(database_url)
            proc, url = serve_helpdesk(database_url, workers)
            try:
                await wait_ready(url, "/api/v1/health")
                ours = await run_helpdesk(f"help desk: {name}", url, database_url, seconds)
            finally:
                proc.stop()
            results.append((ours, floor))
    finally:
        cluster.stop()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each phase")
    args = parser.parse_args()
    print(
        f"{KIOSKS} kiosks (one send a second each), {STREAMS} staff streams, "
        f"{os.cpu_count()} CPU cores shared by servers, database and load generator.\n"
    )
    pairs = asyncio.run(main_async(args.seconds))
    print(
        "| setup | p50 ms | p95 ms | p99 ms | requests/s (50 kiosks flat out) | floor/ours | note |"
    )
    print("|---|---|---|---|---|---|---|")
    for ours, floor in pairs:
        print(floor.row(None))
        print(ours.row(floor))
    print("\nLatency of the help desk: kiosk POST sent -> request event read on each staff stream.")
    print("Latency of the floor: POST sent -> echo received. floor/ours: throughput ratio.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
