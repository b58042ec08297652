"""Cross-article views (incidents, relation timelines, alerts, the signed network) for the desk.

They are computed in memory from every stored document by the incidents/relations/network
modules, exactly as the CLI's analysis commands do, and cached until the store changes (its
document count or latest ingest time), so browsing does not re-cluster on every request.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from ..records import Document, Incident, RelationPeriod
from .queries import Desk

PERIODS = ("week", "month", "quarter", "year")


@dataclass
class Analysis:
    documents: list[Document]
    incidents: list[Incident]
    lines: dict[tuple[str, str], list[RelationPeriod]]
    names: dict[str, str]
    incident_of: dict[str, Incident] = field(default_factory=dict)

    def incident(self, incident_id: str) -> Incident | None:
        return next((i for i in self.incidents if i.id == incident_id), None)


class AnalysisCache:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.lock = threading.Lock()
        self.cached: dict[str, tuple[tuple[Any, ...], Analysis]] = {}

    def get(self, period: str = "month") -> Analysis:
        if period not in PERIODS:
            raise ValueError(f"unknown period {period!r}; choose from {', '.join(PERIODS)}")
        key = self.desk.fingerprint()
        with self.lock:
            hit = self.cached.get(period)
            if hit is not None and hit[0] == key:
                return hit[1]
            analysis = build(self.desk.all_documents(), period, self.desk.stored_incidents())
            self.cached[period] = (key, analysis)
            return analysis


def build(documents: list[Document], period: str = "month", stored: list[Incident] | None = None) -> Analysis:
    from ..incidents import cluster, incident_index, options_from_documents
    from ..relations import timelines

    # incidents are kept up to date at ingest; older stores are clustered here
    incidents = stored or cluster(documents, options_from_documents(documents))
    names = {a.id: a.name for doc in documents for a in doc.actors}
    return Analysis(
        documents=documents,
        incidents=incidents,
        lines=timelines(incidents, unit=period),
        names=names,
        incident_of=incident_index(incidents),
    )


def incident_summary(inc: Incident, names: dict[str, str]) -> dict[str, Any]:
    """An incident without its (long) mentions, plus actor names and the reports' locations."""
    data = inc.model_dump(mode="json", exclude={"mentions"})
    data["reports"] = [
        {"document": m.document, "event": m.event.id, "outlet": m.outlet, "url": m.url} for m in inc.mentions
    ]
    data["names"] = {i: names.get(i, i) for i in [*inc.actor, *inc.recipient]}
    return data


def keep_incident(inc: Incident, filters: Any, min_outlets: int = 1) -> bool:
    """Whether an incident passes the listing filters (actor id or name, category, certainty, place,
    date range on the incident date, text in any report's sentence)."""
    if len(inc.outlets) < min_outlets:
        return False
    if filters.category and inc.event.upper() != filters.category.upper():
        return False
    if filters.certainty and inc.certainty != filters.certainty:
        return False
    loc = inc.location
    if filters.country and (loc is None or (loc.country or "").upper() != filters.country.upper()):
        return False
    if filters.admin1 and (loc is None or (loc.admin1 or "").lower() != filters.admin1.lower()):
        return False
    day = inc.date.start[:10] if inc.date and inc.date.start else None
    if (filters.since or filters.until) and day is None:
        return False
    if filters.since and day < filters.since:
        return False
    if filters.until and day > filters.until:
        return False
    if filters.actor:
        wanted = filters.actor.lower()
        ids = {i.lower() for i in [*inc.actor, *inc.recipient]}
        texts = {p.text.lower() for m in inc.mentions for p in [*m.event.actor, *m.event.recipient]}
        if wanted not in ids | texts:
            return False
    if filters.q:
        needle = filters.q.lower()
        if not any(needle in m.event.eventText.lower() for m in inc.mentions):
            return False
    return True


def network_elements(analysis: Analysis) -> dict[str, Any]:
    """The signed actor graph as Cytoscape elements plus the summary the CLI prints."""
    from ..network import signed_graph, summary

    graph = signed_graph(analysis.lines, names=analysis.names)
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
    return {"nodes": nodes, "edges": edges, "summary": summary(graph, analysis.lines)}
