"""Events: the filtered, sorted, paginated listing every front end shows, and the map's points.

How a page is read, so that no request scans or counts more than it must (docs/api.md has the
EXPLAIN ANALYZE figures):
1. the keys of the page (document id, seq, sort value, row id) are found with only the columns
   the filter and the sort need — sorting whole rows to keep 50 of them costs several times more;
   for the default sort, dated events are sorted without joining their documents (their day is
   their own date) and merged with the undated ones;
2. those rows are read back by row id (DuckDB) or primary key (PostgreSQL), their documents and
   participants by the page's keys: one statement each, not one per row;
3. the total is counted once per store version and filter set (memoised), not on every page.
A cursor (keyset pagination) continues after the last row of a page without OFFSET's skipped rows.
"""

from __future__ import annotations

import json
from typing import Any

from ..store.rows import participant_pattern
from .actors import ActorQueries
from .base import Where, marks
from .errors import QueryError
from .filters import Filters, Page, check_page, checked, decode_cursor, encode_cursor

# The event's day: its own date, else the publication day of its document.
DAY = "coalesce(e.date_start, substr(d.published, 1, 10))"
DAY_UNDATED = "substr(d.published, 1, 10)"  # DAY of an event without a date of its own
# the (document id, seq) keys of one actor's events, in either role
ACTOR_EVENTS = "SELECT p.document_id, p.event_seq FROM event_participants p WHERE p.actor_id = ?"
EVENT_SORTS = {
    "date": DAY,
    "event": "e.event",
    "certainty": "e.certainty",
    "country": "e.location_country",
    "place": "e.location_name",
    "dead": "e.dead",
    "confidence": "e.confidence",
}
MAP_LIMIT = 5000


class EventQueries(ActorQueries):
    def event_where(self, f: Filters, day: str = DAY, hits: bool = False) -> Where:
        """WHERE terms (over `events e JOIN documents d`) for checked filters; `day` is the
        event-day expression (DAY, or one of its two branches where the branch is known); with
        `hits`, the actor's events come from the statement's `hits` CTE (ACTOR_HITS)."""
        where = Where()
        if f.actor and self.inline_participants():
            where.add("strpos(e.participants, ?) > 0", participant_pattern(self.resolve_actor(f.actor)))
        elif f.actor and hits:
            where.add("(e.document_id, e.seq) IN (SELECT document_id, event_seq FROM hits)")
        elif f.actor:
            where.add(f"(e.document_id, e.seq) IN ({ACTOR_EVENTS})", self.resolve_actor(f.actor))
        where.equal("e.event", f.category).equal("e.certainty", f.certainty)
        where.equal("e.location_country", f.country).equal("e.document_id", f.document_id)
        where.equal("lower(e.location_admin1)", f.admin1 and f.admin1.lower())
        if f.since:  # an event that spans days is in the window when any of its days is
            where.add(f"coalesce(e.date_end, {day}) >= ?", f.since)
        where.days(day, None, f.until)
        return where.text(f.q, "e.event_text", "e.trigger_text", "e.location_name", "d.title")

    def events(self, f: Filters, page: Page) -> tuple[int, list[dict[str, Any]], str | None]:
        """(total, the page's events, the cursor of the next page or None). Newest first by default
        (event date, else publication date); ties in any sort go by document id, then seq."""
        f = checked(f)
        key, descending = check_page(page, EVENT_SORTS, "-date")
        where = self.event_where(f)
        joined = "FROM events e JOIN documents d ON d.id = e.document_id"
        total = self.memo(("events", f), lambda: self._count_rows(joined + where.sql(), where.params))
        after = decode_cursor(page.cursor, page.sort or "-date") if page.cursor else None
        offset = 0 if after else page.offset
        order = f" ORDER BY sort_value {'DESC' if descending else 'ASC'} NULLS LAST, document_id, seq"
        if key == "date":
            # the day is the event's date, else the publication day: read the two kinds of event
            # apart so that dated events (nearly all) are sorted without joining their documents
            branches = [
                self._page_keys(f, "e.date_start", "e.date_start IS NOT NULL", descending, after),
                self._page_keys(f, DAY_UNDATED, "e.date_start IS NULL", descending, after),
            ]
            sql = " UNION ALL ".join(
                f"SELECT * FROM ({b_sql}{order} LIMIT ?) AS b{i}" for i, (b_sql, _) in enumerate(branches)
            )
            params = [x for _, b_params in branches for x in [*b_params, offset + page.limit + 1]]
            if f.actor and not self.inline_participants():  # both branches read the actor's events: find them once
                sql = f"WITH hits AS MATERIALIZED ({ACTOR_EVENTS}) {sql}"
                params.insert(0, self.resolve_actor(f.actor))
        else:
            sql, params = self._page_keys(f, EVENT_SORTS[key], None, descending, after)
        keys = self.rows(f"{sql}{order} LIMIT ? OFFSET ?", [*params, page.limit + 1, offset])
        more_rows = len(keys) > page.limit
        keys = keys[: page.limit]
        items = self.events_by_key(
            [(k["document_id"], k["seq"]) for k in keys], [k.get("row_id") for k in keys]
        )
        cursor = None
        if more_rows and keys:
            last = keys[-1]
            cursor = encode_cursor(page.sort or "-date", last["sort_value"], last["document_id"], last["seq"])
        return total, items, cursor

    def inline_participants(self) -> bool:
        """Whether the actor filter and a page's participants read `events.participants` (one
        column of the events table) instead of event_participants: on a backend that uses no
        index for those lookups (DuckDB), once every event has it — a store written before the
        column and opened read-only since has not (schema.UPGRADES)."""
        if not self.store_inline:
            return False

        def complete() -> bool:
            column = self.rows(
                "SELECT count(*) AS n FROM information_schema.columns "
                "WHERE table_name = 'events' AND column_name = 'participants'"
            )
            return bool(column[0]["n"]) and not self.rows(
                "SELECT 1 AS missing FROM events WHERE participants IS NULL LIMIT 1"
            )

        return self.memo(("inline participants",), complete)

    def _page_keys(
        self, f: Filters, sort: str, only: str | None, descending: bool, after: tuple[Any, str, int] | None
    ) -> tuple[str, list[Any]]:
        """SELECT of the keys (document id, seq, sort value, row id) of the events passing `f`
        (and `only`), after the cursor's row; documents are joined only when a term needs them."""
        # a date branch knows its day, and reads the actor's events from the shared CTE
        where = self.event_where(f, sort if only is not None else DAY, hits=only is not None)
        if only:
            where.add(only)
        if after is not None:
            where.add(*_after(sort, descending, after))
        row_id = f", e.{self.row_id} AS row_id" if self.row_id else ""
        source = "events e" + (
            " JOIN documents d ON d.id = e.document_id" if "d." in where.sql() + sort else ""
        )
        return (
            f"SELECT e.document_id AS document_id, e.seq AS seq, {sort} AS sort_value{row_id} FROM {source}{where.sql()}",
            where.params,
        )

    def _count_rows(self, from_where: str, params: list[Any]) -> int:
        return int(self.rows(f"SELECT count(*) AS n {from_where}", params)[0]["n"])

    def events_by_key(
        self, keys: list[tuple[str, int]], row_ids: list[Any] | None = None
    ) -> list[dict[str, Any]]:
        """Full event rows for (document id, seq) keys, in that order, with the document's url,
        title and publication date and `actor`/`recipient` participants (id, text, offsets, name).
        `row_ids` (the backend's physical row ids of those events, when it has them) fetch the
        rows without a scan; else they are found by primary key."""
        if not keys:
            return []
        if self.row_id and row_ids and None not in row_ids:
            rows = self.rows(f"SELECT * FROM events WHERE {self.row_id} = ANY(?)", [list(row_ids)])
        else:
            pairs = ", ".join("(?, ?)" for _ in keys)
            rows = self.rows(
                f"SELECT * FROM events WHERE (document_id, seq) IN (VALUES {pairs})",
                [x for k in keys for x in k],
            )
        doc_ids = sorted({d for d, _ in keys})
        docs = {
            d["id"]: d
            for d in self.rows(
                f"SELECT id, url, title, published FROM documents WHERE id IN ({marks(doc_ids)})", doc_ids
            )
        }
        by_key = {(r["document_id"], r["seq"]): r for r in rows}
        inline = {k: row.pop("participants", None) for k, row in by_key.items()}
        for row in by_key.values():
            doc = docs[row["document_id"]]
            published = doc["published"]
            # as DAY in SQL: the event's own date, else the publication day
            row["day"] = row["date_start"] if row["date_start"] is not None else published and published[:10]
            row["url"], row["title"], row["published"] = doc["url"], doc["title"], published
            row["context"] = json.loads(row["context"]) if isinstance(row["context"], str) else row["context"]
            row["actor"], row["recipient"] = [], []
        if self.inline_participants():
            people = [
                {"document_id": k[0], "event_seq": k[1], **p}
                for k in keys
                if k in inline
                for p in json.loads(inline[k] or "[]")
            ]
            names = self.names([p["id"] for p in people])
            for p in people:
                p["name"] = names.get(p["id"])
        else:
            people = self._participants(keys)
        for p in people:
            owner = by_key.get((p.pop("document_id"), p.pop("event_seq")))
            if owner is not None:
                owner["actor" if p.pop("role") == "actor" else "recipient"].append(p)
        return [by_key[k] for k in keys if k in by_key]

    def _participants(self, keys: list[tuple[str, int]]) -> list[dict[str, Any]]:
        """The participants of these events with actor names, in event and role order: one
        statement for the page (by primary key; the names are read apart, as the join made
        DuckDB slower)."""
        pairs = ", ".join("(?, ?)" for _ in keys)
        found = self.rows(
            "SELECT p.document_id, p.event_seq, p.role, p.actor_id AS id, p.text, p.span_start AS start, "
            f'p.span_end AS "end" FROM event_participants p WHERE (p.document_id, p.event_seq) IN (VALUES {pairs}) '
            "ORDER BY p.document_id, p.event_seq, p.role, p.seq",
            [x for k in keys for x in k],
        )
        names = self.names([p["id"] for p in found])
        for p in found:
            p["name"] = names.get(p["id"])
        return found

    def located(self, f: Filters, limit: int = MAP_LIMIT) -> tuple[int, list[dict[str, Any]]]:
        """Located events (with lat/lon) for the map, newest first, at most `limit` (up to
        MAP_LIMIT): the total counts every located event that passes the filters."""
        f = checked(f)
        if not 1 <= limit <= MAP_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAP_LIMIT}, got {limit}", "limit")
        where = self.event_where(f).add("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")
        filtered = "FROM events e JOIN documents d ON d.id = e.document_id" + where.sql()
        total = self.memo(("located", f), lambda: self._count_rows(filtered, where.params))
        points = self.rows(
            "SELECT e.id, e.document_id AS document, e.event, e.certainty, e.location_lat AS lat, "
            "e.location_lon AS lon, e.location_name AS place, e.location_country AS country, "
            f"{DAY} AS day {filtered} ORDER BY day DESC NULLS LAST, e.document_id, e.seq LIMIT ?",
            [*where.params, limit],
        )
        return total, points

    def facets(self) -> dict[str, list[str]]:
        """Values present in the store, for the filter drop-downs of the web UI."""

        def values(column: str) -> list[str]:
            sql = f"SELECT DISTINCT {column} AS v FROM events WHERE {column} IS NOT NULL ORDER BY v"
            return [r["v"] for r in self.rows(sql)]

        columns = {"category": "event", "certainty": "certainty", "country": "location_country"}
        return self.memo(("facets",), lambda: {name: values(column) for name, column in columns.items()})


def _after(sort: str, descending: bool, last: tuple[Any, str, int]) -> tuple[Any, ...]:
    """The keyset condition 'comes after `last`' in ORDER BY sort (direction) NULLS LAST,
    document_id, seq — NULL sort values come last in both directions."""
    value, document_id, seq = last
    tie = "(e.document_id > ? OR (e.document_id = ? AND e.seq > ?))"
    tie_params = [document_id, document_id, seq]
    if value is None:
        return (f"({sort} IS NULL AND {tie})", *tie_params)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise QueryError("cursor is not one this listing gave; start again without it", "cursor")
    beyond = "<" if descending else ">"
    return (f"({sort} {beyond} ? OR ({sort} = ? AND {tie}) OR {sort} IS NULL)", value, value, *tie_params)
