"""Query parameters shared by the listings, validated by FastAPI (a bad value is a 422)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Query

from .errors import ApiError
from .queries import Filters, Page

# Empty values are accepted and mean "no filter": that is what an HTML form sends for empty fields.
CertaintyParam = Literal["", "asserted", "reported", "hypothetical", "negated", "predicted"]
DAY_PATTERN = r"^(\d{4}-\d{2}-\d{2})?$"
PeriodParam = Literal["week", "month", "quarter", "year"]
MAX_LIMIT = 500


def filters(
    actor: Annotated[
        str | None, Query(max_length=200, description="Actor id, name or alias (either role).")
    ] = None,
    category: Annotated[
        str | None, Query(pattern=r"^([A-Za-z_]{2,40})?$", description="PLOVER category, e.g. ASSAULT.")
    ] = None,
    certainty: Annotated[CertaintyParam | None, Query()] = None,
    country: Annotated[
        str | None, Query(pattern=r"^([A-Za-z]{3})?$", description="ISO 3166 alpha-3 of the event place.")
    ] = None,
    admin1: Annotated[
        str | None, Query(max_length=100, description="First-level region of the place.")
    ] = None,
    since: Annotated[
        str | None, Query(pattern=DAY_PATTERN, description="First day (YYYY-MM-DD), inclusive.")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=DAY_PATTERN, description="Last day (YYYY-MM-DD), inclusive.")
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text search (case-insensitive).")] = None,
) -> Filters:
    return Filters(
        actor=actor or None,
        category=category or None,
        certainty=certainty or None,
        country=country or None,
        admin1=admin1 or None,
        since=day(since, "since"),
        until=day(until, "until"),
        q=q or None,
    )


def day(value: str | None, name: str) -> str | None:
    """A checked ISO day (the pattern lets through 2021-13-45), or None for no value."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(
            422, "invalid request", [{"loc": ["query", name], "msg": f"not a date: {value}"}]
        ) from None


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    sort: Annotated[
        str | None, Query(pattern=r"^(-?[a-z_]{1,30})?$", description="Sort key; prefix '-' for descending.")
    ] = None,
) -> Page:
    return Page(limit=limit, offset=offset, sort=sort or None)
