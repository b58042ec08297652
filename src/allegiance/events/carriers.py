"""The verb that carries an event noun ("carried out an attack", "engaged in fighting"), seen
through a noun that only counts the events ("a wave of arrests", "a new round of talks")."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon
from .wordclasses import CIRCUMSTANCE_PREPS

# heads of a sum of money told without a currency entity ("billions in aid")
AMOUNT_NOUNS = {"million", "billion", "millions", "billions", "dollar", "euro", "pound", "sum", "amount"}


def slot_of(tok: Token, lex: Lexicon) -> Token:
    """The noun that fills the verb's slot for `tok`: `tok` itself, or the counting noun it is
    the "of" object of ("launched a series of airstrikes": series is the object of launched)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in lex.classes.get("series", ()):
        return head.head
    if tok.dep_ == "pobj" and head.lower_ == "in" and _amount(head.head):
        return head.head  # "pledged 50 million euros in aid": the amount is the verb's object
    return tok


def _amount(tok: Token) -> bool:
    return tok.ent_type_ == "MONEY" or tok.lemma_.lower() in AMOUNT_NOUNS


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
