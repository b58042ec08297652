import jsonschema
import pytest
import yaml

from allegiance.when import lexicon


def test_time_lexicon_loads_against_its_schema():
    words = lexicon.load()
    assert words.vague and words.amounts["several"][0] < words.amounts["several"][1]


def test_schema_rejects_an_amount_without_bounds():
    schema = yaml.safe_load((lexicon.TIME_DIR / "schema.json").read_text())
    data = yaml.safe_load((lexicon.TIME_DIR / "expressions.yaml").read_text())
    data["amounts"]["a handful of"] = [3]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
