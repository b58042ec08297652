"""Merge the mentions of one incident into its best values (actors, place, date, casualties), count
independent sources and say where the reports disagree."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import lru_cache
from statistics import median_low

from ..records import Certainty, Corroboration, Granularity, Incident, IncidentMention, When, Where
from ..relations.weights import Weights
from .link import LinkOptions, is_named_place, is_point

# Strongest first: an incident is as certain as its most certain report.
CERTAINTY_ORDER: tuple[Certainty, ...] = ("asserted", "reported", "predicted", "hypothetical", "negated")


def incident_id(event_ids: list[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(event_ids)).encode("utf-8")).hexdigest()
    return f"inc-{digest[:16]}"


@lru_cache(maxsize=16384)  # asked for every report merged, of a few hundred outlets and agencies
def source_key(name: str) -> str:
    """'Reuters', 'reuters.com', 'www.Reuters.com' -> 'reuters': compare outlets and cited agencies."""
    name = name.lower().strip()
    if "." in name and " " not in name:
        labels = [x for x in name.split(".") if x not in {"www", "m", "en", "english", "amp"}]
        name = labels[0] if labels else name
    return re.sub(r"[^a-z0-9]+", "", name)


def cited_media(mention: IncidentMention, weights: Weights, options: LinkOptions) -> str | None:
    """The news outlet a report only repeats ("according to Reuters"), as a source key, or None."""
    ev = mention.event
    if ev.attributedTo and ev.attributedTo in options.media_ids:
        return source_key(ev.attributedTo)
    text = ev.attributedText or ""
    if not text:
        return None
    return _cited_in(text, weights.news_agencies, weights.media_words)


# The same attributions ("the ministry said", "according to Reuters") recur across reports, and an
# incident is merged again each time it gains a report: each text is searched once.
@lru_cache(maxsize=16384)
def _cited_in(text: str, news_agencies: tuple[str, ...], media_words: tuple[str, ...]) -> str | None:
    agencies, any_agency = _word_patterns(news_agencies)
    if any_agency.search(text):  # one scan says whether any agency is named; the first listed wins
        for agency, pattern in zip(news_agencies, agencies, strict=True):
            if pattern.search(text):
                return source_key(agency)
    if _word_patterns(media_words)[1].search(text.lower()):
        return source_key(text)
    return None


@lru_cache(maxsize=8)
def _word_patterns(words: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """A pattern per word, standing alone (not inside another word), and one for any of them:
    compiled once, not per report."""
    alone = [rf"(?<![\w]){re.escape(w)}(?![\w])" for w in words]
    return tuple(re.compile(a) for a in alone), re.compile("|".join(alone) or "(?!)")


def _corroboration(n_sources: int) -> Corroboration:
    if n_sources >= 3:
        return "widely-corroborated"
    return "corroborated" if n_sources == 2 else "single-source"


def _most_common(values: list[str]) -> str | None:
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))  # ties broken by value: order-independent


def _roles(mentions: list[IncidentMention]) -> tuple[list[str], list[str]]:
    as_actor: Counter[str] = Counter()
    as_recipient: Counter[str] = Counter()
    for m in mentions:
        as_actor.update({p.id for p in m.event.actor})
        as_recipient.update({p.id for p in m.event.recipient})
    actor: list[str] = []
    recipient: list[str] = []
    for actor_id in set(as_actor) | set(as_recipient):
        (actor if as_actor[actor_id] >= as_recipient[actor_id] else recipient).append(actor_id)

    def order(ids: list[str]) -> list[str]:
        return sorted(ids, key=lambda i: (-(as_actor[i] + as_recipient[i]), i))

    return order(actor), order(recipient)


def _date(mentions: list[IncidentMention]) -> When | None:
    dated = [m.event.date for m in mentions if m.event.date and m.event.date.start]
    if not dated:
        return None
    starts = [d.start[:10] for d in dated if d.start]
    ends = [(d.end or d.start or "")[:10] for d in dated]
    start, end = max(starts), min(ends)
    if start <= end:  # every report fits one window: keep the narrowest common one
        chosen = min(dated, key=lambda d: (d.start != start, (d.end or d.start) != end, d.text))
        granularity: Granularity = "day" if start == end else "interval"
        return When(start=start, end=end, granularity=granularity, text=chosen.text)
    common = _most_common([f"{d.start}|{d.end}" for d in dated])
    return min((d for d in dated if f"{d.start}|{d.end}" == common), key=lambda d: d.text)


def _location(mentions: list[IncidentMention]) -> Where | None:
    places = [m.event.location for m in mentions if m.event.location]
    if not places:
        return None
    counts = Counter(p.name for p in places)

    def rank(p: Where) -> tuple:
        return (not is_point(p), not is_named_place(p), p.admin1 is None, -counts[p.name], p.name)

    return min(places, key=rank)


def _range(values: list[int]) -> tuple[int | None, int | None, int | None]:
    if not values:
        return None, None, None
    return median_low(values), min(values), max(values)


def merge(mentions: list[IncidentMention], weights: Weights, options: LinkOptions) -> Incident:
    if len(mentions) == 1:
        return _single(mentions[0], weights, options)
    return _merge(mentions, weights, options)


def _single(mention: IncidentMention, weights: Weights, options: LinkOptions) -> Incident:
    """`_merge([mention])`, without its counting: most incidents hold one report, and what the
    counts would choose is that report's own values (tests/test_incidents_merge_single.py)."""
    ev = mention.event
    actor_ids = {p.id for p in ev.actor}
    recipient_ids = {p.id for p in ev.recipient}
    # as `_roles` counts: an id on both sides is an actor, counted twice, so it comes first
    actor = sorted(actor_ids, key=lambda i: (-1 - (i in recipient_ids), i))
    counted = ev.certainty != "negated"
    dead = ev.dead if counted else None
    injured = ev.injured if counted else None
    media = cited_media(mention, weights, options)
    sources = [media] if media else [source_key(mention.outlet)] if mention.outlet else []
    return Incident(
        id=incident_id([ev.id]),
        event=ev.event,
        mode=ev.mode or None,
        actor=actor,
        recipient=sorted(recipient_ids - actor_ids),
        date=_date([mention]),
        location=ev.location,
        dead=dead,
        dead_low=dead,
        dead_high=dead,
        injured=injured,
        injured_low=injured,
        injured_high=injured,
        certainty=ev.certainty,
        outlets=[mention.outlet] if mention.outlet else [],
        sources=sources,
        corroboration=_corroboration(len(sources)),
        contested=[],
        mentions=[mention],
    )


def _merge(mentions: list[IncidentMention], weights: Weights, options: LinkOptions) -> Incident:
    mentions = sorted(mentions, key=lambda m: (m.document, m.event.sentence.start, m.event.id))
    events = [m.event for m in mentions]
    category = _most_common([e.event for e in events]) or ""
    mode = _most_common([e.mode for e in events if e.event == category and e.mode])
    actor, recipient = _roles(mentions)
    # Denials say nothing about how many died; they do not enter the casualty range.
    counted = [e for e in events if e.certainty != "negated"]
    dead, dead_low, dead_high = _range([e.dead for e in counted if e.dead is not None])
    injured, injured_low, injured_high = _range([e.injured for e in counted if e.injured is not None])
    certainties = {e.certainty for e in events}
    certainty = next(c for c in CERTAINTY_ORDER if c in certainties)

    outlets = sorted({m.outlet for m in mentions if m.outlet})
    own, cited = set(), set()
    for m in mentions:
        media = cited_media(m, weights, options)
        if media:
            cited.add(media)
        elif m.outlet:
            own.add(source_key(m.outlet))
    sources = sorted(own | cited)

    contested = []
    if dead_low != dead_high:
        contested.append(f"dead: {dead_low}-{dead_high}")
    if injured_low != injured_high:
        contested.append(f"injured: {injured_low}-{injured_high}")
    if "negated" in certainties and certainties & {"asserted", "reported"}:
        contested.append("denied by some reports")
    perpetrators = {frozenset(p.id for p in e.actor) for e in events if e.actor}
    if len(perpetrators) > 1 and not frozenset.intersection(*perpetrators):
        contested.append("perpetrator: " + " / ".join(sorted(",".join(sorted(p)) for p in perpetrators)))

    return Incident(
        id=incident_id([e.id for e in events]),
        event=category,
        mode=mode,
        actor=actor,
        recipient=recipient,
        date=_date(mentions),
        location=_location(mentions),
        dead=dead,
        dead_low=dead_low,
        dead_high=dead_high,
        injured=injured,
        injured_low=injured_low,
        injured_high=injured_high,
        certainty=certainty,
        outlets=outlets,
        sources=sources,
        corroboration=_corroboration(len(sources)),
        contested=contested,
        mentions=mentions,
    )
