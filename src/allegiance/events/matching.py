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
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        out.append(tok.head)  # "a truce signed by X", "the town seized by Y": the noun is the patient
    return out


def class_lemmas(tok: Token) -> set[str]:
    """The head lemma and its compound modifiers ("peace deal" → {deal, peace})."""
    out = {tok.lemma_.lower(), tok.lower_}
    out |= {c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod"}}
    joined = hyphen_joined(tok)
    if joined:
        out.add(joined)
    # "700 kg of medicine", "a package of sanctions": the "of" object names the thing; after an
    # amount ("$500 million in military aid", "$1bn worth of arms") so does the "in" object
    preps = {"of", "in"} if is_amount(tok) else {"of"}
    for c in tok.children:
        if c.lower_ in preps or (c.lower_ == "worth" and is_amount(tok)):
            for g in c.children:
                if g.dep_ == "pobj" or (g.lower_ == "of" and g.dep_ == "prep"):
                    target = next((x for x in g.children if x.dep_ == "pobj"), g) if g.lower_ == "of" else g
                    out |= {target.lemma_.lower()} | {
                        m.lemma_.lower() for m in target.children if m.dep_ in {"compound", "amod"}
                    }
    return out


AMOUNT_WORDS = frozenset({"million", "billion", "trillion", "bn", "m", "thousand", "worth", "package", "tranche"})


def is_amount(tok: Token) -> bool:
    """A sum or a count standing for the thing counted: "$500 million", "a $2bn package"."""
    return tok.tag_ in {"$", "CD"} or tok.lower_ in AMOUNT_WORDS or any(
        c.tag_ == "$" or c.lower_ in AMOUNT_WORDS for c in tok.children if c.dep_ in {"nummod", "quantmod", "compound"}
    )


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


def hyphen_joined(tok: Token) -> str | None:
    """The tokenizer splits "cease-fire" into cease / - / fire (compound + head): the joined word."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 2].head.i != tok.i:
        return None
    glued = not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_
    return f"{doc[tok.i - 2].lower_}-{tok.lower_}" if glued else None


def entries_for(table: dict, tok: Token) -> list:
    joined = hyphen_joined(tok)
    if joined and joined in table:
        return table[joined]
    hit = lookup(table, tok.lemma_, tok.text)
    return hit[1] if hit else []


def select_trigger(entries: list[Trigger], tok: Token) -> Trigger | None:
    return next((t for t in entries if trigger_matches(t, tok)), None)


def verb_like(tok: Token) -> bool:
    """A verb, or a word the tagger mislabels but the parse uses as one: a clause head with both a
    subject and an object ("Iran and Russia back the government", "back" tagged ADV)."""
    if tok.pos_ == "VERB":
        return True
    deps = {c.dep_ for c in tok.children}
    return tok.pos_ in {"ADV", "ADJ", "NOUN"} and "nsubj" in deps and "dobj" in deps


def misread_noun(tok: Token) -> bool:
    """A bare verb form cannot head a clausal subject ("Aid workers saw…" tagged aid/VERB csubj):
    only "-ing" or "to" clauses can ("Attacking the base was…", "To strike now would…")."""
    bare = tok.tag_ in {"VB", "VBP"} and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return tok.dep_ == "csubj" and bare
