from datetime import date, datetime

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


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2090, 12, 31)))
def test_resolver_never_raises_and_orders_its_bounds(text, published):
    resolved = resolve_text(text, published)
    if resolved is not None:
        assert resolved.start <= resolved.end


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
