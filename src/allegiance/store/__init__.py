"""Where documents, actors, events, quotes and failures are kept, and how they are queried.

`open_store(target)` returns a backend implementing `Store`: a DuckDB file (`allegiance.duckdb`, or
":memory:") or a PostgreSQL URL (postgres_store.py: psycopg 3 against the same SQL schema in
schema.py). Reads go through `Store.rows`, on which allegiance.query builds every listing;
`load_document` returns the `records.Document` that was saved. Writing is a batch of documents per
transaction (`save_many`, write.py), and every write keeps the incidents up to date (upkeep.py).
Opened `read_only`, both backends refuse writes (DuckDB opens the file read-only; PostgreSQL sets
the session read-only).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..records import Document, Failure, Incident
from .duckdb_store import DuckDBStore, StoreError
from .write import SaveError


@runtime_checkable
class Store(Protocol):
    """What every backend offers. Reading goes through `rows` (one parameterised statement, rows
    as dicts): the query layer (allegiance.query) builds every read on it; the listing methods
    below are that layer's listings kept on the store for use from Python."""

    path: str

    def save(self, document: Document, replace: bool = False) -> bool: ...
    def save_many(self, documents: Sequence[Document], replace: bool = False) -> list[bool | SaveError]: ...
    def set_link_options(self, options: Any) -> None: ...
    def link_uncovered(self) -> None: ...
    def record_failure(self, failure: Failure) -> None: ...
    def has(self, doc_id: str) -> bool: ...
    def load_document(self, doc_id: str) -> Document | None: ...
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...
    def events(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]: ...
    def actors(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]: ...
    def actor(self, reference: str) -> dict[str, Any] | None: ...
    def documents(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]: ...
    def quotes(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]: ...
    def failures(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]: ...
    def counts(self) -> dict[str, int]: ...
    def load_incidents(self) -> list[Incident]: ...
    def save_incidents(self, incidents: list[Incident]) -> None: ...
    def close(self) -> None: ...


def open_store(target: str | Path, read_only: bool = False) -> DuckDBStore:
    """Open (creating unless `read_only`) the store at `target`: a DuckDB file path, ":memory:", or
    a postgresql:// URL (`PostgresStore`, same schema and queries)."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        from .postgres_store import PostgresStore

        return PostgresStore(text, read_only=read_only)
    return DuckDBStore(text, read_only=read_only)


__all__ = ["DuckDBStore", "SaveError", "Store", "StoreError", "open_store"]
