"""A new request's candidate codes are looked up in an index of open requests only
(migration 0010): the lookup must not grow with the centre's history of closed requests.

The index is partial, and a database uses it only when the query's condition implies the
index's: these tests fail if the migration, the table definition and the queries drift
apart (another open state, another spelling), which would quietly bring back a lookup
that visits every closed request.
"""

from __future__ import annotations

import importlib.util
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import inspect

from kiosk.helpdesk import model
from kiosk.helpdesk.server import db, pg_batch
from kiosk.helpdesk.server.codes import CODE_KEYS
from kiosk.helpdesk.server.driver_statement import DriverStatement
from kiosk.helpdesk.server.intake import _CODES_TAKEN, _PROBE_SQLITE
from kiosk.helpdesk.server.store import Kiosk, NewRequest, Store

INDEX = "ix_requests_open_code"


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    db.migrate(database_url)
    store = Store(db.make_engine(database_url))
    yield store
    store.engine.dispose()


def a_kiosk(store: Store) -> Kiosk:
    store.add_centre("Kalliola")
    paired = store.pair(store.create_pair_code("Kalliola", "kiosk 1"))
    assert paired is not None
    return paired[0]


def test_the_migration_freezes_the_condition_the_tables_and_queries_use() -> None:
    path = db.MIGRATIONS_DIR / "versions" / "0010_open_codes_index.py"
    spec = importlib.util.spec_from_file_location("migration_0010", path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert migration.OPEN.text == db.OPEN_CONDITION.text
    # The queries spell the open states the same way (sorted, quoted).
    assert db.OPEN_CONDITION.text == f"state IN {pg_batch._OPEN}"
    assert {f"'{s.value}'" for s in model.OPEN_STATES} == set(
        pg_batch._OPEN.strip("()").split(", ")
    )


def test_only_the_open_codes_index_is_left(store: Store) -> None:
    indexes = {ix["name"]: ix for ix in inspect(store.engine).get_indexes("requests")}
    assert "ix_requests_centre_code" not in indexes
    assert indexes[INDEX]["column_names"] == ["centre_id", "code"]


def test_sqlite_looks_codes_up_in_the_open_index(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/codes.sqlite3"  # type: ignore[str-bytes-safe]
    db.migrate(url)
    engine = db.make_engine(url)
    try:
        probe = DriverStatement(_PROBE_SQLITE, engine.dialect)
        with engine.connect() as conn:
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + probe.sql, tuple([None] * probe.sql.count("?"))
            ).all()
        lines = [row[-1] for row in plan]
        code_lookup = [line for line in lines if "code=?" in line]
        assert code_lookup, lines
        assert all(INDEX in line for line in code_lookup), lines
    finally:
        engine.dispose()


def test_postgresql_can_look_codes_up_in_the_open_index(pg_cluster: object) -> None:
    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    db.migrate(url)
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            # A new, empty table: make PostgreSQL show what it can do with indexes.
            conn.exec_driver_sql("SET enable_seqscan = off")
            conn.exec_driver_sql("SET enable_bitmapscan = off")
            sql = f"""EXPLAIN SELECT r.code FROM requests r WHERE r.centre_id = 1
                     AND r.code = ANY (string_to_array('K-12 K-345', ' '))
                     AND r.state IN {pg_batch._OPEN}"""
            plan = "\n".join(row[0] for row in conn.exec_driver_sql(sql))
        assert INDEX in plan, plan
    finally:
        engine.dispose()


def test_the_postgresql_batch_looks_each_candidate_up_by_centre_and_code(
    pg_cluster: object,
) -> None:
    """The batch's probe finds each candidate with one lookup on both of the index's
    columns; with the candidates as a filter instead, it read every open code of the
    centre for every request (a third of PostgreSQL's time under load, measured)."""
    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    db.migrate(url)
    engine = db.make_engine(url)
    try:
        raw = engine.raw_connection()
        try:
            cursor = raw.driver_connection.cursor()  # type: ignore[union-attr]
            cursor.execute("SET enable_seqscan = off")
            params = {"kiosk_ids": [1], "ids": ["x"], "centre_ids": [1], "codes": ["K-12 K-345"]}
            cursor.execute("EXPLAIN " + pg_batch.PROBE, params)
            plan = [row[0] for row in cursor.fetchall()]
        finally:
            raw.close()
    finally:
        engine.dispose()
    lookups = [n for n, line in enumerate(plan) if INDEX in line and "Index" in line]
    conditions = [plan[n + 1] for n in lookups if n + 1 < len(plan)]
    assert any("Index Cond" in c and "centre_id =" in c and "code =" in c for c in conditions), (
        "\n".join(plan)
    )


def test_a_closed_request_frees_its_code_and_an_open_one_keeps_it(store: Store) -> None:
    kiosk = a_kiosk(store)
    first, _, _ = store.create_request(kiosk, NewRequest(str(uuid.uuid4()), model.Topic.LOGIN))
    second, _, _ = store.create_request(kiosk, NewRequest(str(uuid.uuid4()), model.Topic.LOGIN))
    store.staff_action(None, first.id, model.Action.RESOLVE, outcome=model.Outcome.DONE)
    # The lookup a new request makes, with both codes among its candidates.
    candidates = dict.fromkeys(CODE_KEYS, first.code)
    candidates[CODE_KEYS[-1]] = second.code
    with store.engine.connect() as conn:
        taken = set(
            conn.execute(_CODES_TAKEN, {"centre_id": kiosk.centre_id, **candidates}).scalars()
        )
    assert taken == {second.code}
