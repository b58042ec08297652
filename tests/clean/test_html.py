"""HTML pages: trafilatura body, metadata from the page, chrome left out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from allegiance.clean import CleanError, clean
from allegiance.records import RawInput

PARAGRAPHS = [
    "Security forces clashed with members of an armed separatist group in the hills outside Ravel "
    "on Thursday, killing five fighters, the interior ministry said in a statement.",
    "Two police officers were wounded in the exchange of fire, which lasted several hours, and "
    "were taken to a hospital in the provincial capital, officials said.",
    "The group accused the government of breaking a truce agreed in January and vowed to respond.",
]
PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Five killed as police clash with separatists | Example News</title>
<link rel="canonical" href="https://news.example/2023/05/11/ravel-clash">
<meta property="article:published_time" content="2023-05-11T18:20:00+02:00">
<meta property="article:section" content="World">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/login">Log in</a></nav>
<article><h1>Five killed as police clash with separatists</h1>
<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>
<div class="ad">Advertisement</div>
<p>{PARAGRAPHS[2]}</p></article>
<aside><h3>Most read</h3><ul><li><a href="/x">Storm Closes Airports Across The North</a></li>
<li><a href="/y">Central Bank Raises Rates Again</a></li></ul></aside>
<footer><p>&copy; 2023 Example News. All rights reserved.</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def doc():
    return clean(RawInput(source="page.html", format="html", content=PAGE, published_fallback="2020-01-01"))


def test_body_paragraphs_kept_and_separated(doc) -> None:
    positions = [doc.text.find(p) for p in PARAGRAPHS]
    assert -1 not in positions and positions == sorted(positions)
    assert "\n\n".join(PARAGRAPHS) in doc.text


def test_chrome_left_out(doc) -> None:
    for chrome in (
        "Sport",
        "Log in",
        "Most read",
        "Storm Closes Airports",
        "All rights reserved",
        "Advertisement",
    ):
        assert chrome not in doc.text


def test_metadata_from_the_page(doc) -> None:
    assert doc.url == "https://news.example/2023/05/11/ravel-clash"
    assert doc.title and "Five killed as police clash with separatists" in doc.title
    # the page's own timestamp, with its offset, wins over the caller's fallback
    assert doc.published == datetime(2023, 5, 11, 18, 20, tzinfo=timezone(timedelta(hours=2)))
    assert doc.section == "World"


def test_input_metadata_wins_over_the_page() -> None:
    raw = RawInput(source="p.html", format="html", content=PAGE, published="2023-05-12")
    assert clean(raw).published == datetime(2023, 5, 12, tzinfo=UTC)


def test_page_without_article_raises() -> None:
    with pytest.raises(CleanError):
        clean(
            RawInput(source="empty.html", format="html", content="<html><body><nav>Home</nav></body></html>")
        )


def test_tiny_page_without_article_block_falls_back_to_its_text() -> None:
    sentence = "Troops clashed with rebels near the city on Monday, officials said."
    page = f"<html><body><nav>Home</nav><div>{sentence}</div></body></html>"
    assert sentence in clean(RawInput(source="tiny.html", format="html", content=page)).text
