"""Phrases that name no actor, whatever NER or the argument reader make of them.

- a place: the gazetteer knows the name, or the sentence uses it as one ("in X", "X, a coastal
  area", "the neighbourhoods of X", "Axum and X", "X province");
- a thing: a phrase without a proper noun ("Smoke and flames rise"), an all-lowercase string
  (page widgets), a lone feature word ("Secretary of State"), an indefinite phrase whose head is no
  kind of person or force ("a checkpoint", "an alliance");
- the newsroom: whatever a byline or credit line names ("By Our Correspondent ADDIS ABABA",
  "Photo Credit: Reuters"), and newsroom roles ("Staff Reporter").

The rules are shapes and lookups (data/actors/lexicon/not_actor_phrases.yaml, the gazetteer, the
descriptor lexicon), never a list of the bad strings seen so far. Knowledge-base actors are never
questioned here, and an unknown organisation named as one ("Dyck Advisory Group") is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..records import Mention
from ..where.gazetteer import Gazetteer, load_gazetteer
from ..where.toponyms import PLACE_LABELS, is_locative
from .junk import line_of
from .lexicon import load_lexicon, load_validated
from .mentions import DocActors

# prepositions whose object is a place for any name; "to"/"from"/"through" also take persons
# ("talked to X", "a call from X"), so they mark only names that are not persons
PERSON_SAFE_PREPS = {"in", "near", "at", "inside", "outside", "towards", "toward", "around", "throughout"}


@dataclass(frozen=True)
class Phrases:
    credit_lines: tuple[re.Pattern[str], ...]
    credit_max_words: int
    newsroom_words: frozenset[str]
    indefinite: frozenset[str]
    generic_body_words: frozenset[str]


@lru_cache(maxsize=1)
def load_phrases() -> Phrases:
    data = load_validated("not_actor_phrases.yaml", "not_actor_phrases.schema.json")
    return Phrases(
        credit_lines=tuple(re.compile(p) for p in data["credit_lines"]),
        credit_max_words=data["credit_max_words"],
        newsroom_words=frozenset(data["newsroom_words"]),
        indefinite=frozenset(data["indefinite"]),
        generic_body_words=frozenset(data["generic_body_words"]),
    )


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Head nouns that stand for people or forces: they may be unnamed actors ("a soldier")."""
    lex = load_lexicon()
    roles = frozenset(w for words in lex.state_roles.values() for w in words)
    return lex.armed | lex.unknown_attackers | lex.civilians | lex.person_roles | lex.group_nouns | lex.polity_nouns | roles


def is_credit_line(line: str) -> bool:
    phrases = load_phrases()
    line = line.strip()
    if not line or len(line.split()) > phrases.credit_max_words:
        return False
    return any(p.search(line) for p in phrases.credit_lines)


def on_credit_line(span: Span) -> bool:
    return is_credit_line(line_of(span))


def newsroom_role(text: str) -> bool:
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & load_phrases().newsroom_words)


def indefinite_thing(span: Span) -> bool:
    """ "a checkpoint", "an alliance": introduced as something new and not a person or a force."""
    words = [t for t in span if not t.is_space and not t.is_punct]
    if len(words) < 2 or words[0].lower_ not in load_phrases().indefinite:
        return False
    head = span.root
    people = person_nouns()
    if head.pos_ == "PROPN" or head.lemma_.lower() in people or head.lower_ in people:
        return False
    # "a police checkpoint", "an army base", "a Taliban post": the force that holds it is meant
    return not any(
        c.dep_ in {"compound", "amod", "nmod", "poss"}
        and (c.lower_ in people or c.ent_type_ in {"NORP", "ORG", "GPE"})
        for c in head.children
    )


def common_phrase(span: Span) -> bool:
    """No proper noun in it, or no capital letter at all: a thing, not a name ("Smoke",
    "editicon v-expandicon")."""
    words = [t for t in span if t.is_alpha]
    if not words:
        return True
    if not any(c.isupper() for c in span.text):
        return True
    return all(t.pos_ not in {"PROPN"} for t in words) and not any(t.is_upper and len(t) > 1 for t in words)


def feature_word(span: Span, gaz: Gazetteer) -> bool:
    """A lone place-kind word ("State" in "Secretary of State") or one after its name ("Unity
    states", "Kunar province"): a division of a country, not a party."""
    words = gaz.words
    assert words is not None
    return span.root.lower_ in words.features or span.root.lemma_.lower() in words.features


def place_use(token: Token, gaz: Gazetteer, person: bool) -> bool:
    """The sentence uses the name as a place: locative prepositions, a place noun in apposition
    ("Goma, the provincial capital"; "Al Mawasi, a coastal area"), "the district of X", a name
    joined to a place ("from Axum and X"), a feature word after it ("X province")."""
    words = gaz.words
    assert words is not None
    place_nouns = set(words.features) | words.of_heads
    head = token.head
    # "spoke to Putin": after other prepositions a person-shaped name is no place
    person_safe = not (token.dep_ == "pobj" and person and head.lower_ not in PERSON_SAFE_PREPS)
    if person_safe and is_locative(token, gaz):  # the one definition of a place use
        return True
    if token.dep_ == "appos" and head.lemma_.lower() in place_nouns:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in place_nouns for c in token.children):
        return True
    joined = [head] if token.dep_ == "conj" else []
    joined += [c for c in token.children if c.dep_ == "conj"]
    return any(t.ent_type_ in PLACE_LABELS and not t.ent_id_ and is_locative(t, gaz) for t in joined)


def names_place(span: Span, gaz: Gazetteer, person: bool) -> bool:
    """The gazetteer knows the name ("Kunar", "Goma"). A person's full name is not questioned by
    lookup alone: GeoNames has a village for many surnames."""
    words = [t.text for t in span if t.is_alpha and t.lower_ not in {"the", "a", "an"}]
    if not words or (person and len(words) >= 2):
        return False
    return gaz.knows(" ".join(words))


def not_an_actor(
    span: Span, gaz: Gazetteer | None = None, person: bool = False, named: bool = True, lookup: bool = True
) -> str | None:
    """Why `span` names no actor (a short reason), or None when it may. `named`: the span is an
    entity taken for a name (NER), so a phrase without a proper noun is a thing; an argument
    phrase ("the villagers") may be an unnamed actor and is judged by its head."""
    gaz = gaz or load_gazetteer()
    if on_credit_line(span):
        return "credit line"
    if newsroom_role(span.text):
        return "newsroom role"
    if indefinite_thing(span):
        return "indefinite thing"
    if named and common_phrase(span):
        return "common noun phrase"
    if feature_word(span, gaz):
        return "place-kind word"
    if lookup and (named or span.root.pos_ == "PROPN") and names_place(span, gaz, person):
        return "a place the gazetteer knows"
    if (named or span.root.pos_ == "PROPN") and place_use(span.root, gaz, person):
        return "used as a place"
    return None


PLACE_REASONS = {"used as a place", "a place the gazetteer knows", "place-kind word"}
NEWSROOM_REASONS = {"credit line", "newsroom role"}


def prune(state: DocActors) -> None:
    """Take the names pass's new actors that name no actor out of the document, before descriptors
    and pronouns are read (so that "it" never refers back to "Treasury" or "Smoke"). A country the
    gazetteer names in a form the knowledge base lacks ("CAR") becomes that country."""
    gaz = load_gazetteer()
    for actor in list(state.actors.values()):
        # "Photo Credit: Reuters", "By Jane Doe": the newsroom, even when the KB knows the name
        credited = [m for m in actor.mentions if m.kind == "name" and _on_credit_line(state, m)]
        if credited:
            _forget(state, actor.id, credited)
        names = [m for m in actor.mentions if m.kind == "name"]
        if actor.in_kb or not names:
            continue
        person = actor.type == "person"
        # "Merkel" is a village too: a person known by a full name is not looked up by surname
        full_name = person and len(actor.name.split()) >= 2
        spans = [state.doc.char_span(m.start, m.end, alignment_mode="expand") for m in names]
        reasons = [
            not_an_actor(s, gaz, person, lookup=not full_name) if s is not None else None for s in spans
        ]
        named_org = actor.type not in {"person", "other"}  # typed by its own words: "… Ministry"
        found = set(reasons) - {None}
        if not found and used_as_place_elsewhere(state, actor.name, gaz, person):
            found = {"used as a place"}  # "Lubero came under rebel control" after "Lubero, the main town"
        if found & NEWSROOM_REASONS or (not named_org and found & PLACE_REASONS):
            country = _country_named(actor.name, gaz, state)
            if country and "used as a place" not in found:
                for m in names:
                    state.ensure_kb(country)
                    state.add(country, m.start, m.end, "name")
            _forget(state, actor.id, list(actor.mentions))
        elif (
            not named_org
            and reasons
            and all(r in {"common noun phrase", "indefinite thing"} for r in reasons)
        ):
            _forget(state, actor.id, list(actor.mentions))


def used_as_place_elsewhere(state: DocActors, name: str, gaz: Gazetteer, person: bool) -> bool:
    """The same one-word name stands as a place somewhere else in the article, where NER did not
    take it for an entity ("advanced on Lubero, the main town of the district")."""
    if len(name.split()) != 1:
        return False
    return any(t.text == name and place_use(t, gaz, person) for t in state.doc)


def _on_credit_line(state: DocActors, mention: Mention) -> bool:
    span = state.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and on_credit_line(span)


def _country_named(name: str, gaz: Gazetteer, state: DocActors) -> str | None:
    countries = [p.country for p in gaz.exact(name) if p.kind == "country" and p.country]
    return state.kb.country_id(countries[0]) if countries else None


def _forget(state: DocActors, actor_id: str, mentions: list[Mention]) -> None:
    actor = state.actors[actor_id]
    gone = {(m.start, m.end) for m in mentions}
    actor.mentions[:] = [m for m in actor.mentions if (m.start, m.end) not in gone]
    for m in mentions:
        span = state.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            state.covered.difference_update(t.i for t in span)
    heads = {state.doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions}
    roots = {s.root.i for s in heads if s is not None}
    state.anchors[:] = [a for a in state.anchors if not (a.actor == actor_id and a.token in roots)]
