"""PLOVER JSON Lines: one event per line with the codebook's field names (PLOVER manual, chapter
"Data Fields": id, date, enddate, actor, recipient, event, mode, context, event_loc, event_text,
quad_code, event_scale, link, size, cite_info, text_info) plus allegiance's own evidence fields
(certainty, attributedTo, evidence span, document id/url, incident id)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..events.folding import FOLD
from ..incidents import outlet_of
from ..records import Document, Event, Participant
from ..relations import load_weights
from .dataset import ExportData, event_day


def _entity(p: Participant, data: ExportData) -> dict[str, Any]:
    actor = data.actors.get(p.id)
    out: dict[str, Any] = {"entity_text": p.text, "identifier_text": data.name(p.id), "allegiance_id": p.id}
    if actor is not None:
        if actor.country:
            out["code"] = actor.country
        if actor.wikidata:
            out["identifier_id"] = actor.wikidata
    return out


# "will withdraw" (predicted) and "would withdraw" (hypothetical) both state an intention
PROMISED = {"predicted", "hypothetical"}


def strict_category(ev: Event) -> str:
    """Strict PLOVER folds a promised action into its verbal category (codebook, AGREE and CONCEDE
    notes): allegiance keeps "will withdraw" as RETREAT + predicted; the export says CONCEDE."""
    return FOLD.get(ev.event, ev.event) if ev.certainty in PROMISED else ev.event


def record(doc: Document, ev: Event, data: ExportData) -> dict[str, Any]:
    weights = load_weights()
    loc = ev.location
    return {
        "id": ev.id,
        "date": event_day(ev, doc),
        "enddate": ev.date.end[:10] if ev.date and ev.date.end else None,
        "actor": [_entity(p, data) for p in ev.actor],
        "recipient": [_entity(p, data) for p in ev.recipient],
        "event": [strict_category(ev)],
        "allegiance_event": ev.event,
        "mode": [ev.mode] if ev.mode else [],
        "context": ev.context,
        "event_text": [ev.eventText],
        "quad_code": weights.quad.get(ev.event),
        "event_scale": weights.score(ev),
        "link": data.incident_of(ev.id),
        "size": {k: v for k, v in {"dead": ev.dead, "injured": ev.injured}.items() if v is not None},
        "event_loc": None
        if loc is None
        else {
            "extracted_place": doc.text[loc.start : loc.end]
            if loc.start is not None and loc.end is not None
            else loc.name,
            "resolved_place": loc.name,
            "lat": loc.lat,
            "lon": loc.lon,
            "province": loc.admin1,
            "country_code": loc.country,
        },
        "cite_info": {
            "url": doc.url,
            "title": doc.title,
            "publication": outlet_of(doc.url, doc.source),
            "coder": "allegiance",
        },
        "text_info": {"start": ev.sentence.start, "end": ev.sentence.end},
        # allegiance's own fields
        "certainty": ev.certainty,
        "attributedTo": ev.attributedTo,
        "attributedText": ev.attributedText,
        "evidence": {"start": ev.sentence.start, "end": ev.sentence.end, "trigger": ev.trigger.model_dump()},
        "document_id": doc.id,
        "url": doc.url,
        "incident": data.incident_of(ev.id),
        "confidence": ev.confidence,
    }


def write(data: ExportData, out: Path) -> Path:
    with out.open("w", encoding="utf-8") as fh:
        for doc, ev in data.events():
            fh.write(json.dumps(record(doc, ev, data), ensure_ascii=False, default=str) + "\n")
    return out
