"""The other side of a two-sided event noun carried by a light verb: "held talks with the rebels",
"reached a deal with Hezbollah", "fought a battle with the army". The parser hangs "with X" on the
noun or on the verb; either way X is a party to the meeting, deal or fight, so it joins `actor`
(PLOVER's convention for two-sided events). Signing an agreement "with X" is two-sided too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..records import Participant
from .matching import class_lemmas

if TYPE_CHECKING:
    from .coder import Coder
    from .lexicon import Trigger


def two_sided(coder: Coder, trig: Trigger, category: str) -> bool:
    return trig.reciprocal or category in coder.lex.symmetric


def of_carried(coder: Coder, noun: Token, carrier: Token, trig: Trigger, category: str) -> list[Participant]:
    """The "with" partners of `noun` (an event noun that `carrier` carries), for two-sided events."""
    if not two_sided(coder, trig, category):
        return []
    objects = coder._prep_objects(noun, {"with"}) + coder._prep_objects(carrier, {"with"})
    return [p for o in objects for p in coder.args.participants(o)]


def of_signing(coder: Coder, verb: Token) -> list[Participant]:
    """ "The rebels signed a peace deal with the government": signing an agreement is two-sided
    like the agreement itself, so the "with" party (on the verb or the agreement) signs too."""
    agreements = coder.lex.classes.get("agreement", frozenset())
    deals = [c for c in verb.children if c.dep_ == "dobj" and class_lemmas(c) & agreements]
    if not deals:
        return []
    objects = coder._prep_objects(verb, {"with"}) + [o for d in deals for o in coder._prep_objects(d, {"with"})]
    return [p for o in objects for p in coder.args.participants(o)]
