"""Events built by hand over a parsed text (the events stage is written separately)."""

from __future__ import annotations

from allegiance.records import Event, Span, TextSpan


def make_event(doc, trigger: str, category: str = "ASSAULT", certainty: str = "asserted") -> Event:
    start = doc.text.index(trigger)
    sent = doc.char_span(start, start + len(trigger), alignment_mode="expand").sent
    return Event(
        id=f"t-{start}-{category}",
        event=category,
        eventText=sent.text,
        trigger=TextSpan(start=start, end=start + len(trigger), text=trigger),
        sentence=Span(start=sent.start_char, end=sent.end_char),
        certainty=certainty,
    )
