"""Give each event the most specific place its sentence names, or the article's own place.

Order of preference within the event's sentence: a place syntactically attached to the trigger
("attacked a post in X", "the attack near X"), then a place inside the trigger's phrase, then any
place in the sentence; among equals the more specific kind (city > region > country), then the
nearer one. A sentence without a place falls back to the dateline ("KABUL, Afghanistan (AP) —")
or the lead's place, but only for a concrete event (one dated to a day).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from ..records import Event, Where
from ..syntax import climb, text_of
from ..when import lexicon as when_lexicon  # the speech-act and reporting-verb lists are shared
from .gazetteer import KIND_RANK, Gazetteer
from .toponyms import Context, Toponym, is_locative, resolve_one

CONCRETE_GRANULARITY = {"day", "minute"}
# "BOGOTA, Colombia (AP) —", "BAKU, September 18. /TASS/.", "KABUL (Reuters) -": an upper-case
# place at the start of a line, then a comma, an agency in brackets or a dash.
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'’.\-]+(?:[ \u00a0][A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,[ \u00a0]*(?P<region>[A-Z][\w.'’\- \u00a0]*?))?[ \u00a0]*(?:\([^)\n]{1,40}\))?[ \u00a0]*(?:[—–-]|\.|,|\n)",
    re.M,
)
DATELINE_WINDOW = 1500  # characters from the top where a dateline may stand
# material acts happen where the lead says; statements are made where the dateline says
DEEDS = {"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "PROTEST", "AID"}


def attachment(top: Toponym, trigger: Token) -> int:
    """3: the place hangs off the trigger within its clause; 2: it is inside the trigger's
    phrase (not in a relative clause) or hangs off a word that governs the trigger ("In Kabul,
    officials said gunmen attacked…"); 1: elsewhere in the sentence."""
    path = climb(top.span.root, trigger)
    if path.reached:
        return 3 if path.clauses == 0 else (1 if path.noun_clause else 2)
    return 2 if top.span.root.head in trigger.ancestors else 1


def specificity(top: Toponym) -> int:
    if top.place is not None:
        return KIND_RANK.get(top.place.kind, 1)
    return KIND_RANK.get(top.feature or "city", 3)


BORROW_WINDOW = 800  # characters before an unknown name where the article's region is read


def neighbour(top: Toponym, companions: list[Toponym]) -> Toponym | None:
    """Whose region an unresolved name borrows: a resolved place of its sentence ("Puerto Jordan,
    a small town in Arauca"), else the nearest resolved region or town named just before it (a
    local name the gazetteer lacks lies, as a rule, in the area the article is telling about)."""
    resolved = [o for o in companions if o is not top and o.place is not None]
    same = [o for o in resolved if o.span.sent == top.span.sent]
    if same:  # the nearest one that names a region, else the nearest (a country)
        return min(same, key=lambda o: (not (o.place and o.place.admin1), abs(o.start - top.start)))
    before = [
        o
        for o in resolved
        if top.start - BORROW_WINDOW <= o.start < top.start and o.place is not None and o.place.admin1
    ]
    return max(before, key=lambda o: o.start) if before else None


def region_point(
    gaz: Gazetteer | None, country: str | None, admin1: str | None
) -> tuple[float | None, float | None]:
    """The centre of a first-level region: where a map puts a place the gazetteer lacks but whose
    region is known (a village named in the text, placed in its province)."""
    if gaz is None or not admin1:
        return None, None
    for place in gaz.exact(admin1):
        if place.kind in {"admin1", "region"} and place.country == country and place.lat is not None:
            return place.lat, place.lon
    return None, None


def to_where(
    top: Toponym, companions: list[Toponym], gaz: Gazetteer | None = None, country: str | None = None
) -> Where:
    """The record; an unresolved name borrows region and country from a neighbour (else the
    article's `country`, from its dateline) and takes its region's coordinates."""
    place = top.place
    if place is None:
        other = neighbour(top, companions)
        if other is not None and other.place is not None:
            lat, lon = region_point(gaz, other.place.country, other.place.admin1)
            return Where(
                name=top.name,
                admin1=other.place.admin1,
                country=other.place.country,
                lat=lat,
                lon=lon,
                kind=top.feature,
                start=top.start,
                end=top.end,
            )
        return Where(name=top.name, country=country, kind=top.feature, start=top.start, end=top.end)
    return Where(
        name=top.name,
        admin1=place.admin1,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        kind=place.kind,
        start=top.start,
        end=top.end,
    )


def dateline_span(doc: Doc, gaz: Gazetteer) -> tuple[int, int] | None:
    """Characters of the dateline's place and region ("BOGOTA, Colombia"): where the reporter
    files from, which names no event's place by itself being in the sentence."""
    for match in DATELINE.finditer(doc.text[:DATELINE_WINDOW]):
        if gaz.knows(match.group("place")):
            end = match.end("region") if match.group("region") else match.end("place")
            return match.start("place"), end
    return None


@dataclass
class Fallback:
    """The article's own place (for events whose sentence names none), the dateline's character
    range and the dateline's country (for names the gazetteer lacks)."""

    place: Toponym | None = None
    dateline: tuple[int, int] | None = None
    country: str | None = None
    lead: Toponym | None = None  # for deeds: the lead's place in the dateline's country


def fallback_place(doc: Doc, toponyms: list[Toponym], ctx: Context, gaz: Gazetteer) -> Fallback:
    """The article's own place for events whose sentence names none: the dateline, else the lead's
    place; for a deed (`lead`) the lead's place first when it lies in the dateline's country (the
    dateline is where the reporter is and where statements are made, the lead where it happened)."""
    line = dateline(doc, toponyms, ctx, gaz)
    where = dateline_span(doc, gaz) if line is not None else None
    lead = lead_place(doc, toponyms, where)
    if line is None or line.place is None:
        return Fallback(line or lead_place(doc, toponyms), where)
    country = line.place.country
    lead_country = lead.place.country if lead is not None and lead.place is not None else None
    if lead is not None and lead.place is None:
        other = neighbour(lead, toponyms)
        lead_country = other.place.country if other is not None and other.place is not None else country
    return Fallback(line, where, country, lead if lead is not None and lead_country == country else None)


def dateline(doc: Doc, toponyms: list[Toponym], ctx: Context, gaz: Gazetteer) -> Toponym | None:
    for match in DATELINE.finditer(text_of(doc)[:DATELINE_WINDOW]):
        written = match.group("place")
        if not gaz.knows(written):
            continue
        span = doc.char_span(match.start("place"), match.end("place"), alignment_mode="expand")
        if span is None:
            continue
        top = Toponym(span, written, match.start("place"), match.end("place"))
        top.place = resolve_one(top, [], ctx, gaz)
        region = match.group("region")
        if region and top.place:
            hinted = [
                p
                for p in gaz.exact(written)
                if region.strip() and p.country in {q.country for q in gaz.exact(region.strip())}
            ]
            if hinted:
                top.place = max(hinted, key=lambda p: (p.kind == "city", p.prominence))
        return top
    return None


def lead_place(doc: Doc, toponyms: list[Toponym], skip: tuple[int, int] | None = None) -> Toponym | None:
    """The first place of the first three sentences that have a verb (the lead), leaving out the
    dateline's own words (`skip`, a character range): "BOGOTA, Colombia (AP) — … The attack took
    place in the village of X, in Arauca"."""
    seen = 0
    for sent in doc.sents:
        if not any(t.pos_ in {"VERB", "AUX"} for t in sent):
            continue
        inside = [
            t
            for t in toponyms
            if t.span.sent == sent
            # an unknown village of a datelined story lies in the dateline's country
            and (t.place is not None or skip is not None or neighbour(t, toponyms) is not None)
            and not (skip and skip[0] <= t.start < skip[1])
        ]
        if inside:
            return min(inside, key=lambda t: t.start)
        seen += 1
        if seen >= 3:
            break
    return None


def concrete(event: Event) -> bool:
    """Dated to a day, or to the one- or two-day news cycle of a report."""
    when = event.date
    if when is None or when.start is None:
        return False
    if when.granularity in CONCRETE_GRANULARITY:
        return True
    try:
        start, end = date.fromisoformat(when.start[:10]), date.fromisoformat((when.end or when.start)[:10])
    except ValueError:
        return False
    return (end - start).days <= 1


def said_by(event: Event, trigger: Token) -> bool:
    """A verbal event whose trigger is the reporting verb itself ("Baku demanded that …")."""
    words = when_lexicon.load()
    return event.event in words.speech_acts and trigger.lemma_.lower() in words.reporting_verbs


def in_content(top: Toponym, trigger: Token) -> bool:
    """The place lies in the clause that is the statement's content ("demanded that Y withdraw
    from X", "said that rebels attacked X"): it places what is said, not the saying."""
    tok = top.span.root
    while tok != trigger and tok.head != tok:
        if tok.dep_ == "ccomp" and trigger in tok.ancestors:
            return True
        tok = tok.head
    return False


def _inside_the_country(best: Toponym, inside: list[Toponym], trigger: Token) -> Toponym:
    """Never a bare country when the sentence names a place inside it ("launched drones at Ukraine,
    hitting a facility in the Odesa region"): the most specific such place, the nearest first."""
    if specificity(best) > 1:
        return best
    country = best.place.country if best.place is not None else None
    within = [
        t
        for t in inside
        if specificity(t) > 1
        and (t.place is None or country is None or t.place.country == country)
        and _under(t.span.root, trigger)
    ]
    if not within:
        return best
    return max(within, key=lambda t: (specificity(t), -abs(t.span.root.i - trigger.i)))


def _under(tok: Token, trigger: Token) -> bool:
    """`tok` hangs below the trigger, not through someone's phrase ("officials in Damascus said")."""
    while tok != trigger:
        if tok.head == tok or tok.dep_ in {"nsubj", "nsubjpass"}:
            return False
        tok = tok.head
    return True


def origin(top: Toponym, trigger: Token) -> bool:
    """The place says where a party comes from or who tells it, not where the event is: the object
    of a "from" that hangs off a noun ("persons from Thailand"; not "withdrew from X"), or of
    "according to" (a government named by its country: "according to Qatar")."""
    root = top.span.root
    prep = root.head
    if root.dep_ != "pobj":
        return False
    if prep.lower_ == "to" and prep.head.lower_ == "according":
        return True
    return prep.lower_ == "from" and prep.head != trigger and prep.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}


def trigger_token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def place_for(
    event: Event,
    doc: Doc,
    toponyms: list[Toponym],
    fallback: Fallback,
    gaz: Gazetteer,
) -> Where | None:
    deed = event.event in DEEDS and fallback.lead is not None
    skip = fallback.dateline if deed else None
    inside = [
        t
        for t in toponyms
        if event.sentence.start <= t.start
        and t.end <= event.sentence.end
        and not (skip and skip[0] <= t.start < skip[1])  # the dateline is in the lead's sentence
    ]
    trigger = trigger_token(doc, event)
    if trigger is not None:
        # a place outside the trigger's phrase must at least read as a location ("in X"), not as
        # part of a title or a name ("Senior Associate for South Asia")
        inside = [
            t for t in inside if attachment(t, trigger) > 1 or t.feature or is_locative(t.span.root, gaz)
        ]
        # "10 persons from Thailand", "according to Qatar": where people come from, who tells it
        inside = [t for t in inside if not origin(t, trigger)]
    if trigger is not None and said_by(event, trigger):
        inside = [t for t in inside if not in_content(t, trigger)]
    if inside:
        if trigger is None:
            best = max(inside, key=specificity)
        else:
            # far from the trigger, nearness counts before specificity
            def rank(t: Toponym) -> tuple[int, int, int]:
                level = attachment(t, trigger)
                return level, specificity(t) if level > 1 else 0, -abs(t.span.root.i - trigger.i)

            best = max(inside, key=rank)
            best = _inside_the_country(best, inside, trigger)
        return to_where(best, toponyms, gaz, fallback.country)
    article = fallback.lead if deed else fallback.place
    if article is not None and concrete(event):
        return to_where(article, toponyms, gaz, fallback.country)
    return None
