"""The DuckDB backend: one embedded file, one transaction per batch of documents (write.py).

SQL is parameterised everywhere (`?` placeholders; a PostgreSQL backend swaps them for psycopg's
`%s`). Re-saving a document that is already stored changes nothing unless `replace=True`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

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
    def __init__(self, path: str | Path = ":memory:", read_only: bool = False) -> None:
        self.path = str(path)
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
        self.con.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
            [str(schema.SCHEMA_VERSION)],
        )

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
            lambda: upkeep.write_changes(self, self.load_incidents(), incidents, keep.options, keep.weights)
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

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return _dicts(self.con.execute(sql, list(params)))

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

    def resolve_actor(self, name_or_id: str) -> list[str]:
        """Actor ids whose id, name, alias or a mention text equals `name_or_id` (case-insensitive)."""
        key = name_or_id.strip().lower()
        found = self._query(
            "SELECT id AS actor_id FROM actors WHERE lower(id) = ? OR lower(name) = ? "
            "UNION SELECT actor_id FROM aliases WHERE lower(alias) = ? "
            "UNION SELECT actor_id FROM mentions WHERE lower(text) = ?",
            [key, key, key, key],
        )
        return sorted(r["actor_id"] for r in found)

    def events(
        self,
        actor: str | None = None,
        category: str | None = None,
        certainty: str | None = None,
        since: str | None = None,
        until: str | None = None,
        document_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events newest first (event date, else publication date), each with its `actors` and
        `recipients` (lists of actor ids) and the document's url and title."""
        where: list[str] = []
        params: list[Any] = []
        if actor is not None:
            ids = self.resolve_actor(actor)
            if not ids:
                return []
            marks = ", ".join("?" for _ in ids)
            where.append(
                "EXISTS (SELECT 1 FROM event_participants p WHERE p.document_id = e.document_id "
                f"AND p.event_seq = e.seq AND p.actor_id IN ({marks}))"
            )
            params += ids
        if category:
            where.append("upper(e.event) = ?")
            params.append(category.upper())
        if certainty:
            where.append("e.certainty = ?")
            params.append(certainty.lower())
        day = "coalesce(e.date_start, substr(d.published, 1, 10))"
        if since:
            where.append(f"coalesce(e.date_end, {day}) >= ?")
            params.append(since)
        if until:
            where.append(f"{day} <= ?")
            params.append(until + "\uffff")  # inclusive of datetimes on that day
        if document_id:
            where.append("e.document_id = ?")
            params.append(document_id)
        sql = (
            f"SELECT e.*, {day} AS day, d.url, d.title, d.published FROM events e "
            "JOIN documents d ON d.id = e.document_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {day} DESC NULLS LAST, e.document_id, e.seq"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        found = self._query(sql, params)
        self._attach_participants(found)
        return found

    def _attach_participants(self, events: list[dict[str, Any]]) -> None:
        by_key = {(e["document_id"], e["seq"]): e for e in events}
        for e in events:
            e["context"] = json.loads(e["context"])
            e["actors"], e["recipients"] = [], []
        for doc_id in {e["document_id"] for e in events}:
            for p in self._query(
                "SELECT event_seq, role, actor_id FROM event_participants WHERE document_id = ? "
                "ORDER BY event_seq, role, seq",
                [doc_id],
            ):
                ev = by_key.get((doc_id, p["event_seq"]))
                if ev is not None:
                    ev["actors" if p["role"] == "actor" else "recipients"].append(p["actor_id"])

    def actors(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Canonical actors, most mentioned first, with counts and the surface forms seen."""
        sql = (
            "SELECT a.id, a.name, a.type, a.country, a.in_kb, "
            "count(m.actor_id) AS mentions, count(DISTINCT m.document_id) AS documents "
            "FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id "
            "GROUP BY a.id, a.name, a.type, a.country, a.in_kb ORDER BY mentions DESC, a.id"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        found = self._query(sql, params)
        for a in found:
            a["aliases_seen"] = self._aliases_seen(a["id"])
        return found

    def _aliases_seen(self, actor_id: str) -> list[str]:
        return [
            r["text"]
            for r in self._query(
                "SELECT text, count(*) AS n FROM mentions WHERE actor_id = ? GROUP BY text ORDER BY n DESC, text",
                [actor_id],
            )
        ]

    def actor(self, name_or_id: str) -> dict[str, Any] | None:
        """One actor's profile: description, aliases, surface forms, counts, event categories by
        role and the actors it shares events with."""
        ids = self.resolve_actor(name_or_id)
        if not ids:
            return None
        actor_id = name_or_id if name_or_id in ids else ids[0]
        profile = self._query("SELECT * FROM actors WHERE id = ?", [actor_id])[0]
        profile["aliases"] = [
            r["alias"]
            for r in self._query("SELECT alias FROM aliases WHERE actor_id = ? ORDER BY seq", [actor_id])
        ]
        profile["aliases_seen"] = self._aliases_seen(actor_id)
        profile["mentions"], profile["documents"] = self.con.execute(
            "SELECT count(*), count(DISTINCT document_id) FROM mentions WHERE actor_id = ?", [actor_id]
        ).fetchone() or (0, 0)
        profile["events"] = self._query(
            "SELECT p.role, e.event, count(*) AS n FROM event_participants p JOIN events e "
            "ON e.document_id = p.document_id AND e.seq = p.event_seq WHERE p.actor_id = ? "
            "GROUP BY p.role, e.event ORDER BY n DESC, e.event",
            [actor_id],
        )
        profile["counterparts"] = self._query(
            "SELECT o.actor_id AS id, count(DISTINCT (o.document_id, o.event_seq)) AS events "
            "FROM event_participants p JOIN event_participants o "
            "ON o.document_id = p.document_id AND o.event_seq = p.event_seq AND o.actor_id <> p.actor_id "
            "WHERE p.actor_id = ? GROUP BY o.actor_id ORDER BY events DESC, id LIMIT 10",
            [actor_id],
        )
        if len(ids) > 1:
            profile["other_matches"] = [i for i in ids if i != actor_id]
        return profile

    def documents(self, limit: int | None = None) -> list[dict[str, Any]]:
        sql = (
            "SELECT d.id, d.source, d.url, d.title, d.published, d.ingested_at, "
            "(SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events "
            "FROM documents d ORDER BY d.ingested_at DESC, d.id"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self._query(sql, params)

    def quotes(
        self, document_id: str | None = None, speaker: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        where: list[str] = []
        params: list[Any] = []
        if document_id:
            where.append("document_id = ?")
            params.append(document_id)
        if speaker is not None:
            ids = self.resolve_actor(speaker) or [speaker]
            where.append(f"speaker IN ({', '.join('?' for _ in ids)})")
            params += ids
        sql = "SELECT * FROM quotes" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY document_id, seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self._query(sql, params)

    def failures(self, limit: int | None = None) -> list[dict[str, Any]]:
        sql = "SELECT source, stage, reason, failed_at FROM failures ORDER BY failed_at DESC"
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self._query(sql, params)

    def counts(self) -> dict[str, int]:
        tables: Iterable[str] = ("documents", "actors", "events", "quotes", "failures")
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # type: ignore[index]
