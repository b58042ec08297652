"""Dependency-parse helpers shared by the stages that attach a phrase (a time, a place) to an
event trigger. Kept here so `when` and `where` read the parse the same way. Also `text_of`, the
Doc's text built once for every stage."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "conj", "xcomp", "acl", "parataxis"})
# a clause describing a noun ("Kibumba, which it conquered in October") tells of another event
NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})


TEXT_KEY = "allegiance.text"
STARTS_KEY = "allegiance.token_starts"


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy's `Doc.text` joins every token's text again at each
    access, and the stages slice it per mention, per quote and per event (the profile's top item:
    a third of `extract`'s time over the benchmark bodies). Nothing after the parse retokenises
    the Doc, so the text cannot go stale."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def token_starts(doc: Doc) -> list[int]:
    """Every token's character offset, in order (for `bisect`), listed once per Doc: walking the
    whole Doc per quote or per event to find the tokens of a character range was the profile's
    next item after `Doc.text`."""
    starts = doc.user_data.get(STARTS_KEY)
    if starts is None:
        starts = doc.user_data[STARTS_KEY] = [t.idx for t in doc]
    return starts


def tokens_overlapping(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that share a character with [start, end): the same tokens as
    `[t for t in doc if t.idx < end and t.idx + len(t.text) > start]`, found by bisection (tokens
    do not overlap, so only the one starting at or before `start` can reach into the range)."""
    starts = token_starts(doc)
    first = max(0, bisect_right(starts, start) - 1)
    return [t for t in doc[first : bisect_left(starts, end)] if t.idx < end and t.idx + len(t.text) > start]


@dataclass(frozen=True)
class Climb:
    reached: bool  # the walk up the heads met the trigger
    clauses: int  # verbal clause boundaries crossed on the way
    noun_clause: bool  # one of them was a clause describing a noun
    other_noun_clause: bool  # … describing a noun other than the trigger itself


def climb(start: Token, trigger: Token, limit: int = 12) -> Climb:
    """Walk from `start` up its heads towards `trigger`, counting the clauses crossed."""
    tok, clauses, noun_any, noun_other = start, 0, False, False
    for _ in range(limit):
        if tok == trigger:
            return Climb(True, clauses, noun_any, noun_other)
        if tok.head == tok:
            break
        if tok.dep_ in CLAUSE_DEPS and tok.pos_ in {"VERB", "AUX"}:
            clauses += 1
            if tok.dep_ in NOUN_CLAUSE_DEPS:
                noun_any = True
                # a clause on the trigger noun itself ("the attack, which began on Monday")
                # still describes this event
                noun_other = noun_other or tok.head != trigger
        tok = tok.head
    return Climb(False, clauses, noun_any, noun_other)
