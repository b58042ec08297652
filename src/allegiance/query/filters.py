"""Filters, pages and their validation, shared by every front end.

Values are checked here, once: an unknown PLOVER category, certainty or sort key, or a malformed
date is a `QueryError` naming the allowed values (never an empty result, never a pattern or a
Python repr), so `allegiance events --since 2021-02-30` and `/api/events?since=2021-02-30` say the
same thing.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, get_args

from ..records import ActorType, Certainty
from .errors import QueryError

CERTAINTIES: tuple[str, ...] = get_args(Certainty)
ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)
MAX_LIMIT = 500


@cache
def categories() -> tuple[str, ...]:
    """The PLOVER 2.0 categories of the codebook data (data/plover/categories.yaml)."""
    from ..events.lexicon import load

    return tuple(sorted(load().categories))


@dataclass(frozen=True)
class Filters:
    """Filters shared by the listings; each listing applies those that make sense for it. `actor`
    is a reference (id, name, alias, surface form or unique prefix) resolved by the query layer."""

    actor: str | None = None
    category: str | None = None
    certainty: str | None = None
    country: str | None = None
    admin1: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    document_id: str | None = None
    type: str | None = None
    stage: str | None = None


@dataclass(frozen=True)
class Page:
    """`limit`/`offset` pagination, or keyset pagination from the `cursor` a previous page gave
    (then `offset` is ignored); `sort` is a key from the listing's whitelist, '-key' descending."""

    limit: int = 50
    offset: int = 0
    sort: str | None = None
    cursor: str | None = None


def check_day(value: str | None, field: str) -> str | None:
    """An ISO day (YYYY-MM-DD) or None; a datetime is cut to its day."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        day = date.fromisoformat(text[:10])  # a shorter text raises too
        if len(text) > 10:
            datetime.fromisoformat(text)
    except ValueError:
        raise QueryError(
            f"{field} must be a date written YYYY-MM-DD (e.g. 2021-02-28), got {text!r}", field
        ) from None
    return day.isoformat()


def _choice(value: str | None, allowed: tuple[str, ...], field: str, what: str) -> str | None:
    if not value:
        return None
    for candidate in allowed:
        if candidate.lower() == value.strip().lower():
            return candidate
    raise QueryError(f"unknown {what} {value!r}; choose from {', '.join(allowed)}", field, list(allowed))


def checked(f: Filters) -> Filters:
    """`f` with its values validated and written the way the store keeps them (category upper
    case, certainty lower case, country ISO alpha-3 upper case, days YYYY-MM-DD)."""
    country = (f.country or "").strip().upper() or None
    if country is not None and not (len(country) == 3 and country.isalpha()):
        raise QueryError(
            f"country must be an ISO 3166 alpha-3 code such as MLI, got {f.country!r}", "country"
        )
    since, until = check_day(f.since, "since"), check_day(f.until, "until")
    if since and until and since > until:
        raise QueryError(f"since ({since}) is after until ({until})", "since")
    return dataclasses.replace(
        f,
        actor=(f.actor or "").strip() or None,
        category=_choice(f.category, categories(), "category", "PLOVER category"),
        certainty=_choice(f.certainty, CERTAINTIES, "certainty", "certainty"),
        country=country,
        admin1=f.admin1 or None,
        since=since,
        until=until,
        q=f.q or None,
        document_id=f.document_id or None,
        type=_choice(f.type, ACTOR_TYPES, "type", "actor type"),
        stage=f.stage or None,
    )


def check_page(page: Page, sorts: dict[str, str], default: str) -> tuple[str, bool]:
    """The sort key and direction of `page` (default when unset), from the listing's whitelist."""
    if not 1 <= page.limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {page.limit}", "limit")
    if page.offset < 0:
        raise QueryError(f"offset must be 0 or more, got {page.offset}", "offset")
    sort = page.sort or default
    key = sort.lstrip("-")
    if key not in sorts:
        allowed = sorted(sorts)
        raise QueryError(
            f"unknown sort {key!r}; choose from {', '.join(allowed)} (prefix - to reverse)", "sort", allowed
        )
    return key, sort.startswith("-")


def encode_cursor(sort: str, value: Any, document_id: str, seq: int) -> str:
    raw = json.dumps([sort, value, document_id, seq], separators=(",", ":"), default=str)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str, int]:
    """(sort value, document id, seq) of the last row of the previous page."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key, value, document_id, seq = json.loads(raw)
        if not isinstance(document_id, str) or not isinstance(seq, int) or isinstance(seq, bool):
            raise ValueError
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise QueryError("cursor is not one this listing gave; start again without it", "cursor") from None
    if key != sort:
        raise QueryError(f"cursor was made for sort {key!r}, not {sort!r}; start again without it", "cursor")
    return value, document_id, seq
