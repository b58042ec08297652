"""Dates for events whose own sentence gives no time: read from the discourse around them.

News writes the time once and lets the next sentences lean on it ("The army said on Tuesday that
… It added that …"), and tells the news of the day in reported speech or the "hot news" present
perfect without any time at all ("The EU has imposed new sanctions", "Azerbaijan demands …").
Two rules, in order, only for events stated as fact or as someone's claim (a prediction or a
hypothesis has no day of its own):

1. continuation: a speech act (the trigger is a reporting verb, or the category is a verbal one
   told through one: "…," the minister added) takes the day named in one of the two previous
   sentences (the nearest), when one names a day;
2. news cycle: such a speech act, or an event the lead asserts in the present or present perfect,
   is dated to the article's news cycle — the interval from the day before publication to
   publication, since a news report carries what was said or done since the last edition.

A sentence with a time expression of its own (even a vague one: "in recent days") is left to the
expression: these rules never override what the sentence says.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from spacy.tokens import Doc, Span, Token

from ..lexicons import future_auxiliaries
from ..records import Event, When
from ..records import Span as CharSpan
from .expressions import Expression
from .lexicon import load
from .resolver import resolve_text

UNDATABLE = {"predicted", "hypothetical"}
LOOKBACK_SENTENCES = 2
LEAD_SENTENCES = 2  # the first sentences with a verb: the lead of a news report
PRESENT_TAGS = {"VBZ", "VBP"}


def reporting_verb(trigger: Token) -> Token | None:
    """The trigger itself or the nearest verb governing it when it is a reporting verb."""
    verbs = load().reporting_verbs
    for tok in [trigger, *trigger.ancestors]:
        if tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in verbs:
            return tok
    # "…, the ministry said." parses the quoted clause as the root and "said" as a parataxis/ccomp
    for tok in trigger.sent:
        if (
            tok.dep_ in {"parataxis", "ccomp"}
            and tok.head == trigger.sent.root
            and tok.pos_ == "VERB"
            and tok.lemma_.lower() in verbs
        ):
            return tok
    root = trigger.sent.root
    if root.pos_ == "VERB" and root.lemma_.lower() in verbs:
        return root
    return None


def is_hot_news(trigger: Token) -> bool:
    """Present tense or present perfect: "demands", "has imposed", "have seized"."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    if verb.tag_ in PRESENT_TAGS:
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in PRESENT_TAGS for c in verb.children
    )


def _perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def lead_sentences(doc: Doc) -> list[Span]:
    lead = []
    for sent in doc.sents:
        if any(t.pos_ == "VERB" for t in sent):
            lead.append(sent)
            if len(lead) >= LEAD_SENTENCES:
                break
    return lead


def previous_day(
    sent: Span, doc: Doc, expressions: list[Expression], published: datetime | None
) -> When | None:
    """The nearest day named in the sentences just before `sent`."""
    earlier = [s for s in doc.sents if s.end <= sent.start][-LOOKBACK_SENTENCES:]
    for prior in reversed(earlier):
        inside = [e for e in expressions if prior.start_char <= e.start and e.end <= prior.end_char]
        for expr in sorted(inside, key=lambda e: -e.start):
            resolved = resolve_text(expr.text, published)
            if resolved is not None and resolved.granularity in {"day", "minute"}:
                start, end = resolved.iso()
                return When(
                    start=start,
                    end=end,
                    granularity=resolved.granularity,  # type: ignore[arg-type]
                    text=expr.text,
                    span=CharSpan(start=expr.start, end=expr.end),
                )
    return None


def news_cycle(published: datetime, cue: Token) -> When | None:
    """The day before publication to publication; None when that day is before 0001-01-01 (a
    placeholder publication date), as no calendar can hold it."""
    day = published.date()
    if day == date.min:
        return None
    return When(
        start=(day - timedelta(days=1)).isoformat(),
        end=day.isoformat(),
        granularity="interval",
        text=cue.text,
        span=CharSpan(start=cue.idx, end=cue.idx + len(cue.text)),
    )


def discourse_date(
    event: Event,
    trigger: Token | None,
    doc: Doc,
    expressions: list[Expression],
    published: datetime | None,
) -> When | None:
    """A date for an event whose sentence has no time expression (rules in the module docstring)."""
    if trigger is None or event.certainty in UNDATABLE:
        return None
    reporter = reporting_verb(trigger)
    if reporter is not None and reporter != trigger and not _says_it(trigger, reporter, event):
        reporter = None  # "X said rebels attacked …": the attack's day is not the saying's
    if _vague_time(trigger) or (reporter is not None and _vague_time(reporter)):
        return None
    in_lead = any(trigger.sent == s for s in lead_sentences(doc))
    if reporter is not None and _perfect(reporter) and not in_lead:
        # the present perfect takes no definite time ("*has accused on Monday"): outside the
        # lead's hot news it tells of a standing state of affairs, not of a day
        return None
    if reporter is not None:
        inherited = previous_day(trigger.sent, doc, expressions, published)
        if inherited is not None:
            return inherited
    if published is None:
        return None
    if reporter is not None and reporter.tag_ != "MD" and not _future(reporter):
        return news_cycle(published, reporter)
    # only in the outlet's own voice: "according to reports, X have agreed" may tell of old news
    if is_hot_news(trigger) and in_lead and event.certainty == "asserted":
        return news_cycle(published, trigger)
    return None


def _says_it(trigger: Token, reporter: Token, event: Event) -> bool:
    """The statement is the event: a verbal category whose trigger the reporting verb governs
    with no other verb between ("…," the group said; not "denied sending troops to support")."""
    if event.event not in load().speech_acts:
        return False
    if reporter not in trigger.ancestors:
        return True  # "…," the ministry said: the quote is the root, the verb hangs off it
    between = [t for t in trigger.ancestors if t.i != reporter.i and t.pos_ == "VERB"]
    return not any(reporter in t.ancestors for t in between)


def _vague_time(verb: Token) -> bool:
    """An untagged vague time word on the verb ("recently attacked", "has repeatedly denied")
    means the writer chose not to date it."""
    vague = load().vague
    return any(any(p.fullmatch(tok.lower_) for p in vague) for tok in verb.children if tok.pos_ == "ADV")


def _future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in future_auxiliaries() for c in verb.children)
