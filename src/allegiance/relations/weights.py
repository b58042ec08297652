"""Load the weights behind incidents and relations from data/relations/scores.yaml (validated
against its schema once per process)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicons import load_data
from ..records import Certainty, Event


@dataclass(frozen=True)
class StatusRules:
    truce_categories: frozenset[str]
    truce_modes: frozenset[str]
    truce_words: tuple[str, ...]
    alliance_categories: frozenset[str]
    alliance_modes: frozenset[str]
    alliance_words: tuple[str, ...]
    hostile_threshold: float


@dataclass(frozen=True)
class Weights:
    category_score: dict[str, float]
    mode_score: dict[tuple[str, str], float]
    family: dict[str, str]
    quad: dict[str, int]
    certainty_weight: dict[str, float]
    corroboration_bonus: float
    half_life_days: float
    status: StatusRules
    news_agencies: tuple[str, ...]
    media_words: tuple[str, ...]
    generic_actors: frozenset[str]
    symmetric: frozenset[str] = frozenset()
    occasion_families: tuple[frozenset[str], ...] = ()
    common_words: frozenset[str] = frozenset()

    def score(self, event: Event) -> float:
        """The event's codebook score: the coder's own when set, else mode, else category."""
        if event.score is not None:
            return event.score
        mode = (event.mode or "").lower()
        return self.mode_score.get((event.event, mode), self.category_score.get(event.event, 0.0))

    def family_of(self, category: str) -> str:
        # An unknown category is its own family, so it never merges with a known one.
        return self.family.get(category, category)

    def one_occasion(self, family: str) -> frozenset[str]:
        """The families whose reports may tell of the same occasion as one of `family`."""
        return _one_occasion(family, self.occasion_families)

    def certainty_of(self, certainty: Certainty) -> float:
        return self.certainty_weight.get(certainty, 1.0)


# asked for every report built, of a dozen families (a Weights, holding dicts, cannot be a cache key)
@lru_cache(maxsize=256)
def _one_occasion(family: str, groups: tuple[frozenset[str], ...]) -> frozenset[str]:
    return frozenset({family}).union(*(g for g in groups if family in g))


def normalise_id(actor_id: str) -> str:
    return " ".join(actor_id.lower().replace("_", " ").replace("-", " ").split())


@cache
def load_weights() -> Weights:
    raw = load_data("relations", "scores.yaml", "schema.json")
    cats = raw["categories"]
    status = raw["status"]
    return Weights(
        category_score={c: float(v["score"]) for c, v in cats.items()},
        mode_score={
            (c, m.lower()): float(s) for c, v in cats.items() for m, s in (v.get("modes") or {}).items()
        },
        family={c: v["family"] for c, v in cats.items()},
        quad={c: int(v["quad"]) for c, v in cats.items()},
        certainty_weight={k: float(v) for k, v in raw["certainty_weight"].items()},
        corroboration_bonus=float(raw["corroboration_bonus"]),
        half_life_days=float(raw["half_life_days"]),
        status=StatusRules(
            truce_categories=frozenset(status["truce_categories"]),
            truce_modes=frozenset(m.lower() for m in status["truce_modes"]),
            truce_words=tuple(w.lower() for w in status["truce_words"]),
            alliance_categories=frozenset(status["alliance_categories"]),
            alliance_modes=frozenset(m.lower() for m in status["alliance_modes"]),
            alliance_words=tuple(w.lower() for w in status["alliance_words"]),
            hostile_threshold=float(status["hostile_threshold"]),
        ),
        news_agencies=tuple(raw["news_agencies"]),
        media_words=tuple(w.lower() for w in raw["media_words"]),
        generic_actors=frozenset(normalise_id(a) for a in raw["generic_actors"]),
        symmetric=frozenset(raw.get("symmetric_categories") or ()),
        occasion_families=tuple(frozenset(group) for group in raw.get("occasion_families") or ()),
        common_words=frozenset(w.lower() for w in raw.get("common_words") or ()),
    )
