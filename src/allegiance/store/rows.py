"""Records ↔ table rows, backend-independent: `document_rows` flattens a `Document` into the rows of
every table (tuples in `schema.columns` order); `document_from_rows` rebuilds it."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import cache
from operator import itemgetter
from typing import Any

from ..records import Actor, Document, Event, Mention, Participant, Quote, Span, TextSpan, When, Where
from . import schema


@cache  # one getter per table: the bulk writer flattens every row through here
def _getter(table: str) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    cols = schema.columns(table)
    return itemgetter(*cols) if len(cols) > 1 else lambda values: (values[cols[0]],)


def _row(table: str, values: dict[str, Any]) -> tuple[Any, ...]:
    return _getter(table)(values)


def _span(span: Span | None, prefix: str) -> dict[str, Any]:
    return {f"{prefix}_start": span.start if span else None, f"{prefix}_end": span.end if span else None}


def actor_row(actor: Actor) -> tuple[Any, ...]:
    fields = actor.model_dump(
        include={"id", "name", "type", "country", "parent", "wikidata", "in_kb", "note"}
    )
    return _row("actors", fields)


# The fields of an event's date and place, kept in columns `date_*` / `location_*`.
WHEN_FIELDS = ("start", "end", "granularity", "text")
WHERE_FIELDS = ("name", "admin1", "country", "lat", "lon", "kind", "start", "end")


def _flat(record: Any, prefix: str, names: tuple[str, ...]) -> dict[str, Any]:
    """The columns `prefix + name` of a nested record (all None without one)."""
    return {prefix + name: getattr(record, name) if record is not None else None for name in names}


def event_rows(doc_id: str, seq: int, ev: Event) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    date, loc = ev.date, ev.location
    values: dict[str, Any] = {
        "document_id": doc_id,
        "seq": seq,
        "id": ev.id,
        "event": ev.event,
        "mode": ev.mode,
        "context": json.dumps(ev.context),
        "event_text": ev.eventText,
        "trigger_text": ev.trigger.text,
        "certainty": ev.certainty,
        "cue_text": ev.cue.text if ev.cue else None,
        "attributed_to": ev.attributedTo,
        "attributed_text": ev.attributedText,
        **_flat(date, "date_", WHEN_FIELDS),
        **_flat(loc, "location_", WHERE_FIELDS),
        "dead": ev.dead,
        "injured": ev.injured,
        "confidence": ev.confidence,
        "cameo": ev.cameo,
        "score": ev.score,
        **_span(ev.trigger, "trigger"),
        **_span(ev.sentence, "sentence"),
        **_span(ev.cue, "cue"),
        **_span(date.span if date else None, "date_span"),
    }
    values["participants"] = participants_json(
        (role, p.id, p.text, p.start, p.end)
        for role, people in (("actor", ev.actor), ("recipient", ev.recipient))
        for p in people
    )
    participants = [
        _row(
            "event_participants",
            {
                "document_id": doc_id,
                "event_seq": seq,
                "event_id": ev.id,
                "role": role,
                "seq": i,
                "actor_id": p.id,
                "text": p.text,
                "span_start": p.start,
                "span_end": p.end,
            },
        )
        for role, people in (("actor", ev.actor), ("recipient", ev.recipient))
        for i, p in enumerate(people)
    ]
    return _row("events", values), participants


def participants_json(people: Iterable[tuple[str, str, str, int, int]]) -> str:
    """`events.participants`: the event's (role, actor id, text, start, end), actors first, each
    role in its order, as the query layer lists them. Compact and key-ordered, so that
    `participant_pattern` finds an actor id by plain substring search."""
    return _COMPACT.encode([{"role": r, "id": i, "text": t, "start": a, "end": b} for r, i, t, a, b in people])


_COMPACT = json.JSONEncoder(separators=(",", ":"))  # one encoder: json.dumps makes one per call with these


def participant_pattern(actor_id: str) -> str:
    """The text that `events.participants` holds when `actor_id` takes part in the event, in either
    role. Exact: a quote inside a text value is escaped, so `"id":` can only open an id, and the
    comma after the id's closing quote ends it."""
    return f'"id":{json.dumps(actor_id)},'


def document_rows(doc: Document, ingested_at: datetime | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """The rows `doc` owns, by table. The global `actors`/`aliases` rows are upserted separately
    (`actor_row`), since other documents share them."""
    at = (ingested_at or datetime.now(UTC)).replace(tzinfo=None)
    rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    rows["documents"].append(
        _row(
            "documents",
            {
                **doc.model_dump(include={"id", "source", "url", "canonical_url", "title", "section", "language", "text"}),
                "published": doc.published.isoformat() if doc.published else None,
                "tags": json.dumps(doc.tags),
                "ingested_at": at,
            },
        )
    )
    for a_seq, actor in enumerate(doc.actors):
        rows["document_actors"].append((doc.id, a_seq, actor.id))
        rows["mentions"].extend(
            (doc.id, a_seq, i, actor.id, m.start, m.end, m.text, m.kind) for i, m in enumerate(actor.mentions)
        )
    for seq, ev in enumerate(doc.events):
        ev_row, participants = event_rows(doc.id, seq, ev)
        rows["events"].append(ev_row)
        rows["event_participants"].extend(participants)
    for seq, q in enumerate(doc.quotes):
        rows["quotes"].append(
            _row(
                "quotes",
                {
                    "document_id": doc.id,
                    "seq": seq,
                    "speaker": q.speaker,
                    "speaker_text": q.speakerText,
                    "speaker_start": q.speakerStart,
                    "speaker_end": q.speakerEnd,
                    "text": q.text,
                    "span_start": q.start,
                    "span_end": q.end,
                    "direct": q.direct,
                },
            )
        )
    return rows


def _opt_span(row: dict[str, Any], prefix: str) -> Span | None:
    start, end = row[f"{prefix}_start"], row[f"{prefix}_end"]
    return None if start is None else Span(start=start, end=end)


def _prefixed(row: dict[str, Any], prefix: str, names: tuple[str, ...]) -> dict[str, Any]:
    """The columns `prefix + name` of a row, by name (the columns of one nested record)."""
    return {name: row[prefix + name] for name in names}


def event_from_row(row: dict[str, Any], participants: list[dict[str, Any]]) -> Event:
    def people(role: str) -> list[Participant]:
        mine = sorted((p for p in participants if p["role"] == role), key=lambda p: p["seq"])
        return [
            Participant(id=p["actor_id"], text=p["text"], start=p["span_start"], end=p["span_end"])
            for p in mine
        ]

    cue = _opt_span(row, "cue")
    date = None
    if row["date_granularity"] is not None:
        date = When(
            **_prefixed(row, "date_", ("start", "end", "granularity", "text")),
            span=_opt_span(row, "date_span"),
        )
    location = None
    if row["location_name"] is not None:
        location = Where(**_prefixed(row, "location_", WHERE_FIELDS))
    return Event(
        id=row["id"],
        event=row["event"],
        mode=row["mode"],
        context=json.loads(row["context"]),
        actor=people("actor"),
        recipient=people("recipient"),
        eventText=row["event_text"],
        trigger=TextSpan(start=row["trigger_start"], end=row["trigger_end"], text=row["trigger_text"]),
        sentence=Span(start=row["sentence_start"], end=row["sentence_end"]),
        certainty=row["certainty"],
        cue=TextSpan(start=cue.start, end=cue.end, text=row["cue_text"]) if cue else None,
        attributedTo=row["attributed_to"],
        attributedText=row["attributed_text"],
        date=date,
        location=location,
        dead=row["dead"],
        injured=row["injured"],
        confidence=row["confidence"],
        cameo=row["cameo"],
        score=row["score"],
    )


def _mention(actor_id: str, m: dict[str, Any]) -> Mention:
    return Mention(actor=actor_id, text=m["text"], start=m["span_start"], end=m["span_end"], kind=m["kind"])


def document_from_rows(
    doc_row: dict[str, Any],
    actors: list[dict[str, Any]],
    aliases: dict[str, list[str]],
    mentions: list[dict[str, Any]],
    events: list[dict[str, Any]],
    participants: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
) -> Document:
    """Rebuild a `Document` from its rows (`actors` in document order, the rest in any order)."""
    by_actor: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: m["seq"]):
        by_actor[m["actor_seq"]].append(m)
    by_event: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for p in participants:
        by_event[p["event_seq"]].append(p)
    return Document(
        id=doc_row["id"],
        source=doc_row["source"],
        url=doc_row["url"],
        canonical_url=doc_row.get("canonical_url"),  # absent from stores read before the column
        title=doc_row["title"],
        published=datetime.fromisoformat(doc_row["published"]) if doc_row["published"] else None,
        section=doc_row["section"],
        tags=json.loads(doc_row["tags"]),
        language=doc_row["language"],
        text=doc_row["text"],
        actors=[
            Actor(
                **{c: a[c] for c in schema.columns("actors")},  # the actors table holds the record's fields
                aliases=aliases.get(a["id"], []),
                mentions=[_mention(a["id"], m) for m in by_actor[a_seq]],
            )
            for a_seq, a in enumerate(actors)
        ],
        events=[event_from_row(e, by_event[e["seq"]]) for e in sorted(events, key=lambda e: e["seq"])],
        quotes=[
            Quote(
                speaker=q["speaker"],
                speakerText=q["speaker_text"],
                speakerStart=q["speaker_start"],
                speakerEnd=q["speaker_end"],
                text=q["text"],
                start=q["span_start"],
                end=q["span_end"],
                direct=q["direct"],
            )
            for q in sorted(quotes, key=lambda q: q["seq"])
        ],
    )
