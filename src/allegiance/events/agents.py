"""Agents that an event noun gives: "X's attack", "a Taliban attack", "an attack by X" — for the
noun's own event and for a passive verb that happened in it ("killed in an attack by X")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..records import Participant
from .matching import entries_for, select_trigger
from .wordclasses import FROM_IS_AGENT

if TYPE_CHECKING:
    from .coder import Coder

# prepositions that put a verb's event inside a larger one: "killed in an attack", "during a raid"
INSIDE_PREPS = {"in", "during", "by", "amid"}


def of_noun(coder: Coder, tok: Token, category: str, mode: str | None) -> list[Participant]:
    """Who does what an event noun names: its possessor, a modifier naming an actor ("a
    Taliban attack", "Israeli strikes") and its "by" object ("an attack by ISWAP fighters")."""
    out: list[Participant] = []
    suffers = possessor_suffers(coder, tok)
    for c in tok.children:
        named = coder.index.covering([c]) or c.ent_type_ in {"NORP", "ORG", "GPE"}
        if (c.dep_ == "poss" and not suffers) or (c.dep_ in {"compound", "amod"} and named):
            out += coder.args.participants(c)
    # "came under attack from militants": after "under", "from" names the attacker too
    undergone = tok.dep_ == "pobj" and tok.head.lower_ == "under"
    agent_preps = {"by", "from"} if category in FROM_IS_AGENT or undergone else {"by"}
    if mode == "third-party" or category == "MOBILIZE":
        # "the mediation of Qatar": Qatar mediates; "the deployment of Rwandan troops": they move
        agent_preps = agent_preps | {"of"}
    out += [p for o in coder._prep_objects(tok, agent_preps) for p in coder.args.participants(o)]
    if not out:
        # "the arrest of the journalist by the police": the parser often hangs "by" on the patient
        patients = coder._prep_objects(tok, {"of"})
        out += [p for pt in patients for o in coder._prep_objects(pt, {"by"}) for p in coder.args.participants(o)]
    return out


def possessor_suffers(coder: Coder, tok: Token) -> bool:
    """ "Their release", "his arrest": the possessor of such a noun is the one it happens to,
    unless an "of" object names that one ("Hamas's release of 24 hostages")."""
    if tok.lemma_.lower() not in coder.lex.classes.get("suffered", frozenset()):
        return False
    return not coder._prep_objects(tok, {"of"})


def of_circumstance(coder: Coder, verb: Token, category: str) -> list[Participant]:
    """ "killed in an attack by suspected ISWAP fighters", "destroyed in a Russian airstrike":
    a passive verb without its own agent takes the agent of the event noun it happened in."""
    out: list[Participant] = []
    for noun in coder._prep_objects(verb, INSIDE_PREPS):
        trig = select_trigger(entries_for(coder.lex.nouns, noun), noun)
        if trig is not None and trig.category == category:
            out += of_noun(coder, noun, trig.category, trig.mode)
    return out


def of_event_noun(coder: Coder, tok: Token) -> list[Participant] | None:
    """Who does the event that `tok` names, when it is an event noun ("the attack by militants",
    "Israel's strikes", "the junta's crackdown"); None when it is none."""
    trig = select_trigger(entries_for(coder.lex.nouns, tok), tok)
    return None if trig is None else of_noun(coder, tok, trig.category, trig.mode)
