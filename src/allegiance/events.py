"""PLOVER 2.0 event coding. PLACEHOLDER: being written (see issue 2/3)."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import Actor, Event


def extract(doc: Doc, actors: list[Actor], doc_id: str) -> list[Event]:
    """Code every PLOVER event in `doc` with its actor/recipient participants (certainty left
    at 'asserted'; the certainty stage decides it)."""
    return []
