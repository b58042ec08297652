"""Event dates resolved against the publication date (see docs/places-and-times.md).

Each event takes the time expression attached to its trigger in the parse ("attacked … on
Tuesday", "formed in 2015"), else the nearest one in its sentence that does not describe another
noun; vague ones give none. A sentence without any time expression leaves it to the discourse
rules (when/discourse.py: a speech act continues the previous sentences' day, or falls in the
article's news cycle); otherwise the publication date is never a default.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from spacy.tokens import Doc, Token

from ..records import Event, Span, When
from ..syntax import climb
from .discourse import discourse_date, reporting_verb
from .expressions import Expression, find_expressions
from .lexicon import load as load_time_words
from .resolver import Resolved, resolve_text

__all__ = ["Expression", "Resolved", "find_expressions", "resolve", "resolve_text"]


def _attachment(expr: Expression, trigger: Token) -> int:
    """3: the expression modifies the trigger within its clause; 2: it lies in the trigger's
    phrase or modifies a word governing the trigger ("announced on Friday that it had agreed to
    withdraw"); 1: elsewhere in the sentence; 0: inside a clause describing another noun ("the
    truce, which was extended on Monday"), which dates that other event, never this one."""
    path = climb(expr.span.root, trigger)
    if path.reached:
        return 3 if path.clauses == 0 else (0 if path.other_noun_clause else 2)
    if path.other_noun_clause or _before_or_after(trigger, expr.span.root.head):
        return 0
    return 2 if expr.span.root.head in trigger.ancestors else 1


# "announced a ceasefire on Saturday *following calls* from Moscow": the event in a temporal
# adjunct happened at another time than the clause it hangs on
SEQUENCE_WORDS = {"following", "after", "before", "until", "prior", "ahead", "amid"}
LATER_WORDS = {"before", "until", "prior", "ahead"}  # the adjunct's event comes after the clause's
SEQUENCE_DAYS = 3  # how far news reaches back (or ahead) for the event it sequences with


def _before_or_after(trigger: Token, governor: Token) -> str | None:
    """The sequence word of a "following … / after … / before …" phrase or clause that holds the
    trigger below the word the time dates ("withdrew on Monday after the rebels attacked")."""
    above = {governor.i, *(t.i for t in governor.ancestors)}
    tok = trigger
    while tok.i not in above and tok.head != tok:
        if tok.lower_ in SEQUENCE_WORDS and tok.dep_ in {"prep", "advmod", "advcl", "pcomp", "acl"}:
            return tok.lower_
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in SEQUENCE_WORDS), None)
        if mark is not None:
            return mark.lower_
        tok = tok.head
    return None


def _in_sequence(when: When, word: str) -> When:
    """An event told as coming after (or before) a clause dated D happened within the few days
    before D (or after it): "announced on Saturday a truce following calls from Moscow"."""
    if when.granularity not in {"day", "interval"} or not when.start:
        return when
    start = date.fromisoformat(when.start[:10])
    end = date.fromisoformat((when.end or when.start)[:10])
    if word in LATER_WORDS:
        end += timedelta(days=SEQUENCE_DAYS)
    else:
        start -= timedelta(days=SEQUENCE_DAYS)
    return when.model_copy(
        update={"start": start.isoformat(), "end": end.isoformat(), "granularity": "interval"}
    )


def _to_when(expr: Expression, resolved: Resolved) -> When:
    start, end = resolved.iso()
    return When(
        start=start,
        end=end,
        # the record has no quarter granularity: a quarter is written as its interval
        granularity="interval" if resolved.granularity == "quarter" else resolved.granularity,  # type: ignore[arg-type]
        text=expr.text,
        span=Span(start=expr.start, end=expr.end),
    )


def _dates_the_saying(event: Event, expr: Expression, trigger: Token | None) -> bool:
    """A deed told through a reporting verb whose only day is the saying's ("gunmen attacked the
    village, officials said on Monday"): the day dates the report, not the deed."""
    if trigger is None or event.event in load_time_words().speech_acts:
        return False
    verb = reporting_verb(trigger)
    if verb is None or verb == trigger:
        return False
    tok = expr.span.root
    while tok.head != tok and tok != verb:
        if tok == trigger:
            return False
        tok = tok.head
    return tok == verb


def _at_or_before_saying(when: When) -> When:
    """A deed reported on day D happened on D or the night before: the interval [D-1, D]."""
    if when.granularity != "day" or not when.start:
        return when
    day = date.fromisoformat(when.start[:10])
    return when.model_copy(update={"start": (day - timedelta(days=1)).isoformat(), "granularity": "interval"})


def _clause_day(trigger: Token, inside: list[Expression], published: datetime | None) -> When | None:
    """The day of the clause a sequenced event hangs on: the time attached to the sentence root."""
    root = trigger.sent.root
    ranked = sorted(((_attachment(e, root), e) for e in inside), key=lambda pair: -pair[0])
    for level, expr in ranked:
        if level < 2:
            break
        resolved = resolve_text(expr.text, published)
        if resolved is not None:
            return _to_when(expr, resolved)
    return None


def date_for(
    event: Event, doc: Doc, expressions: list[Expression], published: datetime | None
) -> When | None:
    trigger_span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    trigger = trigger_span.root if trigger_span is not None and len(trigger_span) else None
    inside = [e for e in expressions if event.sentence.start <= e.start and e.end <= event.sentence.end]
    levels = {id(e): _attachment(e, trigger) if trigger is not None else 1 for e in inside}
    sequence = _before_or_after(trigger, trigger.sent.root) if trigger is not None else None
    if trigger is not None and sequence is not None and 3 not in levels.values():
        # no time of its own: the clause's day, widened to the days before (or after) it
        clause_day = _clause_day(trigger, inside, published)
        return _in_sequence(clause_day, sequence) if clause_day is not None else None
    if not inside:
        return discourse_date(event, trigger, doc, expressions, published)
    if trigger is not None:
        inside = [e for e in inside if levels[id(e)] > 0]
        inside.sort(key=lambda e: (-levels[id(e)], abs(e.span.root.i - trigger.i)))
    future = event.certainty == "predicted"
    for expr in inside:
        resolved = resolve_text(expr.text, published, future=future)
        if resolved is not None:
            when = _to_when(expr, resolved)
            return _at_or_before_saying(when) if _dates_the_saying(event, expr, trigger) else when
    if all(levels[id(e)] < 2 for e in inside):
        # the sentence's times belong to other events ("the truce, which was extended on Monday")
        # or are vague and not about this one ("After weeks of fighting, X said"): discourse decides
        return discourse_date(event, trigger, doc, expressions, published)
    return None


def resolve(doc: Doc, events: list[Event], published: datetime | None) -> list[Event]:
    """Return the events with `date` set where the text gives one (null when vague)."""
    if not events:
        return events
    expressions = find_expressions(doc)
    dated = []
    for event in events:
        when = date_for(event, doc, expressions, published)
        dated.append(event.model_copy(update={"date": when}) if when else event)
    return dated
