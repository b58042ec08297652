"""Event dates resolved against the publication date. PLACEHOLDER: being written."""

from __future__ import annotations

from datetime import datetime

from spacy.tokens import Doc

from .records import Event


def resolve(doc: Doc, events: list[Event], published: datetime | None) -> list[Event]:
    """Return the events with `date` set where the text gives one (null when vague)."""
    return events
