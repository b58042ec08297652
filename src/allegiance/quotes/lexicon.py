"""Load the quote lexicons (data/quotes/*.yaml), validated against data/quotes/schema.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicons import load_data


@dataclass(frozen=True)
class QuoteLexicon:
    speech_verbs: dict[str, str]  # lemma -> kind
    clause_verbs: frozenset[str]  # lemmas that introduce a reported clause
    roles: dict[str, tuple[str, ...]]  # role noun lemma -> actor types it can refer to


@cache
def load_lexicon() -> QuoteLexicon:
    verbs = load_data("quotes", "speech_verbs.yaml", "schema.json", "speech_verbs.yaml")
    roles = load_data("quotes", "roles.yaml", "schema.json", "roles.yaml")
    return QuoteLexicon(
        speech_verbs={v["lemma"]: v["kind"] for v in verbs},
        clause_verbs=frozenset(v["lemma"] for v in verbs if v.get("clause", True)),
        roles={r["lemma"]: tuple(r["refers_to"]) for r in roles},
    )
