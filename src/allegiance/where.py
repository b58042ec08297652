"""Event places from an offline gazetteer. PLACEHOLDER: being written."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .records import Actor, Event


def load_gazetteer() -> Any:
    return None


def install(nlp: Language, gazetteer: Any) -> None:
    """Add place patterns the bare model misses (e.g. provinces) to the pipeline."""


def locate(doc: Doc, events: list[Event], actors: list[Actor], gazetteer: Any) -> list[Event]:
    """Return the events with `location` set to the most specific place the sentence gives."""
    return events
