from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allegiance.when import resolve_text

WEDNESDAY_JUNE_1 = datetime(2022, 6, 1)
MONDAY_JAN_2 = datetime(2023, 1, 2)


def day(text, published, **kw):
    resolved = resolve_text(text, published, **kw)
    assert resolved is not None and resolved.start == resolved.end, text
    return resolved.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Friday", date(2022, 5, 27)),  # back across the month boundary
        ("Tuesday night", date(2022, 5, 31)),
        ("on Wednesday", date(2022, 6, 1)),  # the publication day itself
        ("yesterday", date(2022, 5, 31)),
        ("two days ago", date(2022, 5, 30)),
        # the part of the day keeps the day
        ("later yesterday", date(2022, 5, 31)),
        ("early today", date(2022, 6, 1)),
        ("late last night", date(2022, 5, 31)),
    ],
)
def test_relative_days_count_back_from_publication(text, expected):
    assert day(text, WEDNESDAY_JUNE_1) == expected


def test_weekday_across_the_year_boundary():
    assert day("last Friday", MONDAY_JAN_2) == date(2022, 12, 30)
    assert day("on Saturday", MONDAY_JAN_2) == date(2022, 12, 31)


def test_predicted_weekday_looks_forward():
    assert day("on Saturday", WEDNESDAY_JUNE_1, future=True) == date(2022, 6, 4)


def test_month_names_take_the_right_year():
    last = resolve_text("last December", MONDAY_JAN_2)
    assert (last.start, last.end, last.granularity) == (date(2022, 12, 1), date(2022, 12, 31), "month")
    assert resolve_text("in October", WEDNESDAY_JUNE_1).start == date(2021, 10, 1)
    assert resolve_text("mid-May", WEDNESDAY_JUNE_1).start.month == 5


def test_full_dates_and_years():
    assert day("March 3, 2019", WEDNESDAY_JUNE_1) == date(2019, 3, 3)
    assert day("on 14 May", WEDNESDAY_JUNE_1) == date(2022, 5, 14)
    year = resolve_text("in 2009", WEDNESDAY_JUNE_1)
    assert (year.start, year.end, year.granularity) == (date(2009, 1, 1), date(2009, 12, 31), "year")


def test_intervals_end_at_or_before_publication():
    span = resolve_text("for more than two years", WEDNESDAY_JUNE_1)
    assert span.granularity == "interval" and span.end == date(2022, 6, 1) and span.start.year == 2020
    since = resolve_text("since 2017", WEDNESDAY_JUNE_1)
    assert (since.start, since.end) == (date(2017, 1, 1), date(2022, 6, 1))
    ago = resolve_text("a few weeks ago", WEDNESDAY_JUNE_1)
    assert ago.start < ago.end < date(2022, 6, 1)
    earlier = resolve_text("earlier this month", WEDNESDAY_JUNE_1)
    assert (earlier.start, earlier.end) == (date(2022, 6, 1), date(2022, 6, 1))
    last_week = resolve_text("last week", WEDNESDAY_JUNE_1)
    assert (last_week.start, last_week.end) == (date(2022, 5, 23), date(2022, 5, 29))


@pytest.mark.parametrize(
    "text", ["recently", "for years", "in recent weeks", "for decades", "the past", "soon"]
)
def test_vague_expressions_resolve_to_nothing(text):
    assert resolve_text(text, WEDNESDAY_JUNE_1) is None


def test_relative_expression_without_publication_date_is_unknown():
    assert resolve_text("on Tuesday", None) is None
    assert resolve_text("2014", None).start == date(2014, 1, 1)


# Expressions whose arithmetic can leave the calendar: huge amounts, steps past year 1 or 9999.
EXPRESSIONS = st.builds(
    "{} {} {}".format,
    st.sampled_from(["", "for", "over the past", "since", "about", "next", "last", "early"]),
    st.one_of(st.integers(0, 10**12).map(str), st.sampled_from(["a", "several", "99999", "year 99999"])),
    st.sampled_from(["days ago", "years ago", "months ago", "decades", "weeks earlier", "years", ""]),
)
RELATIVE = st.sampled_from(
    ["yesterday", "tomorrow", "last week", "next week", "last month", "next month", "last year",
     "next year", "next quarter", "the second quarter", "winter", "next winter", "last spring",
     "year-ago", "December", "on Tuesday", "next Tuesday", "Jan. 14", "the year-earlier quarter"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=60), EXPRESSIONS, RELATIVE), st.datetimes(), st.booleans())
def test_resolver_never_raises_and_orders_its_bounds(text, published, future):
    resolved = resolve_text(text, published, future=future)
    if resolved is not None:
        assert resolved.start <= resolved.end


@pytest.mark.parametrize("published", [datetime.min, datetime.max, datetime(1, 1, 1, tzinfo=UTC)])
@pytest.mark.parametrize("text", ["yesterday", "tomorrow", "next month", "last year", "99999 days ago"])
def test_dates_outside_the_calendar_are_unknown_not_errors(text, published):
    # a CMS placeholder date (0001-01-01) or year 9999: what would fall outside years 1-9999 is None
    resolved = resolve_text(text, published)
    assert resolved is None or resolved.start <= resolved.end
    assert resolve_text("yesterday", datetime.min) is None


def test_quarters_resolve_to_their_three_months():
    november = datetime(2015, 11, 12)
    assert resolve_text("the second quarter", november).iso() == ("2015-04-01", "2015-06-30")
    assert resolve_text("the latest quarter", november).iso() == ("2015-07-01", "2015-09-30")
    assert resolve_text("this quarter", november).iso() == ("2015-10-01", "2015-12-31")
    assert resolve_text("the first quarter of 2012", november).iso() == ("2012-01-01", "2012-03-31")
    assert resolve_text("the second quarter", datetime(2015, 2, 3)).start.year == 2014


def test_year_ago_forms_step_back_one_year():
    november = datetime(2015, 11, 12)
    assert resolve_text("the year-earlier second quarter", november).iso() == ("2014-04-01", "2014-06-30")
    assert resolve_text("year-ago", november).iso() == ("2014-01-01", "2014-12-31")


@pytest.mark.parametrize("text", ["30 days", "three weeks", "more than 12 years", "a year", "two days later"])
def test_a_length_of_time_without_an_anchor_is_no_date(text):
    # "the first respite in 30 days of fighting": how long, not when (dateparser would read "30 days
    # ago"); "two days later" counts from another event, which the publication date is not
    assert resolve_text(text, WEDNESDAY_JUNE_1) is None


def test_anchored_lengths_of_time_still_resolve():
    assert day("30 days ago", WEDNESDAY_JUNE_1) == date(2022, 5, 2)
    span = resolve_text("for three weeks", WEDNESDAY_JUNE_1)
    assert (span.start, span.end) == (date(2022, 5, 11), date(2022, 6, 1))
