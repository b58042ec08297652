"""Country reference points, split names, borrowed regions and the place of a statement."""

from spacy.tokens import Span
from where_helpers import make_event

from allegiance.evaluation.geo import haversine_km
from allegiance.records import When
from allegiance.where import find_places, lexicon, locate
from allegiance.where.ruler import COMPONENT

NEWS_CYCLE = When(start="2024-03-04", end="2024-03-05", granularity="interval", text="demanded")


def test_countries_take_their_reference_point_and_it_lies_in_the_country(gazetteer):
    points = lexicon.load("country_points.yaml")
    cities: dict[str, list[tuple[float, float]]] = {}
    for place in gazetteer.places:
        if place.kind == "city" and place.country in points:
            cities.setdefault(place.country, []).append((place.lat, place.lon))
    for iso3, (lat, lon) in points.items():
        assert (gazetteer.countries[iso3].lat, gazetteer.countries[iso3].lon) == (lat, lon)
        # a swapped or mis-signed coordinate lands far from every town of the country
        nearest = min(haversine_km(lat, lon, a, b) for a, b in cities[iso3])
        assert nearest < 700, iso3


def test_short_consonant_skeletons_do_not_merge_two_regions(gazetteer):
    for name in ("Cauca", "Choco"):
        regions = [p for p in gazetteer.exact(name) if p.kind == "admin1"]
        assert regions and {p.admin1 for p in regions} == {name}


def test_a_name_split_by_the_model_is_joined_when_its_first_part_is_no_place(pipeline):
    ruler = pipeline.nlp.get_pipe(COMPONENT)
    doc = pipeline.nlp.make_doc("Shelling hit Ciudad Jordan and Amman Jordan.")
    ents = [Span(doc, 2, 3, "GPE"), Span(doc, 3, 4, "GPE"), Span(doc, 5, 6, "GPE"), Span(doc, 6, 7, "GPE")]
    joined = [e.text for e in ruler.merge_split_names(ents)]
    assert joined == ["Ciudad Jordan", "Amman", "Jordan"]  # "Amman" is a place on its own


def test_unknown_local_name_borrows_the_region_of_its_sentence_or_the_one_before(pipeline):
    doc = pipeline.nlp("Gunmen attacked a bus near Qalat Zirak, a remote village in the Kandahar province.")
    [event] = locate(doc, [make_event(doc, "attacked")], [], pipeline.gazetteer)
    assert event.location.admin1 == "Kandahar" and event.location.country == "AFG"
    assert event.location.name != "Kandahar"

    doc = pipeline.nlp(
        "Fighting spread across Helmand province last week. "
        "On Monday a drone strike hit a house in the Nahr Sarkhi area."
    )
    places = {t.name: t for t in find_places(doc, [], pipeline.gazetteer)}
    assert "Nahr Sarkhi" in places and places["Nahr Sarkhi"].place is None
    [event] = locate(doc, [make_event(doc, "hit")], [], pipeline.gazetteer)
    assert (event.location.name, event.location.admin1) == ("Nahr Sarkhi", "Helmand")


def test_a_statement_is_placed_where_it_is_made_not_where_its_content_is(pipeline):
    text = "ANKARA, March 5 (Reuters) - Turkey demanded that Syrian Kurdish fighters withdraw from Kirkuk."
    doc = pipeline.nlp(text)
    request = make_event(doc, "demanded", "REQUEST", date=NEWS_CYCLE)
    retreat = make_event(doc, "withdraw", "RETREAT")
    request_out, retreat_out = locate(doc, [request, retreat], [], pipeline.gazetteer)
    assert request_out.location.name.lower() == "ankara"
    assert retreat_out.location.name == "Kirkuk"
