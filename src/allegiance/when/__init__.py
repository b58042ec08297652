"""Event dates resolved against the publication date (see docs/places-and-times.md).

Each event takes the time expression attached to its trigger in the parse ("attacked … on
Tuesday", "formed in 2015"), else the nearest one in its sentence; none when the sentence has
none or only vague ones. The publication date is never a default: an undated event stays undated.
"""

from __future__ import annotations

from datetime import datetime

from spacy.tokens import Doc, Token

from ..records import Event, Span, When
from .expressions import Expression, find_expressions
from .resolver import Resolved, resolve_text

__all__ = ["Expression", "Resolved", "find_expressions", "resolve", "resolve_text"]

CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "conj", "xcomp", "acl", "parataxis"}
NOUN_CLAUSE_DEPS = {"relcl", "acl"}  # "Kibumba, which it conquered in October": another event


def _attachment(expr: Expression, trigger: Token) -> int:
    """3: the expression modifies the trigger within its clause; 2: it lies in the trigger's
    phrase (not in a relative clause) or modifies a word governing the trigger ("announced on
    Friday that it had agreed to withdraw"); 1: elsewhere in the sentence."""
    tok, clauses, noun_clause = expr.span.root, 0, False
    for _ in range(12):
        if tok == trigger:
            return 3 if clauses == 0 else (1 if noun_clause else 2)
        if tok.head == tok:
            break
        if tok.dep_ in CLAUSE_DEPS and tok.pos_ in {"VERB", "AUX"}:
            clauses += 1
            noun_clause = noun_clause or tok.dep_ in NOUN_CLAUSE_DEPS
        tok = tok.head
    return 2 if expr.span.root.head in trigger.ancestors else 1


def _to_when(expr: Expression, resolved: Resolved) -> When:
    start, end = resolved.iso()
    return When(
        start=start,
        end=end,
        granularity=resolved.granularity,  # type: ignore[arg-type]
        text=expr.text,
        span=Span(start=expr.start, end=expr.end),
    )


def date_for(
    event: Event, doc: Doc, expressions: list[Expression], published: datetime | None
) -> When | None:
    inside = [e for e in expressions if event.sentence.start <= e.start and e.end <= event.sentence.end]
    if not inside:
        return None
    trigger_span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trigger_span is not None and len(trigger_span):
        trigger = trigger_span.root
        inside.sort(key=lambda e: (-_attachment(e, trigger), abs(e.span.root.i - trigger.i)))
    future = event.certainty == "predicted"
    for expr in inside:
        resolved = resolve_text(expr.text, published, future=future)
        if resolved is not None:
            return _to_when(expr, resolved)
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
