"""Relation timelines: per unordered actor pair, one `RelationPeriod` per period with evidence.

Each incident contributes once per actor pair (five outlets telling one attack are one attack,
weighted up for corroboration, not five attacks): the mean over its reports of codebook score x
certainty weight, times 1 + bonus * log2(independent sources). A period's score is the sum of its
contributions; its status follows the rules in data/relations/scores.yaml (see `_status`).
"""

from __future__ import annotations

import math
from calendar import monthrange
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from ..records import Certainty, Event, Incident, RelationPeriod, RelationStatus
from .weights import Weights, load_weights

Pair = tuple[str, str]
CERTAINTY_ORDER: tuple[Certainty, ...] = ("asserted", "reported", "predicted", "hypothetical", "negated")
# Only what reportedly happened can establish a truce or an alliance; plans and denials cannot.
FACTUAL: frozenset[str] = frozenset({"asserted", "reported"})


@dataclass(frozen=True)
class Contribution:
    pair: Pair
    day: date
    value: float
    kind: str  # "truce", "alliance", "hostile" (material conflict), "other"
    incident: str
    events: tuple[str, ...]
    certainty: Certainty
    sources: tuple[str, ...]


def pairs_of(event: Event) -> set[Pair]:
    """Actor pairs an event relates: actor x recipient; both sides in `actor` for two-sided events."""
    actors = sorted({p.id for p in event.actor})
    recipients = sorted({p.id for p in event.recipient})
    if recipients:
        found = {(a, r) for a in actors for r in recipients if a != r}
    else:
        found = set(combinations(actors, 2))
    return {(min(a, b), max(a, b)) for a, b in found}


def _day(event: Event, fallback: date | None) -> date | None:
    if event.date and event.date.start:
        try:
            return date.fromisoformat(event.date.start[:10])
        except ValueError:
            pass
    return fallback


def _kind(event: Event, score: float, weights: Weights) -> str:
    rules = weights.status
    mode = (event.mode or "").lower()
    text = event.eventText.lower()
    if event.certainty in FACTUAL:
        if event.event in rules.truce_categories and (
            mode in rules.truce_modes or any(w in text for w in rules.truce_words)
        ):
            return "truce"
        if event.event in rules.alliance_categories and (
            mode in rules.alliance_modes or any(w in text for w in rules.alliance_words)
        ):
            return "alliance"
        if score <= -5.0:  # material conflict in the codebook's scale (PROTEST and worse)
            return "hostile"
    return "other"


def contributions(incidents: Iterable[Incident], weights: Weights | None = None) -> list[Contribution]:
    weights = weights or load_weights()
    out: list[Contribution] = []
    for inc in incidents:
        by_pair: dict[Pair, list] = defaultdict(list)
        for m in inc.mentions:
            fallback = m.published.date() if m.published else None
            day = _day(m.event, fallback)
            if day is None:
                continue
            for pair in pairs_of(m.event):
                by_pair[pair].append((m.event, day))
        boost = 1.0 + weights.corroboration_bonus * math.log2(max(1, len(inc.sources)))
        for pair, items in sorted(by_pair.items()):
            values = [weights.score(ev) * weights.certainty_of(ev.certainty) for ev, _ in items]
            kinds = {_kind(ev, weights.score(ev), weights) for ev, _ in items}
            kind = next((k for k in ("truce", "alliance", "hostile") if k in kinds), "other")
            certainties = {ev.certainty for ev, _ in items}
            out.append(
                Contribution(
                    pair=pair,
                    day=min(d for _, d in items),
                    value=boost * sum(values) / len(values),
                    kind=kind,
                    incident=inc.id,
                    events=tuple(sorted(ev.id for ev, _ in items)),
                    certainty=next(c for c in CERTAINTY_ORDER if c in certainties),
                    sources=tuple(inc.sources),
                )
            )
    return out


def period_of(day: date, unit: str = "month") -> tuple[str, date, date]:
    """Label, first and last day of the period holding `day` (unit: week, month, quarter, year)."""
    if unit == "week":
        start = day - timedelta(days=day.weekday())
        iso = start.isocalendar()
        return f"{iso.year}-W{iso.week:02d}", start, start + timedelta(days=6)
    if unit == "month":
        return f"{day:%Y-%m}", day.replace(day=1), day.replace(day=monthrange(day.year, day.month)[1])
    if unit == "quarter":
        q = (day.month - 1) // 3
        start = date(day.year, 3 * q + 1, 1)
        last_month = 3 * q + 3
        return f"{day.year}-Q{q + 1}", start, date(day.year, last_month, monthrange(day.year, last_month)[1])
    if unit == "year":
        return str(day.year), date(day.year, 1, 1), date(day.year, 12, 31)
    raise ValueError(f"unknown period unit {unit!r}: use week, month, quarter or year")


def _status(items: list[Contribution], weights: Weights) -> tuple[RelationStatus, list[Contribution]]:
    """Status of one period and the contributions that decided it.

    truce: a truce was agreed or declared and no material hostility is reported after it (if
    some is, the period is hostile whatever the net score);
    allied: an alliance-type cooperation and a non-negative net score; hostile: net score at or
    below the threshold; neutral: evidence either way that decides none of these; unknown: only
    speculation, plans or denials (their weights cancel to almost nothing)."""
    net = sum(c.value for c in items)
    truces = [c for c in items if c.kind == "truce"]
    hostile = [c for c in items if c.kind == "hostile"]
    if truces:
        last_truce = max(c.day for c in truces)
        broken = [c for c in hostile if c.day > last_truce]
        if not broken:
            return "truce", truces
        return "hostile", broken  # fighting after the truce: it did not hold
    alliances = [c for c in items if c.kind == "alliance"]
    if alliances and net >= 0:
        return "allied", alliances
    if net <= weights.status.hostile_threshold:
        return "hostile", [c for c in items if c.value < 0]
    if not any(c.certainty in FACTUAL for c in items):
        return "unknown", items
    return "neutral", items


def timelines(
    incidents: Iterable[Incident], unit: str = "month", weights: Weights | None = None
) -> dict[Pair, list[RelationPeriod]]:
    """Per unordered actor pair (a < b), its periods in time order (periods without reports omitted)."""
    weights = weights or load_weights()
    grouped: dict[Pair, dict[str, list[Contribution]]] = defaultdict(lambda: defaultdict(list))
    bounds: dict[str, tuple[date, date]] = {}
    for c in contributions(incidents, weights):
        label, start, end = period_of(c.day, unit)
        grouped[c.pair][label].append(c)
        bounds[label] = (start, end)
    result: dict[Pair, list[RelationPeriod]] = {}
    for pair in sorted(grouped):
        periods: list[RelationPeriod] = []
        previous: RelationStatus | None = None
        for label in sorted(grouped[pair], key=lambda lab: bounds[lab][0]):
            items = grouped[pair][label]
            status, drivers = _status(items, weights)
            drivers = sorted(drivers, key=lambda c: (-abs(c.value), c.incident))
            certainties = {c.certainty for c in drivers}
            start, end = bounds[label]
            periods.append(
                RelationPeriod(
                    a=pair[0],
                    b=pair[1],
                    period=label,
                    start=start.isoformat(),
                    end=end.isoformat(),
                    score=round(sum(c.value for c in items), 3),
                    status=status,
                    certainty=next((c for c in CERTAINTY_ORDER if c in certainties), None),
                    outlets=len({s for c in drivers for s in c.sources}),
                    events=list(dict.fromkeys(e for c in drivers for e in c.events)),
                    incidents=list(dict.fromkeys(c.incident for c in drivers)),
                    changed_from=previous if previous not in (None, status) and status != "unknown" else None,
                )
            )
            if status != "unknown":
                previous = status
        result[pair] = periods
    return result


def current_scores(
    lines: dict[Pair, list[RelationPeriod]], today: date | None = None, weights: Weights | None = None
) -> dict[Pair, float]:
    """The present relation per pair: period scores decayed by age (half-life from the weights),
    as a weighted mean so that a pair's score stays on the codebook's scale."""
    weights = weights or load_weights()
    out: dict[Pair, float] = {}
    ends = [date.fromisoformat(p.end) for periods in lines.values() for p in periods]
    if not ends:
        return out
    ref = today or max(ends)
    for pair, periods in lines.items():
        if not periods:
            continue
        num = den = 0.0
        for p in periods:
            age = max(0, (ref - date.fromisoformat(p.end)).days)
            w = 0.5 ** (age / weights.half_life_days)
            num += w * p.score
            den += w
        out[pair] = round(num / den, 3) if den else 0.0
    return out
