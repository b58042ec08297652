"""The PostgreSQL backend (psycopg 3): the same schema and the same queries as DuckDB, for a team
sharing one database.

Every statement in schema.py and duckdb_store.py is portable SQL, so `PostgresStore` reuses all of
`DuckDBStore` and only swaps the connection for `_Connection`, a thin adapter that gives psycopg the
DuckDB calls the store makes (`?` placeholders, `begin`, `executemany`). Only the bulk
primitives of write.py differ: rows go in by COPY, one stream per table per batch.

Writers are serialised: every write transaction starts by taking one advisory lock (held until it
commits or rolls back), because the incidents are a read-modify-write of shared state; two writers
each analyse in parallel and queue only for the (short) store step. A document that both store is
stored once: the second writer sees it, under the lock, as already stored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from . import schema, upkeep
from .duckdb_store import DuckDBStore, StoreError

PLACEHOLDER = re.compile(r"\?")
SCHEMA_LOCK, WRITER_LOCK = 7212, 7213  # pg_advisory_xact_lock keys


def _to_psycopg(sql: str) -> str:
    # psycopg reads % as the start of a placeholder: escape literal ones, then turn ? into %s
    return PLACEHOLDER.sub("%s", sql.replace("%", "%%"))


class _Connection:
    """The subset of DuckDB's connection API that the store uses, on a psycopg connection."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        import psycopg

        self.errors = psycopg.Error
        try:
            # autocommit: statements outside `begin()` commit at once, as they do in DuckDB
            self.raw = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {_redacted(url)}: {exc}") from exc
        if read_only:
            # as DuckDB's read_only: every transaction of this session refuses to write
            self.raw.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        return self.raw.execute(_to_psycopg(sql), list(params) if params is not None else None)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(_to_psycopg(sql), rows)

    def begin(self) -> None:
        self.raw.execute("BEGIN")

    def commit(self) -> None:
        self.raw.execute("COMMIT")

    def rollback(self) -> None:
        self.raw.execute("ROLLBACK")

    def close(self) -> None:
        self.raw.close()


def _redacted(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


class PostgresStore(DuckDBStore):
    ROW_ID = None  # rows are fetched by primary key (an index lookup in PostgreSQL)
    SHARED = True  # other sessions may write while this one reads
    # an actor's events and a page's participants are index lookups in event_participants here;
    # `events.participants` is written (one write path) but not read, nor filled for older rows
    INLINE_PARTICIPANTS = False

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.path = _redacted(url)
        self.read_only = read_only
        self.upkeep = upkeep.IncidentUpkeep()
        self.con = _Connection(url, read_only=read_only)  # type: ignore[assignment]
        if not read_only:
            self._create()
        self._check_version()

    def _create(self) -> None:
        # concurrent first runs of a team would race on CREATE TABLE IF NOT EXISTS; one lock
        # (held until the end of the transaction) makes schema creation happen once
        self.con.begin()
        try:
            self.con.execute(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")
            super()._create()
            for ddl in schema.POSTGRES_READ_INDEXES:
                self.con.execute(ddl)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except self.con.errors as exc:  # type: ignore[attr-defined]
            raise StoreError(f"{self.path} is not an allegiance database (no meta table)") from exc
        if row is None or int(row[0]) != schema.SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {row and row[0]}, expected {schema.SCHEMA_VERSION}"
            )

    # --- bulk primitives (write.BulkWriter) -------------------------------------------------------

    def _lock_writers(self) -> None:
        self.con.execute(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")

    def _copy(self, target: str, columns: list[str], table_rows: list[tuple[Any, ...]]) -> None:
        sql = f"COPY {target} ({', '.join(columns)}) FROM STDIN"
        with self.con.raw.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[attr-defined]
            for row in table_rows:
                copy.write_row(row)

    def _insert(self, table: str, table_rows: list[tuple[Any, ...]]) -> None:
        self._copy(table, schema.columns(table), table_rows)

    def _upsert_actors(self, actor_rows: list[tuple[Any, ...]]) -> None:
        # COPY cannot upsert: stage in a temporary table that goes with the transaction
        self.con.execute("CREATE TEMP TABLE staged_actors (LIKE actors) ON COMMIT DROP")
        self._copy("staged_actors", schema.columns("actors"), actor_rows)
        self.con.execute(schema.upsert_actors_sql("SELECT * FROM staged_actors"))

    def _in(self, column: str) -> str:
        return f"{column} = ANY(?)"
