"""Collectives named by a common noun phrase (data/actors/lexicon/collectives.yaml).

An event whose participant the actors stage does not recognise is dropped, so these phrases need
actors of their own: captives ("24 hostages", "Palestinian prisoners"). Each new actor is a
collective: scope.py gives it its country (from its phrase, else the article's) or its document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from .descriptors import is_modifier, phrase_bounds, referents_from_modifiers
from .lexicon import Lexicon, load_validated
from .mentions import DocActors
from .scope import scoped_id


@dataclass(frozen=True)
class Collectives:
    captives: dict[str, str]  # head noun → kind ("hostages", "prisoners")


@lru_cache(maxsize=1)
def load_collectives() -> Collectives:
    data = load_validated("collectives.yaml", "collectives.schema.json")
    return Collectives(
        captives={word: kind for kind, words in data["captives"].items() for word in words},
    )


def resolve_collectives(state: DocActors, lex: Lexicon) -> None:
    data = load_collectives()
    for head in state.doc:
        if head.i in state.covered or head.pos_ not in {"NOUN", "PROPN"}:
            continue
        word = head.lower_
        if word in data.captives and not is_modifier(head):  # "hostage deal" is no party
            captives(state, head, data.captives[word], lex)


def captives(state: DocActors, head: Token, kind: str, lex: Lexicon) -> None:
    """ "Palestinian prisoners", "12 Thai hostages": one collective per kind and country."""
    _, countries, _ = referents_from_modifiers(state, head, lex)
    cid = countries[0] if countries else None
    iso = state.kb.actors[cid].country if cid else None
    new = state.ensure_new(kind, "civilians", country=iso, actor_id=scoped_id(f"x-{kind}", iso))
    state.collective.setdefault(new, cid)
    start, end = phrase_bounds(head)
    state.add(new, start, end, "descriptor", head)
