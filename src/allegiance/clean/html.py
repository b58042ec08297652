"""HTML pages: body and metadata with trafilatura, choosing between two of its settings per page.

On the article-extraction benchmark (see evaluation/extraction.py) bare ``trafilatura.extract``
keeps comment sections and some teaser blocks. Leaving comments out and favouring precision is
better on most pages, but on a few it cuts the article short; so we run both and keep the precise
text unless it lost more than half of the recall-leaning one. The chosen text then goes through
the same whole-line chrome patterns as plain-text scrapes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import lxml.html
import trafilatura
from lxml.etree import ParserError

from .dates import parse_date

# keep the precise extraction unless it is shorter than this share of the fuller one
MIN_PRECISE_SHARE = 0.5
# <meta> names and properties that carry the first-publication datetime, most specific first
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
SECTION_META = ("article:section", "og:article:section", "section", "parsely-section")


@dataclass
class HtmlPage:
    text: str
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None  # the page's own <link rel="canonical"> / og:url, if it has one
    published: datetime | None = None
    published_text: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None


def extract_body(html: str, url: str | None = None) -> str:
    """The article body: trafilatura without comments, precise unless that loses the article."""
    precise = trafilatura.extract(html, url=url, include_comments=False, favor_precision=True) or ""
    fuller = trafilatura.extract(html, url=url, include_comments=False) or ""
    return precise if len(precise) >= MIN_PRECISE_SHARE * len(fuller) else fuller


def read_html(html: str, url: str | None = None) -> HtmlPage:
    body = extract_body(html, url)
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, fast=True)
    meta = document if isinstance(document, dict) else document.as_dict() if document is not None else None
    page = HtmlPage(text=body)
    if meta:
        page.title = meta.get("title") or None
        page.url = meta.get("url") or url
        page.language = meta.get("language") or None
        # trafilatura passes a keywords meta through as one "a, b, c" string
        page.tags = [t.strip() for tag in meta.get("tags") or [] for t in tag.split(",") if t.strip()]
        if meta.get("categories"):
            page.section = meta["categories"][0]
        if meta.get("date"):
            page.published, page.published_text = parse_date(meta["date"]), meta["date"]
    page.url = page.url or url
    tree = _tree(html)
    if tree is not None:
        found = _meta_datetime(tree)
        if found:  # a full timestamp from the page's own metadata beats htmldate's day
            page.published, page.published_text = found
        page.section = _meta_content(tree, SECTION_META) or page.section
        page.canonical_url = _canonical(tree)
    return page


def _canonical(tree: lxml.html.HtmlElement) -> str | None:
    """The link the page declares for itself (trafilatura's metadata url falls back to the one we
    passed in, so it cannot tell the two apart)."""
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            return href
    return _meta_content(tree, ("og:url",))


def _tree(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html.encode("utf-8"))
    except (ParserError, ValueError):
        return None


def _meta_content(tree: lxml.html.HtmlElement, keys: tuple[str, ...]) -> str | None:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key in keys and content:
            found.setdefault(key, content)
    return next((found[k] for k in keys if k in found), None)


def _meta_datetime(tree: lxml.html.HtmlElement) -> tuple[datetime, str] | None:
    candidates = [_meta_content(tree, DATE_META)]
    candidates += [t.get("datetime") for t in tree.iter("time") if t.get("itemprop") == "datePublished"]
    candidates += _json_ld_dates(tree)
    for text in candidates:
        when = parse_date(text) if text else None
        if when:
            return when, text  # type: ignore[return-value]
    return None


def _json_ld_dates(tree: lxml.html.HtmlElement) -> list[str]:
    dates: list[str] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    dates.append(item["datePublished"])
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return dates
