"""Recipients that an event noun gives: "sanctions on X", "the release of prisoners", "the killing
of hundreds of civilians"; and the subject of a clause that says it suffered the event ("the base
came under attack", "the army repelled an attack by the rebels")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..records import Participant
from . import holders, measures
from .agents import possessor_suffers
from .arguments import INCLUDING
from .wordclasses import TO_RECIPIENT

if TYPE_CHECKING:
    from .coder import Coder
    from .lexicon import Trigger

# categories whose event noun takes its patient with "of": "release of prisoners", "arrest of
# activists" (for violence, "the killing of civilians" was measured: one more event found on the
# measuring part, but without its actor, so full F1 fell; left out)
OF_IS_PATIENT = {"RETREAT", "COERCE"}
# verbs whose subject suffers the attack they govern: "came under attack", "repelled an attack"
UNDERGO_PREP = {"come": "under"}
UNDERGO_OBJECT = {"repel", "repulse", "fend", "withstand", "foil", "thwart", "survive", "suffer"}


def of_noun(coder: Coder, tok: Token, trig: Trigger) -> list[Participant]:
    """Who an event noun is done to: its recipient prepositions, "of" for the categories above,
    and "including" lists; else the subject of a clause that says it underwent the event."""
    preps = set(trig.recipient_preps) | ({"to", "for"} if trig.category in TO_RECIPIENT else set())
    if trig.category in OF_IS_PATIENT:
        preps.add("of")
    found = holders.recipients(coder, coder._prep_objects(tok, preps))  # "an attack on the army's base"
    if found:  # "sanctions on individuals, including X and Y": the parser hangs the list on the noun
        found += [p for o in coder._prep_objects(tok, INCLUDING) for p in coder.args.participants(o)]
    # "their release", "his arrest": the possessor is the one it happens to
    if not found and possessor_suffers(coder, tok):
        found = [p for c in tok.children if c.dep_ == "poss" for p in coder.args.participants(c)]
    # "sanctions targeting Russian banks": the verb of aim names the measure's recipient
    return found or measures.targets(coder, tok) or undergoer(coder, tok, trig)


def undergoer(coder: Coder, tok: Token, trig: Trigger) -> list[Participant]:
    """ "The base came under attack", "the army repelled an attack": the clause's subject is the
    one attacked (only for one-sided force; in two-sided fighting both sides are actors)."""
    if trig.category != "ASSAULT" or trig.reciprocal:
        return []
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and UNDERGO_PREP.get(head.head.lemma_.lower()) == head.lower_:
        return coder.subject(head.head)
    if tok.dep_ == "dobj" and head.lemma_.lower() in UNDERGO_OBJECT:
        return coder.subject(head)
    return []
