"""The descriptor lexicon (data/actors/lexicon/descriptors.yaml): nouns that refer to actors
without naming them, loaded once and validated against its schema."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lexicons import data_path, load_data

LEXICON_DIR = data_path("actors", "lexicon")


@dataclass(frozen=True)
class Lexicon:
    state_roles: dict[str, frozenset[str]]  # actor type → head nouns
    armed: frozenset[str]
    unknown_attackers: frozenset[str]
    civilians: frozenset[str]
    group_nouns: frozenset[str]
    person_roles: frozenset[str]
    branch_nouns: frozenset[str]
    backer_suffixes: frozenset[str]
    side_prefixes: frozenset[str]
    needs_country: frozenset[str]
    foreign_modifiers: frozenset[str]
    polity_nouns: frozenset[str] = frozenset()
    commentator_roles: frozenset[str] = frozenset()

    def state_role(self, word: str) -> str | None:
        for role, words in self.state_roles.items():
            if word in words:
                return role
        return None


def load_validated(name: str, schema: str) -> Any:
    """A YAML file of the lexicon folder, validated against its JSON Schema beside it."""
    return load_data("actors/lexicon", name, schema)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = load_validated("descriptors.yaml", "schema.json")
    words = {k: frozenset(v) for k, v in data.items() if k != "state_roles"}
    roles = {k: frozenset(v) for k, v in data["state_roles"].items()}
    return Lexicon(state_roles=roles, **words)
