from where_helpers import DAY, make_event

from allegiance.records import Actor, Mention
from allegiance.where import find_places, locate


def places_of(pipeline, text, actors=()):
    doc = pipeline.nlp(text)
    return doc, {t.name: t.place for t in find_places(doc, list(actors), pipeline.gazetteer)}


def test_same_name_city_follows_the_country_of_the_article(pipeline):
    _, libya = places_of(
        pipeline, "Libyan forces shelled Tripoli overnight. Libya's government condemned it."
    )
    _, lebanon = places_of(pipeline, "Lebanese troops deployed in Tripoli after clashes in northern Lebanon.")
    assert libya["Tripoli"].country == "LBY"
    assert lebanon["Tripoli"].country == "LBN"


def test_region_named_in_the_same_sentence_disambiguates(pipeline):
    _, found = places_of(pipeline, "A tornado damaged homes in Paris, Texas, on Monday.")
    assert found["Paris"].country == "USA"
    assert found["Paris"].admin1 == "Texas"


def test_province_suffix_makes_a_first_level_region(pipeline):
    doc = pipeline.nlp("Gunmen attacked a checkpoint in the Konar province, officials said.")
    [event] = locate(doc, [make_event(doc, "attacked")], [], pipeline.gazetteer)
    assert event.location.name == "Konar"
    assert (event.location.admin1, event.location.country, event.location.kind) == ("Kunar", "AFG", "admin1")
    assert doc.text[event.location.start : event.location.end] == "Konar"


def test_diacritic_spelling_resolves(pipeline):
    doc = pipeline.nlp("Troops clashed with insurgents in Nangarhār on Friday.")
    [event] = locate(doc, [make_event(doc, "clashed")], [], pipeline.gazetteer)
    assert event.location.admin1 == "Nangarhar"


def test_unknown_district_borrows_region_from_its_sentence(pipeline):
    doc = pipeline.nlp("An airstrike hit a market in the Wadi Zarqun district of Hodeidah province.")
    [event] = locate(doc, [make_event(doc, "hit")], [], pipeline.gazetteer)
    assert event.location.name == "Wadi Zarqun"
    assert event.location.admin1 == "Hodeidah"
    assert event.location.country == "YEM"


def test_place_attached_to_the_trigger_wins_over_other_places(pipeline):
    doc = pipeline.nlp("After talks in Nairobi failed, Congolese rebels attacked an army base near Goma.")
    [event] = locate(doc, [make_event(doc, "attacked")], [], pipeline.gazetteer)
    assert event.location.name == "Goma"
    assert event.location.country == "COD"


def test_actor_mentions_are_not_places(pipeline):
    text = "Russia and Turkey called on both sides to stop fighting."
    doc = pipeline.nlp(text)
    actors = [
        Actor(
            id=name.lower(),
            name=name,
            type="country",
            country=iso,
            mentions=[
                Mention(
                    start=text.index(name), end=text.index(name) + len(name), text=name, actor=name.lower()
                )
            ],
        )
        for name, iso in (("Russia", "RUS"), ("Turkey", "TUR"))
    ]
    [event] = locate(doc, [make_event(doc, "called", "REQUEST")], actors, pipeline.gazetteer)
    assert event.location is None


def test_dateline_place_serves_concrete_events_only(pipeline):
    text = "KANDAHAR, Afghanistan (AP) — Gunmen killed two guards overnight.\n\nThe group has long opposed the talks."
    doc = pipeline.nlp(text)
    dated = make_event(doc, "killed", date=DAY)
    vague = make_event(doc, "opposed", "REJECT")
    located, unlocated = locate(doc, [dated, vague], [], pipeline.gazetteer)
    assert located.location.name == "KANDAHAR"
    assert located.location.country == "AFG"
    assert unlocated.location is None


def test_place_ruler_keeps_actor_entities(pipeline):
    doc = pipeline.nlp("The Taliban fought in the Kunar province.")
    labels = {e.text: (e.label_, e.ent_id_) for e in doc.ents}
    assert labels["Taliban"][1] == "taliban"
    assert labels["Kunar"][0] == "GPE"


def test_a_known_town_after_a_locative_preposition_is_a_place_whatever_the_model_said(pipeline):
    # the small model reads some town names as people or organisations
    for text, town, country in (
        ("Soldiers were killed in Kaya.", "Kaya", "BFA"),
        ("Fighting resumed in Djibo on Friday.", "Djibo", "BFA"),
    ):
        doc = pipeline.nlp(text)
        assert [e.label_ for e in doc.ents if e.text == town] == ["GPE"]
        trigger = "killed" if "killed" in text else "Fighting"
        [event] = locate(doc, [make_event(doc, trigger)], [], pipeline.gazetteer)
        assert (event.location.name, event.location.country) == (town, country)


def test_where_people_come_from_and_who_tells_it_are_not_the_place(pipeline):
    text = (
        "The rebels released 24 hostages who had been held captive in Goma for weeks, including "
        "10 persons from Thailand, according to Qatar."
    )
    doc = pipeline.nlp(text)
    [event] = locate(doc, [make_event(doc, "released")], [], pipeline.gazetteer)
    assert event.location is not None and event.location.name == "Goma"
    doc = pipeline.nlp("Government troops withdrew from Bunia on Friday.")
    [event] = locate(doc, [make_event(doc, "withdrew")], [], pipeline.gazetteer)
    assert event.location is not None and event.location.name == "Bunia"


def test_the_town_of_x_is_a_place_and_the_event_takes_it_over_its_province(pipeline):
    doc = pipeline.nlp("Insurgents attacked the town of Tembue in Niassa province on Monday.")
    [event] = locate(doc, [make_event(doc, "attacked")], [], pipeline.gazetteer)
    assert event.location is not None and event.location.name == "Tembue"
    assert event.location.admin1 == "Niassa"


def test_never_a_bare_country_when_a_place_inside_it_is_named(pipeline):
    doc = pipeline.nlp("Russia launched drones at Ukraine overnight, hitting a power plant in the Odesa region.")
    [event] = locate(doc, [make_event(doc, "launched")], [], pipeline.gazetteer)
    assert event.location is not None and event.location.name.startswith("Odesa")
    # a place named in the speakers' phrase is theirs, not the event's
    doc = pipeline.nlp("The army attacked rebel positions in Syria, officials in Damascus said.")
    [event] = locate(doc, [make_event(doc, "attacked")], [], pipeline.gazetteer)
    assert event.location is not None and event.location.name == "Syria"


def test_a_region_named_for_its_people_is_the_region(pipeline):
    doc = pipeline.nlp("Federal troops clashed with local militias in the Amhara region of Ethiopia on Sunday.")
    [event] = locate(doc, [make_event(doc, "clashed")], [], pipeline.gazetteer)
    assert event.location is not None and event.location.name == "Amhara"


def test_the_capital_stands_for_the_capital_of_the_article_country(pipeline):
    doc = pipeline.nlp("Sudanese troops clashed with militias in the capital on Monday.")
    [event] = locate(doc, [make_event(doc, "clashed")], [], pipeline.gazetteer)
    assert (event.location.name, event.location.country) == ("capital", "SDN")
    assert event.location.admin1 == "Khartoum"


def test_object_of_a_capture_verb_is_a_place(pipeline):
    doc = pipeline.nlp("Government forces launched an offensive to capture Mosul from the militants.")
    [event] = locate(doc, [make_event(doc, "offensive")], [], pipeline.gazetteer)
    assert event.location.name == "Mosul"
    assert event.location.country == "IRQ"


def test_a_government_speaking_from_its_capital_is_no_place(pipeline):
    doc = pipeline.nlp("The rebels declared a truce after calls from Moscow.")
    [event] = locate(doc, [make_event(doc, "declared", "CONCEDE")], [], pipeline.gazetteer)
    assert event.location is None
