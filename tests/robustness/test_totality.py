"""Issue 14, as properties (Hypothesis): every stage is total. On generated and mutated inputs —
pathological quote counts, sentence counts, year values and publication dates; WARC and JSON Lines
bytes cut short or flipped — reading never raises and accounts for every file, and the whole
pipeline returns a document whose offsets lie in its text (which the store saves) or raises one of
our own errors, which the batch records as a failure with its reason."""

from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance.engine import process_checked
from allegiance.errors import AllegianceError
from allegiance.ingest import read_inputs
from allegiance.records import RawInput
from allegiance.store import open_store
from robustness.corpus import html_page, news_text, warc_bytes
from robustness.test_properties import NEWSY, spans_of

QUOTE_MARKS = ['"', "“", "”", "«", "»", "'", "‘", "’", "„", "‹", "›", "「", "」"]
QUOTE_RUNS = st.builds(str.__mul__, st.sampled_from(QUOTE_MARKS), st.integers(0, 300))
SENTENCE_RUNS = st.builds(
    str.__mul__,
    st.sampled_from(["A. ", "Troops left. ", "?! ", "\n\n", "Mr. Haddad said. ", '"No," he said. ']),
    st.integers(0, 200),
)
YEARS = st.one_of(st.integers(-(10**6), 10**6), st.sampled_from([0, 1, 1899, 9999, 10000, 99999]))
YEAR_PHRASES = YEARS.flatmap(
    lambda y: st.sampled_from(
        [f"in {y}", f"{y} years ago", f"on 31 December {y}", f"{y} days ago", f"since {y}", f"the {y}s"]
    )
)
PUBLISHED = st.one_of(
    st.sampled_from(["0001-01-01T00:00:00Z", "9999-12-31T23:59:59-12:00", "99999-01-01", "0000-00-00"]),
    st.datetimes().map(lambda d: d.isoformat()),
    st.none(),
)
RELATIVE = st.sampled_from(["yesterday", "tomorrow", "on Tuesday", "last month", "next year", "last winter"])
# an event with a time expression first, so that dates are resolved against odd publication dates
LEADS = st.builds("Rebels attacked a convoy {}, the army said.".format, st.one_of(RELATIVE, YEAR_PHRASES))
TEXTS = st.builds(
    "{} {}".format,
    LEADS,
    st.lists(st.one_of(NEWSY, QUOTE_RUNS, SENTENCE_RUNS, YEAR_PHRASES), max_size=8).map(" ".join),
)
TOTAL = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def store():
    with open_store(":memory:") as memory:
        yield memory


@TOTAL
@given(TEXTS, PUBLISHED, st.booleans())
def test_the_whole_pipeline_is_total(
    pipeline, store, text: str, published: str | None, as_html: bool
) -> None:
    raw = RawInput(
        source="p.html" if as_html else "p.txt",
        format="html" if as_html else "text",
        content=html_page(text) if as_html else text,
        published=published,
    )
    try:
        document = process_checked(pipeline, raw)
    except AllegianceError:
        return  # a failure with its stage and reason: what the batch records
    for start, end, quoted in spans_of(document):
        assert 0 <= start <= end <= len(document.text)
        if quoted is not None:
            assert document.text[start:end] == quoted
    for event in document.events:
        if event.date is not None:
            assert event.date.start <= (event.date.end or event.date.start)
    store.save(document)


def _sample_files() -> dict[str, bytes]:
    crawl = warc_bytes([(f"https://x.example/{i}", html_page(news_text(i)).encode(), {}) for i in range(3)])
    rows = [json.dumps({"text": news_text(i), "published": "2023-04-02"}) for i in range(3)]
    return {
        ".warc.gz": crawl,
        ".warc": gzip.decompress(crawl),
        ".jsonl": "\n".join(rows).encode(),
        ".html": html_page(news_text(5)).encode(),
        ".txt": news_text(6).encode(),
        ".json": b'{"text": "not read"}',
    }


SAMPLES = _sample_files()


@st.composite
def damaged_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A sample file of some type, cut short and with a few bytes overwritten, or random bytes."""
    suffix = draw(st.sampled_from(sorted(SAMPLES)))
    if draw(st.booleans()):
        return suffix, draw(st.binary(max_size=300))
    data = bytearray(SAMPLES[suffix][: draw(st.integers(0, len(SAMPLES[suffix])))])
    for _ in range(draw(st.integers(0, 3))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return suffix, bytes(data)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(damaged_files(), min_size=1, max_size=5))
def test_reading_damaged_files_is_total_and_accounts_for_each(tmp_path_factory, files) -> None:
    folder = tmp_path_factory.mktemp("damaged")
    names = []
    for number, (suffix, data) in enumerate(files):
        path = folder / f"f{number}{suffix}"
        path.write_bytes(data)
        names.append(str(path))
    units = list(read_inputs([folder]))  # never raises
    sources = [unit.source.split("#")[0] for unit in units]
    assert set(sources) == set(names)  # every file ends in at least one unit, nothing else appears
