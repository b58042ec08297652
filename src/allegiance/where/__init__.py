"""Event places from an offline gazetteer (see docs/places-and-times.md).

`load_gazetteer()` builds the gazetteer once per process, `install(nlp, gazetteer)` adds the place
names the statistical NER misses, `locate(doc, events, actors, gazetteer)` sets `Event.location`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor, Event
from . import toponyms as _toponyms
from .gazetteer import Gazetteer, Place, load_gazetteer
from .locate import fallback_place, place_for
from .ruler import install

__all__ = ["Gazetteer", "Place", "find_places", "install", "load_gazetteer", "locate"]


def find_places(
    doc: Doc, actors: list[Actor], gazetteer: Gazetteer, all_uses: bool = False
) -> list[_toponyms.Toponym]:
    """Every place mention of the document, resolved against the gazetteer in document context."""
    found = _toponyms.find(doc, actors, gazetteer, all_uses=all_uses)
    ctx = _toponyms.context(doc, actors, gazetteer)
    _toponyms.resolve(found, ctx, gazetteer)
    if all_uses:
        return found
    return sorted(found + _toponyms.capital_mentions(doc, found, ctx, gazetteer), key=lambda t: t.start)


def locate(doc: Doc, events: list[Event], actors: list[Actor], gazetteer: Gazetteer) -> list[Event]:
    """Return the events with `location` set to the most specific place the sentence gives."""
    if not events:
        return events
    places = find_places(doc, actors, gazetteer)
    ctx = _toponyms.context(doc, actors, gazetteer)
    fallback = fallback_place(doc, places, ctx, gazetteer)
    located = []
    for event in events:
        where = place_for(event, doc, places, fallback, gazetteer)
        located.append(event.model_copy(update={"location": where}) if where else event)
    return located
