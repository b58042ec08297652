"""RawInput → CleanDoc: the article body as clean text, with the page's metadata lifted out.

HTML goes through trafilatura (html.py); plain-text scrapes through line-by-line chrome removal
(scrape.py). Both then share the same rules: odd spaces become plain spaces (same length), lines
lose their indentation, paragraphs are separated by blank lines, and the publication date is taken
from, in order, the input's own metadata, the page, and the caller's fallback.
"""

from __future__ import annotations

from datetime import datetime

import trafilatura

from ..errors import CleanError
from ..ingest import document_id
from ..records import CleanDoc, RawInput
from .dates import DateLine, choose_date, parse_date
from .html import read_html
from .scrape import clean_lines
from .spaces import plain_spaces

__all__ = ["clean", "CleanError"]


def clean(raw: RawInput) -> CleanDoc:
    """Clean one input; raises `CleanError` (with the reason) when no body text remains."""
    return _clean_html(raw) if raw.format == "html" else _clean_text(raw)


def _clean_text(raw: RawInput) -> CleanDoc:
    scrape = clean_lines(plain_spaces(raw.content))
    text = scrape.text
    if not text.strip():
        raise CleanError(f"no body text left after removing {len(scrape.removed)} chrome line(s)")
    published, published_text = _published(raw, None, choose_date(scrape.dates))
    return CleanDoc(
        id=document_id(raw.content),
        source=raw.source,
        url=raw.url,
        title=raw.title or scrape.headline or first_line(text),
        published=published,
        published_text=published_text,
        section=scrape.section,
        tags=scrape.tags,
        language="en",
        text=text,
        removed=scrape.removed,
    )


def _clean_html(raw: RawInput) -> CleanDoc:
    page = read_html(raw.content, raw.url)
    if page.text.strip():
        scrape = clean_lines(plain_spaces(page.text), body_only=True)
    else:  # no article block found (tiny or unusual page): read all its text as a scrape
        scrape = clean_lines(plain_spaces(trafilatura.html2txt(raw.content) or ""))
    text = scrape.text
    if not text.strip():
        raise CleanError("no article body found in the HTML page")
    page_date = (page.published, page.published_text) if page.published else None
    published, published_text = _published(raw, page_date, choose_date(scrape.dates))
    return CleanDoc(
        id=document_id(raw.content),
        source=raw.source,
        # the URL the input came with is the document's; the page's own link is kept beside it
        url=raw.url or page.canonical_url or page.url,
        canonical_url=page.canonical_url,
        title=raw.title or (plain_spaces(page.title).strip() if page.title else None) or first_line(text),
        published=published,
        published_text=published_text,
        section=page.section,
        tags=scrape.tags or page.tags,
        language=page.language,
        text=text,
        removed=scrape.removed,
    )


TITLE_MAX_CHARS = 120


def first_line(text: str) -> str | None:
    """A title for a page that has none: its first line of text, cut at a word (never the file
    path, which says nothing to a reader)."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) > TITLE_MAX_CHARS:
        line = line[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return line or None


def _published(
    raw: RawInput, page_meta: tuple[datetime, str | None] | None, in_page: DateLine | None
) -> tuple[datetime | None, str | None]:
    """Input metadata > the page's metadata > a date line in the page > the caller's fallback."""
    if raw.published and (when := parse_date(raw.published)):
        return when, raw.published
    if page_meta:
        return page_meta
    if in_page:
        return in_page.when, in_page.text
    if raw.published_fallback and (when := parse_date(raw.published_fallback)):
        return when, raw.published_fallback
    return None, None
