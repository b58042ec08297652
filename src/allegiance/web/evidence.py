"""Evidence view: the stored article text with an event's spans highlighted, built by offsets.

The text is cut at every span boundary into flat segments; each segment is HTML-escaped on its own
and wrapped in one <mark> listing every span that covers it. Flat segments (never nested tags)
make overlapping spans (an actor inside the sentence, a place inside an actor name) safe, and since
no character of the article reaches the page unescaped, hostile text renders as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..records import Document, Event

# Kinds in drawing priority (the first one present names the segment's main colour).
KINDS = ("trigger", "actor", "recipient", "cue", "time", "place", "quote", "sentence")


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str
    label: str


def event_highlights(event: Event) -> list[Highlight]:
    """The spans of one event: trigger, actors, recipients, certainty cue, time, place, sentence."""
    marks = [
        Highlight(event.sentence.start, event.sentence.end, "sentence", "evidence sentence"),
        Highlight(event.trigger.start, event.trigger.end, "trigger", f"trigger: {event.event}"),
    ]
    for p in event.actor:
        marks.append(Highlight(p.start, p.end, "actor", f"actor: {p.id}"))
    for p in event.recipient:
        marks.append(Highlight(p.start, p.end, "recipient", f"recipient: {p.id}"))
    if event.cue is not None:
        marks.append(Highlight(event.cue.start, event.cue.end, "cue", f"certainty: {event.certainty}"))
    if event.date is not None and event.date.span is not None:
        marks.append(
            Highlight(event.date.span.start, event.date.span.end, "time", f"time: {event.date.start}")
        )
    loc = event.location
    if loc is not None and loc.start is not None and loc.end is not None:
        marks.append(Highlight(loc.start, loc.end, "place", f"place: {loc.name}"))
    return marks


def quote_highlights(document: Document) -> list[Highlight]:
    return [
        Highlight(q.start, q.end, "quote", f"quote: {q.speakerText or q.speaker or 'unknown speaker'}")
        for q in document.quotes
    ]


def render(text: str, highlights: list[Highlight]) -> Markup:
    """`text` as HTML with every highlight marked; offsets outside the text are clipped, empty or
    inverted spans ignored. The first segment of the trigger carries id="evidence" to scroll to."""
    size = len(text)
    spans = [
        Highlight(max(0, h.start), min(size, h.end), h.kind, h.label)
        for h in highlights
        if h.end > h.start and h.start < size and h.end > 0
    ]
    cuts = sorted({0, size, *(h.start for h in spans), *(h.end for h in spans)})
    parts: list[str] = []
    anchored = False
    for left, right in zip(cuts, cuts[1:], strict=False):
        segment = str(escape(text[left:right]))
        covering = [h for h in spans if h.start <= left and right <= h.end]
        if not covering:
            parts.append(segment)
            continue
        kinds = sorted({h.kind for h in covering}, key=KINDS.index)
        classes = " ".join(f"hl-{k}" for k in kinds)
        title = escape("; ".join(dict.fromkeys(h.label for h in covering)))
        anchor = ""
        if "trigger" in kinds and not anchored:
            anchor, anchored = ' id="evidence"', True
        parts.append(f'<mark class="hl {classes}"{anchor} title="{title}">{segment}</mark>')
    return Markup("".join(parts))
