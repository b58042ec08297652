"""Cross-article reads: incidents, relation timelines, alerts, the signed network, export data.

They are computed in memory from every stored document by the incidents/relations/network
modules (incidents are kept up to date at ingest; a store written before that is clustered here),
memoised per store version and period, so browsing does not re-cluster on every request. Actor
references are resolved by the same `resolve_actor` as every other query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import Alert, Document, Incident, RelationPeriod
from .errors import Ambiguous, NotFound, QueryError
from .filters import Filters, Page, check_day, check_page, checked
from .records import RecordQueries

PERIODS = ("week", "month", "quarter", "year")
INCIDENT_SORTS = {"corroboration": "corroboration"}


@dataclass
class Analysis:
    documents: list[Document]
    incidents: list[Incident]
    lines: dict[tuple[str, str], list[RelationPeriod]]
    names: dict[str, str]
    incident_of: dict[str, Incident] = field(default_factory=dict)


def incident_summary(inc: Incident, names: dict[str, str]) -> dict[str, Any]:
    """An incident without its (long) mentions, plus actor names and where each report is."""
    data = inc.model_dump(mode="json", exclude={"mentions"})
    data["reports"] = [
        {"document": m.document, "event": m.event.id, "outlet": m.outlet, "url": m.url} for m in inc.mentions
    ]
    data["names"] = {i: names.get(i, i) for i in [*inc.actor, *inc.recipient]}
    return data


def _keep(inc: Incident, f: Filters, actor_id: str | None, min_outlets: int) -> bool:
    """Whether an incident passes checked filters (dates on the incident date)."""
    loc = inc.location
    day = inc.date.start[:10] if inc.date and inc.date.start else None
    return not (
        len(inc.outlets) < min_outlets
        or (f.category and inc.event != f.category)
        or (f.certainty and inc.certainty != f.certainty)
        or (f.country and (loc is None or (loc.country or "").upper() != f.country))
        or (f.admin1 and (loc is None or (loc.admin1 or "").lower() != f.admin1.lower()))
        or ((f.since or f.until) and day is None)
        or (f.since and day < f.since)  # type: ignore[operator]
        or (f.until and day > f.until)  # type: ignore[operator]
        or (actor_id and actor_id not in (*inc.actor, *inc.recipient))
        or (f.q and not any(f.q.lower() in m.event.eventText.lower() for m in inc.mentions))
    )


class AnalysisQueries(RecordQueries):
    def analysis(self, period: str = "month") -> Analysis:
        if period not in PERIODS:
            raise QueryError(
                f"unknown period {period!r}; choose from {', '.join(PERIODS)}", "period", list(PERIODS)
            )
        return self.memo(("analysis", period), lambda: self._build(period))

    def _build(self, period: str) -> Analysis:
        from ..incidents import cluster, incident_index, options_from_documents
        from ..relations import timelines

        documents = self.memo(("documents",), self.all_documents)
        with self.lock:
            try:
                stored = self.store.load_incidents()
            except Exception:  # a store from before the incidents table: clustered below
                stored = []
        incidents = stored or cluster(documents, options_from_documents(documents))
        return Analysis(
            documents=documents,
            incidents=incidents,
            lines=timelines(incidents, unit=period),
            names={a.id: a.name for doc in documents for a in doc.actors},
            incident_of=incident_index(incidents),
        )

    def incidents(self, f: Filters, page: Page, min_outlets: int = 1) -> tuple[int, list[dict[str, Any]]]:
        """Incidents, most corroborated first (outlets, independent sources, reports, then id)."""
        f = checked(f)
        check_page(page, INCIDENT_SORTS, "corroboration")
        actor_id = self.resolve_actor(f.actor) if f.actor else None
        found = self.analysis()
        kept = sorted(
            (i for i in found.incidents if _keep(i, f, actor_id, min_outlets)),
            key=lambda i: (-len(i.outlets), -len(i.sources), -len(i.mentions), i.id),
        )
        items = kept[page.offset : page.offset + page.limit]
        return len(kept), [incident_summary(i, found.names) for i in items]

    def incident(self, reference: str) -> Incident:
        """One incident by id or unique id prefix."""
        incidents = self.analysis().incidents
        matches = [i.id for i in incidents if i.id == reference] or [
            i.id for i in incidents if i.id.startswith(reference)
        ]
        if len(matches) > 1:
            raise Ambiguous(
                f"{reference!r} is the start of several incident ids; give more of it",
                "incident",
                matches[:8],
            )
        if not matches:
            raise NotFound(f"no incident {reference!r}", "incident", [])
        return next(i for i in incidents if i.id == matches[0])

    def relations(
        self, actor: str | None, page: Page, period: str = "month"
    ) -> tuple[int, list[dict[str, Any]]]:
        """Actor pairs with their latest known relation status."""
        check_page(page, {"pair": "pair"}, "pair")
        found = self.analysis(period)
        actor_id = self.resolve_actor(actor) if actor else None
        rows = []
        for (a, b), periods in sorted(found.lines.items()):
            if not periods or (actor_id and actor_id not in (a, b)):
                continue
            known = [p for p in periods if p.status != "unknown"]
            latest = known[-1] if known else periods[-1]
            rows.append(
                {
                    "a": a,
                    "b": b,
                    "a_name": found.names.get(a, a),
                    "b_name": found.names.get(b, b),
                    "status": latest.status,
                    "period": latest.period,
                    "periods": len(periods),
                }
            )
        return len(rows), rows[page.offset : page.offset + page.limit]

    def relation(self, a: str, b: str, period: str = "month") -> tuple[str, str, list[RelationPeriod]]:
        """The timeline of two actor references: (first id, second id, periods), ids sorted."""
        found = self.analysis(period)
        first, second = sorted((self.resolve_actor(a, "a"), self.resolve_actor(b, "b")))
        return first, second, found.lines.get((first, second), [])

    def alerts(
        self, since: str | None = None, threshold: float = 0.0, min_outlets: int = 0, period: str = "month"
    ) -> list[Alert]:
        from ..relations import alerts

        day = check_day(since, "since")
        found = self.analysis(period)
        return alerts(found.lines, since=day, threshold=threshold, min_outlets=min_outlets, names=found.names)

    def network(self, period: str = "month") -> dict[str, Any]:
        """The signed actor graph as Cytoscape elements plus its balance summary."""
        from ..network import signed_graph, summary

        found = self.analysis(period)
        graph = signed_graph(found.lines, names=found.names)
        nodes = [
            {"data": {"id": n, "label": d.get("name", n), "degree": graph.degree(n)}}
            for n, d in graph.nodes(data=True)
        ]
        edges = [
            {
                "data": {
                    "id": f"{a}|{b}",
                    "source": a,
                    "target": b,
                    "weight": d["weight"],
                    "sign": d["sign"],
                    "status": d["status"],
                    "last_period": d["last_period"],
                }
            }
            for a, b, d in graph.edges(data=True)
        ]
        return {"nodes": nodes, "edges": edges, "summary": summary(graph, found.lines)}

    def export(self, fmt: str, out: Path, f: Filters) -> tuple[Path, int, int]:
        """Write the events passing `f` (with incidents and relations) in `fmt` to `out`:
        (path written, events, documents)."""
        from ..export import FORMATS, ExportData, export, filter_documents
        from ..incidents import options_from_documents

        if fmt not in FORMATS:
            raise NotFound(
                f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}", "format", list(FORMATS)
            )
        f = checked(f)
        actor_id = self.resolve_actor(f.actor) if f.actor else None
        documents = self.analysis().documents
        kept = filter_documents(
            documents,
            actor=actor_id,
            category=f.category,
            certainty=f.certainty,
            since=f.since,
            until=f.until,
        )
        written = export(ExportData.build(kept, options_from_documents(documents)), fmt, out)
        return written, sum(len(d.events) for d in kept), len(kept)
