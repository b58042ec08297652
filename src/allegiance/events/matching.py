"""Trigger matching: which lexicon entry (if any) a token fires, given its prepositions, particles
and objects."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Trigger, lookup


def trigger_objects(tok: Token) -> list[Token]:
    """Direct objects, passive subjects, attributes and prepositional objects of `tok`."""
    out = []
    for c in tok.children:
        if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}:
            out.append(c)
        elif c.dep_ in {"prep", "prt", "agent"}:
            out.extend(g for g in c.children if g.dep_ in {"pobj", "pcomp"})
    return out


def class_lemmas(tok: Token) -> set[str]:
    """The head lemma and its compound modifiers ("peace deal" → {deal, peace})."""
    out = {tok.lemma_.lower(), tok.lower_}
    out |= {c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod"}}
    # "700 kg of medicine", "a package of sanctions": the "of" object names the thing
    out |= {
        g.lemma_.lower() for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
    }
    return out


def has_dependent(tok: Token, dep: str, word: str) -> bool:
    return any(c.dep_ == dep and c.lower_ == word for c in tok.children) or (
        dep == "prep" and any(c.dep_ in {"prt", "agent"} and c.lower_ == word for c in tok.children)
    )


def trigger_matches(trig: Trigger, tok: Token) -> bool:
    if trig.prep and not has_dependent(tok, "prep", trig.prep):
        return False
    if trig.particle and not (
        has_dependent(tok, "prt", trig.particle) or has_dependent(tok, "prep", trig.particle)
    ):
        return False
    objects = trigger_objects(tok)
    lemmas = set().union(*(class_lemmas(o) for o in objects)) if objects else set()
    if trig.object and not (trig.object & lemmas):
        return False
    if trig.not_object and trig.not_object & lemmas:
        return False
    if trig.object_ent and not any(
        o.ent_type_ in trig.object_ent
        or any(c.dep_ == "compound" and c.ent_type_ in trig.object_ent for c in o.children)
        for o in objects
    ):
        return False
    modifiers = {c.lemma_.lower() for c in tok.children if c.dep_ in {"amod", "compound"}}
    return not trig.needs_modifier or bool(trig.needs_modifier & modifiers)


def entries_for(table: dict, tok: Token) -> list:
    hit = lookup(table, tok.lemma_, tok.text)
    return hit[1] if hit else []


def select_trigger(entries: list[Trigger], tok: Token) -> Trigger | None:
    return next((t for t in entries if trigger_matches(t, tok)), None)
