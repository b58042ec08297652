"""Load the place lexicons under data/places/ and check each against its schema definition."""

from __future__ import annotations

from typing import Any

from ..lexicons import data_path, load_data

PLACES_DIR = data_path("places", "")


def load(name: str) -> Any:
    """Read data/places/<name> and validate it against `$defs[name]` of schema.json."""
    return load_data("places", name, "schema.json", name)


LEXICONS = (
    "capitals.yaml",
    "countries.yaml",
    "country_points.yaml",
    "admin1.yaml",
    "regions.yaml",
    "demonyms.yaml",
    "words.yaml",
)
