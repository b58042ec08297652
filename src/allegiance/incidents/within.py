"""One incident, several mentions in one article: the headline, the lead and a later recap of the same
event each give part of it ("Rebels attack base" / "…attacked the base near X on Monday" / "the
attack killed seven"). A reader fills what one sentence leaves out from the other mentions, and so
does this pass: an event without a place or a date takes them from the nearest mention of the same
incident in the article.

Two events of one article are mentions of one incident when they have the same category, share a
named participant (or the one lacking its place or date names nobody: "the release of 13 women",
"the attack killed seven" lean on the article's earlier account), and nothing they state
contradicts (their dates overlap and their places are the same or nested, where both give one).
Only gaps are filled: a stated place or date is never replaced.
"""

from __future__ import annotations

from ..records import Event, Where

# dates that pin an incident down; a vaguer span ("in 2019") is no help to a sentence without one
DAY_GRANULARITY = {"day", "minute", "hour"}


def _named(event: Event) -> set[str]:
    return {p.id for p in event.actor + event.recipient if not p.id.startswith("x-")}


def _places_agree(a: Where | None, b: Where | None) -> bool:
    if a is None or b is None:
        return True
    names = {a.name.lower(), (a.admin1 or "").lower()} - {""}
    return bool(names & ({b.name.lower(), (b.admin1 or "").lower()} - {""})) or (
        a.country is not None and a.country == b.country and (a.kind == "country" or b.kind == "country")
    )


def _dates_agree(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None or not a.date.start or not b.date.start:
        return True
    a_end, b_end = a.date.end or a.date.start, b.date.end or b.date.start
    return a.date.start[:10] <= b_end[:10] and b.date.start[:10] <= a_end[:10]


def same_incident(a: Event, b: Event) -> bool:
    return (
        a.event == b.event
        and (bool(_named(a) & _named(b)) or not _named(a))
        and _places_agree(a.location, b.location)
        and _dates_agree(a, b)
    )


def _hypothetical(event: Event) -> bool:
    return event.certainty in {"hypothetical", "predicted", "negated"}


def share_context(events: list[Event]) -> list[Event]:
    """Fill each event's missing place and date from the nearest mention of the same incident."""
    out = []
    for event in events:
        if _hypothetical(event) or (event.location is not None and event.date is not None):
            out.append(event)
            continue
        mentions = sorted(
            (o for o in events if o is not event and not _hypothetical(o) and same_incident(event, o)),
            key=lambda o: abs(o.sentence.start - event.sentence.start),
        )
        update: dict = {}
        if event.location is None:
            placed = next((o for o in mentions if o.location is not None), None)
            if placed is not None:
                update["location"] = placed.location
        if event.date is None:
            dated = next(
                (o for o in mentions if o.date is not None and o.date.granularity in DAY_GRANULARITY), None
            )
            if dated is not None:
                update["date"] = dated.date
        out.append(event.model_copy(update=update) if update else event)
    return out
