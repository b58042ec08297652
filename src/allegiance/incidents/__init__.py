"""Cross-article incidents: event reports from different documents that describe the same
real-world happening, joined into one `records.Incident`.

Clustering is connected components over a pairwise compatibility graph (`link.compatible`), so the
result does not depend on the order documents arrive in: `update(incidents, new)` adds only the
new edges and gives exactly what clustering everything at once gives. Incident ids hash the sorted
member event ids, so they are deterministic (an incident that absorbs a new report gets a new id).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..records import Document, Event, Incident, IncidentMention
from ..relations.weights import Weights, load_weights
from .link import LinkOptions, Report, linked
from .merge import merge

__all__ = [
    "LinkOptions",
    "cluster",
    "incident_index",
    "mentions_from",
    "options_from_documents",
    "outlet_of",
    "update",
]


def outlet_of(url: str | None, source: str | None = None) -> str | None:
    """The outlet of a report: the url's host without `www.`; else the document source."""
    if url:
        host = (urlsplit(url).hostname or "").lower()
        if host.startswith("www."):
            host = host[4:]
        if host:
            return host
    return source or None


def options_from_documents(documents: Iterable[Document], **overrides) -> LinkOptions:
    """Link options whose actor hierarchy (parents) and media ids come from the documents' actors,
    i.e. from the knowledge base the documents were resolved with."""
    parents: dict[str, str] = {}
    media: set[str] = set()
    for doc in documents:
        for actor in doc.actors:
            if actor.parent:
                parents.setdefault(actor.id, actor.parent)
            if actor.type == "media":
                media.add(actor.id)
    return LinkOptions(parents=parents, media_ids=frozenset(media), **overrides)


def mentions_from(documents: Iterable[Document]) -> list[IncidentMention]:
    return [
        IncidentMention(
            event=ev,
            document=doc.id,
            url=doc.url,
            outlet=outlet_of(doc.url, doc.source),
            published=doc.published,
            headline=doc.title,
            parents=_parents_of(ev, parents),
        )
        for doc, parents in ((d, {a.id: a.parent for a in d.actors if a.parent}) for d in documents)
        for ev in doc.events
    ]


def _parents_of(ev: Event, parents: dict[str, str]) -> dict[str, str]:
    """The parents the document gave the event's participants: a person and the body they lead or
    speak for ("Haftar" → the LNA, a president → the state), which no knowledge base lists."""
    return {p.id: parents[p.id] for p in ev.actor + ev.recipient if p.id in parents}


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _as_mentions(items: Iterable[Document | IncidentMention]) -> list[IncidentMention]:
    out: list[IncidentMention] = []
    for item in items:
        out.extend(mentions_from([item]) if isinstance(item, Document) else [item])
    return out


def update(
    incidents: list[Incident],
    new: Iterable[Document | IncidentMention],
    options: LinkOptions | None = None,
    weights: Weights | None = None,
    replaced: Iterable[str] = (),
) -> list[Incident]:
    """Add new documents (or mentions) to existing incidents; same result as `cluster` on all
    (given the same options). A document already seen replaces all of its earlier events; so do
    the documents named in `replaced` (the store passes a batch's mentions, built once, and the
    ids of their documents, as if it passed the documents)."""
    options = options or LinkOptions()
    weights = weights or load_weights()
    items = list(new)
    old = [m for inc in incidents for m in inc.mentions]
    fresh = _as_mentions(items)
    fresh_ids = {m.event.id for m in fresh}
    fresh_docs = {item.id for item in items if isinstance(item, Document)} | set(replaced)
    if any(m.event.id in fresh_ids or m.document in fresh_docs for m in old):
        # A re-analysed document replaces its events; old links may no longer hold: start over.
        kept = [m for m in old if m.event.id not in fresh_ids and m.document not in fresh_docs]
        return cluster(kept + fresh, options, weights)
    mentions = old + fresh
    reports = [Report(m, weights, options) for m in mentions]
    uf = _UnionFind(len(mentions))
    first = 0
    given: dict[int, Incident] = {}
    for inc in incidents:  # existing incidents stay whole: their members are already linked
        for k in range(1, len(inc.mentions)):
            uf.union(first, first + k)
        given[first] = inc
        first += len(inc.mentions)
    _link(reports, uf, new_from=len(old), options=options)
    return _components(mentions, uf, weights, options, given)


def cluster(
    items: Iterable[Document | IncidentMention],
    options: LinkOptions | None = None,
    weights: Weights | None = None,
) -> list[Incident]:
    """Every event becomes part of exactly one incident (a singleton when nothing else matches)."""
    options = options or LinkOptions()
    weights = weights or load_weights()
    mentions = _as_mentions(items)
    reports = [Report(m, weights, options) for m in mentions]
    uf = _UnionFind(len(mentions))
    _link(reports, uf, new_from=0, options=options)
    return _components(mentions, uf, weights, options)


def _link(reports: list[Report], uf: _UnionFind, new_from: int, options: LinkOptions) -> None:
    """Union every compatible pair that involves at least one report with index >= new_from.
    Blocking, which leaves out only pairs `linked` refuses (each test below is one of its
    necessary conditions; tests/test_incidents_blocking.py compares with every pair asked):
    - only dated reports link, and b's family must be among a's occasion (`Report.occasion`);
    - a report of another family of the occasion (a sanction, a statement) only when it shares a
      speaker: those are indexed by family and speaker too;
    - windows that overlap within the slack: reports are listed by family and window width, each
      list sorted by start day, so a window of width w can only meet a's when it starts between
      a.start - slack - w and a.end + slack (bisect on both bounds);
    - sides that can be one happening (`_may_share_sides`)."""
    slack = options.date_slack_days
    index: dict[tuple[str, int, str | None], tuple[list[int], list[int]]] = {}
    spans: dict[int, tuple[int, int]] = {}
    for i, r in enumerate(reports):
        if r.dated(options) and r.start is not None and r.end is not None:
            spans[i] = (r.start.toordinal(), r.end.toordinal())
    widths = sorted({end - start for start, end in spans.values()})
    for i in sorted(spans, key=lambda i: spans[i][0]):
        r = reports[i]
        width = spans[i][1] - spans[i][0]
        keys: list[str | None] = [None, *r.speakers] if len(r.occasion) > 1 else [None]
        for key in keys:
            days, members = index.setdefault((r.family, width, key), ([], []))
            days.append(spans[i][0])
            members.append(i)
    for i in range(new_from, len(reports)):
        if i not in spans:
            continue
        r = reports[i]
        start, end = spans[i]
        for family in r.occasion:
            # one family: every report; another of the occasion: those sharing a speaker
            keys = [None] if family == r.family else [*sorted(r.speakers)]
            seen: set[int] = set()
            for key in keys:
                for width in widths:
                    listed = index.get((family, width, key))
                    if listed is None:
                        continue
                    days, members = listed
                    lo = bisect.bisect_left(days, start - slack - width)
                    hi = bisect.bisect_right(days, end + slack)
                    for j in members[lo:hi]:
                        # each new pair once (new-old, or new-new with j > i); old-old pairs were linked before
                        if not (j < new_from or j > i) or (len(keys) > 1 and j in seen):
                            continue
                        seen.add(j)
                        b = reports[j]
                        if _may_share_sides(r, b) and uf.find(i) != uf.find(j) and linked(r, b, options):
                            uf.union(i, j)


def _may_share_sides(a: Report, b: Report) -> bool:
    """False only where `link.actors_relation` says 'conflict': two reports that name no common
    participant (named or generic victim) can only be compatible with one side empty on each
    side; every other relation needs a shared participant."""
    if (a.actor and b.actor or a.recipient and b.recipient) and not a.sides & b.sides:
        return bool(a.victims & b.victims)
    return True


def _components(
    mentions: list[IncidentMention],
    uf: _UnionFind,
    weights: Weights,
    options: LinkOptions,
    given: dict[int, Incident] | None = None,
) -> list[Incident]:
    """The incidents of the components; `given`: the incidents `update` started from, by the
    index of their first mention. One that gained no member is returned as it was: merging is a
    function of the members, so merging them again would give it back (its id hashes them)."""
    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(uf.find(i), []).append(i)
    incidents = []
    for members in groups.values():
        kept = (given or {}).get(members[0])
        if kept is not None and len(kept.mentions) == len(members):
            incidents.append(kept)
        else:
            incidents.append(merge([mentions[i] for i in members], weights, options))
    return sorted(incidents, key=lambda inc: ((inc.date.start or "") if inc.date else "", inc.id))


def incident_index(incidents: Iterable[Incident]) -> dict[str, Incident]:
    """event id -> the incident it belongs to."""
    return {m.event.id: inc for inc in incidents for m in inc.mentions}
