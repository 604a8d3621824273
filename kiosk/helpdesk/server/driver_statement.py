"""A statement compiled once for SQLite's own driver (see :class:`DriverStatement`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy import Connection, Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement

T = TypeVar("T")


class DriverStatement:
    """A statement compiled once for SQLite's own driver: its SQL, and its parameters'
    order and conversions (the work SQLAlchemy repeats at every execution, done once).

    A new request's two statements run thousands of times a second under load; through
    SQLAlchemy's execution path their Python cost was about twice the database's own.
    Errors come out as SQLAlchemy's (``DBAPIError``), as from any other statement.
    """

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)  # a select or an insert
        self.sql = compiled.string
        self._dbapi_error = dialect.loaded_dbapi.Error
        binds = compiled.binds
        self._defaults = {n: b.effective_value for n, b in binds.items() if not b.required}
        self._order = [
            (name, binds[name].type.dialect_impl(dialect).bind_processor(dialect))
            for name in compiled.positiontup or ()
        ]

    def rows(self, conn: Connection, params: Mapping[str, Any]) -> list[Any]:
        """The statement's rows."""
        return self._run(conn, params, lambda cursor: list(cursor.fetchall()))

    def changed(self, conn: Connection, params: Mapping[str, Any]) -> int:
        """How many rows the statement changed (an insert without RETURNING, which costs
        SQLite a temporary table of its own)."""
        return self._run(conn, params, lambda cursor: int(cursor.rowcount))

    def _run(self, conn: Connection, params: Mapping[str, Any], result: Callable[[Any], T]) -> T:
        values = []
        for name, process in self._order:
            value = params[name] if name in params else self._defaults[name]
            values.append(value if process is None else process(value))
        try:
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                return result(cursor.execute(self.sql, values))
            finally:
                cursor.close()
        except self._dbapi_error as exc:
            raise DBAPIError.instance(self.sql, values, exc, self._dbapi_error) from exc
