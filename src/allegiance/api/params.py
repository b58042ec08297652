"""Query parameters shared by the listings. FastAPI checks only types and lengths; the values
themselves (category, certainty, dates, sort) are checked by the query layer, so a bad one gets the
same message here as on the command line, with the allowed values."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from ..query import MAX_LIMIT, Filters, Page

# Empty values are accepted and mean "no filter": that is what an HTML form sends for empty fields.
PeriodParam = Literal["week", "month", "quarter", "year"]
DAY_HELP = "YYYY-MM-DD, inclusive; on the event date, else the publication date."


def filters(
    actor: Annotated[
        str | None,
        Query(
            max_length=200, description="Actor id, name, alias, surface form or unique prefix (either role)."
        ),
    ] = None,
    category: Annotated[
        str | None, Query(max_length=40, description="PLOVER category, e.g. ASSAULT.")
    ] = None,
    certainty: Annotated[
        str | None,
        Query(max_length=40, description="asserted, reported, hypothetical, negated or predicted."),
    ] = None,
    country: Annotated[
        str | None, Query(max_length=40, description="ISO 3166 alpha-3 of the event place.")
    ] = None,
    admin1: Annotated[
        str | None, Query(max_length=100, description="First-level region of the place.")
    ] = None,
    since: Annotated[str | None, Query(max_length=40, description=f"First day: {DAY_HELP}")] = None,
    until: Annotated[str | None, Query(max_length=40, description=f"Last day: {DAY_HELP}")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text search (case-insensitive).")] = None,
) -> Filters:
    return Filters(
        actor=actor,
        category=category,
        certainty=certainty,
        country=country,
        admin1=admin1,
        since=since,
        until=until,
        q=q,
    )


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    sort: Annotated[
        str | None, Query(max_length=40, description="Sort key; prefix '-' for descending.")
    ] = None,
    cursor: Annotated[
        str | None, Query(max_length=1000, description="`next` of the previous page (keyset pagination).")
    ] = None,
) -> Page:
    return Page(limit=limit, offset=offset, sort=sort or None, cursor=cursor or None)
