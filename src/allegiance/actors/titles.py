"""Countries from titles: a person or body the knowledge base does not place gets the country its
own phrase names ("Israeli Prime Minister Ehud Barak", "Jordan's King Abdullah", "Salaheddine
Sidhoum, Algeria's leading activist", "Iranian authorities") — how a reader, and a CAMEO coder,
places an actor. Only an unambiguous phrase counts: one named country, not two."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor
from .kb import KnowledgeBase

# actors that may take a country from their title (IGOs and transnational groups have none)
PLACEABLE = {"person", "government", "military", "police", "political_party", "media", "ngo", "other",
             "civilians", "business", "religious", "rebels", "militia"}
STATE_SIDE = {"country", "government", "military", "police"}


def title_tokens(doc: Doc, start: int, end: int) -> set[int]:
    """The phrase's head with its pre-modifiers and its appositions ("X, Algeria's envoy")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    root = span.root
    tokens = {t.i for t in root.subtree if t.i <= root.i}
    for appos in (c for c in root.children if c.dep_ == "appos"):
        tokens |= {t.i for t in appos.subtree}
    return tokens


def countries_named(doc: Doc, tokens: set[int], actors: list[Actor], kb: KnowledgeBase) -> set[str]:
    """Countries that the tokens name: mentions of state actors of this article, or the knowledge
    base's demonyms and country names ("Iraqis", "Albanian")."""
    out = set()
    for actor in actors:
        if actor.country and actor.type in STATE_SIDE:
            for m in actor.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and any(t.i in tokens for t in span):
                    out.add(actor.country)
    for i in sorted(tokens):
        word = doc[i].text
        if not word[:1].isupper():
            continue
        singular = word[:-1] if word.endswith("s") else word
        for aid in [kb.by_demonym(word), kb.by_demonym(singular), *kb.by_alias(word)]:
            info = kb.get(aid) if aid else None
            if info is not None and info.type == "country" and info.country:
                out.add(info.country)
    return out


def place_by_title(doc: Doc, actors: list[Actor], kb: KnowledgeBase) -> list[Actor]:
    out = []
    for actor in actors:
        if actor.country or actor.type not in PLACEABLE or kb.get(actor.id) is not None:
            out.append(actor)
            continue
        tokens: set[int] = set()
        for m in actor.mentions:
            tokens |= title_tokens(doc, m.start, m.end)
        named = countries_named(doc, tokens, actors, kb)
        out.append(actor.model_copy(update={"country": named.pop()}) if len(named) == 1 else actor)
    return out
