"""Property: cleaning never raises anything but CleanError and only ever keeps text of the page;
publication dates parse to a date or to none, whatever the year."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance.clean import CleanError, clean
from allegiance.clean.dates import date_line, parse_date
from allegiance.clean.spaces import plain_spaces
from allegiance.records import RawInput

LINES = st.one_of(
    st.sampled_from(
        [
            "Listen Live",
            "Share",
            "Asia & Pacific",
            "12 March 2022",
            "Army Retakes Town From Rebels",
            "tags, more tags, even more",
            "The army said rebels attacked a checkpoint on Sunday, killing three soldiers.",
            "\u00a0\u00a0Officials\u00a0said the talks would resume next week in the capital.",
            "",
        ]
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=12))
def test_clean_keeps_only_lines_of_the_page(lines: list[str]) -> None:
    page = "\n".join(lines)
    try:
        doc = clean(RawInput(source="prop.txt", format="text", content=page))
    except CleanError:
        return
    source_lines = {line.strip() for line in plain_spaces(page).split("\n")}
    for kept in doc.text.split("\n"):
        assert kept == "" or kept in source_lines
    assert doc.text == doc.text.strip()
    assert doc.id and len(doc.id) == 64


DATE_LIKE = st.one_of(
    st.text(max_size=40),
    st.builds(
        "{}-{:02d}-{:02d}T00:00:00{}".format,
        st.integers(0, 10**6),
        st.integers(0, 13),
        st.integers(0, 32),
        st.sampled_from(["Z", "+14:00", "-12:00", ""]),
    ),
    st.builds("{} December {}".format, st.integers(0, 40), st.integers(-(10**6), 10**6)),
)


@settings(max_examples=150, deadline=None)
@given(DATE_LIKE)
def test_publication_dates_parse_to_a_date_or_none(text: str) -> None:
    when = parse_date(text)  # never raises, whatever the year
    assert when is None or when.tzinfo is not None
    date_line(text)
