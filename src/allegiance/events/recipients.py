"""Recipients that the verb's own object slot does not give: the owner of the thing acted on
("rejected Iraq's proposal", "welcomed the President's statement", "agreed to U.S. mediation"), the
thing's holder ("froze the assets of X"), its prepositional objects ("suspended talks with the rebels", "lifted sanctions on Iran") and
the object of a governed infinitive ("refused to meet the envoy", "agreed to help Lebanon").

These follow the codebook's reading that the target of a verbal act is whoever its content is
directed at; each step runs only when the earlier ones found nobody other than the actor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..records import Participant
from . import agents, holders

if TYPE_CHECKING:
    from .coder import Coder
    from .lexicon import Trigger

OWNER_MODIFIERS = {"poss", "compound", "amod", "nmod"}
# "suspended talks with X", "lifted the curfew on X", "an offer to X", "offer from X"
THING_PREPS = {"with", "to", "from", "on", "against", "for", "toward", "towards", "upon", "into"}
# categories whose recipient may sit in the object of a governed infinitive ("refused to meet X")
COMPLEMENT_RECIPIENT = {"REJECT", "AGREE", "REQUEST", "THREATEN", "CONCEDE"}
# categories whose object may be an act, blamed on whoever did it ("condemned the attack by X")
BLAME_OF_ACT = {"ACCUSE"}


def owners(coder: Coder, things: list[Token]) -> list[Participant]:
    """Whose thing it is: a possessor ("Iraq's proposal"), a modifier naming an actor ("a U.S.
    request", "French mediation"), or, for plans and proposals, "by X" / "from X"."""
    plans = coder.lex.classes.get("plan", frozenset())
    out: list[Participant] = []
    for thing in things:
        for c in thing.children:
            # an actor the actors stage knows; a possessive pronoun ("suspended its participation")
            # mostly points back at the actor itself, and place names ("Hodeida's airport") own nothing
            known = coder.index.covering([c]) or c.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}
            if c.dep_ in OWNER_MODIFIERS and known and c.tag_ != "PRP$":
                out += coder.args.participants(c)
        if thing.lemma_.lower() in plans:
            out += [p for o in coder._prep_objects(thing, {"by", "from"}) for p in coder.args.participants(o)]
    return out


def things_of(coder: Coder, tok: Token) -> list[Token]:
    """The objects of `tok` that are things, not participants (direct and prepositional objects):
    "the rebels' proposal", "autonomy", "rockets"."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    # "agreed to U.S. mediation", "opposed to French mediation"; not "announced X following calls from Y"
    objects += [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return [o for o in objects if not (coder._participant_like(o) and coder.args.participants(o))]


def fallback(coder: Coder, tok: Token, trig: Trigger, actor_ids: set[str]) -> list[Participant]:
    def others(parts: list[Participant]) -> list[Participant]:
        return [p for p in parts if p.id not in actor_ids]

    things = things_of(coder, tok)
    # "froze the assets of X": a held thing in the object slot that the trigger's object class
    # kept out of the recipients stands for its holder
    held = [c for c in tok.children if c.dep_ == "dobj"]
    found = others(owners(coder, things) or [p for t in held for p in holders.holder_of(coder, t)])
    if not found and trig.category in BLAME_OF_ACT:
        # "condemned the killing of civilians by the militia", "the junta's crackdown on protesters":
        # the blame goes to who did the act, never to whom it was done ("the attack on the convoy")
        doers = [agents.of_event_noun(coder, t) for t in things]
        if any(d is not None for d in doers):
            return others([p for d in doers if d for p in d])
    plans = coder.lex.classes.get("plan", frozenset())
    if not found and any(t.lemma_.lower() in plans for t in things):
        # "rejected the proposal from Argentina": the parser often hangs "from X" on the verb
        found = others([p for o in coder._prep_objects(tok, {"from"}) for p in coder.args.participants(o)])
    if not found:
        preps = set(trig.recipient_preps) | THING_PREPS
        found = others(
            [p for t in things for o in coder._prep_objects(t, preps) for p in coder.args.participants(o)]
        )
    if not found and trig.category in COMPLEMENT_RECIPIENT:
        for comp in (c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}):
            objs = [c for c in comp.children if c.dep_ in {"dobj", "dative"} and coder._participant_like(c)]
            found = others([p for o in objs for p in coder.args.participants(o)])
            found = found or others(owners(coder, things_of(coder, comp)))
            if found:
                break
    return found
