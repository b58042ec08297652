"""Pairwise compatibility of two event reports: could they describe the same happening?

Two reports link when all of these hold (each a necessary condition, so the rule stays strict enough
for single-linkage clustering not to chain unrelated events together):
- same category family (data/relations/scores.yaml): one occasion yields related categories; two
  families that one occasion spans (`occasion_families`: announcing and imposing sanctions) join
  when one speaker does both;
- date windows, each at most `max_window_days` wide, overlapping within `date_slack_days` (outlets
  in other time zones, "overnight" attacks, the news-cycle gap). An undated report is read as
  telling of the `undated_days` before its publication (a soft window);
- places not in conflict (different country; points farther than `max_km`; different admin1; two
  different named towns). A town named as part of its region ("Gaza" in the Gaza Strip) is the
  region. Statements are exempt: where a statement happened is told loosely;
- actors compatible per side, with generic collectives ("civilians", "x-24-hostages", "gunmen")
  counting as an empty side: overlapping canonical ids or their parents, or an empty side. Sides told
  the other way round, or both sides in `actor`, join freely only in two-sided categories
  (`symmetric_categories`: clashes, talks, agreements). Also a contested perpetrator (the same
  victims at the same named place on the same hard day, blamed on different actors) and, for
  statements and sanctions, one speaker with other addressees (one list names many targets);
- enough evidence (`min_evidence`, default 2): +1 per shared named participant, a unit and its
  organisation counting once (at most 2); +1 for the same named place or nearby points; +0.5 for
  the very same (stated) day; +1 for one speaker or sanctioning body in one category of statement
  or sanction; +0.5 for the same toll; up to +1 for the figures and rarer words the two sentences
  share (text.py), and +0.5 when the two documents' headlines tell one story (a shared figure and
  two names or words, or four of them). Against: -0.5 when either date is soft, when the categories or the (non-violence)
  modes differ, and when the sides are swapped outside two-sided categories or the addressees
  differ. A report that lacks a side and a place cannot on its own bridge two happenings that
  merely share one actor.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache

from ..records import IncidentMention, Where
from ..relations.weights import Weights, normalise_id
from .text import Signature, lead_evidence, signature, text_evidence


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
    # An undated report is taken to tell of something in the `undated_days` before its publication
    # (news of the day, "the deal", "the attack"); such a soft window links on evidence alone, never
    # on the same-day bonus. None: undated reports never link.
    undated_days: int | None = 3
    # Shared rare words and numbers of the two event sentences count as evidence (text.py).
    text_evidence: bool = True


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@lru_cache(maxsize=16384)  # asked several times per pair compared, of a few thousand place names
def _norm_place(text: str | None) -> str:
    return " ".join((text or "").lower().replace("province", "").replace("governorate", "").split())


POINT_KINDS_EXCLUDED = {"country", "admin1", "region", "continent"}


def is_point(where: Where) -> bool:
    """A place below first-level region (a town, district, base) located by coordinates."""
    return where.lat is not None and where.lon is not None and (where.kind or "") not in POINT_KINDS_EXCLUDED


def is_named_place(where: Where) -> bool:
    """A place named more specifically than its country or first-level region: not a region by
    kind, and not the region's own name or a part of it ("Gaza" in the Gaza Strip)."""
    name = _norm_place(where.name)
    if not name or (where.kind or "") in POINT_KINDS_EXCLUDED:
        return False
    regions = [r for r in (_norm_place(where.admin1), _norm_place(where.country)) if r]
    return not any(name == r or f" {name} " in f" {r} " for r in regions)


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
    if a.admin1 and b.admin1 and _norm_place(a.admin1) != _norm_place(b.admin1):
        return "conflict"
    if is_named_place(a) and is_named_place(b):
        name_a, name_b = _norm_place(a.name), _norm_place(b.name)
        # One name holding the other is one place told at two lengths ("Kabul" / "Kabul city").
        if f" {name_a} " in f" {name_b} " or f" {name_b} " in f" {name_a} ":
            return "match"
        # Two different towns (no coordinates to measure): not the same place.
        return "conflict"
    return "unknown"


@lru_cache(maxsize=16384)  # asked for each participant of every report built, of a few hundred ids
def is_generic(actor_id: str, generic: frozenset[str]) -> bool:
    """An unnamed collective: "civilians"; or an actor discovered in the text (id "x-…", not in
    the knowledge base) whose words, counts left out, end or start with a generic noun
    ("x-24-hostages", "x-palestinian-civilians", "x-hostages-held-in-gaza")."""
    words = [w for w in normalise_id(actor_id).split() if not w.isdigit()]
    discovered = words[:1] == ["x"]
    words = words[1:] if discovered else words
    # a collective scoped to its document or country ("x-civilians-doc-1a2b3c4d",
    # "x-palestinian-prisoners-pse", actors/scope.py) is the same collective for linking
    if discovered and len(words) >= 3 and words[-2] == "doc":
        words = words[:-2]
    readings = [words] + ([words[:-1]] if discovered and len(words) > 1 and len(words[-1]) == 3 else [])
    for w in readings:
        if not w or " ".join(w) in generic:
            return True
        if discovered and (w[-1] in generic or w[0] in generic):
            return True
    return False


def window(mention: IncidentMention, options: LinkOptions) -> tuple[date | None, date | None, bool]:
    """(start, end, soft) of the days a report tells of: its event's date, else the soft window
    before its publication. Apart from `Report` so that the store can index a mention's linking
    day without building a whole Report."""
    when = mention.event.date
    published = mention.published.date() if mention.published else None
    return _window(when.start if when else None, when.end if when else None, published, options.undated_days)


# A function of a few strings and the publication day shared by a document's events, asked for
# each report built and for each member the store indexes: parsed once per distinct value. (Keyed
# on the day, not the datetime: two equal instants in other time zones fall on other days.)
@lru_cache(maxsize=16384)
def _window(
    start_text: str | None, end_text: str | None, published: date | None, undated_days: int | None
) -> tuple[date | None, date | None, bool]:
    start, end = _day(start_text), _day(end_text)
    end = end if end and start and end >= start else start
    if start is None and published and undated_days is not None:
        with suppress(OverflowError):  # a placeholder publication date ("0001-01-01") gives no window
            return published - timedelta(days=undated_days), published, True
    return start, end, False


def window_day(mention: IncidentMention, options: LinkOptions) -> int | None:
    """The day (ordinal) a mention's linking window starts, None when it cannot link: the key
    `incidents._link` blocks on, and the store's `incident_members.day`."""
    start, end, _ = window(mention, options)
    if start is None or end is None or (end - start).days > options.max_window_days:
        return None
    return start.toordinal()


class Report:
    """What linking needs from one mention, computed once (sets of ids, date window)."""

    def __init__(self, mention: IncidentMention, weights: Weights, options: LinkOptions) -> None:
        self.mention = mention
        ev = mention.event
        self.category = ev.event
        self.mode = (ev.mode or "").lower()
        self.family = weights.family_of(ev.event)
        self.occasion = weights.one_occasion(self.family)
        self.symmetric = ev.event in weights.symmetric
        generic = weights.generic_actors
        # the knowledge base's hierarchy, and what the reporting document resolved for its people
        parents: Mapping[str, str] = {**options.parents, **mention.parents} if mention.parents else options.parents
        # generic collectives say nothing about who took part: a side of them only is an empty side
        self.actor = self._expand({p.id for p in ev.actor if not is_generic(p.id, generic)}, parents)
        self.recipient = self._expand({p.id for p in ev.recipient if not is_generic(p.id, generic)}, parents)
        self.victims = frozenset(p.id for p in ev.recipient)
        self.sides = self.actor | self.recipient
        self.roots = frozenset(self._root(i, parents) for i in self.actor | self.recipient)
        self.speakers = frozenset(self._root(i, parents) for i in self.actor)
        self.start, self.end, self.soft = window(mention, options)
        self.location = ev.location
        self.text = ev.eventText
        self._common = weights.common_words

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

    @staticmethod
    def _root(actor_id: str, parents: Mapping[str, str]) -> str:
        """The topmost ancestor: a unit and its organisation are one participant as evidence."""
        seen = {actor_id}
        while (parent := parents.get(actor_id)) and parent not in seen:
            seen.add(parent)
            actor_id = parent
        return actor_id

    @cached_property
    def words(self) -> Signature:
        # named participants are counted as shared actors already; "hostages" is a word like others
        named = self.actor | self.recipient
        ev = self.mention.event
        leave_out = tuple(p.text for p in ev.actor + ev.recipient if p.id in named)
        return signature(self.text, leave_out, self._common)

    @cached_property
    def lead(self) -> Signature:
        return signature(self.mention.headline or "", (), self._common)

    @cached_property
    def _width(self) -> int | None:
        # asked twice per pair compared: the subtraction of dates once per report
        return (self.end - self.start).days if self.start is not None and self.end is not None else None

    def dated(self, options: LinkOptions) -> bool:
        return self._width is not None and self._width <= options.max_window_days


MANY_TARGETS = frozenset({"statement", "sanction"})


def _side_ok(x: frozenset[str], y: frozenset[str]) -> bool:
    return not x or not y or bool(x & y)


def actors_relation(a: Report, b: Report) -> str:
    """'compatible', 'swapped' (sides the other way round), 'contested' (same victims, different
    perpetrators), 'other targets' (one speaker, other addressees) or 'conflict'."""
    if _side_ok(a.actor, b.actor) and _side_ok(a.recipient, b.recipient):
        return "compatible"
    # Sides told the other way round ("X and Y clashed" / "Y fought X"): both must be named, or a
    # report of "someone attacked X" would join one of X attacking someone else. Outside the
    # two-sided categories that is weak counter-evidence (X conceded to Y / Y conceded to X).
    if a.actor & b.recipient and a.recipient & b.actor:
        return "compatible" if a.symmetric and b.symmetric else "swapped"
    # Two-sided reports ("clashes between X and Y") may put both sides in `actor`.
    if (not a.recipient or not b.recipient) and (a.actor | a.recipient) & (b.actor | b.recipient):
        union_a, union_b = a.actor | a.recipient, b.actor | b.recipient
        if union_a <= union_b or union_b <= union_a:
            return "compatible" if a.symmetric and b.symmetric else "swapped"
    # the same victims (generic ones too: "civilians") blamed on different perpetrators
    if a.actor and b.actor and a.victims & b.victims:
        return "contested"
    # One announcement names many targets (a sanctions list, a speech warning several foes): the
    # same speaker with other addressees may be the same occasion, on weaker evidence.
    if a.family in MANY_TARGETS and a.actor & b.actor and a.recipient and b.recipient:
        return "other targets"
    return "conflict"


def dates_overlap(a: Report, b: Report, options: LinkOptions) -> bool:
    assert a.start and a.end and b.start and b.end
    slack = options.date_slack_days
    return (a.start - b.end).days <= slack and (b.start - a.end).days <= slack


def same_act(a: Report, b: Report) -> bool:
    """One category and, where both give one, one mode (a release is not a ceasefire). Violence
    modes are weapons and tactics, several of which one attack combines: they may differ."""
    if a.category != b.category:
        return False
    return a.family == "violence" or not (a.mode and b.mode) or a.mode == b.mode


def evidence(a: Report, b: Report, place: str, options: LinkOptions, weaker: bool = False) -> float:
    """Evidence that two compatible reports tell of one happening (see the module doc)."""
    return _evidence_without_text(a, b, place, weaker) + _text_evidence(a, b, options)


def _evidence_without_text(a: Report, b: Report, place: str, weaker: bool) -> float:
    score = float(min(2, len(a.roots & b.roots)) + (place == "match")) - 0.5 * weaker
    hard_same_day = not a.soft and not b.soft and a.start == b.start and a.end == b.end
    score += 0.5 * hard_same_day - 0.5 * (a.soft or b.soft) - 0.5 * (not same_act(a, b))
    # One speaker, one category of statement (or one sanctioning body) in one news cycle: one
    # occasion (an address, a communique, a sanctions list) told twice, even when one report
    # leaves out whom it was addressed to.
    if a.family in MANY_TARGETS and a.category == b.category and a.speakers & b.speakers:
        score += 1.0
    # the same toll is a detail two accounts of different happenings rarely share
    ea, eb = a.mention.event, b.mention.event
    if any(x is not None and x > 1 and x == y for x, y in ((ea.dead, eb.dead), (ea.injured, eb.injured))):
        score += 0.5
    return score


# The most the words of the two sentences (1) and of the two headlines (0.5) add to a pair's evidence.
TEXT_EVIDENCE_MAX = 1.5


def _text_evidence(a: Report, b: Report, options: LinkOptions) -> float:
    if not options.text_evidence:
        return 0.0
    score = text_evidence(a.words, b.words)
    # two headlines with the same figures and names tell one story: its reports of one kind of
    # act by compatible sides are most likely the same happening
    if a.mention.headline and b.mention.headline:
        score += lead_evidence(a.lead, b.lead)
    return score


def _verdict(a: Report, b: Report, options: LinkOptions) -> bool | tuple[str, bool]:
    """Every test of `compatible` before the evidence: True/False when one decides, else the
    place relation and whether the actors' relation weakens the evidence."""
    if a.mention.event.id == b.mention.event.id or b.family not in a.occasion:
        return False
    if a.family != b.family and not a.speakers & b.speakers:
        return False  # a statement and a sanction are one occasion only when one party does both
    if not (a.dated(options) and b.dated(options) and dates_overlap(a, b, options)):
        return False
    place = place_relation(a.location, b.location, options.max_km)
    # Where a statement "happened" is told loosely (the speaker's capital, the place it concerns):
    # places that differ do not part a statement from its occasion, though a shared one still
    # counts. Either report may be the statement: the rule must not depend on the order asked.
    if place == "conflict" and "statement" not in (a.family, b.family):
        return False
    actors = actors_relation(a, b)
    if actors == "conflict":
        return False
    if actors == "contested":
        # Competing blame is only plausible for one clearly located, same-day happening.
        return place == "match" and not a.soft and not b.soft and a.start == b.start and a.end == b.end
    return place, actors in ("swapped", "other targets")


def compatible(a: Report, b: Report, options: LinkOptions) -> bool:
    """The linking rule, with the whole evidence (the reference `linked` must agree with)."""
    found = _verdict(a, b, options)
    if isinstance(found, bool):
        return found
    place, weaker = found
    return evidence(a, b, place, options, weaker) >= options.min_evidence


def linked(a: Report, b: Report, options: LinkOptions) -> bool:
    """`compatible(a, b, options)`, reading the words of the sentences and headlines (the costly
    part: a signature per report) only when they can decide: text evidence lies between 0 and
    TEXT_EVIDENCE_MAX, so a pair with enough evidence without it, or too little even with all of
    it, is decided without it. Sums of halves are exact in floating point, so the bounds are."""
    found = _verdict(a, b, options)
    if isinstance(found, bool):
        return found
    place, weaker = found
    score = _evidence_without_text(a, b, place, weaker)
    if score >= options.min_evidence:
        return True
    if not options.text_evidence or score + TEXT_EVIDENCE_MAX < options.min_evidence:
        return False
    return score + _text_evidence(a, b, options) >= options.min_evidence
