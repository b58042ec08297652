"""The event's place, not the dateline's; ambiguous and misspelt names read in the article's
country; a place the gazetteer lacks takes its region's coordinates (issue 16)."""

from __future__ import annotations

from allegiance.records import RawInput
from allegiance.where import find_places


def _events(pipeline, text: str):
    doc = pipeline.process(RawInput(source="t", format="text", content=text, published="2022-09-07"))
    return [e for e in doc.events if e.event == "ASSAULT"]


def test_the_lead_names_the_place_not_the_dateline(pipeline):
    events = _events(
        pipeline,
        "BOGOTA, Colombia (AP) — Two soldiers were killed on Tuesday when rebels attacked a military "
        "post, officials said. The attack took place in the village of Puerto Jordan, in Arauca province.",
    )
    assert events and all(e.location is not None and e.location.name == "Puerto Jordan" for e in events)


def test_a_village_the_gazetteer_lacks_takes_its_regions_coordinates(pipeline):
    events = _events(
        pipeline,
        "Rebels attacked a military base in the village of Puerto Jordan, in Arauca province, on "
        "Tuesday, killing seven soldiers, officials said.",
    )
    village = next(e.location for e in events if e.location and e.location.name == "Puerto Jordan")
    region = next(p.place for p in find_places(pipeline.nlp("in Arauca province"), [], pipeline.gazetteer))
    assert village.admin1 == "Arauca" and village.country == "COL"
    assert region is not None and (village.lat, village.lon) == (region.lat, region.lon)


def test_a_spelling_guess_stays_in_the_articles_countries(pipeline):
    doc = pipeline.nlp(
        "Ukrainian forces struck Russian positions on Snake Island in the Black Sea on Monday, Ukraine's "
        "military said. Russia denied that Ukrainian troops had landed."
    )
    found = {t.name: t.place for t in find_places(doc, [], pipeline.gazetteer)}
    assert found.get("Snake Island") is None or found["Snake Island"].country in {"UKR", "RUS"}


def test_a_short_country_name_is_the_articles_country(pipeline):
    doc = pipeline.nlp(
        "M23 rebels attacked army positions near Goma on Monday, officials in Kinshasa said. The DR Congo "
        "army said the rebels were backed by Rwanda. Fighting in eastern Congo has displaced thousands."
    )
    found = {t.span.text: t.place for t in find_places(doc, [], pipeline.gazetteer)}
    assert found["Congo"] is not None and found["Congo"].country == "COD"
