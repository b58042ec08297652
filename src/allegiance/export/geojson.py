"""GeoJSON FeatureCollection of the events that have coordinates (RFC 7946: [lon, lat])."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .dataset import ExportData, event_day


def collection(data: ExportData) -> dict[str, Any]:
    features = []
    for doc, ev in data.events():
        loc = ev.location
        if loc is None or loc.lat is None or loc.lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": ev.id,
                "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                "properties": {
                    "event": ev.event,
                    "mode": ev.mode,
                    "date": event_day(ev, doc),
                    "actor": [data.name(p.id) for p in ev.actor],
                    "recipient": [data.name(p.id) for p in ev.recipient],
                    "certainty": ev.certainty,
                    "dead": ev.dead,
                    "injured": ev.injured,
                    "place": loc.name,
                    "admin1": loc.admin1,
                    "country": loc.country,
                    "incident": data.incident_of(ev.id),
                    "document_id": doc.id,
                    "url": doc.url,
                    "text": ev.eventText,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write(data: ExportData, out: Path) -> Path:
    out.write_text(json.dumps(collection(data), ensure_ascii=False, default=str), encoding="utf-8")
    return out
