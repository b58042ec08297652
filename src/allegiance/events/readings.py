"""Readings that change what a found event is: a future or intended use of force is a threat, a
state's protest is a diplomatic ACCUSE, a speaker saying what another party must do demands it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..records import Participant
from .sentence import Found
from .wordclasses import DEMAND_MODALS, FUTURE_AUX, INTENT_TO_FIGHT, SPEECH, STATE_TYPES, SUBJECTS

CONDITION_MARKS = {"if", "unless"}

if TYPE_CHECKING:
    from .coder import Coder


def conditional(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children)


def modal_demand(coder: Coder, tok: Token) -> Found | None:
    """ "X said that Y must withdraw": a speaker stating what another party must do demands it
    (REQUEST, recipient Y); the embedded action is the demand's content."""
    if tok.lemma_.lower() not in SPEECH | {"reiterate", "stress", "repeat"}:
        return None
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        if any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children):
            target = [g for g in clause.children if g.dep_ in SUBJECTS]
            found = Found(tok, "REQUEST", None, coder.subject(tok))
            found.recipient = [p for g in target for p in coder.args.participants(g)]
            ids = {p.id for p in found.actor}
            if found.recipient and not ids & {p.id for p in found.recipient}:
                return found
    return None


def adjust(coder: Coder, found: Found, sent: Span) -> None:
    tok = found.trigger
    if found.verbal and found.category in {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}:
        # "Russia said it would retaliate": a future use of force announced by its actor is a threat
        future = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children)
        if future and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH:
            found.category, found.mode = "THREATEN", None
        # "ready to fight until victory", "committed to eliminating Hamas": force intended
        head = tok.head.head if tok.dep_ == "pcomp" and tok.head.lower_ == "to" else tok.head
        if tok.dep_ in {"xcomp", "pcomp"} and head.lemma_.lower() in INTENT_TO_FIGHT:
            found.category, found.mode = "THREATEN", None
    # "will reimpose the sanctions if Caracas fails to…": a conditional promise of force (conventions)
    verb = tok if found.verbal else (tok.head if tok.dep_ == "dobj" else None)
    if (
        verb is not None
        and found.category in {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
        and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)
        and any(c.dep_ == "advcl" and conditional(c) for c in verb.children)
    ):
        found.category, found.mode = "THREATEN", None
    # a state blocking roads or access restricts, it does not protest
    if found.category == "PROTEST" and found.mode == "obstruct" and any(
        state_side(coder, p, security=True) for p in found.actor
    ):
        found.category, found.mode = "COERCE", "restrict"
    # a state "protesting" is a diplomatic protest: ACCUSE (codebook, PROTEST ambiguities)
    if found.category == "PROTEST" and any(state_side(coder, p) for p in found.actor):
        found.category, found.mode = "ACCUSE", "disapprove"
    # "police were deployed across the city": the forces moved are the ones mobilising (codebook,
    # MOBILIZE: the actor mobilises its capabilities), not a recipient of the move
    if found.verbal and found.category == "MOBILIZE" and not found.actor and coder._is_passive(tok):
        found.actor, found.recipient = found.recipient, []
    if found.category == "ASSAULT" and found.mode is None:
        found.mode = coder.lex.assault_mode({t.lemma_.lower() for t in sent} | {t.lower_ for t in sent})
    ids = {p.id for p in found.actor}
    found.recipient = [p for p in found.recipient if p.id not in ids]


def state_side(coder: Coder, p: Participant, security: bool = False) -> bool:
    """The participant is the state (or, with `security`, its police and army): a known actor of
    that type, or an ad-hoc one headed by a word for it ("the authorities", "riot police")."""
    types = STATE_TYPES | ({"police", "military"} if security else set())
    if coder.index.type_of.get(p.id) in types:
        return True
    words = coder.lex.classes.get("state_bodies", frozenset())
    if security:
        words = words | coder.lex.classes.get("security_bodies", frozenset())
    return p.id.startswith("x-") and bool(p.text.split()) and p.text.split()[-1].lower() in words

