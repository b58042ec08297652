"""The verb that carries an event noun ("carried out an attack", "engaged in fighting"), seen
through a noun that only counts the events ("a wave of arrests", "a new round of talks")."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon
from .wordclasses import CIRCUMSTANCE_PREPS


def slot_of(tok: Token, lex: Lexicon) -> Token:
    """The noun that fills the verb's slot for `tok`: `tok` itself, or the counting noun it is
    the "of" object of ("launched a series of airstrikes": series is the object of launched)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in lex.classes.get("series", ()):
        return head.head
    return tok


def carrier_of(tok: Token, lex: Lexicon) -> Token | None:
    """The verb whose object (or passive subject, or prepositional object outside a mere
    circumstance) the event noun is, if any."""
    slot = slot_of(tok, lex)
    head = slot.head
    if slot.dep_ in {"dobj", "nsubjpass", "attr"}:
        return head
    if slot.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.lower_ not in CIRCUMSTANCE_PREPS:
        return head.head  # "engaged in fighting", "went on strike"
    return None
