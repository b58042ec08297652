"""Filtered, paginated, stably sorted listings for the API and the web pages.

The store's own query methods (`DuckDBStore.events` …) serve the CLI: no offset, no total, no
country or text filters. These queries add them, with parameterised SQL against the same schema
(store/schema.py). Sort keys come from fixed whitelists (never from the request text), and every
ordering ends on the primary key, so pages never overlap or skip rows.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..store import DuckDBStore

# Event "day": the event's own date, else the publication day (as the store's events() does).
DAY = "coalesce(e.date_start, substr(d.published, 1, 10))"

EVENT_SORTS = {
    "date": DAY,
    "event": "e.event",
    "certainty": "e.certainty",
    "country": "e.location_country",
    "place": "e.location_name",
    "dead": "e.dead",
    "confidence": "e.confidence",
}
DOCUMENT_SORTS = {
    "published": "d.published",
    "ingested": "d.ingested_at",
    "title": "d.title",
    "events": "events",
}
ACTOR_SORTS = {
    "mentions": "mentions",
    "name": "a.name",
    "id": "a.id",
    "type": "a.type",
    "country": "a.country",
}


@dataclass(frozen=True)
class Filters:
    """Filters shared by the listings; each listing applies those that make sense for it."""

    actor: str | None = None
    category: str | None = None
    certainty: str | None = None
    country: str | None = None
    admin1: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    document_id: str | None = None
    type: str | None = None


@dataclass(frozen=True)
class Page:
    limit: int = 50
    offset: int = 0
    sort: str | None = None


def like(text: str) -> str:
    """An ILIKE pattern matching `text` literally anywhere (% and _ in the text are escaped)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def order_by(sort: str | None, allowed: dict[str, str], default: str, tiebreak: str) -> str:
    """ORDER BY clause for `sort` ('key' ascending, '-key' descending), from a whitelist."""
    sort = sort or default
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in allowed:
        raise ValueError(
            f"unknown sort {key!r}; choose from {', '.join(sorted(allowed))} (prefix - to reverse)"
        )
    direction = "DESC NULLS LAST" if descending else "ASC NULLS LAST"
    return f" ORDER BY {allowed[key]} {direction}, {tiebreak}"


class Desk:
    """The store as the API sees it. DuckDB connections are not safe to share between threads and
    FastAPI runs handlers in a thread pool, so every use goes through one lock."""

    def __init__(self, store: DuckDBStore, writable: bool = False) -> None:
        self.store = store
        self.writable = writable
        self.lock = threading.RLock()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.lock:
            cursor = self.store.con.execute(sql, list(params))
            names = [d[0] for d in cursor.description or []]
            return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def _count(self, sql: str, params: Sequence[Any]) -> int:
        with self.lock:
            row = self.store.con.execute(f"SELECT count(*) FROM ({sql}) AS counted", list(params)).fetchone()
        return int(row[0]) if row else 0

    def actor_ids(self, name_or_id: str) -> list[str]:
        with self.lock:
            return self.store.resolve_actor(name_or_id)

    def names(self, ids: Sequence[str]) -> dict[str, str]:
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        return {
            r["id"]: r["name"] for r in self._rows(f"SELECT id, name FROM actors WHERE id IN ({marks})", ids)
        }

    # --- events ----------------------------------------------------------------------------------

    def _event_where(self, f: Filters) -> tuple[list[str], list[Any]] | None:
        """WHERE terms for events; None when the filters can match nothing (unknown actor)."""
        where: list[str] = []
        params: list[Any] = []
        if f.actor:
            ids = self.actor_ids(f.actor)
            if not ids:
                return None
            where.append(
                "EXISTS (SELECT 1 FROM event_participants p WHERE p.document_id = e.document_id "
                f"AND p.event_seq = e.seq AND p.actor_id IN ({', '.join('?' for _ in ids)}))"
            )
            params += ids
        if f.category:
            where.append("upper(e.event) = ?")
            params.append(f.category.upper())
        if f.certainty:
            where.append("e.certainty = ?")
            params.append(f.certainty)
        if f.country:
            where.append("upper(e.location_country) = ?")
            params.append(f.country.upper())
        if f.admin1:
            where.append("lower(e.location_admin1) = ?")
            params.append(f.admin1.lower())
        if f.since:
            where.append(f"coalesce(e.date_end, {DAY}) >= ?")
            params.append(f.since)
        if f.until:
            where.append(f"{DAY} <= ?")
            params.append(f.until + "\uffff")  # inclusive of datetimes on that day
        if f.document_id:
            where.append("e.document_id = ?")
            params.append(f.document_id)
        if f.q:
            where.append(
                "(e.event_text ILIKE ? ESCAPE '\\' OR e.trigger_text ILIKE ? ESCAPE '\\' "
                "OR e.location_name ILIKE ? ESCAPE '\\' OR d.title ILIKE ? ESCAPE '\\')"
            )
            params += [like(f.q)] * 4
        return where, params

    def events(self, f: Filters, page: Page) -> tuple[int, list[dict[str, Any]]]:
        order = order_by(page.sort, EVENT_SORTS, "-date", "e.document_id, e.seq")
        built = self._event_where(f)
        if built is None:
            return 0, []
        where, params = built
        base = (
            f"SELECT e.*, {DAY} AS day, d.title, d.url, d.published FROM events e "
            "JOIN documents d ON d.id = e.document_id" + (" WHERE " + " AND ".join(where) if where else "")
        )
        total = self._count(base, params)
        found = self._rows(base + order + " LIMIT ? OFFSET ?", [*params, page.limit, page.offset])
        self._attach_participants(found)
        return total, found

    def _attach_participants(self, events: list[dict[str, Any]]) -> None:
        by_key = {(e["document_id"], e["seq"]): e for e in events}
        for e in events:
            e["context"] = json.loads(e["context"]) if isinstance(e["context"], str) else e["context"]
            e["actor"], e["recipient"] = [], []
        doc_ids = sorted({e["document_id"] for e in events})
        if not doc_ids:
            return
        # One query for the whole page (per-document queries cost a round trip each).
        for p in self._rows(
            "SELECT p.document_id, p.event_seq, p.role, p.actor_id AS id, p.text, p.span_start AS start, "
            'p.span_end AS "end", a.name FROM event_participants p LEFT JOIN actors a ON a.id = p.actor_id '
            f"WHERE p.document_id IN ({', '.join('?' for _ in doc_ids)}) "
            "ORDER BY p.document_id, p.event_seq, p.role, p.seq",
            doc_ids,
        ):
            ev = by_key.get((p.pop("document_id"), p.pop("event_seq")))
            if ev is not None:
                ev["actor" if p.pop("role") == "actor" else "recipient"].append(p)

    def facets(self) -> dict[str, list[str]]:
        """Values present in the store, for the filter drop-downs of the web UI."""

        def values(sql: str) -> list[str]:
            return [r["v"] for r in self._rows(sql) if r["v"]]

        return {
            "category": values("SELECT DISTINCT event AS v FROM events ORDER BY v"),
            "certainty": values("SELECT DISTINCT certainty AS v FROM events ORDER BY v"),
            "country": values("SELECT DISTINCT location_country AS v FROM events ORDER BY v"),
        }

    # --- documents, actors, quotes -----------------------------------------------------------------

    def documents(self, f: Filters, page: Page) -> tuple[int, list[dict[str, Any]]]:
        order = order_by(page.sort, DOCUMENT_SORTS, "-published", "d.id")
        where: list[str] = []
        params: list[Any] = []
        if f.q:
            where.append(
                "(d.title ILIKE ? ESCAPE '\\' OR d.text ILIKE ? ESCAPE '\\' OR d.url ILIKE ? ESCAPE '\\')"
            )
            params += [like(f.q)] * 3
        if f.since:
            where.append("substr(d.published, 1, 10) >= ?")
            params.append(f.since)
        if f.until:
            where.append("substr(d.published, 1, 10) <= ?")
            params.append(f.until)
        if f.actor:
            ids = self.actor_ids(f.actor)
            if not ids:
                return 0, []
            where.append(
                f"d.id IN (SELECT document_id FROM document_actors WHERE actor_id IN ({', '.join('?' for _ in ids)}))"
            )
            params += ids
        if f.category or f.certainty or f.country or f.admin1:
            built = self._event_where(
                Filters(category=f.category, certainty=f.certainty, country=f.country, admin1=f.admin1)
            )
            assert built is not None  # no actor filter here, so it always builds
            terms, more = built
            where.append(
                f"EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id AND {' AND '.join(terms)})"
            )
            params += more
        base = (
            "SELECT d.id, d.source, d.url, d.title, d.published, d.section, d.language, d.ingested_at, "
            "(SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events, "
            "(SELECT count(*) FROM quotes q WHERE q.document_id = d.id) AS quotes FROM documents d"
            + (" WHERE " + " AND ".join(where) if where else "")
        )
        total = self._count(base, params)
        return total, self._rows(base + order + " LIMIT ? OFFSET ?", [*params, page.limit, page.offset])

    def actors(self, f: Filters, page: Page) -> tuple[int, list[dict[str, Any]]]:
        order = order_by(page.sort, ACTOR_SORTS, "-mentions", "a.id")
        where: list[str] = []
        params: list[Any] = []
        if f.q:
            where.append(
                "(a.id ILIKE ? ESCAPE '\\' OR a.name ILIKE ? ESCAPE '\\' OR a.id IN "
                "(SELECT actor_id FROM aliases WHERE alias ILIKE ? ESCAPE '\\'))"
            )
            params += [like(f.q)] * 3
        if f.type:
            where.append("a.type = ?")
            params.append(f.type)
        if f.country:
            where.append("upper(a.country) = ?")
            params.append(f.country.upper())
        base = (
            "SELECT a.id, a.name, a.type, a.country, a.parent, a.in_kb, "
            "(SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions, "
            "(SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.actor_id = a.id) AS documents, "
            "(SELECT count(*) FROM event_participants p WHERE p.actor_id = a.id) AS events FROM actors a"
            + (" WHERE " + " AND ".join(where) if where else "")
        )
        total = self._count(base, params)
        return total, self._rows(base + order + " LIMIT ? OFFSET ?", [*params, page.limit, page.offset])

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        """Profile of one actor by exact id: the store's profile plus parent and children."""
        if not self._rows("SELECT id FROM actors WHERE id = ?", [actor_id]):
            return None
        with self.lock:
            profile = self.store.actor(actor_id)
        if profile is None:
            return None
        profile["children"] = self._rows(
            "SELECT id, name, type FROM actors WHERE parent = ? ORDER BY name, id", [actor_id]
        )
        parent = profile.get("parent")
        profile["parent_name"] = self.names([parent]).get(parent) if parent else None
        counterpart_names = self.names([c["id"] for c in profile.get("counterparts", [])])
        for c in profile.get("counterparts", []):
            c["name"] = counterpart_names.get(c["id"], c["id"])
        return profile

    def quotes(self, f: Filters, page: Page) -> tuple[int, list[dict[str, Any]]]:
        where: list[str] = []
        params: list[Any] = []
        if f.document_id:
            where.append("q.document_id = ?")
            params.append(f.document_id)
        if f.actor:
            ids = self.actor_ids(f.actor)
            if not ids:
                return 0, []
            where.append(f"q.speaker IN ({', '.join('?' for _ in ids)})")
            params += ids
        if f.q:
            where.append("(q.text ILIKE ? ESCAPE '\\' OR q.speaker_text ILIKE ? ESCAPE '\\')")
            params += [like(f.q)] * 2
        if f.since:
            where.append("substr(d.published, 1, 10) >= ?")
            params.append(f.since)
        if f.until:
            where.append("substr(d.published, 1, 10) <= ?")
            params.append(f.until)
        base = (
            "SELECT q.*, a.name AS speaker_name, d.title, d.published FROM quotes q "
            "JOIN documents d ON d.id = q.document_id LEFT JOIN actors a ON a.id = q.speaker"
            + (" WHERE " + " AND ".join(where) if where else "")
        )
        total = self._count(base, params)
        order = " ORDER BY d.published DESC NULLS LAST, q.document_id, q.seq"
        return total, self._rows(base + order + " LIMIT ? OFFSET ?", [*params, page.limit, page.offset])

    def counts(self) -> dict[str, int]:
        with self.lock:
            return self.store.counts()

    def fingerprint(self) -> tuple[Any, ...]:
        """Changes whenever documents are added or replaced (keys the cross-article cache)."""
        row = self._rows("SELECT count(*) AS n, max(ingested_at) AS last FROM documents")[0]
        return (row["n"], row["last"])

    def load_document(self, doc_id: str):
        with self.lock:
            return self.store.load_document(doc_id)

    def stored_incidents(self) -> list[Any]:
        """Incidents kept up to date at ingest; empty for a store from before that table."""
        with self.lock:
            try:
                return self.store.load_incidents()
            except Exception:  # no incidents table yet: the caller clusters on the fly
                return []

    def all_documents(self) -> list[Any]:
        ids = [r["id"] for r in self._rows("SELECT id FROM documents ORDER BY id")]
        return [d for d in (self.load_document(i) for i in ids) if d is not None]
