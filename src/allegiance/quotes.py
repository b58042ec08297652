"""Direct quotes and reported speech with resolved speakers. PLACEHOLDER: being written."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import Actor, Quote


def find_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    return []
