"""The DuckDB backend: one embedded file, one transaction per batch of documents (write.py).

SQL is parameterised everywhere (`?` placeholders; a PostgreSQL backend swaps them for psycopg's
`%s`). Re-saving a document that is already stored changes nothing unless `replace=True`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import AllegianceError
from ..records import Document, Failure, Incident
from . import rows, schema, upkeep
from .write import BulkWriter, arrow_table


class StoreError(AllegianceError):
    stage = "store"


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


LOCK_HELD = re.compile(r"Conflicting lock is held in (?P<holder>.*?\(PID \d+\))", re.DOTALL)


def _open_error(path: str, exc: duckdb.Error) -> str:
    """A DuckDB file takes one writer process at a time: say which process holds it and what to do."""
    held = LOCK_HELD.search(str(exc))
    if held is None:
        return f"cannot open database {path}: {exc}"
    return (
        f"database {path} is locked by another process ({' '.join(held['holder'].split())}), "
        "e.g. another `allegiance run` or `serve`: wait for it to finish or stop it, or use another --db; "
        "DuckDB lets one process write a database file at a time"
    )


class DuckDBStore(BulkWriter):
    ROW_ID: str | None = "rowid"  # the query layer fetches a page's rows by it (no table scan)
    # the query layer filters by actor on `events.participants` and lists participants from it:
    # DuckDB finds an actor's rows in event_participants only by scanning them all
    INLINE_PARTICIPANTS = True
    SHARED = False  # no other process writes a file this one has open (DuckDB's file lock)

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.upkeep = upkeep.IncidentUpkeep()
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(
                f"no database at {self.path}; create one with `allegiance run PATH --db {self.path}`"
            )
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(_open_error(self.path, exc)) from exc
        if not read_only:
            self._create()
        self._check_version()

    # --- lifecycle -------------------------------------------------------------------------------

    def _create(self) -> None:
        for ddl in schema.TABLES.values():
            self.con.execute(ddl)
        for ddl in schema.UPGRADES + schema.INDEXES:
            self.con.execute(ddl)
        if self.INLINE_PARTICIPANTS:
            self._fill_participants()
        self.con.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
            [str(schema.SCHEMA_VERSION)],
        )

    def _fill_participants(self) -> None:
        """Write `events.participants` for the events stored before the column (one pass, once:
        a store written since has none to fill)."""
        if not self.con.execute("SELECT 1 FROM events WHERE participants IS NULL LIMIT 1").fetchall():
            return
        found = self.con.execute(
            "SELECT e.document_id, e.seq, p.role, p.actor_id, p.text, p.span_start, p.span_end "
            "FROM events e LEFT JOIN event_participants p ON p.document_id = e.document_id "
            "AND p.event_seq = e.seq WHERE e.participants IS NULL ORDER BY e.document_id, e.seq, p.role, p.seq"
        ).fetchall()
        people: dict[tuple[str, int], list[tuple[Any, ...]]] = {}
        for document_id, seq, *person in found:
            people.setdefault((document_id, seq), []).extend([tuple(person)] if person[0] is not None else [])
        staged = pa.table(
            {
                "document_id": [k[0] for k in people],
                "seq": [k[1] for k in people],
                "participants": [rows.participants_json(p) for p in people.values()],
            }
        )
        self.con.register("staged_participants", staged)
        self.con.execute(
            "UPDATE events SET participants = s.participants FROM staged_participants s "
            "WHERE events.document_id = s.document_id AND events.seq = s.seq"
        )
        self.con.unregister("staged_participants")

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path} is not an allegiance database") from exc
        if row is None or int(row[0]) != schema.SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {row and row[0]}, expected {schema.SCHEMA_VERSION}"
            )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def set_link_options(self, options: Any) -> None:
        """Link incidents with these `incidents.LinkOptions` (by default: from the environment's
        knowledge base), as every writer of the store should."""
        self.upkeep.use_options(options)

    def load_incidents(self) -> list[Incident]:
        """The cross-article incidents, kept up to date by every save (`upkeep`)."""
        rows = self._query("SELECT body FROM incidents ORDER BY id")
        return [Incident.model_validate_json(r["body"]) for r in rows]

    def save_incidents(self, incidents: list[Incident]) -> None:
        """Replace the stored incidents with `incidents`, in one transaction (saving documents keeps
        them up to date; this is for clustering again from scratch, e.g. with other options)."""
        keep = self.upkeep
        self._in_transaction(
            lambda: upkeep.write_changes(self, self.load_incidents(), incidents, keep.options)
        )

    # --- bulk primitives (write.BulkWriter) -------------------------------------------------------

    def _insert(self, table: str, table_rows: list[tuple[Any, ...]]) -> None:
        # DuckDB scans a registered Arrow table in place: one statement for the whole batch. (Not
        # unregistered on failure: in an aborted transaction that would raise and hide the reason;
        # the next batch's register replaces the view.)
        cols = ", ".join(schema.columns(table))
        self.con.register("staged_rows", arrow_table(table, table_rows))
        self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM staged_rows")
        self.con.unregister("staged_rows")

    def _upsert_actors(self, actor_rows: list[tuple[Any, ...]]) -> None:
        self.con.register("staged_actors", arrow_table("actors", actor_rows))
        self.con.execute(schema.upsert_actors_sql("SELECT * FROM staged_actors"))
        self.con.unregister("staged_actors")

    def _in(self, column: str) -> str:
        return f"{column} IN (SELECT unnest(CAST(? AS TEXT[])))"

    def record_failure(self, failure: Failure) -> None:
        self.con.execute(
            schema.insert_sql("failures"),
            [failure.source, failure.stage, failure.reason, datetime.now(UTC).replace(tzinfo=None)],
        )

    # --- reading ---------------------------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """The rows of one parameterised statement, as dicts (the query layer's only access)."""
        return _dicts(self.con.execute(sql, list(params)))

    _query = rows

    def load_document(self, doc_id: str) -> Document | None:
        found = self._query("SELECT * FROM documents WHERE id = ?", [doc_id])
        if not found:
            return None
        actors = self._query(
            "SELECT a.* FROM document_actors d JOIN actors a ON a.id = d.actor_id "
            "WHERE d.document_id = ? ORDER BY d.seq",
            [doc_id],
        )
        aliases: dict[str, list[str]] = {}
        for r in self._query(
            "SELECT actor_id, alias FROM aliases WHERE actor_id IN "
            "(SELECT actor_id FROM document_actors WHERE document_id = ?) ORDER BY actor_id, seq",
            [doc_id],
        ):
            aliases.setdefault(r["actor_id"], []).append(r["alias"])
        per_doc = {
            t: self._query(f"SELECT * FROM {t} WHERE document_id = ?", [doc_id])
            for t in ("mentions", "events", "event_participants", "quotes")
        }
        return rows.document_from_rows(
            found[0],
            actors,
            aliases,
            per_doc["mentions"],
            per_doc["events"],
            per_doc["event_participants"],
            per_doc["quotes"],
        )

    # The listings are served by the query layer (allegiance.query), the one place that reads
    # the store for the CLI, the API and the web pages; these keep the store usable on its own
    # from Python and tests. Each takes the same filters as `query.Filters`.

    def _listing(self, name: str, limit: int | None, **filters: Any) -> list[dict[str, Any]]:
        from ..query import MAX_LIMIT, Filters, Page, Query

        query, wanted = Query(self), limit if limit is not None else float("inf")
        found: list[dict[str, Any]] = []
        while len(found) < wanted:  # a page at a time: a listing takes at most MAX_LIMIT rows
            size = int(min(MAX_LIMIT, wanted - len(found)))
            _, items, *_ = getattr(query, name)(Filters(**filters), Page(limit=size, offset=len(found)))
            found += items
            if len(items) < size:
                break
        return found

    def events(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        return self._listing("events", limit, **filters)

    def actors(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        return self._listing("actors", limit, **filters)

    def documents(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        return self._listing("documents", limit, **filters)

    def quotes(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        return self._listing("quotes", limit, **filters)

    def failures(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        return self._listing("failures", limit, **filters)

    def actor(self, reference: str) -> dict[str, Any] | None:
        from ..query import NotFound, Query

        try:
            return Query(self).actor(reference)
        except NotFound:
            return None

    def counts(self) -> dict[str, int]:
        from ..query import Query

        return Query(self).counts()
