"""Helpers for the place tests: events built by hand over a parsed text (the events stage is
written separately), so these tests exercise only the gazetteer, the ruler and `locate`."""

from __future__ import annotations

from allegiance.records import Event, Span, TextSpan, When


def make_event(doc, trigger: str, category: str = "ASSAULT", date: When | None = None, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(trigger, start + 1)
    token = doc.char_span(start, start + len(trigger), alignment_mode="expand")
    sent = token.sent
    return Event(
        id=f"t-{start}-{category}",
        event=category,
        eventText=sent.text,
        trigger=TextSpan(start=start, end=start + len(trigger), text=trigger),
        sentence=Span(start=sent.start_char, end=sent.end_char),
        date=date,
    )


DAY = When(start="2024-03-05", end="2024-03-05", granularity="day", text="on Tuesday")
