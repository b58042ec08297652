"""The time lexicon (data/time/expressions.yaml), validated against its schema on load."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicons import data_path, load_data, number_words, speech_act_categories

TIME_DIR = data_path("time", "")


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
    data = load_data("time", "expressions.yaml", "schema.json")
    return TimeWords(
        vague=tuple(re.compile(p) for p in data["vague"]),
        amounts={k: (v[0], v[1]) for k, v in data["amounts"].items()},
        numbers={**number_words(), **data["articles"]},  # number words: data/common/words.yaml
        parts={k: (v[0], v[1]) for k, v in data["parts"].items()},
        reporting_verbs=frozenset(data["reporting_verbs"]),
        speech_acts=speech_act_categories(),  # data/common/words.yaml
    )
