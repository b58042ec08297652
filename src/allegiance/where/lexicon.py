"""Load the place lexicons under data/places/ and check each against its schema definition."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

PLACES_DIR = Path(__file__).resolve().parents[1] / "data" / "places"


@cache
def _schema() -> dict[str, Any]:
    return json.loads((PLACES_DIR / "schema.json").read_text(encoding="utf-8"))


def load(name: str) -> Any:
    """Read data/places/<name> and validate it against `$defs[name]` of schema.json."""
    data = yaml.safe_load((PLACES_DIR / name).read_text(encoding="utf-8"))
    schema = _schema()
    jsonschema.validate(data, {"$defs": schema["$defs"], "$ref": f"#/$defs/{name}"})
    return data


LEXICONS = (
    "capitals.yaml",
    "countries.yaml",
    "country_points.yaml",
    "admin1.yaml",
    "regions.yaml",
    "demonyms.yaml",
    "words.yaml",
)
