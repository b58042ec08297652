"""Property: cleaning never raises anything but CleanError and only ever keeps text of the page."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance.clean import CleanError, clean
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
