"""Pairwise compatibility of two event reports: could they describe the same happening?

Two reports link when all of these hold (each a necessary condition, so the rule stays strict enough
for single-linkage clustering not to chain unrelated events together):
- same category family (data/relations/scores.yaml): one occasion yields related categories;
- both dated, each window at most `max_window_days` wide, windows overlapping within
  `date_slack_days` (outlets in other time zones, "overnight" attacks);
- places not in conflict (different country; points farther than `max_km`; different admin1);
- actors compatible per side (overlapping canonical ids, an empty side is compatible; fully named sides
  may be swapped, since two-sided events have no fixed order), or a contested perpetrator: the same victims
  at the same named place on the same day, blamed on different actors;
- enough positive evidence (`min_evidence`, default 2): +1 per shared named (non-generic) actor
  (at most 2), +1 for the same named place or nearby points, +0.5 for the very same day, +0.5 for
  two records of one document (an article's headline and its recap). A report that lacks a side
  and a place cannot on its own bridge two happenings that merely share one actor.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..records import IncidentMention, Where
from ..relations.weights import Weights, normalise_id


@dataclass(frozen=True)
class LinkOptions:
    max_km: float = 50.0
    date_slack_days: int = 1
    max_window_days: int = 7
    # child actor id -> parent id (unit -> organisation, leader -> group) so that reports naming
    # "Haftar's forces" and "the LNA" can meet; comes from the actor knowledge base.
    parents: Mapping[str, str] = field(default_factory=dict)
    # actor ids known to be news media (KB type "media"): citing them is not independent reporting.
    media_ids: frozenset[str] = frozenset()
    min_evidence: float = 2.0


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _norm_place(text: str | None) -> str:
    return " ".join((text or "").lower().replace("province", "").replace("governorate", "").split())


POINT_KINDS_EXCLUDED = {"country", "admin1", "region", "continent"}


def is_point(where: Where) -> bool:
    """A place below first-level region (a town, district, base) located by coordinates."""
    return where.lat is not None and where.lon is not None and (where.kind or "") not in POINT_KINDS_EXCLUDED


def is_named_place(where: Where) -> bool:
    """A place named more specifically than its country or first-level region."""
    name = _norm_place(where.name)
    if not name or (where.kind or "") in POINT_KINDS_EXCLUDED:
        return False
    return name not in {_norm_place(where.admin1), _norm_place(where.country)}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Great-circle distance; a few lines, so no geodesy dependency for it.
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def place_relation(a: Where | None, b: Where | None, max_km: float) -> str:
    """'match' (same named place or nearby points), 'conflict' (cannot be the same place) or 'unknown'."""
    if a is None or b is None:
        return "unknown"
    if a.country and b.country and a.country != b.country:
        return "conflict"
    if is_point(a) and is_point(b):
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        return "match" if haversine_km(a.lat, a.lon, b.lat, b.lon) <= max_km else "conflict"
    if is_named_place(a) and is_named_place(b):
        name_a, name_b = _norm_place(a.name), _norm_place(b.name)
        if name_a == name_b:
            return "match"
        # Two different towns (no coordinates to measure): not the same place, unless one name
        # holds the other ("Kabul" / "Kabul city") or either is a vaguer area (kind region).
        if name_a not in name_b and name_b not in name_a:
            return "conflict"
    if a.admin1 and b.admin1 and _norm_place(a.admin1) != _norm_place(b.admin1):
        return "conflict"
    return "unknown"


class Report:
    """What linking needs from one mention, computed once (sets of ids, date window)."""

    def __init__(self, mention: IncidentMention, weights: Weights, options: LinkOptions) -> None:
        self.mention = mention
        ev = mention.event
        self.family = weights.family_of(ev.event)
        self.actor = self._expand({p.id for p in ev.actor}, options.parents)
        self.recipient = self._expand({p.id for p in ev.recipient}, options.parents)
        self.start = _day(ev.date.start) if ev.date else None
        end = _day(ev.date.end) if ev.date else None
        self.end = end if end and self.start and end >= self.start else self.start
        self.location = ev.location
        self._generic = weights.generic_actors

    @staticmethod
    def _expand(ids: set[str], parents: Mapping[str, str]) -> frozenset[str]:
        out = set(ids)
        for actor_id in ids:
            seen = actor_id
            for _ in range(5):  # bounded: a malformed KB with a parent cycle must not hang us
                parent = parents.get(seen)
                if not parent or parent in out:
                    break
                out.add(parent)
                seen = parent
        return frozenset(out)

    @cached_property
    def named_ids(self) -> frozenset[str]:
        return frozenset(i for i in self.actor | self.recipient if normalise_id(i) not in self._generic)

    def dated(self, options: LinkOptions) -> bool:
        return (
            self.start is not None
            and self.end is not None
            and (self.end - self.start).days <= options.max_window_days
        )


def _side_ok(x: frozenset[str], y: frozenset[str]) -> bool:
    return not x or not y or bool(x & y)


def actors_relation(a: Report, b: Report) -> str:
    """'compatible', 'contested' (same victims, different perpetrators) or 'conflict'."""
    if _side_ok(a.actor, b.actor) and _side_ok(a.recipient, b.recipient):
        return "compatible"
    # Sides told the other way round ("X and Y clashed" / "Y fought X"): both must be named, or a
    # report of "someone attacked X" would join one of X attacking someone else.
    if a.actor & b.recipient and a.recipient & b.actor:
        return "compatible"
    # Two-sided reports ("clashes between X and Y") may put both sides in `actor`.
    if (not a.recipient or not b.recipient) and (a.actor | a.recipient) & (b.actor | b.recipient):
        union_a, union_b = a.actor | a.recipient, b.actor | b.recipient
        if union_a <= union_b or union_b <= union_a:
            return "compatible"
    if a.actor and b.actor and a.recipient & b.recipient:
        return "contested"
    return "conflict"


def dates_overlap(a: Report, b: Report, options: LinkOptions) -> bool:
    assert a.start and a.end and b.start and b.end
    slack = options.date_slack_days
    return (a.start - b.end).days <= slack and (b.start - a.end).days <= slack


def compatible(a: Report, b: Report, options: LinkOptions) -> bool:
    if a.mention.event.id == b.mention.event.id or a.family != b.family:
        return False
    if not (a.dated(options) and b.dated(options) and dates_overlap(a, b, options)):
        return False
    place = place_relation(a.location, b.location, options.max_km)
    if place == "conflict":
        return False
    actors = actors_relation(a, b)
    if actors == "conflict":
        return False
    same_day = a.start == b.start and a.end == b.end
    if actors == "contested":
        # Competing blame is only plausible for one clearly located, same-day happening.
        return place == "match" and same_day
    evidence = float(min(2, len(a.named_ids & b.named_ids)) + (place == "match"))
    evidence += 0.5 * same_day + 0.5 * (a.mention.document == b.mention.document)
    return evidence >= options.min_evidence
