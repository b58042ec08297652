"""Collectives named by a common noun phrase (data/actors/lexicon/collectives.yaml).

An event whose participant the actors stage does not recognise is dropped, so these phrases need
actors of their own: captives ("24 hostages", "Palestinian prisoners"), bodies named by their kind
("aid workers", "human rights groups", "the international community", "the opposition"), blocs
("the West"), the members of a named body ("EU leaders" → the EU) and informants named by a state
role ("police sources" → the police). Each new actor is a
collective: scope.py gives it its country (from its phrase, else the article's) or its document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..records import ActorType
from .descriptors import is_modifier, main_country, phrase_bounds, referents_from_modifiers, state_targets
from .lexicon import Lexicon, load_validated
from .mentions import DocActors, is_locative
from .scope import scoped_id


@dataclass(frozen=True)
class Body:
    name: str
    type: ActorType
    heads: frozenset[str]
    modifiers: frozenset[str]  # empty: the head alone names the body
    document: bool  # belongs to no country ("the international community")
    stance: bool  # also a stance word: no body before "to"/"against" ("opposition to the plan")


@dataclass(frozen=True)
class Collectives:
    captives: dict[str, str]  # head noun → kind ("hostages", "prisoners")
    bodies: tuple[Body, ...]
    blocs: dict[str, tuple[str, ActorType]]  # lowercase proper noun → (name, type)
    member_nouns: frozenset[str]
    source_nouns: frozenset[str]
    source_roles: dict[str, str]  # modifier → state role, beyond descriptors.yaml's nouns
    kind_nouns: dict[str, ActorType]  # "company" → business, "charity" → ngo

    def body(self, head: Token) -> Body | None:
        words = {t.lower_ for child in head.lefts if child.dep_ != "det" for t in child.subtree}
        for body in self.bodies:
            if head.lower_ in body.heads and (not body.modifiers or words & body.modifiers):
                return body if not body.stance or not stance_use(head) else None
        return None


def stance_use(head: Token) -> bool:
    """ "opposition to the plan", "opposition against the deal": an attitude, not a body."""
    return any(c.dep_ == "prep" and c.lower_ in {"to", "against"} for c in head.children)


@lru_cache(maxsize=1)
def load_collectives() -> Collectives:
    data = load_validated("collectives.yaml", "collectives.schema.json")
    return Collectives(
        captives={word: kind for kind, words in data["captives"].items() for word in words},
        bodies=tuple(
            Body(
                name=b["name"],
                type=b["type"],
                heads=frozenset(b["heads"]),
                modifiers=frozenset(b.get("modifiers", [])),
                document=b.get("scope") == "document",
                stance=b.get("stance", False),
            )
            for b in data["bodies"]
        ),
        blocs={k: (v["name"], v["type"]) for k, v in data["blocs"].items()},
        member_nouns=frozenset(data["member_nouns"]),
        source_nouns=frozenset(data["source_nouns"]),
        source_roles=dict(data["source_roles"]),
        kind_nouns={w: kind for kind, words in data["kind_nouns"].items() for w in words},
    )


def resolve_collectives(state: DocActors, lex: Lexicon) -> None:
    data = load_collectives()
    country: list[str | None] | None = None  # the article's main country, computed when needed
    for head in state.doc:
        if head.i in state.covered or head.pos_ not in {"NOUN", "PROPN"}:
            continue
        word = head.lower_
        if word in data.captives and not is_modifier(head):  # "hostage deal" is no party
            captives(state, head, data.captives[word], lex)
        elif word in data.blocs and bloc_use(head):
            name, actor_type = data.blocs[word]
            new = state.ensure_new(name, actor_type)
            state.collective.setdefault(new, None)
            state.document_only.add(new)
            state.add(new, head.idx, head.idx + len(head.text), "descriptor", head)
        elif not is_modifier(head) and (body := data.body(head)):
            generic_body(state, head, body, lex)
        elif word in data.member_nouns and not is_modifier(head):
            members(state, head, lex)
        elif word in data.source_nouns and not is_modifier(head):
            if country is None:
                country = [main_country(state)]
            source(state, head, data, lex, country[0])


def captives(state: DocActors, head: Token, kind: str, lex: Lexicon) -> None:
    """ "Palestinian prisoners", "12 Thai hostages": one collective per kind and country."""
    _, countries, _ = referents_from_modifiers(state, head, lex)
    cid = countries[0] if countries else None
    iso = state.kb.actors[cid].country if cid else None
    new = state.ensure_new(kind, "civilians", country=iso, actor_id=scoped_id(f"x-{kind}", iso))
    state.collective.setdefault(new, cid)
    start, end = phrase_bounds(head)
    state.add(new, start, end, "descriptor", head)


def generic_body(state: DocActors, head: Token, body: Body, lex: Lexicon) -> None:
    _, countries, _ = referents_from_modifiers(state, head, lex)
    cid = None if body.document else (countries[0] if countries else None)
    iso = state.kb.actors[cid].country if cid else None
    base = "x-" + body.name.replace(" ", "-")
    new = state.ensure_new(body.name, body.type, country=iso, actor_id=scoped_id(base, iso))
    state.collective.setdefault(new, cid)
    if body.document:
        state.document_only.add(new)
    start, end = phrase_bounds(head)
    state.add(new, start, end, "descriptor", head)


def members(state: DocActors, head: Token, lex: Lexicon) -> None:
    """ "EU leaders", "Hamas representatives": a mention of the body the modifier names."""
    named, _, _ = referents_from_modifiers(state, head, lex)
    named = [a for a in named if state.type_of(a) not in {"person", "country"}]
    if len(named) == 1:
        start, end = phrase_bounds(head)
        state.add(named[0], start, end, "descriptor", head)


def source(state: DocActors, head: Token, data: Collectives, lex: Lexicon, country: str | None) -> None:
    """ "police sources", "a military spokesman": the state role its modifier names."""
    roles = [
        (mod, role)
        for mod in head.lefts
        if mod.dep_ in {"compound", "amod", "nmod"}
        and (role := lex.state_role(mod.lower_) or data.source_roles.get(mod.lower_))
    ]
    if len(roles) != 1:
        return
    mod, role = roles[0]
    named, countries, cues = referents_from_modifiers(state, head, lex)
    start, end = phrase_bounds(head)
    if named:  # "Ugandan police sources" (a KB name), "Hamas security sources": the named body's
        targets = named[:1] if len(named) == 1 else []
    else:
        targets = state_targets(state, mod, role, countries, cues - {mod.lower_}, country, lex)
    for target in targets:
        state.add(target, start, end, "descriptor", head)


def bloc_use(token: Token) -> bool:
    """ "the West" as a party: a lone proper noun after "the", not a place ("in the West") nor
    part of a longer name ("West Bank", "West Africa")."""
    if entity_of(token) - {token.i}:
        return False
    if is_locative(token) or token.dep_ in {"compound", "amod"}:
        return False
    return token.text[:1].isupper() and any(c.lower_ == "the" for c in token.lefts)


def entity_of(token: Token) -> set[int]:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return {t.i for t in ent if t.lower_ != "the"}
    return set()


def titled_type(ent: Span) -> ActorType | None:
    """ "telecom firm MTN", "the charity Mercy Corps": the kind noun just before a name types it."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return load_collectives().kind_nouns.get(doc[i].lemma_.lower()) if i >= 0 else None
