"""ACLED-style CSV: one row per event of a kind ACLED codes (violence, demonstrations, strategic
developments), typed by data/relations/acled.yaml. Columns follow ACLED's names."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from ..incidents import outlet_of
from ..lexicons import load_data
from ..records import Document, Event
from .dataset import ExportData, event_day

COLUMNS = [
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "notes",
    "source",
    "certainty",
    "incident",
    "url",
]


@cache
def mapping() -> dict:
    categories: dict = load_data("relations", "acled.yaml", "acled.schema.json")["categories"]
    return categories


def acled_type(ev: Event, data: ExportData) -> tuple[str, str] | None:
    """(event_type, sub_event_type), or None for categories ACLED does not code."""
    rule = mapping().get(ev.event)
    if rule is None:
        return None
    mode_rule = (rule.get("modes") or {}).get((ev.mode or "").lower())
    if mode_rule:
        return mode_rule[0], mode_rule[1]
    victims = [data.actor_type(p.id) for p in ev.recipient]
    if rule.get("against_civilians") and victims and all(t == "civilians" for t in victims):
        return rule["against_civilians"][0], rule["against_civilians"][1]
    return rule["default"][0], rule["default"][1]


def row(doc: Document, ev: Event, data: ExportData) -> dict[str, object] | None:
    kind = acled_type(ev, data)
    if kind is None:
        return None
    loc = ev.location
    return {
        "event_id": ev.id,
        "event_date": event_day(ev, doc),
        "event_type": kind[0],
        "sub_event_type": kind[1],
        "actor1": "; ".join(data.name(p.id) for p in ev.actor),
        "actor2": "; ".join(data.name(p.id) for p in ev.recipient),
        "admin1": loc.admin1 if loc else None,
        "location": loc.name if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "fatalities": ev.dead or 0,  # ACLED writes 0 when no toll is reported
        "notes": " ".join(ev.eventText.split()),
        "source": outlet_of(doc.url, doc.source),
        "certainty": ev.certainty,
        "incident": data.incident_of(ev.id),
        "url": doc.url,
    }


def write(data: ExportData, out: Path) -> Path:
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for doc, ev in data.events():
            found = row(doc, ev, data)
            if found is not None:
                writer.writerow(found)
    return out
