"""The time lexicon (data/time/expressions.yaml), validated against its schema on load."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jsonschema
import yaml

TIME_DIR = Path(__file__).resolve().parents[1] / "data" / "time"


@dataclass(frozen=True)
class TimeWords:
    vague: tuple[re.Pattern[str], ...]
    amounts: dict[str, tuple[int, int]]
    numbers: dict[str, int]
    parts: dict[str, tuple[float, float]]
    reporting_verbs: frozenset[str]
    speech_acts: frozenset[str]


@cache
def load() -> TimeWords:
    data = yaml.safe_load((TIME_DIR / "expressions.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((TIME_DIR / "schema.json").read_text(encoding="utf-8")))
    return TimeWords(
        vague=tuple(re.compile(p) for p in data["vague"]),
        amounts={k: (v[0], v[1]) for k, v in data["amounts"].items()},
        numbers=data["numbers"],
        parts={k: (v[0], v[1]) for k, v in data["parts"].items()},
        reporting_verbs=frozenset(data["reporting_verbs"]),
        speech_acts=frozenset(data["speech_acts"]),
    )
