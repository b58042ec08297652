"""Put the knowledge base into the spaCy pipeline as an EntityRuler that runs before NER.

The ruler's matches become `doc.ents` with `ent_id_` set to the canonical actor id, so the
statistical NER cannot mislabel a known actor (e.g. tag Daesh as GPE, Sputnik as PERSON).

Matching policy, per alias:
- tokens written in capitals ("ISIS", "U.S.", "LNA") match exactly (case-sensitive), so that the
  acronym "IS" does not fire on the verb "is";
- a one-word name ("Taliban", "Turkey") matches as written or in capitals (headlines), not in
  lower case (the bird);
- the lowercase words of multi-word names match in any case ("Afghan Army" = "Afghan army");
- a leading "the" is not part of the pattern: "the Islamic State" matches on "Islamic State";
- a space-like token (U+00A0 from scraped pages) may sit between any two words.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from .kb import KnowledgeBase

LABELS = {"person": "PERSON", "country": "GPE"}
APOSTROPHE_S = ["'s", "\u2019s"]
GAP = {"IS_SPACE": True, "OP": "*"}


def label_for(actor_type: str) -> str:
    return LABELS.get(actor_type, "ORG")


def is_acronym(word: str) -> bool:
    return any(c.isupper() for c in word) and not any(c.islower() for c in word)


def token_pattern(nlp: Language, alias: str) -> list[dict[str, Any]] | None:
    words = [t.text for t in nlp.make_doc(alias.strip()) if not t.is_space]
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    if not words:
        return None
    pattern: list[dict[str, Any]] = []
    for i, word in enumerate(words):
        if i:
            pattern.append(GAP)
        if word in APOSTROPHE_S:
            pattern.append({"LOWER": {"IN": APOSTROPHE_S}})
        elif is_acronym(word) or not any(c.isalpha() for c in word):
            pattern.append({"ORTH": word})
        elif len(words) == 1:
            pattern.append({"ORTH": {"IN": sorted({word, word.upper()})}})
        else:
            pattern.append({"LOWER": word.lower()})
    return pattern


def install(nlp: Language, kb: KnowledgeBase, name: str = "actor_ruler") -> None:
    if name in nlp.pipe_names:
        nlp.remove_pipe(name)
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name=name, before=before, config={"overwrite_ents": True})
    patterns = []
    seen: set[tuple[str, str]] = set()
    for actor in kb.actors.values():
        for alias in [actor.name, *actor.aliases]:
            if (alias, actor.id) in seen:
                continue
            seen.add((alias, actor.id))
            pattern = token_pattern(nlp, alias)
            if pattern:
                patterns.append({"label": label_for(actor.type), "pattern": pattern, "id": actor.id})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
