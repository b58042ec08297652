"""Date lines in scrapes and given publication dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from allegiance.clean.dates import best_date_line, date_line, parse_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("11:13 GMT28 February 2021", datetime(2021, 2, 28, 11, 13, tzinfo=UTC)),
        ("12 January, 2020", datetime(2020, 1, 12, tzinfo=UTC)),
        ("Posted Wednesday, September 18, 2024 11:56 pm", datetime(2024, 9, 18, 23, 56, tzinfo=UTC)),
        ("Published: March 3, 2022 08:15 am ET | Reuters", datetime(2022, 3, 3, 13, 15, tzinfo=UTC)),
        ("Updated 7 June 2023, 14:30 EAT", datetime(2023, 6, 7, 14, 30, tzinfo=timezone(timedelta(hours=3)))),
        ("Last Updated: September 18, 2024, 10:20 IST", datetime(2024, 9, 18, 4, 50, tzinfo=UTC)),
        ("2-MIN READ | 12 March 2022", datetime(2022, 3, 12, tzinfo=UTC)),
        ("2021-02-28T11:13:00Z", datetime(2021, 2, 28, 11, 13, tzinfo=UTC)),
        ("Published 28.02.2021", datetime(2021, 2, 28, tzinfo=UTC)),
        ("Dec 30, 2022, 06:15 PM", datetime(2022, 12, 30, 18, 15, tzinfo=UTC)),
        ("08:40 UTC+8, 2021-06-04", datetime(2021, 6, 4, 8, 40, tzinfo=timezone(timedelta(hours=8)))),
        ("Posted 10:05 GMT+5:30, 12 March 2022", datetime(2022, 3, 12, 4, 35, tzinfo=UTC)),
        ("Mon 14th June 2021 | 11:02 AM", datetime(2021, 6, 14, tzinfo=UTC)),
        ("Last Updated On: April 2, 2022", datetime(2022, 4, 2, tzinfo=UTC)),
        ("Published - May 4, 2023 09:46 pm IST - GOMA,", datetime(2023, 5, 4, 16, 16, tzinfo=UTC)),
    ],
)
def test_date_lines(line: str, expected: datetime) -> None:
    found = date_line(line)
    assert found is not None and found.when == expected and found.text == line


@pytest.mark.parametrize(
    "line",
    [
        "On 12 January 2020, rebels attacked the town.",
        "BAKU, September 18. /TASS/. Azerbaijan demands a withdrawal.",
        "alliance, Daesh, Taliban, Afghanistan",
        "The 2021 offensive",
        "Fighting since March",
        "The truce - signed in 2019 - still holds.",
    ],
)
def test_sentences_and_lists_are_not_date_lines(line: str) -> None:
    assert date_line(line) is None


def test_updated_stamp_only_when_nothing_else() -> None:
    lines = ["Updated: 5 May 2023", "Published: 4 May 2023"]
    assert best_date_line(lines).when.day == 4
    assert best_date_line(lines[:1]).updated
    assert date_line("Updated - 5 May 2023 - 10:20 GMT").updated


def test_parse_date_keeps_offsets_and_assumes_utc() -> None:
    assert parse_date("2020-01-12") == datetime(2020, 1, 12, tzinfo=UTC)
    assert parse_date("2023-05-31T14:00:00+03:00").utcoffset() == timedelta(hours=3)
    assert parse_date("2023-05-31T14:00:00+03:00").tzinfo == timezone(timedelta(hours=3))
    assert parse_date("not a date") is None and parse_date("") is None


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00Z", "0001-01-01", "1000-01-01"])
def test_a_placeholder_date_is_no_date(placeholder: str) -> None:
    assert parse_date(placeholder) is None
