"""Collective actors belong to a country or a document, never to the whole store.

"civilians", "protesters", "gunmen", "rebels" left unnamed, and bodies named only by their kind
("the defence ministry", "Interior Ministry") are different parties in every conflict: one global
`x-civilians` node would link the Taliban, Eritrea and Armenia in the network. Such an actor takes
the country its own phrase names ("Armenia's defence ministry", "Afghan civilians"), else the
article's main country, and its id says so (`x-civilians-afg`); lacking any, it belongs to its
document alone (`x-civilians-doc-1a2b3c4d`, from the text's hash, so re-runs give the same id).
"""

from __future__ import annotations

import hashlib
import re

from spacy.tokens import Doc, Span

from ..records import Actor, ActorType
from .lexicon import load_lexicon
from .mentions import DocActors, slug
from .notactor import load_phrases


def doc_key(doc: Doc) -> str:
    return hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def generic_body(name: str) -> bool:
    """A name made only of words for a kind of body ("defence ministry", "Ministry of Defense",
    "Cabinet"): it says what the body is, not whose."""
    words = re.findall(r"[a-z]+", name.lower())
    lex = load_lexicon()
    vocabulary = load_phrases().generic_body_words | {w for ws in lex.state_roles.values() for w in ws}
    return bool(words) and all(w in vocabulary for w in words)


def modifier_country(state: DocActors, span: Span) -> str | None:
    """The country a name's own pre-modifiers give ("Armenia's", "Iranian", "Kenyan"): the KB
    country id, when exactly one is named."""
    found = set()
    for tok in span.root.children:
        if tok.i >= span.start or tok.dep_ not in {"poss", "amod", "compound", "nmod"}:
            continue
        for t in tok.subtree:
            if t.i >= span.start:
                continue
            info = state.kb.get(t.ent_id_) if t.ent_id_ else None
            cid = state.kb.by_demonym(t.text) or state.kb.by_metonym(t.text)
            if cid is None and info is not None and info.type == "country":
                cid = info.id
            if cid:
                found.add(cid)
    return found.pop() if len(found) == 1 else None


def scoped_id(base: str, iso: str | None) -> str:
    return f"{base}-{iso.lower()}" if iso else base


def new_organisation(state: DocActors, ent: Span, name: str, actor_type: ActorType) -> str:
    """An organisation the KB lacks; one named by its kind only ("Armenia's defence ministry")
    is a collective, one per country within the article too (Armenia's and Azerbaijan's)."""
    if not generic_body(name):
        return state.ensure_new(name, actor_type)
    cid = modifier_country(state, ent)
    iso = state.kb.actors[cid].country if cid else None
    new = state.ensure_new(name, actor_type, country=iso, actor_id=scoped_id("x-" + slug(name), iso))
    state.collective.setdefault(new, cid)
    return new


def scope_collectives(state: DocActors, actors: list[Actor]) -> list[Actor]:
    """Give each collective its country or document scope (ids and mentions rewritten)."""
    from .descriptors import main_country  # descriptors reads this module's ids

    if not state.collective:
        return actors
    fallback = main_country(state)
    out = []
    for actor in actors:
        if actor.id not in state.collective or actor.in_kb:
            out.append(actor)
            continue
        cid = state.collective[actor.id] or (state.kb.country_id(actor.country) if actor.country else None)
        if actor.id not in state.document_only:  # "the West" is not the article country's
            cid = cid or fallback
        info = state.kb.get(cid) if cid else None
        iso = actor.country or (info.country if info is not None else None)
        if iso and actor.id.endswith(f"-{iso.lower()}"):
            out.append(actor.model_copy(update={"country": iso}))  # scoped when it was made
            continue
        suffix = iso.lower() if iso else f"doc-{doc_key(state.doc)}"
        new_id = f"{actor.id}-{suffix}"
        mentions = [m.model_copy(update={"actor": new_id}) for m in actor.mentions]
        out.append(actor.model_copy(update={"id": new_id, "country": iso, "mentions": mentions}))
    return out
