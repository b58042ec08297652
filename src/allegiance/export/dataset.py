"""What every exporter reads: documents, their incidents and relation timelines, built once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from ..incidents import LinkOptions, cluster, incident_index
from ..records import Actor, Document, Event, Incident, RelationPeriod
from ..relations import Pair, timelines


@dataclass
class ExportData:
    documents: list[Document]
    incidents: list[Incident] = field(default_factory=list)
    lines: dict[Pair, list[RelationPeriod]] = field(default_factory=dict)

    @classmethod
    def build(
        cls, documents: list[Document], options: LinkOptions | None = None, unit: str = "month"
    ) -> ExportData:
        documents = sorted(documents, key=lambda d: d.id)
        incidents = cluster(documents, options)
        return cls(documents=documents, incidents=incidents, lines=timelines(incidents, unit))

    def __post_init__(self) -> None:
        self._incident_of = {eid: inc.id for eid, inc in incident_index(self.incidents).items()}
        self.actors: dict[str, Actor] = {}
        for doc in self.documents:
            for actor in doc.actors:
                self.actors.setdefault(actor.id, actor)

    def events(self) -> Iterator[tuple[Document, Event]]:
        for doc in self.documents:
            for ev in doc.events:
                yield doc, ev

    def incident_of(self, event_id: str) -> str | None:
        return self._incident_of.get(event_id)

    def name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def actor_type(self, actor_id: str) -> str | None:
        actor = self.actors.get(actor_id)
        return actor.type if actor else None


def event_day(ev: Event, doc: Document) -> str | None:
    """The event's day (its date, else the publication day)."""
    if ev.date and ev.date.start:
        return ev.date.start[:10]
    return doc.published.date().isoformat() if doc.published else None


def filter_documents(
    documents: list[Document],
    actor: str | None = None,
    category: str | None = None,
    certainty: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
) -> list[Document]:
    """Keep only the events that pass every filter given (actor: canonical id or name, either role;
    since/until: inclusive ISO dates on the event date, else the publication date)."""
    since_s = str(since)[:10] if since else None
    until_s = str(until)[:10] if until else None
    wanted_actor = actor.lower() if actor else None

    def keep(ev: Event, doc: Document) -> bool:
        if category and ev.event != category.upper():
            return False
        if certainty and ev.certainty != certainty:
            return False
        if wanted_actor:
            names = {a.id: a.name.lower() for a in doc.actors}
            ids = {p.id for p in ev.actor + ev.recipient}
            if not any(wanted_actor in (i.lower(), names.get(i, "")) for i in ids):
                return False
        day = event_day(ev, doc)
        if (since_s or until_s) and day is None:
            return False
        return not ((since_s and day < since_s) or (until_s and day > until_s))  # type: ignore[operator]

    return [
        doc.model_copy(update={"events": [ev for ev in doc.events if keep(ev, doc)]}) for doc in documents
    ]
