"""The store owns the cross-article incidents (issue 12): every transaction that stores documents
links their events into the stored incidents before it commits, whichever entry point stored them
(`allegiance run` on any engine, `/api/ingest`, a re-run after a crash).

The linking is `incidents.update` (connected components over compatible pairs: the same result in
any order or batching). It is given only the stored incidents a new report could join: those with
a member whose linking window starts within the linking reach of a new report's (the same blocking
`incidents._link` applies), plus those holding a document being replaced. Every other incident is
a whole component that no new pair touches, so leaving it out changes nothing, and a batch costs
what its neighbourhood costs, not what the whole store holds. Writing is incremental too: an
incident's id hashes its members, so only incidents that changed are deleted and inserted.

Two writers on one PostgreSQL store are serialised by the store's writer lock (`_lock_writers`,
taken first in each write transaction), so each reads the incidents the other committed.

A store holding documents that no incident covers (written before the store kept incidents, or by
an older run killed before it folded them in) is repaired on this process's first write: those
documents are linked in too, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

from ..records import Document, Incident, IncidentMention

OR_CHUNK = 200  # day ranges per query


def options_from_kb(kb: Any) -> Any:
    """Link options from the actor knowledge base the documents were resolved with (the actor
    hierarchy, and which actors are media), so every writer links with the same options."""
    from ..incidents import LinkOptions

    return LinkOptions(
        parents={a.id: a.parent for a in kb.actors.values() if a.parent},
        media_ids=frozenset(a.id for a in kb.actors.values() if a.type == "media"),
    )


def default_options() -> Any:
    from ..actors import load_kb
    from ..settings import Settings

    return options_from_kb(load_kb(Settings.from_env().extra_kb))


class IncidentUpkeep:
    def __init__(self, options: Callable[[], Any] = default_options) -> None:
        self._make_options = options
        self._options: Any = None
        self._repaired = False  # this process has linked in the documents no incident covered
        self._repairing = False

    def use_options(self, options: Any) -> None:
        """Link with `options` (`incidents.LinkOptions`) from now on."""
        self._options = options

    @property
    def options(self) -> Any:
        if self._options is None:
            self._options = self._make_options()
        return self._options

    @cached_property
    def weights(self) -> Any:
        """The scores file (`relations.load_weights`), read and validated once, not per batch."""
        from ..relations.weights import load_weights

        return load_weights()

    def fold(self, store: Any, documents: list[Document], with_gaps: bool = True) -> None:
        """Within `store`'s open write transaction: link `documents` (just written) into the
        stored incidents and write the incidents that changed (and, once per process unless
        `with_gaps` is False, the stored documents no incident covers)."""
        from ..incidents import mentions_from, update

        if with_gaps and not self._repaired:
            documents = documents + _uncovered(store, {d.id for d in documents})
            self._repairing = True
        fresh = mentions_from(documents)
        before = _neighbours(store, fresh, {d.id for d in documents}, self.options)
        if fresh or before:
            after = update(before, fresh, self.options, self.weights, replaced={d.id for d in documents})
            write_changes(store, before, after, self.options)

    def committed(self) -> None:
        self._repaired = self._repaired or self._repairing

    def rolled_back(self) -> None:
        self._repairing = False


def _window_days(mentions: Iterable[IncidentMention], options: Any) -> list[int | None]:
    """The day (ordinal) each mention's linking window starts, None when it cannot link: the key
    `incidents._link` blocks on."""
    from ..incidents.link import window_day

    return [window_day(m, options) for m in mentions]


def _neighbours(store: Any, fresh: list[IncidentMention], doc_ids: set[str], options: Any) -> list[Incident]:
    """The stored incidents a fresh mention could join, and those holding a re-stored document."""
    reach = options.max_window_days + options.date_slack_days
    spans: list[list[int]] = []
    for day in sorted({d for d in _window_days(fresh, options) if d is not None}):
        if spans and day - reach <= spans[-1][1]:
            spans[-1][1] = day + reach
        else:
            spans.append([day - reach, day + reach])
    ids: set[str] = set()
    for i in range(0, len(spans), OR_CHUNK):
        chunk = spans[i : i + OR_CHUNK]
        test = " OR ".join("day BETWEEN ? AND ?" for _ in chunk)
        found = store.con.execute(
            f"SELECT DISTINCT incident_id FROM incident_members WHERE {test}", [v for s in chunk for v in s]
        )
        ids.update(r[0] for r in found.fetchall())
    if doc_ids:
        found = store.con.execute(
            f"SELECT DISTINCT incident_id FROM incident_members WHERE {store._in('document_id')}",
            [sorted(doc_ids)],
        )
        ids.update(r[0] for r in found.fetchall())
    if not ids:
        return []
    found = store.con.execute(
        f"SELECT body FROM incidents WHERE {store._in('id')} ORDER BY id", [sorted(ids)]
    )
    return [Incident.model_validate_json(r[0]) for r in found.fetchall()]


def write_changes(store: Any, before: list[Incident], after: list[Incident], options: Any) -> None:
    """Delete the incidents of `before` that are not in `after`, insert the new ones of `after`."""
    old = {i.id for i in before}
    new = {i.id: i for i in after}
    gone = [i for i in old if i not in new]
    if gone:
        store.con.execute(f"DELETE FROM incident_members WHERE {store._in('incident_id')}", [gone])
        store.con.execute(f"DELETE FROM incidents WHERE {store._in('id')}", [gone])
    added = [i for key, i in new.items() if key not in old]
    if not added:
        return
    store._insert("incidents", [(i.id, i.model_dump_json()) for i in added])
    members = [(i.id, m) for i in added for m in i.mentions]
    days = _window_days((m for _, m in members), options)
    store._insert(
        "incident_members",
        [(i, m.document, m.event.id, day) for (i, m), day in zip(members, days, strict=True)],
    )


def _uncovered(store: Any, skip: set[str]) -> list[Document]:
    """Stored documents with events that no incident covers (a gap to repair). A store whose
    incidents were written before `incident_members` existed is indexed first."""
    has_members = store.con.execute("SELECT count(*) FROM incident_members").fetchall()[0][0]
    if not has_members:
        legacy = store.load_incidents()
        if legacy:
            store.con.execute("DELETE FROM incidents")
            write_changes(store, [], legacy, store.upkeep.options)
    found = store.con.execute(
        "SELECT DISTINCT e.document_id FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM incident_members m WHERE m.document_id = e.document_id) ORDER BY 1"
    ).fetchall()
    missing = [r[0] for r in found if r[0] not in skip]
    return [d for d in (store.load_document(i) for i in missing) if d is not None]
