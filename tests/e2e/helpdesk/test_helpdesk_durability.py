"""What the server asks of its database so that a confirmed request stays stored, and the
codes of many open requests at once."""

from __future__ import annotations

import re
import uuid

from sqlalchemy import text

from kiosk.helpdesk import model
from kiosk.helpdesk.server import db
from kiosk.helpdesk.server.store import NewRequest, Store
from tests.helpers.helpdesk_pg import PostgresCluster


def test_postgres_sessions_commit_synchronously_even_when_the_server_does_not(
    pg_cluster: PostgresCluster,
) -> None:
    url = pg_cluster.new_database()
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            # The test cluster runs with synchronous_commit=off for speed.
            assert (
                conn.execute(
                    text("SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit'")
                ).scalar_one()
                == "off"
            )
            assert conn.execute(text("SHOW synchronous_commit")).scalar_one() == "on"
    finally:
        engine.dispose()


def test_many_open_requests_in_a_centre_get_distinct_short_codes(database_url: str) -> None:
    db.migrate(database_url)
    store = Store(db.make_engine(database_url))
    try:
        store.add_centre("Kalliola")
        paired = store.pair(store.create_pair_code("Kalliola", "k"))
        assert paired is not None
        kiosk = paired[0]
        created = [
            store.create_request(kiosk, NewRequest(str(uuid.uuid4()), model.Topic.LOGIN))
            for _ in range(150)  # more than the 90 two-digit codes
        ]
        codes = [request.code or "" for request, _, _ in created]
        assert len(set(codes)) == 150
        assert all(re.fullmatch(r"K-\d{2,4}", code) for code in codes)
        assert [position for _, _, position in created] == list(range(1, 151))
    finally:
        store.engine.dispose()
