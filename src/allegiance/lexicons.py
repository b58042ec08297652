"""The one loader for the shipped lexicons and knowledge files under allegiance/data/.

`load_data("time", "expressions.yaml", "schema.json")` reads data/time/expressions.yaml, checks it
against data/time/schema.json and keeps the result for the process. A schema that holds one
definition per file (data/places/schema.json, data/quotes/schema.json) names the definition with
`definition=`. A file that is not valid YAML or fails its schema raises `DataFileError`, whose
message names the file and the path of the failing value ("data/time/expressions.yaml: at
numbers/two: 'x' is not of type 'integer'").

The returned object is shared by every caller (it is cached): read it, do not change it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import jsonschema
import yaml

from .errors import AllegianceError

DATA = resources.files("allegiance") / "data"


class DataFileError(AllegianceError):
    """A shipped data file is not valid YAML or does not match its JSON schema."""

    stage = "data"


def data_path(package_subdir: str, name: str) -> Traversable:
    return DATA / package_subdir / name


@cache
def load_schema(package_subdir: str, name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(data_path(package_subdir, name).read_text(encoding="utf-8"))
    return schema


@cache
def _validator(package_subdir: str, schema: str, definition: str | None) -> jsonschema.protocols.Validator:
    full = load_schema(package_subdir, schema)
    if definition is not None:
        full = {"$defs": full["$defs"], "$ref": f"#/$defs/{definition}"}
    return jsonschema.validators.validator_for(full)(full)


def validate(data: Any, package_subdir: str, name: str, schema: str, definition: str | None = None) -> None:
    """Check `data` (read from data/<package_subdir>/<name>) against its schema, or raise DataFileError."""
    error = jsonschema.exceptions.best_match(_validator(package_subdir, schema, definition).iter_errors(data))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        raise DataFileError(
            f"data/{package_subdir}/{name}: at {where}: {error.message} "
            f"(schema data/{package_subdir}/{schema}{f' #{definition}' if definition else ''})"
        )


@cache
def load_data(
    package_subdir: str, name: str, schema: str | None = None, definition: str | None = None
) -> Any:
    """data/<package_subdir>/<name> parsed, validated against data/<package_subdir>/<schema> (or
    its `$defs[definition]`) when a schema is given, and cached."""
    try:
        data = yaml.safe_load(data_path(package_subdir, name).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"data/{package_subdir}/{name}: not valid YAML: {exc}") from exc
    if schema is not None:
        validate(data, package_subdir, name, schema, definition)
    return data


def common_words() -> dict[str, Any]:
    """data/common/words.yaml: the word lists that several stages read (see the file)."""
    words: dict[str, Any] = load_data("common", "words.yaml", "schema.json")
    return words


@cache
def speech_act_categories() -> frozenset[str]:
    return frozenset(common_words()["speech_act_categories"])


@cache
def future_auxiliaries() -> frozenset[str]:
    return frozenset(common_words()["future_auxiliaries"])


@cache
def number_words() -> dict[str, int]:
    return dict(common_words()["numbers"])
