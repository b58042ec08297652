"""Certainty and attribution of events: asserted / reported / hypothetical / negated / predicted.

The first rule of conventions/event-records.md that applies wins (negated > hypothetical >
predicted > reported > asserted), among the cues that have the event's trigger in their scope
(scope.py). `cue` is the words of the deciding cue; `attributedTo` / `attributedText` name whose
claim it is: the deciding cue's own source ("X denied", "according to X", "X vowed"), else the
nearest enclosing speaker (the subject of a governing speech verb, or the speaker of the direct
quote the trigger sits in).

Readings chosen where the convention leaves room (docs/certainty-and-quotes.md):
- nested speech ("officials said the group claimed …") is attributed to the outermost source —
  the one the outlet cites; a stronger cue (negated, hypothetical, predicted) keeps its own source;
- a future negative ("won't last", "will not withdraw") is `negated`: rule 1 comes first;
- speech-act categories (ACCUSE, THREATEN, REQUEST, REJECT, SUPPORT, AGREE, CONCEDE) are the act
  of their speaker: the innermost speech verb or quote around the trigger, and the modals under
  it ("said it would retaliate"), belong to the act, unless the trigger itself names a speech act
  made by someone other than the speaker ("officials said the group threatened …" → reported).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..quotes import Speaker, SpeakerResolver
from ..records import Actor, Event, Quote, TextSpan
from ..syntax import text_of, tokens_overlapping
from .lexicon import RANK, CueLexicon, load_cues
from .scope import Found, collect, trigger_head

__all__ = ["assess", "load_cues"]

PRONOUNS = {"it", "they", "we", "he", "she", "i"}


def assess(doc: Doc, events: list[Event], actors: list[Actor], quotes: list[Quote]) -> list[Event]:
    """Return the events with `certainty`, `cue`, `attributedTo`, `attributedText` set."""
    lex = load_cues()
    resolver = SpeakerResolver(doc, actors)
    for q in quotes:
        if (
            q.speaker
            and q.speakerText is not None
            and q.speakerStart is not None
            and q.speakerEnd is not None
        ):
            actor = next((a for a in actors if a.id == q.speaker), None)
            person = actor is not None and actor.type == "person"
            resolver.remember(
                q.start, Speaker(q.speaker, q.speakerText, q.speakerStart, q.speakerEnd, person)
            )
    direct = [q for q in quotes if q.direct]
    return [_assess_one(doc, ev, lex, resolver, direct) for ev in events]


def _assess_one(
    doc: Doc, ev: Event, lex: CueLexicon, resolver: SpeakerResolver, direct: list[Quote]
) -> Event:
    tokens = tokens_overlapping(doc, ev.trigger.start, ev.trigger.end)
    trigger = trigger_head(tokens)
    if trigger is None:
        return ev
    bounds = (min(ev.sentence.start, trigger.idx), max(ev.sentence.end, trigger.idx + 1))
    found = collect(trigger, lex, resolver, bounds)
    top = max((f.depth for f in found), default=0) + 1
    quote = _quote_around(ev.trigger.start, direct)
    if quote is not None and not any(f.speech and not (quote.start <= f.start < quote.end) for f in found):
        # inside a direct quote: the quote's speaker makes the claim (the outermost layer)
        # a speaker at offset 0 is a speaker ("or" would take 0 for none and invert the span)
        named = quote.speakerStart is not None and quote.speakerEnd is not None
        s_start = quote.speakerStart if named and quote.speakerStart is not None else quote.start
        s_end = quote.speakerEnd if named and quote.speakerEnd is not None else quote.end
        speaker = Speaker(quote.speaker, quote.speakerText or "", s_start, s_end)
        found.append(Found("reported", s_start, s_end, top, speaker, speech=True, claim=True))
    sentence = text_of(doc)[ev.sentence.start : ev.sentence.end]
    if re.search(r"\?[\"”’'\s]*$", sentence):
        mark = ev.sentence.start + sentence.rindex("?")
        found.append(Found("hypothetical", mark, mark + 1, top))
    if ev.event in lex.speech_act_categories:
        found = _drop_the_act(found, ev)
    if ev.event == "THREATEN":
        # "would retaliate", "will reimpose sanctions if…": the future or condition is what is
        # threatened; the threat itself is made (conventions: a conditional threat is asserted)
        found = [f for f in found if not (f.depth <= 1 and f.type in {"predicted", "hypothetical"})]
    return _decide(doc, ev, found)


def _quote_around(position: int, direct: list[Quote]) -> Quote | None:
    around = [q for q in direct if q.start <= position < q.end and q.speaker]
    return min(around, key=lambda q: q.end - q.start) if around else None


def _drop_the_act(found: list[Found], ev: Event) -> list[Found]:
    """For a speech-act event, the innermost speech layer is the act itself when its speaker is
    the event's actor (or the event names none): drop it and the cues under it. A speech act by
    someone other than the speaker ("officials said the militia threatened …") stays reported."""
    speech = [f for f in found if f.speech]
    if not speech:
        return found
    act = min(speech, key=lambda f: f.depth)
    actors = {p.id for p in ev.actor}
    # "Russia said it would retaliate": the event's own actor (or a pronoun for it) is the speaker
    by_actor = act.source is not None and act.source.id in actors
    pronoun = any(p.text.lower() in PRONOUNS for p in ev.actor)
    if ev.actor and not by_actor and not pronoun:
        return found
    return [f for f in found if f.depth > act.depth]


def _decide(doc: Doc, ev: Event, found: list[Found]) -> Event:
    if not found:
        return ev.model_copy(
            update={"certainty": "asserted", "cue": None, "attributedTo": None, "attributedText": None}
        )
    best = min(RANK[f.type] for f in found)
    same = [f for f in found if RANK[f.type] == best]
    # reported: the outermost source (the one the outlet cites); otherwise the nearest cue
    pick = (
        max(same, key=lambda f: f.depth) if same[0].type == "reported" else min(same, key=lambda f: f.depth)
    )
    source = pick.source
    if source is None:
        above = [f for f in found if f.claim and f.depth >= pick.depth]
        source = min(above, key=lambda f: f.depth).source if above else None
    return ev.model_copy(
        update={
            "certainty": pick.type,
            "cue": TextSpan(start=pick.start, end=pick.end, text=text_of(doc)[pick.start : pick.end]),
            "attributedTo": source.id if source else None,
            "attributedText": source.text if source else None,
        }
    )
