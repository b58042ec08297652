"""The certainty cue lexicon loads, validates, and merges the speech verbs."""

import json
from importlib import resources

import jsonschema
import pytest
import yaml

from allegiance.certainty import load_cues

DATA = resources.files("allegiance") / "data" / "certainty"


def test_cues_load_and_cover_every_certainty():
    lex = load_cues()
    types = {c.type for cues in [*lex.modifiers.values(), *lex.governors.values()] for c in cues}
    assert types == {"negated", "hypothetical", "predicted", "reported"}


def test_speech_verbs_are_reported_governors_unless_overridden():
    lex = load_cues()
    assert [c.type for c in lex.governors["say"]] == ["reported"]
    assert lex.governors["say"][0].speech
    assert [c.type for c in lex.governors["deny"]] == ["negated"]  # the cue lexicon wins


def test_schema_requires_deps_for_modifiers():
    schema = json.loads((DATA / "schema.json").read_text())
    data = yaml.safe_load((DATA / "cues.yaml").read_text())
    data["cues"].append({"lemma": "maybe", "as": "modifier", "type": "hypothetical"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_yaml_booleans_do_not_sneak_in():
    # YAML 1.1 reads bare no/on/off as booleans: every lemma and requirement must stay a string
    data = yaml.safe_load((DATA / "cues.yaml").read_text())
    for cue in data["cues"]:
        assert isinstance(cue["lemma"], str)
        assert all(isinstance(r, str) for r in cue.get("requires", []))
