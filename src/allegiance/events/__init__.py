"""PLOVER 2.0 event coding: triggers from data/plover/triggers.yaml, arguments from the dependency
parse and the actors stage's mentions. Public API: `extract(doc, actors, doc_id) -> list[Event]`."""

from __future__ import annotations

from .coder import extract

__all__ = ["extract"]
