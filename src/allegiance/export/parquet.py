"""Parquet: one file per table (documents, events, participants, incidents, incident_mentions,
relations) in the output folder, written with pyarrow."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .dataset import ExportData, event_day


def tables(data: ExportData) -> dict[str, list[dict]]:
    documents = [
        {
            "id": d.id,
            "source": d.source,
            "url": d.url,
            "title": d.title,
            "published": d.published,
            "language": d.language,
        }
        for d in data.documents
    ]
    events, participants = [], []
    for doc, ev in data.events():
        loc = ev.location
        events.append(
            {
                "id": ev.id,
                "document_id": doc.id,
                "incident_id": data.incident_of(ev.id),
                "event": ev.event,
                "mode": ev.mode,
                "certainty": ev.certainty,
                "attributed_to": ev.attributedTo,
                "date": event_day(ev, doc),
                "date_start": ev.date.start if ev.date else None,
                "date_end": ev.date.end if ev.date else None,
                "place": loc.name if loc else None,
                "admin1": loc.admin1 if loc else None,
                "country": loc.country if loc else None,
                "lat": loc.lat if loc else None,
                "lon": loc.lon if loc else None,
                "dead": ev.dead,
                "injured": ev.injured,
                "sentence_start": ev.sentence.start,
                "sentence_end": ev.sentence.end,
                "event_text": ev.eventText,
            }
        )
        for role, group in (("actor", ev.actor), ("recipient", ev.recipient)):
            for p in group:
                participants.append(
                    {
                        "event_id": ev.id,
                        "role": role,
                        "actor_id": p.id,
                        "text": p.text,
                        "start": p.start,
                        "end": p.end,
                    }
                )
    incidents, mentions = [], []
    for inc in data.incidents:
        incidents.append(
            {
                "id": inc.id,
                "event": inc.event,
                "mode": inc.mode,
                "actor": inc.actor,
                "recipient": inc.recipient,
                "date_start": inc.date.start if inc.date else None,
                "date_end": inc.date.end if inc.date else None,
                "place": inc.location.name if inc.location else None,
                "admin1": inc.location.admin1 if inc.location else None,
                "country": inc.location.country if inc.location else None,
                "dead": inc.dead,
                "dead_low": inc.dead_low,
                "dead_high": inc.dead_high,
                "certainty": inc.certainty,
                "outlets": inc.outlets,
                "sources": inc.sources,
                "corroboration": inc.corroboration,
                "contested": inc.contested,
            }
        )
        for m in inc.mentions:
            mentions.append(
                {
                    "incident_id": inc.id,
                    "event_id": m.event.id,
                    "document_id": m.document,
                    "url": m.url,
                    "outlet": m.outlet,
                }
            )
    relations = [p.model_dump() for periods in data.lines.values() for p in periods]
    return {
        "documents": documents,
        "events": events,
        "participants": participants,
        "incidents": incidents,
        "incident_mentions": mentions,
        "relations": relations,
    }


def write(data: ExportData, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in tables(data).items():
        # An empty table still gets a file (with no columns) so readers find every table.
        pq.write_table(pa.Table.from_pylist(rows), out / f"{name}.parquet")
    return out
