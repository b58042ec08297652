"""The seed page (../shared/seed): the facts that general rules must get right on a real scrape."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from allegiance.clean import clean
from allegiance.records import RawInput

SEED = "seed/sputnik-2021-02-28-taliban-daesh.txt"


def is_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", '"', "\u201d", "?", "!"))


@pytest.fixture(scope="module")
def seed(shared_dir):
    text = (shared_dir / SEED).read_text(encoding="utf-8")
    return text, clean(RawInput(source=SEED, format="text", content=text))


def test_seed_metadata(seed) -> None:
    _, doc = seed
    assert doc.published == datetime(2021, 2, 28, 11, 13, tzinfo=UTC)
    assert doc.section == "Asia & Pacific"
    assert doc.tags == ["alliance", "Daesh", "Taliban", "Afghanistan"]


def test_seed_body_is_the_article_paragraphs_only(seed) -> None:
    raw, doc = seed
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("In an interview with Sputnik")
    assert paragraphs[-1].endswith("broke out.")
    # every prose paragraph of the page is kept, verbatim apart from odd spaces and indentation
    page_paragraphs = [line.strip().replace("\u00a0", " ") for line in raw.splitlines() if is_sentence(line)]
    assert page_paragraphs == paragraphs
    assert "\u00a0" not in doc.text


def test_seed_chrome_and_related_headlines_are_gone(seed) -> None:
    raw, doc = seed
    short_lines = [line.strip() for line in raw.splitlines() if line.strip() and not is_sentence(line)]
    assert short_lines  # the page has chrome, a dateline, headlines and tags around the body
    for line in short_lines:
        assert line.replace("\u00a0", " ") not in doc.text
        assert line in doc.removed


def test_seed_clean_text_is_stable_under_recleaning(seed) -> None:
    _, doc = seed
    again = clean(RawInput(source="again", format="text", content=doc.text))
    assert again.text == doc.text and again.id != doc.id
