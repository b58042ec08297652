"""Dependency-parse helpers shared by the stages that attach a phrase (a time, a place) to an
event trigger. Kept here so `when` and `where` read the parse the same way."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "conj", "xcomp", "acl", "parataxis"})
# a clause describing a noun ("Kibumba, which it conquered in October") tells of another event
NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})


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
