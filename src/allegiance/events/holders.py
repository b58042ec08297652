"""A thing acted on stands for whoever holds, rides or lives in it: "attacked a police convoy",
"stormed the rebel camp", "shelled the army's positions", "raided the homes of activists" — the
recipient is the police, the rebels, the army, the activists (issue #11: an object is no recipient).
The holder is the thing's possessor, its "of" object, or a modifier naming a party; a thing with
none ("a checkpoint") keeps the earlier reading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..records import Participant

if TYPE_CHECKING:
    from .coder import Coder

HOLDER_MODIFIERS = {"poss", "compound", "nmod", "amod"}


def holder_of(coder: Coder, thing: Token) -> list[Participant]:
    """Who holds `thing` (a member of the trigger lexicon's `holding` class), or nothing."""
    if thing.lemma_.lower() not in coder.lex.classes.get("holding", frozenset()):
        return []
    # "the bank accounts of the junta leaders": an "of" holder wins over a modifier naming a kind
    of = [p for o in coder._prep_objects(thing, {"of"}) for p in coder.args.participants(o)]
    if of:
        return of
    return [p for c in thing.children if c.dep_ in HOLDER_MODIFIERS for p in coder.args.participants(c)]


def recipients(coder: Coder, objects: list[Token]) -> list[Participant]:
    """The participants that `objects` name, each held thing read as its holder."""
    return [p for o in objects for p in (holder_of(coder, o) or coder.args.participants(o))]
