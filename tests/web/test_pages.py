"""Server-rendered pages: each renders, filters apply, links lead to evidence, no inline code."""

from __future__ import annotations

import re

import pytest

PAGES = [
    "/",
    "/events",
    "/documents",
    "/actors",
    "/actors/varnese-army",
    "/incidents",
    "/network",
    "/map",
    "/alerts",
    "/docs",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_without_inline_script_or_style(site, path):
    response = site.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    for tag in re.findall(r"<script[^>]*>", page):
        assert re.fullmatch(r'<script src="/static/[\w./-]+">', tag), tag
    # The CSP forbids inline styles and event handler attributes: none may be in the markup.
    assert not re.search(r"\sstyle=", page)
    assert not re.search(r"\son[a-z]+=", page, re.IGNORECASE)


def rows(page: str) -> list[str]:
    body = page.split('<table class="events" id="events-table">', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<tr class="clickable" data-href="([^"]+)"', body)


def test_events_page_filters_and_pages(site):
    assert len(rows(site.get("/events").text)) == 14
    assault = rows(site.get("/events", params={"category": "ASSAULT", "certainty": "", "since": ""}).text)
    assert len(assault) == 2
    assert all(href.startswith("/documents/doc-") and "event=" in href for href in assault)
    paged = site.get("/events", params={"limit": 5, "offset": 10}).text
    assert len(rows(paged)) == 4 and "showing 11–14" in paged


def test_events_page_sort_links_toggle_direction(site):
    page = site.get("/events", params={"sort": "event"}).text
    assert "sort=-event" in page  # clicking the active column reverses it
    first = rows(page)[0]
    assert "AID" in first


def test_bad_filter_in_a_page_is_an_html_422(site):
    response = site.get("/events", params={"since": "31/12/2030"})
    assert response.status_code == 422
    assert "invalid request" in response.text and response.headers["content-type"].startswith("text/html")


def test_evidence_view_highlights_the_selected_event(site):
    page = site.get("/documents/doc-a", params={"event": site_event_id(site)}).text
    marks = dict(
        (kind, text) for kind, text in re.findall(r'<mark class="hl hl-(\w+)[^"]*"[^>]*>([^<]*)</mark>', page)
    )
    assert marks["trigger"] == "attacked"
    assert marks["actor"] == "Kestrel Brigade"
    assert marks["recipient"] == "Varnese Army"
    assert marks["place"] == "Varn"
    assert marks["time"] == "Monday"
    assert marks["cue"] == "officials said"
    assert 'id="evidence"' in page


def site_event_id(site) -> str:
    return site.get("/api/events", params={"category": "ASSAULT", "q": "attacked"}).json()["items"][0]["id"]


def test_evidence_view_links_other_reports_of_the_incident(site):
    events = site.get("/api/events", params={"category": "ASSAULT"}).json()["items"]
    mine = next(e for e in events if e["document_id"] == "doc-a")
    page = site.get("/documents/doc-a", params={"event": mine["id"]}).text
    others = page.split('id="other-reports"', 1)[1].split("</ul>", 1)[0]
    assert "/documents/doc-hostile?event=" in others
    assert "/documents/doc-a?" not in others


def test_document_page_lists_quotes_with_speakers(site):
    page = site.get("/documents/doc-a").text
    quotes = page.split('class="plain quotes"', 1)[1].split("</ul>", 1)[0]
    assert "We will answer this attack" in quotes and "/actors/varnese-army-7th" in quotes


def test_actor_page_shows_family_and_relation_timeline(site):
    page = site.get("/actors/varnese-army", params={"with": "kestrel-brigade"}).text
    assert "/actors/varnese-army-7th" in page  # child
    timeline = page.split('id="timeline"', 1)[1]
    assert "rel-hostile" in timeline
    assert site.get("/actors/no-such-actor").status_code == 404
