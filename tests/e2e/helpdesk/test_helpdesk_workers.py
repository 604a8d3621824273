"""One server for many centres: PostgreSQL with four uvicorn workers. A request stored by
any worker reaches the staff streams held by every worker (LISTEN/NOTIFY), and each staff
member sees only the centres they serve."""

from __future__ import annotations

import uuid
from pathlib import Path

from tests.helpers.helpdesk_pg import PostgresCluster
from tests.helpers.helpdesk_servers import (
    MANY_OPEN,
    STAFF_PASSWORD,
    EventReader,
    KioskApi,
    ServerProcess,
    StaffApi,
    close_clients,
    seed,
)

STREAMS = 8
REQUESTS = 24


def test_four_workers_fan_out_to_every_staff_stream(
    pg_cluster: PostgresCluster, tmp_path: Path
) -> None:
    database_url = pg_cluster.new_database()
    server = ServerProcess(database_url, workers=4, log=tmp_path / "server.log", env=MANY_OPEN)
    seeded = seed(server.url, database_url, centres=("Kalliola", "Hirundo"))
    seeded.accounts.add_staff("ville", STAFF_PASSWORD, display_name="Ville", centres=["Hirundo"])
    server.start()
    readers: list[EventReader] = []
    try:
        # Each stream is its own connection, accepted by whichever worker the kernel picks.
        everyone = [StaffApi(server.url) for _ in range(STREAMS)]
        readers = [EventReader(s.http, "/api/v1/staff/events") for s in everyone]
        hirundo_staff = StaffApi(server.url, "ville")
        hirundo_reader = EventReader(hirundo_staff.http, "/api/v1/staff/events")
        readers.append(hirundo_reader)
        for reader in readers:
            reader.next("ready")
        kalliola = KioskApi(server.url, seeded.pair_kiosk("k1", "Kalliola"))
        hirundo = KioskApi(server.url, seeded.pair_kiosk("h1", "Hirundo"))
        sent: dict[str, str] = {}
        for number in range(REQUESTS):
            kiosk, centre = (kalliola, "Kalliola") if number % 3 else (hirundo, "Hirundo")
            request_id = str(uuid.uuid4())
            # A new connection each time: the requests land on different workers.
            kiosk.http.headers["Connection"] = "close"
            assert kiosk.send(request_id).status_code == 201
            sent[request_id] = centre
        for reader in readers[:-1]:
            got = {reader.next("request")["id"] for _ in range(REQUESTS)}
            assert got == set(sent)
        hirundo_ids = {i for i, c in sent.items() if c == "Hirundo"}
        got = {hirundo_reader.next("request")["id"] for _ in hirundo_ids}
        assert got == hirundo_ids
        assert hirundo_reader.events.empty()  # nothing of the other centre
        queue = hirundo_staff.queue()["open"]
        assert {r["id"] for r in queue} == hirundo_ids
    finally:
        for reader in readers:
            reader.close()
        close_clients()
        server.stop()
        seeded.store.engine.dispose()
