"""The codebook's folded reading of promised actions (PLOVER_MANUAL.tex, AGREE / CONCEDE notes):
future CONSULT, SUPPORT, COOPERATE and AID are AGREE; an announced future RETREAT is CONCEDE;
announced future ASSAULT, COERCE and SANCTION are THREATEN.

allegiance's own records keep the action's category and let the certainty stage mark it
`predicted` (conventions/event-records.md); strict-PLOVER exports and the CAMEO-derived gold
standard want the folded category, which this module gives.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Event
from .wordclasses import FUTURE_AUX

FOLD = {
    "CONSULT": "AGREE",
    "SUPPORT": "AGREE",
    "COOPERATE": "AGREE",
    "AID": "AGREE",
    "RETREAT": "CONCEDE",
    # announced force or coercion is a threat ("THREATEN could be ASSAULT + hypothetical")
    "ASSAULT": "THREATEN",
    "COERCE": "THREATEN",
    "SANCTION": "THREATEN",
}
# heads whose infinitive complement is an intention, offer or promise
INTENT_HEADS = {
    "ready",
    "willing",
    "prepared",
    "offer",
    "promise",
    "pledge",
    "plan",
    "intend",
    "vow",
    "agree",
    "decide",
    "announce",
    "expect",
    "set",
    "going",
    "propose",
}


def is_future(trigger: Token) -> bool:
    tok = trigger
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in INTENT_HEADS:
            return True
        if tok.dep_ not in {"xcomp", "conj", "dobj", "pobj", "prep", "acomp"}:
            return False
        tok = tok.head
    return False


def codebook_category(event: Event, doc: Doc) -> str:
    """The category strict PLOVER gives `event` (its own, or the folded one when promised)."""
    if event.event not in FOLD:
        return event.event
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is not None and is_future(span.root):
        return FOLD[event.event]
    return event.event
