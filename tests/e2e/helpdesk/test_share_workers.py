"""A screen share on a server with several workers (PostgreSQL): the question, pointers
and the end travel through the database's notifications; each picture stays in the
memory of the worker that received it, and the supporter's stream, in whichever worker
it runs, fetches it from there over the loopback relay."""

from __future__ import annotations

import base64
import os
import uuid
from pathlib import Path

from tests.helpers.helpdesk_pg import PostgresCluster
from tests.helpers.helpdesk_servers import (
    EventReader,
    KioskApi,
    ServerProcess,
    StaffApi,
    close_clients,
    seed,
)

WORKERS = 3
PICTURES = 8


def test_pictures_reach_the_supporter_from_any_worker(
    pg_cluster: PostgresCluster, tmp_path: Path
) -> None:
    database_url = pg_cluster.new_database()
    server = ServerProcess(database_url, workers=WORKERS, log=tmp_path / "server.log")
    seeded = seed(server.url, database_url)
    server.start()
    readers: list[EventReader] = []
    try:
        kiosk = KioskApi(server.url, seeded.pair_kiosk())
        request_id = str(uuid.uuid4())
        assert kiosk.send(request_id, phone="0401234567").status_code == 201
        staff = StaffApi(server.url)
        assert staff.act(request_id, "call").status_code == 200
        base = f"/api/v1/kiosk/requests/{request_id}/share"
        kiosk_events = EventReader(kiosk.http, base + "/events")
        readers.append(kiosk_events)
        kiosk_events.next("ready")
        csrf = {"X-CSRF-Token": staff.csrf}
        staff_base = f"/api/v1/staff/requests/{request_id}/share"
        share_id = staff.http.post(staff_base, headers=csrf).json()["id"]
        assert kiosk_events.next("share")["state"] == "asked"
        answer = kiosk.http.post(base + "/answer", json={"share_id": share_id, "allow": True})
        assert answer.status_code == 200
        viewer = EventReader(staff.http, staff_base + "/events")
        readers.append(viewer)
        viewer.next("share")

        # Every picture on a new connection: they land on different workers.
        kiosk.http.headers["Connection"] = "close"
        for _ in range(PICTURES):
            picture = b"\xff\xd8\xff\xe0" + os.urandom(20_000)
            sent = kiosk.http.post(
                base + "/frame",
                params={"share_id": share_id, "width": 640, "height": 480},
                content=picture,
                headers={"Content-Type": "image/jpeg"},
            )
            assert sent.status_code == 204
            got = viewer.next("frame", lambda d, p=picture: base64.b64decode(d["jpeg"]) == p)
            assert got["width"] == 640

        staff.http.headers["Connection"] = "close"
        pointed = staff.http.post(staff_base + "/point", json={"x": 0.1, "y": 0.9}, headers=csrf)
        assert pointed.status_code == 204
        assert kiosk_events.next("point") == {"share_id": share_id, "x": 0.1, "y": 0.9}
        assert staff.http.post(staff_base + "/stop", headers=csrf).status_code == 200
        assert kiosk_events.next("share", lambda d: d["state"] == "ended")["end_reason"] == (
            "supporter"
        )
        assert viewer.next("share", lambda d: d["state"] == "ended")["end_reason"] == "supporter"
    finally:
        for reader in readers:
            reader.close()
        close_clients()
        server.stop()
        seeded.store.engine.dispose()
    log = (tmp_path / "server.log").read_text()
    assert "could not fetch a shared picture" not in log
