"""Publication dates: parse a given date string, and find standalone date lines in a scrape.

A *date line* is a short line made only of date words ("11:13 GMT28 February 2021", "12 January,
2020", "Posted Wednesday, September 18, 2024 11:56 pm", "Updated: 18 Sep 2024, 10:20 IST"), maybe
with a short byline or place beside it after a "|". Body sentences that mention a date have other
words too, so they are never taken for a date line. Parsing itself is dateparser's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timezone

import dateparser
from dateparser.timezone_parser import pop_tz_offset_from_string

MONTHS = "january february march april may june july august september october november december"
MONTH_ABBREVIATIONS = "jan feb mar apr jun jul aug sep sept oct nov dec"
WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
)
# Time-zone abbreviations that news sites print after a time.
ZONES = "gmt utc z et est edt ct cst cdt pt pst pdt bst cet cest eet eest ist msk pkt aft ast wat eat cat sast jst kst hkt sgt aest"
FILLER = "am pm a m p at on of the th st nd rd h hrs local time"
DATE_WORDS = frozenset(" ".join([MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS, ZONES, FILLER]).split())
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
PREFIX = re.compile(
    r"^\s*(?:(?:first |last )?(?P<kind>posted|published|updated|modified|date|dated)(?: on| at)?\s*[:\-–—]?\s*)",
    re.IGNORECASE,
)
# Abbreviations that dateparser reads differently from most English-language news sites:
# "IST" on a news page is almost always India (dateparser: Israel).
ZONE_READINGS = {re.compile(r"\bIST\b"): "+05:30"}
# "GMT28" → "GMT 28": scrapes glue a time zone to the day that follows it.
GLUED_ZONE = re.compile(r"(?<=[A-Za-z]{2})(?=\d)")
# "19:21 UTC+8", "GMT+5:30": a zone written as an offset from UTC → "+08:00"
ZONE_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*([+-])(\d{1,2})(?::?(\d\d))?\b", re.IGNORECASE)
# "19:21 +08:00, 2023-08-11": dateparser reads the day first, so a leading time moves behind it
TIME_FIRST = re.compile(r"^\s*(\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?)\s*([+-]\d\d:\d\d)?\s*,\s*(.+)$", re.IGNORECASE)
PART_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s+/\s+|\s+[-–—]\s+")
OLDEST_YEAR = 1900  # no web page was published earlier; such a date is a placeholder
SETTINGS = {
    "RETURN_AS_TIMEZONE_AWARE": False,  # the wall time as printed; the zone is read separately
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
}


@dataclass(frozen=True)
class DateLine:
    when: datetime
    text: str  # the line as written
    updated: bool  # an "Updated:" stamp: used only when no first-publication date is found


def parse_date(text: str) -> datetime | None:
    """A date string in any common format → timezone-aware datetime (UTC when none is given)."""
    text = text.strip()
    if not text:
        return None
    when: datetime | None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        text = GLUED_ZONE.sub(" ", text)
        for zone, reading in ZONE_READINGS.items():
            text = zone.sub(reading, text)
        when = _parse_local(text)
    if when is None or when.year < OLDEST_YEAR:
        return None  # "0001-01-01": a CMS placeholder for "no date", not a date
    # a plain fixed-offset tzinfo (dateparser returns pytz objects) keeps records serialisable
    offset = when.utcoffset()
    return when.replace(tzinfo=UTC if offset is None else timezone(offset))


def _parse_local(text: str) -> datetime | None:
    """Keep the page's own offset ("14:30 EAT" stays 14:30+03:00) so its calendar day is kept;
    dateparser alone would convert to one zone and could move the day. No zone printed: UTC."""
    _, zone = pop_tz_offset_from_string(text)
    when = dateparser.parse(text, languages=["en"], settings=SETTINGS)
    offset = zone.utcoffset(when) if zone is not None and when is not None else None
    return when.replace(tzinfo=timezone(offset)) if when is not None and offset is not None else when


def date_line(line: str) -> DateLine | None:
    """The date a standalone date line gives, or None when the line is not one."""
    if len(line) > 100 or not YEAR.search(line) and not re.search(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", line):
        return None
    parts = [p for p in PART_SEPARATORS.split(line.strip()) if p.strip()]
    # "Updated - 3 March 2021 - 10:20 GMT": the line's own prefix, split off from its date
    lead = PREFIX.match(line)
    stamped = bool(lead and lead.group("kind").lower() in ("updated", "modified"))
    for part in parts:
        found = _date_part(part)
        others_short = all(len(p.split()) <= 6 for p in parts if p is not part)
        if found and others_short:
            when, updated = found
            return DateLine(when=when, text=line.strip(), updated=updated or stamped)
    return None


def _date_part(part: str) -> tuple[datetime, bool] | None:
    prefix = PREFIX.match(part)
    updated = bool(prefix and prefix.group("kind").lower() in ("updated", "modified"))
    rest = part[prefix.end() :] if prefix else part
    rest = ZONE_OFFSET.sub(lambda m: f" {m[1]}{int(m[2]):02d}:{m[3] or '00'}", rest)
    if (lead := TIME_FIRST.match(rest)) and YEAR.search(lead[3]):
        rest = f"{lead[3]} {lead[1]} {lead[2] or ''}".strip()
    if not YEAR.search(rest) and not re.search(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", rest):
        return None
    iso = re.fullmatch(
        r"\s*(\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?)\s*", rest
    )
    if not iso:
        words = re.findall(r"[^\W\d_]+", GLUED_ZONE.sub(" ", rest).lower())
        if not words and not re.search(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", rest):
            return None
        if any(word not in DATE_WORDS for word in words):
            return None
    when = parse_date(rest.strip(" ,;()[]"))
    return (when, updated) if when else None


def best_date_line(lines: list[str]) -> DateLine | None:
    """The first publication date line; an "Updated" stamp only when there is nothing else."""
    return choose_date([d for d in map(date_line, lines) if d])


def choose_date(found: list[DateLine]) -> DateLine | None:
    """The first date line that is not an "Updated" stamp, else the first stamp."""
    first = [d for d in found if not d.updated]
    return next(iter(first or found), None)
