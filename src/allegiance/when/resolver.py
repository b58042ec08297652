"""Resolve one time expression against the publication date: text → (start, end, granularity).

Hand-written rules cover what news uses relative to its own date — weekdays ("on Tuesday",
"Monday night" = the most recent such day on or before publication), "yesterday", "last week",
"last April", "several months ago", "for more than a year", "since 2019", "earlier this month",
"mid-November", "in 2015" — because dateparser resolves a bare weekday or month to a single day
with no notion of intervals, granularity or vagueness. Full dates ("March 12, 2021", "Nov. 2",
"12 March") go to dateparser with RELATIVE_BASE = publication and PREFER_DATES_FROM = past.
Anything vague ("recently", "for years") or unparseable resolves to None, never to a guess, and so
does a date outside the calendar `datetime.date` can hold (years 1–9999): "99999 days ago", or
"yesterday" in a page whose CMS printed the placeholder 0001-01-01 as its date. `resolve_text` is
total: no year, offset or text makes it raise.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser

from .lexicon import load

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
UNITS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}
UPCOMING_DAYS = 31
SEASONS = {
    "spring": (3, "SP"),
    "summer": (6, "SU"),
    "fall": (9, "FA"),
    "autumn": (9, "FA"),
    "winter": (12, "WI"),
}
SEASON = re.compile(
    r"\b(?:(?P<which>last|this|next|past)\s+)?(?P<season>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(?P<year>\d{4}))?"
)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
DECADE = re.compile(r"\b(1[89]\d|20\d)0s\b")
# the number words the date patterns accept; their values are `numbers` of data/common/words.yaml
# (a wider alternation would read new phrases such as "thirteen days ago": a behaviour change)
AMOUNT = r"(?P<amount>\d+|a few|few|several|some|a couple of|couple of|dozens of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
AGO = re.compile(
    rf"(?:more than |over |about |nearly |almost |some |around )?{AMOUNT}? ?(?P<unit>day|week|month|year|decade)s? (?:ago|earlier|before)"
)
DURATION = re.compile(
    rf"^(?:for|over|in) (?:the (?:past|last) )?(?:more than |over |about |nearly |almost |around )?{AMOUNT}? ?(?P<unit>day|week|month|year|decade)s?$"
)
PAST_DURATION = re.compile(
    rf"^(?:the |in the |over the |during the )(?:past|last) {AMOUNT} (?P<unit>day|week|month|year|decade)s?$"
)
# A span with no anchor ("48 days", "three weeks" in "the first respite in 48 days of conflict")
# tells how long, not when; dateparser would read it as that long ago.
BARE_SPAN = re.compile(
    rf"^(?:more than |over |about |nearly |almost |around |at least )?{AMOUNT} (?:day|week|month|year|decade)s?(?: long| old| later| after| afterwards| on)?$"
)
RELATIVE_PERIOD = re.compile(
    r"\b(?P<which>last|this|next|previous|past|earlier this|later this|coming)\s+(?P<unit>week|month|year|weekend)\b"
)
# "the third quarter", "fiscal first quarter", "the latest quarter", "the fourth quarter of 1990"
QUARTER = re.compile(
    r"^(?P<which>(?:(?:fiscal|latest|last|most recent|previous|current|this|next|coming)\s+)*)"
    r"(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)\s+)?(?:fiscal\s+)?quarter"
    r"(?:\s+of\s+(?P<year>\d{4}))?$"
)
YEAR_AGO = re.compile(r"^year (?:ago|earlier)(?: (?P<rest>.+))?$")
QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
PART = re.compile(r"\b(?P<part>early|mid|middle|late|end|beginning|start)\b")
PREFIXES = re.compile(r"^(?:on|in|at|during|by|from|as of|the|of)\s+")
DAY_PART = re.compile(r"^(?:later|earlier|late|early)\s+")
DAY_WORD = re.compile(r"\b(?:yesterday|today|tonight|tomorrow|last night|overnight)\b")


@dataclass(frozen=True)
class Resolved:
    start: date
    end: date
    granularity: str

    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


def _day(d: date) -> Resolved:
    return Resolved(d, d, "day")


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _part_of(start: date, end: date, part: str | None, granularity: str) -> Resolved:
    """Narrow [start, end] to its early/mid/late part ("mid-April", "early 2020"); the
    granularity stays that of the period named (a month, a year)."""
    if part is None:
        return Resolved(start, end, granularity)
    lo, hi = load().parts[part]
    days = (end - start).days
    return Resolved(
        start + timedelta(days=round(days * lo)), start + timedelta(days=round(days * hi)), granularity
    )


def _amount(word: str | None) -> tuple[int, int]:
    if not word:
        return load().amounts["several"]
    words = load()
    if word.isdigit():
        return int(word), int(word)
    if word in words.amounts:
        return words.amounts[word]
    n = words.numbers.get(word, 1)
    return n, n


def _shift(ref: date, days: int) -> date:
    return ref - timedelta(days=days)


def _weekday(text: str, ref: date, future: bool) -> Resolved | None:
    for name, index in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", text):
            if "next" in text or future:
                delta = (index - ref.weekday()) % 7
                return _day(ref + timedelta(days=delta))
            delta = (ref.weekday() - index) % 7
            if "last" in text.split() and delta == 0:
                delta = 7
            return _day(ref - timedelta(days=delta))
    return None


def _relative_period(match: re.Match[str], ref: date) -> Resolved:
    which, unit = match["which"], match["unit"]
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit in {"week", "weekend"}:
        monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7 * step)
        start, end = (
            (monday + timedelta(days=5), monday + timedelta(days=6))
            if unit == "weekend"
            else (monday, monday + timedelta(days=6))
        )
        granularity = "week"
    elif unit == "month":
        year, month = divmod(ref.year * 12 + ref.month - 1 + step, 12)
        start, end = _month_bounds(year, month + 1)
        granularity = "month"
    else:
        start, end = date(ref.year + step, 1, 1), date(ref.year + step, 12, 31)
        granularity = "year"
    if which == "earlier this":
        return Resolved(start, ref, "interval")
    if which == "later this":
        return Resolved(ref, end, "interval")
    return Resolved(start, end, granularity)


def _quarter(match: re.Match[str], ref: date, future: bool) -> Resolved:
    """A calendar quarter: a numbered one is the latest that has begun by publication (the next
    for a prediction) unless a year is written; "the quarter"/"the latest quarter" is the last
    completed one, "this/current quarter" the running one, "next quarter" the coming one."""
    current = (ref.month - 1) // 3 + 1
    which = match["which"] or ""
    if match["ordinal"]:
        number = QUARTER_ORDINALS[match["ordinal"]]
        year = int(match["year"]) if match["year"] else ref.year
        if not match["year"] and number > current and not future:
            year -= 1
        if not match["year"] and number < current and future:
            year += 1
    else:
        step = (
            0
            if re.search(r"\b(?:this|current)\b", which)
            else 1
            if re.search(r"\b(?:next|coming)\b", which)
            else -1
        )
        index = ref.year * 4 + current - 1 + step
        year, number = index // 4, index % 4 + 1
    start = date(year, 3 * number - 2, 1)
    end = _month_bounds(year, 3 * number)[1]
    return Resolved(start, end, "quarter")


def _season(match: re.Match[str], ref: date) -> Resolved:
    """ "last fall", "this summer", "winter 2019": three months, the current one if unsaid."""
    first_month = SEASONS[match["season"]][0]
    if match["year"]:
        year = int(match["year"])
    else:
        # the latest season of that name that has begun by publication, or the one before it for "last"
        year = ref.year if (ref.month, ref.day) >= (first_month, 1) else ref.year - 1
        if match["which"] in {"last", "past"}:
            year -= 1 if (ref.month - first_month) % 12 < 3 else 0
        elif match["which"] == "next":
            year += 1
    start = date(year, first_month, 1)
    end_year, end_month = divmod(year * 12 + first_month - 1 + 2, 12)
    return Resolved(start, _month_bounds(end_year, end_month + 1)[1], "season")


def _month_name(text: str, ref: date, future: bool) -> Resolved | None:
    """ "last April", "in April", "mid-November", "April 2019", "April last year"."""
    found = [
        (m.start(), MONTHS[m.group(0)]) for m in re.finditer(r"\b[a-z]+\b", text) if m.group(0) in MONTHS
    ]
    if len(found) != 1 or re.search(r"\d", YEAR.sub("", text)):
        return None  # a day number is dateparser's job
    month = found[0][1]
    year_match = YEAR.search(text)
    if year_match:
        year = int(year_match.group(0))
    elif "last year" in text:
        year = ref.year - 1
    elif "next year" in text or future:
        year = ref.year if month >= ref.month else ref.year + 1
    elif re.search(rf"\blast\s+{re.escape(text[found[0][0] :].split()[0])}", text):
        year = ref.year if month < ref.month else ref.year - 1
    else:  # the nearest such month, the next one included ("April" in a March article)
        year = ref.year if month <= ref.month + 1 else ref.year - 1
    part = PART.search(text)
    start, end = _month_bounds(year, month)
    return _part_of(start, end, part["part"] if part else None, "month")


def _absolute(text: str, ref: datetime) -> Resolved | None:
    if not re.search(r"\d", text):
        return None
    settings = {"RELATIVE_BASE": ref, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; treat as unparseable
        return None
    if parsed is None:
        return None
    day = parsed.date()
    if not YEAR.search(text):
        # past preferred, but a date within the coming month is this year's ("Jan. 14" on Jan. 8)
        try:
            ahead = day.replace(year=day.year + 1)
        except ValueError:  # 29 February
            ahead = day
        if 0 < (ahead - ref.date()).days <= UPCOMING_DAYS:
            day = ahead
    return _day(day)


def resolve_text(text: str, published: datetime | None, future: bool = False) -> Resolved | None:
    """Resolve one expression as written ("on Tuesday", "since 2019"); None when vague/unknown."""
    words = load()
    raw = re.sub(r"[\s\u00a0]+", " ", text.lower()).strip(" .,;:()")
    raw = raw.replace("’", "'").replace("-", " ")
    if not raw or len(raw) > 80 or any(p.match(raw) for p in words.vague):
        return None
    since = raw.startswith(("since ", "from ")) and " to " not in raw and " until " not in raw
    body = re.sub(r"^(?:since|from|until|till|before|after|by)\s+", "", raw) if since else raw
    while PREFIXES.match(body):
        body = PREFIXES.sub("", body, count=1)
    if any(p.match(body) for p in words.vague):
        return None
    try:
        resolved = _resolve_body(body, raw, published, future)
    except (OverflowError, ValueError):  # the date lies outside years 1–9999: no date, not a crash
        return None
    if resolved is None:
        return None
    if since and published is not None:
        return Resolved(resolved.start, max(published.date(), resolved.start), "interval")
    return resolved


def _resolve_body(body: str, raw: str, published: datetime | None, future: bool) -> Resolved | None:
    # Absolute years and decades need no publication date.
    if published is None:
        year = YEAR.fullmatch(body)
        return Resolved(date(int(body), 1, 1), date(int(body), 12, 31), "year") if year else None
    ref = published.date()
    # "later yesterday", "early today", "late last night": the part of the day keeps the day
    body = DAY_PART.sub("", body) if DAY_PART.match(body) and DAY_WORD.search(body) else body
    if body in {"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"}:
        return _day(ref)
    if body in {
        "yesterday",
        "last night",
        "yesterday morning",
        "yesterday afternoon",
        "yesterday evening",
        "overnight",
    }:
        return _day(_shift(ref, 1))
    if body in {"tomorrow", "tomorrow morning"}:
        return _day(ref + timedelta(days=1))
    if body.startswith("the day before yesterday"):
        return _day(_shift(ref, 2))
    year_ago = YEAR_AGO.match(body)  # "the year-ago quarter", "year-earlier": a year back
    if year_ago:
        rest = QUARTER.match(year_ago["rest"] or "")
        if rest:
            then = _quarter(rest, ref, future)
            return Resolved(
                then.start.replace(year=then.start.year - 1),
                then.end.replace(year=then.end.year - 1),
                "quarter",
            )
        if not year_ago["rest"] or year_ago["rest"] in {"period", "level", "levels", "figure", "figures"}:
            return Resolved(date(ref.year - 1, 1, 1), date(ref.year - 1, 12, 31), "year")
    duration = DURATION.match(raw) or PAST_DURATION.match(raw)
    if duration:
        low, high = _amount(duration["amount"])
        return Resolved(_shift(ref, high * UNITS[duration["unit"]]), ref, "interval")
    ago = AGO.search(body)
    if ago:
        low, high = _amount(ago["amount"])
        unit = UNITS[ago["unit"]]
        if low == high and ago["unit"] == "day":
            return _day(_shift(ref, low))
        if low == high and ago["unit"] == "year":  # "41 years ago": that calendar year
            return Resolved(date(ref.year - low, 1, 1), date(ref.year - low, 12, 31), "year")
        if low == high and ago["unit"] == "month":
            months_back = divmod(ref.year * 12 + ref.month - 1 - low, 12)
            return Resolved(*_month_bounds(months_back[0], months_back[1] + 1), "month")
        slack = unit // 2 if low == high else 0
        return Resolved(_shift(ref, high * unit + slack), _shift(ref, low * unit - slack), "interval")
    if BARE_SPAN.match(body):
        return None
    if re.search(r"\d", body) and MONTHS.keys() & set(re.findall(r"[a-z]+", body)):
        exact = _absolute(re.sub(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", "", body), published)
        if exact:
            return exact  # "Friday (December 30)": the written date wins over the weekday
    weekday = _weekday(body, ref, future)
    if weekday:
        return weekday
    quarter = QUARTER.match(body)
    if quarter:
        return _quarter(quarter, ref, future)
    period = RELATIVE_PERIOD.search(body)
    if period and not MONTHS.keys() & set(body.split()):
        return _relative_period(period, ref)
    season = SEASON.search(body)
    if season:
        return _season(season, ref)
    decade = DECADE.search(body)
    if decade:
        first = int(decade.group(1)) * 10
        return Resolved(date(first, 1, 1), date(first + 9, 12, 31), "decade")
    named_month = _month_name(body, ref, future)
    if named_month:
        return named_month
    years = YEAR.findall(body)
    if years and not re.search(r"\d", YEAR.sub("", body)):
        first, last = int(years[0]), int(years[-1])
        if len(years) == 1:
            part = PART.search(body)
            return _part_of(date(first, 1, 1), date(first, 12, 31), part["part"] if part else None, "year")
        return Resolved(date(min(first, last), 1, 1), date(max(first, last), 12, 31), "interval")
    return _absolute(body, published)
