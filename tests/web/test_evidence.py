"""The evidence renderer: highlights by offsets, every text segment escaped, overlaps flattened."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from allegiance.web.evidence import Highlight, render


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_marks_each_span_with_its_kind():
    text = "Rebels attacked the town of Arlo on Friday."
    marks = [
        Highlight(0, 6, "actor", "actor: rebels"),
        Highlight(7, 15, "trigger", "trigger: ASSAULT"),
        Highlight(28, 32, "place", "place: Arlo"),
    ]
    out = str(render(text, marks))
    assert '<mark class="hl hl-actor" title="actor: rebels">Rebels</mark>' in out
    assert re.search(r'<mark class="hl hl-trigger" id="evidence" title="[^"]+">attacked</mark>', out)
    assert '<mark class="hl hl-place" title="place: Arlo">Arlo</mark>' in out
    assert visible_text(out) == text


def test_overlapping_spans_become_flat_segments_with_both_kinds():
    text = "Arlo police fired."
    out = str(render(text, [Highlight(0, 11, "actor", "a"), Highlight(0, 4, "place", "p")]))
    assert '<mark class="hl hl-actor hl-place" title="a; p">Arlo</mark>' in out
    assert '<mark class="hl hl-actor" title="a"> police</mark>' in out
    assert "<mark" not in out.split("</mark>")[-1]  # no nesting, nothing left open


def test_markup_in_the_text_and_labels_is_escaped():
    text = 'Say <script>alert("x")</script> & go'
    out = str(render(text, [Highlight(4, 12, "quote", '"><b>label')]))
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out and "&amp; go" in out
    assert visible_text(out) == text


def test_offsets_outside_the_text_are_clipped_and_empty_spans_ignored():
    text = "Short."
    out = str(
        render(
            text,
            [Highlight(3, 99, "time", "t"), Highlight(4, 4, "cue", "c"), Highlight(50, 60, "place", "p")],
        )
    )
    assert out == 'Sho<mark class="hl hl-time" title="t">rt.</mark>'


@given(
    st.text(max_size=60),
    st.lists(
        st.tuples(
            st.integers(-5, 70),
            st.integers(-5, 70),
            st.sampled_from(["trigger", "actor", "place", "sentence"]),
        ),
        max_size=6,
    ),
)
def test_rendering_never_loses_or_injects_text(text, spans):
    out = str(render(text, [Highlight(a, b, kind, kind) for a, b, kind in spans]))
    assert visible_text(out) == text
    assert "<" not in re.sub(r"</?mark[^>]*>", "", out)
