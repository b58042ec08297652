"""Find the time expressions of a document: spaCy DATE/TIME entities, widened to the preposition
that decides their meaning ("since 2019", "for more than a year"), plus the everyday relative
words the small model sometimes leaves untagged ("on Wednesday", "yesterday", "last night")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..syntax import text_of

ODD_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009]")
MEANINGFUL_PREPS = {"since", "for", "from", "until", "till", "over"}
_AMOUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|some|a couple of)"
_UNIT = r"(?:day|week|month|year|decade)s?"
EVERYDAY = re.compile(
    r"\b(?:(?:last|next|this|on|early|late)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b|\byesterday\b|\blast night\b|\btoday\b|\btonight\b"
    rf"|\bfor\s+(?:more than |over |about |nearly |almost |the (?:past|last) )?{_AMOUNT}\s+{_UNIT}\b"
    rf"|\b{_AMOUNT}\s+{_UNIT}\s+ago\b",
    re.I,
)


@dataclass(frozen=True)
class Expression:
    start: int
    end: int
    text: str
    span: Span  # the tokens (for the parse)


def find_expressions(doc: Doc) -> list[Expression]:
    found: list[Expression] = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        start = ent.start
        before = start - 1
        while before >= 0 and doc[before].is_space:
            before -= 1
        if before >= 0 and doc[before].lower_ in MEANINGFUL_PREPS:
            start = before
        span = doc[start : ent.end]
        found.append(Expression(span.start_char, span.end_char, span.text, span))
    covered = [(e.start, e.end) for e in found]
    plain = ODD_SPACES.sub(" ", text_of(doc))  # same length: offsets stay valid
    for match in EVERYDAY.finditer(plain):
        if any(match.start() < end and start < match.end() for start, end in covered):
            continue
        tokens = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if tokens is not None:
            found.append(
                Expression(match.start(), match.end(), text_of(doc)[match.start() : match.end()], tokens)
            )
    return sorted(found, key=lambda e: e.start)
