"""Turn the entities of a parsed document into canonical actors with their mentions."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..records import Actor, Mention
from .kb import KnowledgeBase

NER_TYPES = {"PERSON": "person", "ORG": "other", "NORP": "other", "GPE": "country"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def resolve(doc: Doc, kb: KnowledgeBase) -> list[Actor]:
    actors: dict[str, Actor] = {}
    for ent in doc.ents:
        actor_id = ent.ent_id_
        info = kb.get(actor_id) if actor_id else None
        if info is None:
            if ent.label_ not in NER_TYPES:
                continue
            actor_id = "x-" + slug(ent.text)
            if actor_id not in actors:
                actors[actor_id] = Actor(id=actor_id, name=ent.text, type=NER_TYPES[ent.label_], in_kb=False)  # type: ignore[arg-type]
        elif actor_id not in actors:
            actors[actor_id] = Actor(**info.model_dump())
        actors[actor_id].mentions.append(
            Mention(start=ent.start_char, end=ent.end_char, text=ent.text, actor=actor_id, kind="name")
        )
    return list(actors.values())
