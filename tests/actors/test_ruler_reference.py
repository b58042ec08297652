"""The phrase-lookup actor ruler finds exactly what the token patterns of its policy find
(`ruler.token_pattern`, run by spaCy's EntityRuler), on text written from the knowledge base's own
aliases in every casing, with line breaks and extra spaces between words and both apostrophes."""

from __future__ import annotations

import random

import spacy

from allegiance.actors.ruler import label_for, token_pattern


def reference_ruler(pipeline):
    nlp = spacy.blank("en", vocab=pipeline.nlp.vocab)
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    patterns = []
    for actor in pipeline.kb.actors.values():
        for alias in dict.fromkeys([actor.name, *actor.aliases]):
            pattern = token_pattern(pipeline.nlp, alias)
            if pattern:
                patterns.append({"label": label_for(actor.type), "pattern": pattern, "id": actor.id})
    ruler.add_patterns(patterns)
    return ruler


def variants(alias: str, rng: random.Random) -> list[str]:
    gap = rng.choice(["\n", "  ", "\n\n", " "])
    return [
        alias,
        alias.lower(),
        alias.upper(),
        alias.title(),
        "the " + alias,
        alias.replace(" ", gap),
        alias.replace("'s", "\u2019s"),
    ]


def ents(doc):
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def test_phrase_ruler_equals_the_token_patterns(pipeline):
    rng = random.Random(13)
    aliases = sorted({a for actor in pipeline.kb.actors.values() for a in [actor.name, *actor.aliases]})
    sample = rng.sample(aliases, 150) + ["IS", "is", "Turkey", "turkey", "U.S.", "u.s."]
    reference, ruler = reference_ruler(pipeline), pipeline.nlp.get_pipe("actor_ruler")
    compared = found = 0
    for alias in sample:
        for text in variants(alias, rng):
            sentence = f"Officials said {text} and {rng.choice(sample)} met on Monday."
            expected = ents(reference(pipeline.nlp.make_doc(sentence)))
            assert ents(ruler(pipeline.nlp.make_doc(sentence))) == expected, sentence
            compared += 1
            found += bool(expected)
    assert compared > 1000 and found > compared // 2  # most sentences do hold an actor
