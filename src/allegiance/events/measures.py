"""What a measure is aimed at: "sanctions targeting Russian banks", "the sanctions, which target
Iran's oil sector". The verb of aim tells the measure's recipient; it is no attack of its own (a
sanction does not "target" the way a strike does)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..records import Participant
from . import holders
from .matching import entries_for, select_trigger

if TYPE_CHECKING:
    from .coder import Coder

# verbs that say what a measure is aimed at
AIM_VERBS = {"target", "hit", "cover", "affect"}
# the categories of measures that are aimed at someone
MEASURES = {"SANCTION", "COERCE"}


def _is_measure(coder: Coder, noun: Token) -> bool:
    trig = select_trigger(entries_for(coder.lex.nouns, noun), noun)
    return trig is not None and trig.category in MEASURES


def measure_aiming(coder: Coder, verb: Token) -> bool:
    """`verb` says what a measure is aimed at: "sanctions targeting X", "sanctions that hit X",
    "the measures target X"."""
    if verb.lemma_.lower() not in AIM_VERBS:
        return False
    if verb.dep_ in {"acl", "relcl"}:
        return _is_measure(coder, verb.head)
    return any(c.dep_ == "nsubj" and _is_measure(coder, c) for c in verb.children)


def targets(coder: Coder, noun: Token) -> list[Participant]:
    """Who a measure noun is aimed at, told by a verb of aim hung on it."""
    aims = [c for c in noun.children if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in AIM_VERBS]
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in AIM_VERBS:
        aims.append(noun.head)
    objects = [o for v in aims for o in v.children if o.dep_ == "dobj"]
    return holders.recipients(coder, objects)
