"""Actors stage: knowledge base, entity ruler, and resolution of mentions to canonical actors."""

from .kb import KnowledgeBase, load_kb
from .resolve import resolve
from .ruler import install

__all__ = ["KnowledgeBase", "install", "load_kb", "resolve"]
