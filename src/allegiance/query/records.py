"""Documents, quotes, failures and counts: the listings besides events and actors."""

from __future__ import annotations

from typing import Any

from ..records import Document
from .base import Where, like
from .errors import NotFound
from .events import EventQueries
from .filters import Filters, Page, check_page, checked

DOCUMENT_SORTS = {
    "published": "d.published",
    "ingested": "d.ingested_at",
    "title": "d.title",
    "events": "events",
}
QUOTE_SORTS = {"published": "d.published", "speaker": "q.speaker"}
FAILURE_SORTS = {"failed": "f.failed_at", "source": "f.source", "stage": "f.stage"}
TABLES = ("documents", "actors", "events", "quotes", "failures")


class RecordQueries(EventQueries):
    def documents(self, f: Filters, page: Page) -> tuple[int, list[dict[str, Any]]]:
        """Documents, newest first (filters: q, since/until on publication day, actor, and the
        event filters category/certainty/country/admin1 — a document with such an event)."""
        f = checked(f)
        key, descending = check_page(page, DOCUMENT_SORTS, "-published")
        where = Where().text(f.q, "d.title", "d.text", "d.url").days("d.published", f.since, f.until)
        if f.actor:
            where.add(
                "d.id IN (SELECT document_id FROM document_actors WHERE actor_id = ?)",
                self.resolve_actor(f.actor),
            )
        if f.category or f.certainty or f.country or f.admin1:
            events = self.event_where(
                Filters(category=f.category, certainty=f.certainty, country=f.country, admin1=f.admin1)
            )
            where.add(f"d.id IN (SELECT e.document_id FROM events e{events.sql()})", *events.params)
        base = (
            "SELECT d.id, d.source, d.url, d.title, d.published, d.section, d.language, d.ingested_at, "
            "(SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events, "
            "(SELECT count(*) FROM quotes q WHERE q.document_id = d.id) AS quotes FROM documents d"
            + where.sql()
        )
        order = f" ORDER BY {DOCUMENT_SORTS[key]} {'DESC' if descending else 'ASC'} NULLS LAST, d.id"
        return self.listing("documents", f, base, where.params, order, page)

    def document(self, doc_id: str) -> Document:
        """One stored document as the `records.Document` that was saved."""
        with self.lock:
            found = self.store.load_document(doc_id)
        if found is None:
            close = [
                r["id"]
                for r in self.rows(
                    "SELECT id FROM documents WHERE id LIKE ? ORDER BY id LIMIT 8", [like(doc_id[:12])]
                )
            ]
            raise NotFound(f"no stored document {doc_id!r}", "document", close)
        return found

    def all_documents(self) -> list[Document]:
        return [self.document(r["id"]) for r in self.rows("SELECT id FROM documents ORDER BY id")]

    def quotes(self, f: Filters, page: Page) -> tuple[int, list[dict[str, Any]]]:
        """Quotes with speakers, newest document first (filters: actor = speaker, document, q,
        since/until on publication day)."""
        f = checked(f)
        key, descending = check_page(page, QUOTE_SORTS, "-published")
        where = Where().equal("q.document_id", f.document_id).text(f.q, "q.text", "q.speaker_text")
        if f.actor:
            where.add("q.speaker = ?", self.resolve_actor(f.actor))
        where.days("d.published", f.since, f.until)
        base = (
            "SELECT q.*, a.name AS speaker_name, d.title, d.published FROM quotes q "
            "JOIN documents d ON d.id = q.document_id LEFT JOIN actors a ON a.id = q.speaker" + where.sql()
        )
        order = (
            f" ORDER BY {QUOTE_SORTS[key]} {'DESC' if descending else 'ASC'} NULLS LAST, q.document_id, q.seq"
        )
        return self.listing("quotes", f, base, where.params, order, page)

    def failures(self, f: Filters, page: Page) -> tuple[int, list[dict[str, Any]]]:
        """Inputs that could not be processed, latest first (filters: stage, q on source/reason)."""
        f = checked(f)
        key, descending = check_page(page, FAILURE_SORTS, "-failed")
        where = Where().equal("f.stage", f.stage).text(f.q, "f.source", "f.reason")
        base = "SELECT f.source, f.stage, f.reason, f.failed_at FROM failures f" + where.sql()
        order = (
            f" ORDER BY {FAILURE_SORTS[key]} {'DESC' if descending else 'ASC'} NULLS LAST, f.source, f.reason"
        )
        return self.listing("failures", f, base, where.params, order, page)

    def counts(self) -> dict[str, int]:
        def count() -> dict[str, int]:
            row = self.rows("SELECT " + ", ".join(f"(SELECT count(*) FROM {t}) AS {t}" for t in TABLES))[0]
            return {t: int(row[t]) for t in TABLES}

        return self.memo(("counts",), count)
