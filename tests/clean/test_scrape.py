"""Plain-text scrapes: chrome removal, metadata, paragraphs, and the body kept intact."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from allegiance.clean import CleanError, clean
from allegiance.clean.lexicon import chrome_group, chrome_patterns, section_labels
from allegiance.records import RawInput

BODY = [
    "Government troops clashed with fighters of the Northern Front near the town of Kessa on "
    "Tuesday, leaving at least 12 people dead, the regional governor said.",
    "The rebels had attacked an army post overnight before withdrawing into the hills, according "
    "to two residents reached by telephone.",
    "\u201cWe will not allow armed groups to hold the population hostage,\u201d the governor told reporters.",
    "The Northern Front did not comment.",
]
SCRAPE = "\n".join(
    [
        "Menu",
        "Search",
        "Home Africa",
        "Updated: 14 March 2023, 09:40 GMT",
        "Published: 13 March 2023, 18:05 GMT",
        "Listen to this article",
        "Twelve dead as army and rebels clash near Kessa",
        "",
        "    " + BODY[0],
        "",
        "    " + BODY[1].replace(" ", "\u00a0", 3),
        "Advertisement",
        "    " + BODY[2],
        "",
        BODY[3],
        "",
        "Share this article",
        "Facebook Twitter WhatsApp",
        "Related",
        "Army Retakes Border Crossing From Insurgents",
        "Aid Convoy Reaches Besieged City After Weeks Of Talks",
        "Tags: Northern Front, army, Kessa",
        "\u00a9 2023 Example Media. All rights reserved.",
    ]
)


def scrape(text: str, **fields: str) -> object:
    return clean(RawInput(source="test.txt", format="text", content=text, **fields))


@pytest.fixture(scope="module")
def doc():
    return scrape(SCRAPE)


def test_every_body_paragraph_is_kept_in_order(doc) -> None:
    positions = [doc.text.find(p.replace("\u00a0", " ")) for p in BODY]
    assert -1 not in positions and positions == sorted(positions)


def test_chrome_lines_are_removed(doc) -> None:
    for chrome in (
        "Menu",
        "Listen to this article",
        "Advertisement",
        "Share this article",
        "Facebook Twitter",
        "Related",
        "Army Retakes Border Crossing",
        "Aid Convoy Reaches",
        "All rights reserved",
        "Tags:",
    ):
        assert chrome not in doc.text, chrome
        assert any(chrome in line for line in doc.removed), chrome


def test_metadata_is_lifted_out(doc) -> None:
    assert doc.section == "Africa"
    assert doc.tags == ["Northern Front", "army", "Kessa"]
    assert doc.title == "Twelve dead as army and rebels clash near Kessa"
    assert doc.title in doc.text  # the headline may stay; events are sometimes only stated there
    # first publication wins over the later "Updated" stamp
    assert doc.published == datetime(2023, 3, 13, 18, 5, tzinfo=UTC)
    assert doc.published_text == "Published: 13 March 2023, 18:05 GMT"


def test_paragraphs_are_separated_by_blank_lines_without_indentation(doc) -> None:
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 5  # headline + four body paragraphs
    assert all(p == p.strip() and "\n" not in p for p in paragraphs)


def test_odd_spaces_become_plain_spaces(doc) -> None:
    assert "\u00a0" not in doc.text and BODY[1] in doc.text


def test_cleaning_clean_text_keeps_it(doc) -> None:
    again = scrape(doc.text)
    assert again.text == doc.text


def test_date_priority_input_then_page_then_fallback() -> None:
    page = "12 June 2022\n\n" + BODY[0]
    assert scrape(page, published="2022-06-11").published.date().isoformat() == "2022-06-11"
    assert scrape(page, published_fallback="2022-01-01").published.date().isoformat() == "2022-06-12"
    assert scrape(BODY[0], published_fallback="2022-01-01").published.date().isoformat() == "2022-01-01"
    assert scrape(BODY[0]).published is None


def test_body_lines_that_look_like_lists_or_headlines_stay_in_the_body() -> None:
    lines = [BODY[0], "Kessa, Mora, Tiba and Lunda", "Fighting Resumes", BODY[1]]
    doc = scrape("\n".join(lines))
    assert all(line in doc.text for line in lines)


def test_a_truncated_last_line_is_kept() -> None:
    cut = "Aid agencies have warned that the offensive could have devastating"
    doc = scrape(BODY[0] + "\n\n" + BODY[1] + "\n\n" + cut)
    assert doc.text.endswith(cut)


def test_hard_wrapped_sentences_keep_their_single_newline() -> None:
    wrapped = "Troops of the national army entered the\ncity on Sunday after a week of shelling."
    doc = scrape(wrapped + "\n\n" + BODY[3])
    assert wrapped in doc.text


def test_page_of_only_chrome_raises_clean_error() -> None:
    with pytest.raises(CleanError, match="no body"):
        scrape("Menu\nShare\nSubscribe to our newsletter\n\u00a9 2024 Example")


def test_chrome_patterns_load_and_match_whole_lines_only() -> None:
    assert chrome_patterns() and "asia & pacific" in section_labels()
    assert chrome_group("Get short URL") and chrome_group("Community standardsDiscussion")
    assert chrome_group("3 min read") and chrome_group("READ MORE: Army retakes town")
    assert chrome_group("He urged supporters to share the video and print leaflets.") is None
    assert chrome_group("Related talks were held in Doha last week.") is None


@pytest.mark.parametrize(
    ("crumb", "section"),
    [("News » World", "World"), ("Home / Middle East", "Middle East"), ("Politics", "Politics")],
)
def test_section_from_label_or_breadcrumb(crumb: str, section: str) -> None:
    assert scrape(crumb + "\n" + BODY[0]).section == section


def test_teaser_runs_in_the_footer() -> None:
    tail = [
        "(With inputs from agencies)",
        "More stories",
        "Rebels free hostages after talks in the north",
        "Government and opposition trade blame over failed vote",
    ]
    doc = scrape("\n".join([BODY[0], BODY[1], *tail]))
    assert "(With inputs from agencies)" in doc.text  # a credit line, not a teaser
    assert "Rebels free hostages" not in doc.text and "trade blame" not in doc.text


def test_two_sentence_case_lines_after_the_body_stay_without_a_teaser_label() -> None:
    tail = ["Officials said the talks would resume in", "Residents fled towards the border"]
    doc = scrape("\n".join([BODY[0], BODY[1], *tail]))
    assert all(line in doc.text for line in tail)


def test_country_name_as_section_label() -> None:
    doc = scrape("Listen Live\nAfghanistan\nShare\n" + BODY[0])
    assert doc.section == "Afghanistan" and doc.text == BODY[0]


def test_wire_credits_are_chrome_but_sentences_about_reporting_are_not() -> None:
    assert chrome_group("Reporting by John Doe; Editing by Jane Roe")
    assert chrome_group("Reporting by the BBC showed that 20 people died.") is None


def test_tags_one_per_line_after_a_tags_label() -> None:
    doc = scrape(
        "\n".join([BODY[0], BODY[1], "Tags:", "Kessa", "Northern Front", "Also Watch", "Storm Hits Coast"])
    )
    assert doc.tags == ["Kessa", "Northern Front"]
    assert doc.text == BODY[0] + "\n\n" + BODY[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands of supporters follow the cleric on Twitter, where he posts daily sermons.",
        "The ministry did not disclose its source: officials said only that an inquiry was under way.",
        "Residents said they would subscribe to any plan that ends the siege.",
        "Comments by the minister angered opposition lawmakers, who walked out of the session.",
    ],
)
def test_body_sentences_with_widget_words_are_not_chrome(sentence: str) -> None:
    assert chrome_group(sentence) is None


def test_menu_lines_with_separators_and_counters() -> None:
    page = "\n".join(["Skip links", "News|", "Middle East", "share2", BODY[0], "Comments 14", BODY[1]])
    doc = scrape(page)
    assert doc.section == "Middle East"
    assert doc.text == BODY[0] + "\n\n" + BODY[1]


def test_live_banners_summary_labels_and_unpunctuated_teasers_are_chrome():
    page = (
        "Army retakes the river town\n\nLive updates: Follow the latest on the northern front\n\n"
        "In short:\n\nThe army said on Monday it had retaken the river town after two days of fighting.\n\n"
        "READ MORE Rebels regroup in the hills after losing the town\n\nWhat's next?\n\n"
        "Read more about how the offensive began in our explainer, the editor wrote.\n"
    )
    kept = [
        line
        for line in clean(RawInput(source="t.txt", format="text", content=page)).text.split("\n")
        if line
    ]
    assert "The army said on Monday it had retaken the river town after two days of fighting." in kept
    assert "Read more about how the offensive began in our explainer, the editor wrote." in kept
    for chrome in ("Live updates", "In short:", "READ MORE Rebels", "What's next?"):
        assert not any(line.startswith(chrome) for line in kept), chrome


@pytest.mark.parametrize(
    "line",
    [
        "Image 3 of 12",
        "2 / 9",
        "Back to Gallery",
        "- Print Article",
        "• Order Reprints",
        "Write to Dana Moss at dana.moss@example.org",
        "newsdesk@example.com",
        "https://example.com/world/story-123",
        "Reach the reporters on Twitter at twitter.com/example",
        "AP-AF--Sahel-Attack, 3rd Ld-Writethru",
        "Let our reporting meet your inbox every weekday morning.",
        "Most read in Africa",
        "Partner news",
        "Rebels regroup near the river as talks stall [ANALYSIS]",
        "An error has occurred, please try again later.",
        "This copy is for your personal, non-commercial use only.",
        "Image source, Getty Images",
        "Image caption, Families wait at the crossing on Sunday",
        "Photo: Hau Dinh, AP",
        "WhatsApp",
        "Share this with",
        "Published 3 hours ago",
        "Already a subscriber? Log in",
        "Print this page",
    ],
)
def test_gallery_contact_wire_slug_and_pitch_lines_are_chrome(line: str) -> None:
    assert chrome_group(line), line


@pytest.mark.parametrize(
    "sentence",
    [
        "Write to the governor at once, the opposition urged its supporters on Monday.",
        "Updated casualty figures were released by the ministry on Tuesday.",
        "The images showed burned vehicles on the road to the border.",
        "More than 40 people were killed in the attack, officials said.",
        "The rebels said they would reach the capital within days.",
        "Reuters reported that the army had attacked the town.",
        "Published reports said 20 people died in the raid.",
        "Photo: the army said the image showed the destroyed base.",
        "X said it would ban the accounts linked to the group.",
    ],
)
def test_body_sentences_near_those_widgets_are_not_chrome(sentence: str) -> None:
    assert chrome_group(sentence) is None
