import jsonschema
import pytest
import yaml

from allegiance.where import lexicon


@pytest.mark.parametrize("name", lexicon.LEXICONS)
def test_every_place_lexicon_loads_and_matches_its_schema(name):
    assert lexicon.load(name)


def test_schema_rejects_a_malformed_region():
    schema = lexicon._schema()
    bad = yaml.safe_load("- {name: Somewhere, country: xx, lat: 95, lon: 0}")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, {"$defs": schema["$defs"], "$ref": "#/$defs/regions.yaml"})
