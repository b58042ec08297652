"""The quote lexicons load and validate against their schema."""

import json
from importlib import resources

import jsonschema
import pytest
import yaml

from allegiance.quotes import load_lexicon

DATA = resources.files("allegiance") / "data" / "quotes"


def test_lexicons_load():
    lex = load_lexicon()
    assert {"say", "tell", "add", "argue", "conclude", "accord"} <= set(lex.speech_verbs)
    assert "accuse" not in lex.clause_verbs  # attributes quotes but takes no that-clause
    assert "person" in lex.roles["expert"]


def test_schema_rejects_an_entry_without_kind():
    schema = json.loads((DATA / "schema.json").read_text())
    item = {"$defs": schema["$defs"], "$ref": "#/$defs/speech_verb"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"lemma": "say"}, item)


def test_every_role_lemma_is_lowercase_and_unique():
    rows = yaml.safe_load((DATA / "roles.yaml").read_text())
    lemmas = [r["lemma"] for r in rows]
    assert len(lemmas) == len(set(lemmas))
