"""Synthetic multi-outlet reports for cross-article tests: small hand-made events and a seeded
generator of happenings each told by several outlets with the noise real reports have (dates off
by a day, places at different precision, a missing side, swapped sides, disputed tolls, wire copy)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from allegiance.records import Document, Event, Participant, Span, TextSpan, When, Where

# Fictional actors and places, so that nothing here mirrors a real article.
ARMED = ["north_front", "river_brigade", "state_army", "coastal_militia", "hill_rebels", "capital_police"]
PLACES = [  # name, admin1, lat, lon
    ("Ardale", "Mirrow", 10.00, 20.00),
    ("Beckton", "Mirrow", 10.90, 20.80),
    ("Corvin", "Easthold", 12.00, 24.00),
    ("Dunmere", "Easthold", 12.05, 24.03),
    ("Elsby", "Southmark", 8.00, 18.00),
    ("Farrow", "Southmark", 8.80, 18.90),
]
COUNTRY = "XYZ"


def participant(actor_id: str) -> Participant:
    return Participant(id=actor_id, text=actor_id.replace("_", " "), start=0, end=len(actor_id))


def event(
    ev_id: str,
    category: str = "ASSAULT",
    actor: tuple[str, ...] = (),
    recipient: tuple[str, ...] = (),
    day: str | None = "2030-05-10",
    end: str | None = None,
    place: Where | None = None,
    mode: str | None = None,
    certainty: str = "asserted",
    dead: int | None = None,
    injured: int | None = None,
    attributed: str | None = None,
    text: str = "Something happened.",
) -> Event:
    when = When(start=day, end=end or day, granularity="day", text=day or "") if day else None
    return Event(
        id=ev_id,
        event=category,
        mode=mode,
        actor=[participant(a) for a in actor],
        recipient=[participant(r) for r in recipient],
        eventText=text,
        trigger=TextSpan(start=0, end=5, text=text[:5]),
        sentence=Span(start=0, end=len(text)),
        certainty=certainty,  # type: ignore[arg-type]
        attributedText=attributed,
        date=when,
        location=place,
        dead=dead,
        injured=injured,
    )


def town(name: str, admin1: str, lat: float, lon: float) -> Where:
    return Where(name=name, admin1=admin1, country=COUNTRY, lat=lat, lon=lon, kind="city")


def region(admin1: str) -> Where:
    return Where(name=admin1, admin1=admin1, country=COUNTRY, kind="admin1")


def document(doc_id: str, url: str, events: list[Event], published: str = "2030-05-11") -> Document:
    return Document(
        id=doc_id,
        source=f"{doc_id}.html",
        url=url,
        published=datetime.fromisoformat(published),
        text="Synthetic body.",
        events=events,
    )


@dataclass
class Happening:
    key: str
    category: str
    actor: str
    recipient: str
    day: date
    place: tuple[str, str, float, float]
    dead: int


def _happenings(rng: random.Random, n: int) -> list[Happening]:
    out = []
    base = date(2030, 1, 1)
    for k in range(n):
        a, r = rng.sample(ARMED, 2)
        out.append(
            Happening(
                key=f"h{k}",
                category=rng.choice(
                    ["ASSAULT", "ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "AID"]
                ),
                actor=a,
                recipient=r,
                day=base + timedelta(days=rng.randrange(0, 90)),
                place=rng.choice(PLACES),
                dead=rng.randrange(0, 30),
            )
        )
    return out


def _report(h: Happening, rng: random.Random, ev_id: str) -> Event:
    name, admin1, lat, lon = h.place
    roll = rng.random()
    if roll < 0.6:
        place: Where | None = town(
            name, admin1, lat + rng.uniform(-0.05, 0.05), lon + rng.uniform(-0.05, 0.05)
        )
    elif roll < 0.85:
        place = region(admin1)
    else:
        place = None
    day = h.day + timedelta(days=rng.choice([0, 0, 0, 0, 1, -1]))
    actor, recipient = (h.actor,), (h.recipient,)
    roll = rng.random()
    if roll < 0.15:
        actor = ()  # "unknown gunmen"
    elif roll < 0.25:
        actor, recipient = recipient, actor  # two-sided clash told from the other side
    dead = h.dead + rng.choice([0, 0, 0, 1, 2])
    attributed = rng.choice([None, None, None, "Reuters", "local officials"])
    return event(
        ev_id,
        h.category,
        actor,
        recipient,
        day.isoformat(),
        place=place,
        dead=dead,
        attributed=attributed,
        certainty=rng.choice(["asserted", "reported"]),
    )


def multi_outlet_corpus(seed: int = 7, happenings: int = 60, outlets: int = 5):
    """Documents (one per outlet per happening reported) and the truth: event id -> happening key."""
    rng = random.Random(seed)
    docs: list[Document] = []
    truth: dict[str, str] = {}
    for h in _happenings(rng, happenings):
        for o in rng.sample(range(outlets), rng.randint(1, outlets)):
            ev_id = f"{h.key}-o{o}"
            truth[ev_id] = h.key
            docs.append(
                document(f"doc-{ev_id}", f"https://www.outlet{o}.example/{h.key}", [_report(h, rng, ev_id)])
            )
    return docs, truth


def pairwise_scores(clusters: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision/recall/F1 of a clustering (event id -> cluster id) against the truth."""
    ids = sorted(truth)
    tp = fp = fn = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            same_sys, same_gold = clusters[a] == clusters[b], truth[a] == truth[b]
            tp += same_sys and same_gold
            fp += same_sys and not same_gold
            fn += same_gold and not same_sys
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
