"""STIX 2.1 bundle (stix2 library): armed actors as threat-actor, other actors as identity,
event places as location, one report per document, and one relationship per event (source actor
→ recipient) carrying the PLOVER category, certainty and evidence span as custom `x_` properties.

Ids are UUIDv5 over allegiance's own ids and timestamps come from the documents, so the same
input gives the same bundle byte for byte."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pycountry
import stix2

from ..records import Document, Event, Where
from ..relations import load_weights
from .dataset import ExportData

NAMESPACE = uuid.UUID("6f0b6c3e-8d0a-5b7e-9a55-0a11e9a0c0de")  # allegiance's own, fixed forever
THREAT_TYPES = {"rebels", "militia", "military", "police"}
IDENTITY_CLASS = {
    "person": "individual",
    "civilians": "class",
    "country": "organization",
    "government": "organization",
    "igo": "organization",
    "ngo": "organization",
    "media": "organization",
    "business": "organization",
    "religious": "organization",
    "political_party": "organization",
}
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def _time(value: datetime | None) -> datetime:
    if value is None:
        return EPOCH
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _alpha2(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    country = pycountry.countries.get(alpha_3=alpha3.upper())
    return country.alpha_2 if country else None


class _Builder:
    def __init__(self, data: ExportData) -> None:
        self.data = data
        self.objects: dict[str, Any] = {}
        self.created = min((_time(d.published) for d in data.documents), default=EPOCH)

    def actor(self, actor_id: str) -> str:
        kind = self.data.actor_type(actor_id)
        stix_type = "threat-actor" if kind in THREAT_TYPES else "identity"
        sid = _id(stix_type, actor_id)
        if sid not in self.objects:
            common = {
                "id": sid,
                "name": self.data.name(actor_id),
                "created": self.created,
                "modified": self.created,
            }
            common["external_references"] = [{"source_name": "allegiance", "external_id": actor_id}]
            if stix_type == "threat-actor":
                # threat-actor-type-ov: state forces are "nation-state"; for armed groups the
                # vocabulary's other labels (terrorist, criminal …) are judgements we do not make.
                types = ["nation-state"] if kind in {"military", "police"} else ["unknown"]
                self.objects[sid] = stix2.v21.ThreatActor(**common, threat_actor_types=types)
            else:
                identity_class = IDENTITY_CLASS.get(kind or "", "group" if kind else "unknown")
                self.objects[sid] = stix2.v21.Identity(**common, identity_class=identity_class)
        return sid

    def location(self, where: Where) -> str | None:
        key = f"{where.name}|{where.admin1}|{where.country}"
        sid = _id("location", key)
        if sid in self.objects:
            return sid
        props: dict[str, Any] = {"name": where.name}
        if where.lat is not None and where.lon is not None:
            props.update(latitude=where.lat, longitude=where.lon)
        country = _alpha2(where.country)
        if country:
            props["country"] = country
        if where.admin1:
            props["administrative_area"] = where.admin1
        if "latitude" not in props and "country" not in props:
            return None  # STIX needs coordinates, a country or a region to place it
        self.objects[sid] = stix2.v21.Location(id=sid, created=self.created, modified=self.created, **props)
        return sid

    def event(self, doc: Document, ev: Event) -> list[str]:
        weights = load_weights()
        refs: list[str] = []
        place = self.location(ev.location) if ev.location else None
        if place:
            refs.append(place)
        sources = [self.actor(p.id) for p in ev.actor]
        targets = [self.actor(p.id) for p in ev.recipient] or ([place] if place else [])
        refs += sources + [t for t in targets if t not in refs]
        hostile = weights.quad.get(ev.event, 0) >= 3
        created = _time(doc.published)
        for s in sources:
            for t in targets:
                if s == t:
                    continue
                rel_type = "targets" if hostile and s.startswith("threat-actor") else "related-to"
                rid = _id("relationship", f"{ev.id}|{s}|{t}")
                start = ev.date.start if ev.date and ev.date.start else None
                self.objects[rid] = stix2.v21.Relationship(
                    id=rid,
                    created=created,
                    modified=created,
                    relationship_type=rel_type,
                    source_ref=s,
                    target_ref=t,
                    description=" ".join(ev.eventText.split()),
                    start_time=_time(datetime.fromisoformat(start[:10])) if start else None,
                    allow_custom=True,
                    x_plover_event=ev.event,
                    x_plover_mode=ev.mode,
                    x_certainty=ev.certainty,
                    x_event_id=ev.id,
                    x_incident_id=self.data.incident_of(ev.id),
                    x_evidence_start=ev.sentence.start,
                    x_evidence_end=ev.sentence.end,
                    x_dead=ev.dead,
                )
                refs.append(rid)
        return refs

    def report(self, doc: Document) -> None:
        refs: list[str] = []
        for ev in doc.events:
            refs += [r for r in self.event(doc, ev) if r not in refs]
        if not refs:
            return  # a STIX report must reference something
        published = _time(doc.published)
        rid = _id("report", doc.id)
        self.objects[rid] = stix2.v21.Report(
            id=rid,
            created=published,
            modified=published,
            name=doc.title or doc.url or doc.source,
            published=published,
            report_types=["threat-actor"],
            object_refs=refs,
            external_references=[
                {"source_name": "allegiance", "external_id": doc.id, **({"url": doc.url} if doc.url else {})}
            ],
        )


def bundle(data: ExportData) -> stix2.v21.Bundle:
    builder = _Builder(data)
    for doc in data.documents:
        builder.report(doc)
    objects = [builder.objects[k] for k in sorted(builder.objects)]
    return stix2.v21.Bundle(
        id=_id("bundle", "|".join(sorted(d.id for d in data.documents))), objects=objects, allow_custom=True
    )


def write(data: ExportData, out: Path) -> Path:
    out.write_text(bundle(data).serialize(pretty=True), encoding="utf-8")
    return out
