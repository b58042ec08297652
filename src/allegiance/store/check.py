"""`allegiance check --db …`: find and repair what a crash or an older version could leave behind.

A document is written whole in one transaction, with its incidents (write.py, upkeep.py), so a
healthy store has none of these. A store written by an older version, edited by hand, or restored
from a partial copy can: rows of a per-document table whose document is gone (orphans), incident
members that point at events no longer stored (stale), and events that no incident covers (gaps).
Repair deletes orphans and, when the incidents are damaged, rebuilds them from the stored
documents, in one transaction under the writers' lock, so it is safe beside a running `run` on PostgreSQL and
idempotent: a second check finds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import schema

CHILD_TABLES = tuple(t for t in schema.PER_DOCUMENT if t != "documents")
CHUNK = 256  # documents loaded at once while the incidents are rebuilt


@dataclass
class Finding:
    kind: str  # orphans | dangling | stale-incidents | uncovered-events
    table: str
    count: int
    detail: str


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    repaired: bool = False

    @property
    def healthy(self) -> bool:
        return not any(f.count for f in self.findings)

    def as_dict(self) -> dict[str, Any]:
        return {
            "healthy": self.healthy,
            "repaired": self.repaired,
            "findings": [f.__dict__ for f in self.findings],
        }


def _count(store: Any, sql: str) -> int:
    return int(store.con.execute(sql).fetchall()[0][0])


def _orphans_sql(table: str, select: str = "count(*)") -> str:
    return (
        f"SELECT {select} FROM {table} t WHERE NOT EXISTS "
        "(SELECT 1 FROM documents d WHERE d.id = t.document_id)"
    )


# rows that hang on a row of their document that is gone (a participant of a deleted event)
DANGLING = {
    "event_participants": "NOT EXISTS (SELECT 1 FROM events e WHERE e.document_id = t.document_id AND e.seq = t.event_seq)",
    "mentions": "NOT EXISTS (SELECT 1 FROM document_actors a WHERE a.document_id = t.document_id AND a.seq = t.actor_seq)",
}
STALE_INCIDENTS = (
    "SELECT DISTINCT m.incident_id FROM incident_members m WHERE NOT EXISTS "
    "(SELECT 1 FROM events e WHERE e.id = m.event_id AND e.document_id = m.document_id)"
)
UNCOVERED_DOCUMENTS = (
    "SELECT DISTINCT e.document_id FROM events e WHERE NOT EXISTS "
    "(SELECT 1 FROM incident_members m WHERE m.event_id = e.id AND m.document_id = e.document_id)"
)


def _key(table: str) -> str:
    return {"event_participants": "document_id, event_seq, role, seq", "mentions": "document_id, actor_seq, seq"}[table]


def inspect(store: Any) -> Report:
    """What is wrong with `store` (nothing is changed)."""
    report = Report()
    for table in CHILD_TABLES:
        report.findings.append(
            Finding("orphans", table, _count(store, _orphans_sql(table)), "rows whose document is not stored")
        )
    for table, test in DANGLING.items():
        dangling = _count(store, f"SELECT count(*) FROM {table} t WHERE {test}")
        report.findings.append(Finding("dangling", table, dangling, "rows whose event or actor is not stored"))
    stale = len(store.con.execute(STALE_INCIDENTS).fetchall())
    report.findings.append(
        Finding("stale-incidents", "incident_members", stale, "incidents holding events that are not stored")
    )
    gaps = _count(store, f"SELECT count(*) FROM ({UNCOVERED_DOCUMENTS}) g")
    report.findings.append(
        Finding("uncovered-events", "events", gaps, "documents with events that no incident covers")
    )
    return report


def repair(store: Any) -> Report:
    """Repair what `inspect` finds, in one transaction; returns what was found before."""
    found = inspect(store)
    if found.healthy:
        return found

    incidents_damaged = any(f.count for f in found.findings if f.kind in ("stale-incidents", "uncovered-events"))

    def work() -> None:
        for table in CHILD_TABLES:
            store.con.execute(f"DELETE FROM {table} WHERE document_id NOT IN (SELECT id FROM documents)")
        for table, test in DANGLING.items():
            # DuckDB takes no alias in DELETE: name the rows by their key instead
            store.con.execute(f"DELETE FROM {table} WHERE ({_key(table)}) IN (SELECT {_key(table)} FROM {table} t WHERE {test})")
        if not incidents_damaged:
            return
        # An incident's id hashes its members, and a damaged member index can hide which stored
        # incidents a document belongs to; the incidents are rebuilt, a chunk of documents at a
        # time (linking is order- and batch-independent, so chunks give what all at once gives).
        store.con.execute("DELETE FROM incident_members")
        store.con.execute("DELETE FROM incidents")
        ids = [r[0] for r in store.con.execute("SELECT id FROM documents ORDER BY id").fetchall()]
        for start in range(0, len(ids), CHUNK):
            documents = [d for d in (store.load_document(i) for i in ids[start : start + CHUNK]) if d]
            store.upkeep.fold(store, documents, with_gaps=False)

    store._in_transaction(work)
    found.repaired = True
    return found
