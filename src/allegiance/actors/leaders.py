"""Forces named by their commander: "Haftar's forces", "fighters loyal to Ali Musa", "troops under
General X". The referent is the armed group the commander leads when the knowledge base links them
(the person's name in a group's note or aliases, e.g. "commanded by Khalifa Haftar"), else an
unnamed descriptor actor "forces of X"."""

from __future__ import annotations

import re

from spacy.tokens import Token

from .mentions import DocActors

LEADER_PREPS = {"to", "under", "of", "behind"}  # "loyal to X", "under X", "of X", "behind X"
LEADER_ADJECTIVES = {"loyal", "allied", "faithful", "close", "answering"}
GROUP_TYPES = {"rebels", "militia", "military", "political_party"}


def leader_of(state: DocActors, head: Token) -> tuple[str, Token] | None:
    """(person actor id, the person's token) when the descriptor names a commander."""
    candidates = [c for c in head.children if c.dep_ == "poss"]
    for child in head.children:
        if child.dep_ == "amod" and child.lower_ in LEADER_ADJECTIVES:
            candidates += [p for prep in child.children if prep.lower_ in LEADER_PREPS for p in prep.children]
            # "Forces loyal to rogue General X": the small model may hang X on "Forces" as appos
            candidates += [a for a in head.children if a.dep_ == "appos" and a.i > child.i]
        if child.dep_ == "prep" and child.lower_ in LEADER_PREPS - {"of"}:
            candidates += [p for p in child.children if p.dep_ == "pobj"]
        if child.dep_ in {"acl", "amod"} and child.lower_ in {"led", "commanded", "headed"}:
            agent = [a for a in child.children if a.dep_ == "agent"]
            candidates += [p for a in agent for p in a.children if p.dep_ == "pobj"]
    candidates += [a for c in candidates for a in c.children if a.dep_ == "appos"]  # "the warlord X"
    for token in candidates:
        person = next(
            (a.actor for a in state.anchors if a.token == token.i and state.type_of(a.actor) == "person"),
            None,
        )
        if person:
            return person, token
    return None


def group_led_by(state: DocActors, person: str) -> str | None:
    """The KB armed group whose note or aliases name this person (full name, else surname)."""
    name = state.actors[person].name
    surname = name.split()[-1]
    patterns = [re.compile(rf"\b{re.escape(name)}\b"), re.compile(rf"\b{re.escape(surname)}\b")]
    for pattern in patterns:
        for info in state.kb.actors.values():
            if info.type not in GROUP_TYPES:
                continue
            text = " ".join([info.note or "", *info.aliases])
            if pattern.search(text):
                return state.ensure(info)
    return None


def forces_of_leader(state: DocActors, head: Token) -> tuple[list[str], int] | None:
    """([actor id], end character of the phrase) for a commander's forces, else None."""
    found = leader_of(state, head)
    if found is None:
        return None
    person, token = found
    group = group_led_by(state, person)
    if group is None:
        group = state.ensure_new(f"forces of {state.actors[person].name}", "militia")
    end_token = token if token.i > head.i else head
    return [group], end_token.idx + len(end_token.text)
