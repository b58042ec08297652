"""Load the quote lexicons (data/quotes/*.yaml), validated against data/quotes/schema.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jsonschema
import yaml

DATA = resources.files("allegiance") / "data" / "quotes"


@dataclass(frozen=True)
class QuoteLexicon:
    speech_verbs: dict[str, str]  # lemma -> kind
    clause_verbs: frozenset[str]  # lemmas that introduce a reported clause
    roles: dict[str, tuple[str, ...]]  # role noun lemma -> actor types it can refer to


def _rows(name: str, definition: str) -> list[dict]:
    schema = json.loads((DATA / "schema.json").read_text(encoding="utf-8"))
    rows = yaml.safe_load((DATA / name).read_text(encoding="utf-8")) or []
    item_schema = {"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    for row in rows:
        jsonschema.validate(row, item_schema)
    return rows


@cache
def load_lexicon() -> QuoteLexicon:
    verbs = _rows("speech_verbs.yaml", "speech_verb")
    roles = _rows("roles.yaml", "role")
    return QuoteLexicon(
        speech_verbs={v["lemma"]: v["kind"] for v in verbs},
        clause_verbs=frozenset(v["lemma"] for v in verbs if v.get("clause", True)),
        roles={r["lemma"]: tuple(r["refers_to"]) for r in roles},
    )
