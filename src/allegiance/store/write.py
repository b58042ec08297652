"""The write path both backends share: a batch of documents is staged as one set of rows per table
and written with one statement per table, in one transaction per batch (issue 13).

Why batches: one INSERT per row costs a round trip through the database's parser and planner each
time (~60 events/s in DuckDB); one statement per table per batch lets DuckDB read an Arrow table
and PostgreSQL a COPY stream, three orders of magnitude faster.

What does not change: a document is stored whole or not at all, and re-storing one is idempotent.
When a batch's transaction fails, it is rolled back and its documents are saved again one per
transaction, so only the document that fails again is lost, and it is lost whole (`save_many`
returns its error in its place). The cross-article incidents are updated inside the same
transaction (`upkeep.IncidentUpkeep`), so no entry point can store a document and leave it out of
the incidents.

Backends supply three primitives: `_insert(table, rows)` (one statement for many rows),
`_upsert_actors(rows)` (insert or overwrite by id) and `_in(column)` (a SQL test of `column`
against one list parameter).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import AllegianceError
from ..records import Document
from . import rows, schema
from .upkeep import IncidentUpkeep

log = logging.getLogger(__name__)
Row = tuple[Any, ...]


class SaveError(AllegianceError):
    """A document the store refused (the database's reason); the batch's other documents are saved."""

    stage = "store"


@dataclass
class Staged:
    """The rows of a batch, by table; `actors`/`aliases` hold the latest description of each
    actor in the batch (the last document to mention it wins, as when saving one by one)."""

    documents: list[Document]
    tables: dict[str, list[Row]] = field(default_factory=dict)
    actors: dict[str, Row] = field(default_factory=dict)
    aliases: dict[str, list[Row]] = field(default_factory=dict)


def stage(documents: Sequence[Document], at: datetime | None = None) -> Staged:
    at = at or datetime.now(UTC)
    staged = Staged(list(documents), {t: [] for t in schema.PER_DOCUMENT})
    for doc in documents:
        for table, table_rows in rows.document_rows(doc, at).items():
            staged.tables[table].extend(table_rows)
        for actor in doc.actors:
            staged.actors[actor.id] = rows.actor_row(actor)
            staged.aliases[actor.id] = [(actor.id, i, a) for i, a in enumerate(dict.fromkeys(actor.aliases))]
    return staged


ARROW_TYPES = {
    "TEXT": pa.string(),
    "INTEGER": pa.int64(),  # the database narrows, and refuses a value that does not fit
    "BIGINT": pa.int64(),
    "DOUBLE PRECISION": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "TIMESTAMP": pa.timestamp("us"),
}


def arrow_table(table: str, table_rows: list[Row]) -> pa.Table:
    """`table_rows` (tuples in `schema.columns` order) as an Arrow table typed from the schema,
    so a column of NULLs still has the column's type."""
    types = schema.column_types(table)
    columns = list(zip(*table_rows, strict=True)) if table_rows else [()] * len(types)
    if len(columns) != len(types):
        raise ValueError(f"{table}: rows of {len(columns)} values, the table has {len(types)} columns")
    return pa.table(
        {
            name: pa.array(values, type=ARROW_TYPES[kind])
            for (name, kind), values in zip(types.items(), columns, strict=True)
        }
    )


class BulkWriter:
    """Mixed into a store: `save_many` and `save` on top of the backend's primitives."""

    con: duckdb.DuckDBPyConnection  # or postgres_store._Connection, which has the same calls
    upkeep: IncidentUpkeep

    # --- backend primitives ---------------------------------------------------------------------

    def _insert(self, table: str, table_rows: list[Row]) -> None:
        raise NotImplementedError

    def _upsert_actors(self, actor_rows: list[Row]) -> None:
        raise NotImplementedError

    def _in(self, column: str) -> str:
        raise NotImplementedError

    def _lock_writers(self) -> None:
        """Serialise writers of the store for the rest of the transaction (PostgreSQL)."""

    # --- the batch ------------------------------------------------------------------------------

    def save(self, document: Document, replace: bool = False) -> bool:
        """Store `document` in one transaction. Returns False (and changes nothing) when a document
        with the same id is already stored, unless `replace` (then its rows are rewritten)."""
        [outcome] = self.save_many([document], replace=replace)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def save_many(self, documents: Sequence[Document], replace: bool = False) -> list[bool | SaveError]:
        """Store `documents` in one transaction, with their incidents; per document, in order:
        True (stored), False (already stored; a repeat within the batch counts as stored once) or
        the `SaveError` that kept it out. Never raises for one bad document."""
        if not documents:
            return []
        try:
            return list(self._save_batch(documents, replace))
        except Exception as exc:
            if len(documents) == 1:
                return [SaveError(f"{type(exc).__name__}: {exc}".strip())]
            log.debug("batch of %d failed; saving one by one", len(documents), exc_info=True)
        out: list[bool | SaveError] = []
        for doc in documents:
            out.extend(self.save_many([doc], replace=replace))
        return out

    def link_uncovered(self) -> None:
        """Link into the incidents any stored document that no incident covers (a store written
        before the store kept incidents, or by a run killed before it folded its documents in).
        Cheap when there are none: one query."""
        self._in_transaction(lambda: self.upkeep.fold(self, []))

    def _in_transaction(self, work: Any) -> Any:
        with _collector_paused():
            self.con.begin()
            try:
                self._lock_writers()
                result = work()
                self.con.commit()
            except BaseException:
                self.con.rollback()
                self.upkeep.rolled_back()
                raise
        self.upkeep.committed()
        return result

    def _save_batch(self, documents: Sequence[Document], replace: bool) -> list[bool]:
        return self._in_transaction(lambda: self._write_batch(documents, replace))

    def _write_batch(self, documents: Sequence[Document], replace: bool) -> list[bool]:
        ids = list(dict.fromkeys(d.id for d in documents))
        found = self.con.execute(f"SELECT id FROM documents WHERE {self._in('id')}", [ids])
        stored = {r[0] for r in found.fetchall()}
        fresh: dict[str, Document] = {}
        outcome = []
        for doc in documents:
            new = doc.id not in fresh and (replace or doc.id not in stored)
            outcome.append(new)
            if new:
                fresh[doc.id] = doc
        if replace and stored:
            gone = [i for i in stored if i in fresh]
            for table in schema.PER_DOCUMENT:
                key = "id" if table == "documents" else "document_id"
                self.con.execute(f"DELETE FROM {table} WHERE {self._in(key)}", [gone])
        if fresh:
            self._write(stage(list(fresh.values())))
            self.upkeep.fold(self, list(fresh.values()))
        return outcome

    def _write(self, staged: Staged) -> None:
        if staged.actors:
            self._upsert_actors(list(staged.actors.values()))
            self.con.execute(f"DELETE FROM aliases WHERE {self._in('actor_id')}", [list(staged.aliases)])
            self._insert("aliases", [r for rs in staged.aliases.values() for r in rs])
        for table in schema.PER_DOCUMENT:
            if staged.tables[table]:
                self._insert(table, staged.tables[table])


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for one write transaction. A batch allocates some
    hundred thousand short-lived objects (rows, reports, incidents), none in cycles worth
    collecting early; their count set off full collections, each a walk over every object the
    process holds (the parsed documents, the model, the gazetteer), a quarter of a batch's time.
    Reference counting still frees them; the collector runs as before once the batch is written.
    Left off when the caller turned it off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def save_row_by_row(store: Any, document: Document, replace: bool = False) -> bool:
    """The reference write path: one INSERT per row, no incidents. Kept for the tests (the bulk
    path must store exactly what it stores) and for `make bench` (the ratio against it)."""
    con = store.con
    con.begin()
    try:
        if store.has(document.id):
            if not replace:
                con.rollback()
                return False
            for table in schema.PER_DOCUMENT:
                key = "id" if table == "documents" else "document_id"
                con.execute(f"DELETE FROM {table} WHERE {key} = ?", [document.id])
        marks = ", ".join("?" for _ in schema.columns("actors"))
        upsert = schema.upsert_actors_sql(f"VALUES ({marks})")
        for actor in document.actors:
            con.execute(upsert, list(rows.actor_row(actor)))
            con.execute("DELETE FROM aliases WHERE actor_id = ?", [actor.id])
            aliases = [(actor.id, i, a) for i, a in enumerate(dict.fromkeys(actor.aliases))]
            if aliases:
                con.executemany(schema.insert_sql("aliases"), aliases)
        for table, table_rows in rows.document_rows(document).items():
            if table_rows:
                con.executemany(schema.insert_sql(table), table_rows)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return True
