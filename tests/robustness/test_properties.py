"""Property-based tests (Hypothesis) across stages, complementing tests/clean/test_properties.py and
tests/when/: cleaning is idempotent and raises only `CleanError` on any text or markup; the quote
finder and the whole pipeline put every offset inside the text, on the characters they quote."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance import actors as actor_stage
from allegiance.clean import CleanError, clean
from allegiance.quotes import find_quotes
from allegiance.records import Document, RawInput

ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
WORDS = st.sampled_from(
    [
        "The army",
        "said",
        "rebels",
        "attacked",
        "a convoy",
        "on Monday",
        "“We will not stop,”",
        '"the talks failed"',
        "according to officials",
        "near Varnel",
        "killing three",
        "he added",
        ".",
        ",",
        "\n\n",
        "«",
        "»",
        "'",
        "—",
        "last week",
        "in 2019",
        "Spokesman Ali Haddad",
        ":",
    ]
)
NEWSY = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=40).map(" ".join)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.one_of(ANY_TEXT, NEWSY))
def test_cleaning_text_is_idempotent(text: str) -> None:
    try:
        once = clean(RawInput(source="p.txt", format="text", content=text))
    except CleanError:
        return
    twice = clean(RawInput(source="p.txt", format="text", content=once.text))
    assert twice.text == once.text


@PROPERTY
@given(
    st.lists(
        st.one_of(st.sampled_from(["<p>", "</p>", "<div>", "<br>", "<script>", "<!--", "&amp;", "<"]), NEWSY)
    )
)
def test_cleaning_any_markup_raises_only_clean_error(parts: list[str]) -> None:
    try:
        doc = clean(RawInput(source="p.html", format="html", content="".join(parts)))
    except CleanError:
        return
    assert doc.text.strip()


def spans_of(document: Document) -> list[tuple[int, int, str | None]]:
    """Every (start, end, the text the record says is there) of a document."""
    out: list[tuple[int, int, str | None]] = []
    for actor in document.actors:
        out += [(m.start, m.end, m.text) for m in actor.mentions]
    for ev in document.events:
        out += [
            (ev.trigger.start, ev.trigger.end, ev.trigger.text),
            (ev.sentence.start, ev.sentence.end, None),
        ]
        out += [(p.start, p.end, p.text) for p in ev.actor + ev.recipient]
        if ev.cue:
            out.append((ev.cue.start, ev.cue.end, ev.cue.text))
        if ev.date and ev.date.span:
            out.append((ev.date.span.start, ev.date.span.end, None))
        if ev.location and ev.location.start is not None and ev.location.end is not None:
            out.append((ev.location.start, ev.location.end, None))
    for q in document.quotes:
        out.append((q.start, q.end, None))
        if q.speakerStart is not None and q.speakerEnd is not None:
            out.append((q.speakerStart, q.speakerEnd, q.speakerText))
    return out


@PROPERTY
@given(NEWSY)
def test_quote_offsets_lie_inside_the_text(pipeline, text: str) -> None:
    doc = pipeline.nlp(text)
    found = actor_stage.resolve(doc, pipeline.kb)
    for quote in find_quotes(doc, found):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert quote.text.strip() and quote.text.strip() in text[quote.start : quote.end + 1]
        if quote.speakerStart is not None:
            assert 0 <= quote.speakerStart <= quote.speakerEnd <= len(text)  # type: ignore[operator]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_every_offset_of_the_pipeline_lies_inside_the_text(pipeline, text: str) -> None:
    try:
        document = pipeline.process(
            RawInput(source="p.txt", format="text", content=text, published="2023-04-02")
        )
    except CleanError:
        return
    for start, end, quoted in spans_of(document):
        assert 0 <= start <= end <= len(document.text)
        if quoted is not None:
            assert document.text[start:end] == quoted
