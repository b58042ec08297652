import pytest
import yaml

from allegiance.lexicons import DataFileError, validate
from allegiance.where import lexicon


@pytest.mark.parametrize("name", lexicon.LEXICONS)
def test_every_place_lexicon_loads_and_matches_its_schema(name):
    assert lexicon.load(name)


def test_schema_rejects_a_malformed_region():
    bad = yaml.safe_load("- {name: Somewhere, country: xx, lat: 95, lon: 0}")
    with pytest.raises(DataFileError, match=r"data/places/regions\.yaml: at 0/"):
        validate(bad, "places", "regions.yaml", "schema.json", "regions.yaml")
