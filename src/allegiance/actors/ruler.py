"""Put the knowledge base into the spaCy pipeline as an EntityRuler that runs before NER.

The ruler's matches become `doc.ents` with `ent_id_` set to the canonical actor id, so the
statistical NER cannot mislabel a known actor (e.g. tag Daesh as GPE).
"""

from __future__ import annotations

from spacy.language import Language

from .kb import KnowledgeBase

LABELS = {"person": "PERSON", "country": "GPE"}


def label_for(actor_type: str) -> str:
    return LABELS.get(actor_type, "ORG")


def install(nlp: Language, kb: KnowledgeBase, name: str = "actor_ruler") -> None:
    if name in nlp.pipe_names:
        nlp.remove_pipe(name)
    ruler = nlp.add_pipe("entity_ruler", name=name, before="ner", config={"overwrite_ents": True})
    patterns = []
    for actor in kb.actors.values():
        for alias in {actor.name, *actor.aliases}:
            patterns.append({"label": label_for(actor.type), "pattern": alias, "id": actor.id})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
