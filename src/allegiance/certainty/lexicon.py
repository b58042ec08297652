"""Load the certainty cue lexicon (data/certainty/cues.yaml) and merge in the speech verbs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicons import load_data, speech_act_categories
from ..quotes import load_lexicon as load_quote_lexicon

RANK = {"negated": 0, "hypothetical": 1, "predicted": 2, "reported": 3}


@dataclass(frozen=True)
class Cue:
    lemma: str
    role: str  # modifier | governor | evidential
    type: str
    deps: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    has_source: bool = False
    speech: bool = False  # a speech verb: the innermost one may be the speech act itself
    # a plain speech verb reports its clause or object, not its adjuncts ("declared during a visit");
    # cues of cues.yaml (accuse … of, deny) also reach through prepositions
    clausal_only: bool = False


@dataclass(frozen=True)
class CueLexicon:
    modifiers: dict[str, list[Cue]]
    governors: dict[str, list[Cue]]
    light_verbs: frozenset[str]
    speech_act_categories: frozenset[str]


@cache
def load_cues() -> CueLexicon:
    data = load_data("certainty", "cues.yaml", "schema.json")
    modifiers: dict[str, list[Cue]] = {}
    governors: dict[str, list[Cue]] = {}
    for row in data["cues"]:
        cue = Cue(
            lemma=row["lemma"],
            role=row["as"],
            type=row["type"],
            deps=frozenset(row.get("deps", [])),
            requires=frozenset(row.get("requires", [])),
            has_source=row.get("source") == "subject",
        )
        (governors if cue.role == "governor" else modifiers).setdefault(cue.lemma, []).append(cue)
    for lemma in load_quote_lexicon().speech_verbs:
        if lemma not in governors and lemma not in modifiers:
            governors[lemma] = [
                Cue(lemma, "governor", "reported", has_source=True, speech=True, clausal_only=True)
            ]
        elif lemma in governors:
            governors[lemma] = [
                Cue(c.lemma, c.role, c.type, c.deps, c.requires, c.has_source, speech=True)
                for c in governors[lemma]
            ]
    return CueLexicon(
        modifiers=modifiers,
        governors=governors,
        light_verbs=frozenset(data["light_verbs"]),
        speech_act_categories=speech_act_categories(),  # data/common/words.yaml
    )
