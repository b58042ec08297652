"""Certainty and attribution of events. PLACEHOLDER: being written."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import Actor, Event, Quote


def assess(doc: Doc, events: list[Event], actors: list[Actor], quotes: list[Quote]) -> list[Event]:
    """Return the events with `certainty`, `cue`, `attributedTo`, `attributedText` set."""
    return events
