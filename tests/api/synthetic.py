"""A small synthetic store for the desk's tests: fictional actors and places, offsets computed from
the text we write here, one hostile article (markup in the body and the title), two outlets that
report the same clash, a quote, and enough dated events to page through."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from allegiance.records import (
    Actor,
    Document,
    Event,
    Mention,
    Participant,
    Quote,
    Span,
    TextSpan,
    When,
    Where,
)
from allegiance.store import open_store

HOSTILE = "<script>alert(1)</script>"
ACTORS = {
    "kestrel-brigade": ("Kestrel Brigade", "rebels", "MLI", None, ["Kestrel Brigade", "the Kestrels"]),
    "varnese-army": ("Varnese Army", "military", "MLI", None, ["Varnese Army", "the army"]),
    "varnese-army-7th": ("7th Division", "military", "MLI", "varnese-army", ["7th Division"]),
    "relief-league": ("Relief League", "ngo", "NER", None, ["Relief League"]),
}
VARN = Where(name="Varn", admin1="Mopti", country="MLI", lat=14.5, lon=-4.2, kind="city")
DOSSO = Where(name="Dosso", admin1="Dosso", country="NER", lat=13.05, lon=3.19, kind="city")


def span_of(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    """Offsets of `needle` as a whole word (so "Varn" is not found inside "Varnese")."""
    found = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)").search(text, after)
    if found is None:
        raise ValueError(f"{needle!r} not in the text")
    return found.start(), found.end()


def participant(text: str, actor_id: str, words: str, after: int) -> Participant:
    start, end = span_of(text, words, after)
    return Participant(id=actor_id, text=words, start=start, end=end)


def make_event(
    doc_id: str,
    text: str,
    sentence: str,
    trigger: str,
    category: str,
    actor: tuple[str, str] | None = None,
    recipient: tuple[str, str] | None = None,
    certainty: str = "asserted",
    cue: str | None = None,
    day: str | None = None,
    day_words: str | None = None,
    place: Where | None = None,
    dead: int | None = None,
) -> Event:
    s_start, s_end = span_of(text, sentence)
    t_start, t_end = span_of(text, trigger, s_start)
    when = None
    if day is not None:
        span = (
            Span(start=span_of(text, day_words, s_start)[0], end=span_of(text, day_words, s_start)[1])
            if day_words
            else None
        )
        when = When(start=day, end=day, granularity="day", text=day_words or day, span=span)
    location = None
    if place is not None:
        p_start, p_end = span_of(text, place.name, s_start)
        location = place.model_copy(update={"start": p_start, "end": p_end})
    return Event(
        id=f"{doc_id}:{t_start}:{category}",
        event=category,
        actor=[participant(text, actor[0], actor[1], s_start)] if actor else [],
        recipient=[participant(text, recipient[0], recipient[1], s_start)] if recipient else [],
        eventText=sentence,
        trigger=TextSpan(start=t_start, end=t_end, text=trigger),
        sentence=Span(start=s_start, end=s_end),
        certainty=certainty,  # type: ignore[arg-type]
        cue=TextSpan(start=span_of(text, cue, s_start)[0], end=span_of(text, cue, s_start)[1], text=cue)
        if cue
        else None,
        date=when,
        location=location,
        dead=dead,
    )


def actors_for(text: str, ids: list[str]) -> list[Actor]:
    found = []
    for actor_id in ids:
        name, kind, country, parent, aliases = ACTORS[actor_id]
        mentions = []
        for alias in aliases:
            at = text.find(alias)
            if at >= 0:
                mentions.append(Mention(start=at, end=at + len(alias), text=alias, actor=actor_id))
        found.append(
            Actor(
                id=actor_id,
                name=name,
                type=kind,
                country=country,
                parent=parent,
                aliases=aliases,
                mentions=mentions,
            )  # type: ignore[arg-type]
        )
    return found


def clash_report(doc_id: str, host: str, published: str, title: str, extra: str = "") -> Document:
    sentence = "Kestrel Brigade fighters attacked a Varnese Army post in Varn on Monday, killing 4 soldiers, officials said."
    quote = "We will answer this attack"
    text = f"{sentence}\n\nA spokesman of the 7th Division said: \u201c{quote}.\u201d\n\n{extra}Markets stayed open."
    ev = make_event(
        doc_id,
        text,
        sentence,
        "attacked",
        "ASSAULT",
        actor=("kestrel-brigade", "Kestrel Brigade"),
        recipient=("varnese-army", "Varnese Army"),
        certainty="reported",
        cue="officials said",
        day="2030-05-06",
        day_words="Monday",
        place=VARN,
        dead=4,
    )
    q_start, q_end = span_of(text, quote)
    sp_start, sp_end = span_of(text, "7th Division")
    return Document(
        id=doc_id,
        source=f"{host}/{doc_id}.html",
        url=f"https://www.{host}/news/{doc_id}",
        title=title,
        published=datetime.fromisoformat(published),
        text=text,
        actors=actors_for(text, ["kestrel-brigade", "varnese-army", "varnese-army-7th"]),
        events=[ev],
        quotes=[
            Quote(
                speaker="varnese-army-7th",
                speakerText="7th Division",
                speakerStart=sp_start,
                speakerEnd=sp_end,
                text=quote,
                start=q_start,
                end=q_end,
                direct=True,
            )
        ],
    )


def aid_report(doc_id: str, published: str, day: str) -> Document:
    sentence = f"The Relief League delivered food to the Varnese Army in Dosso on {day}."
    text = f"{sentence}\n\nNo one was hurt."
    ev = make_event(
        doc_id,
        text,
        sentence,
        "delivered",
        "AID",
        actor=("relief-league", "Relief League"),
        recipient=("varnese-army", "Varnese Army"),
        day=day,
        day_words=day,
        place=DOSSO,
    )
    return Document(
        id=doc_id,
        source=f"relief.example/{doc_id}.txt",
        url=f"https://relief.example/{doc_id}",
        title=f"Aid convoy {doc_id}",
        published=datetime.fromisoformat(published),
        text=text,
        actors=actors_for(text, ["relief-league", "varnese-army"]),
        events=[ev],
    )


def documents() -> list[Document]:
    docs = [
        clash_report("doc-a", "first-wire.example", "2030-05-07T09:00:00", "Brigade attacks army post"),
        clash_report(
            "doc-hostile",
            "second-paper.example",
            "2030-05-07T12:00:00",
            f"Attack in Varn {HOSTILE}",
            extra=f"Reader comment: {HOSTILE} & <img src=x onerror=alert(2)>\n\n",
        ),
    ]
    # Twelve aid deliveries on distinct days, to page and sort through.
    for k in range(12):
        day = f"2030-04-{k + 1:02d}"
        docs.append(aid_report(f"doc-aid-{k:02d}", f"{day}T08:00:00", day))
    return docs


def build_store(path: Path) -> list[Document]:
    docs = documents()
    with open_store(path) as store:
        for doc in docs:
            store.save(doc)
    return docs
