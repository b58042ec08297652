"""Places, things and newsroom credits are never actors; unknown named organisations are kept;
collectives are scoped to their country or document (issue 16). The names below are made up or
chosen only to exercise each rule: the rules are gazetteer, part-of-speech and pattern lookups."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
import yaml

from allegiance.actors.notactor import is_credit_line, load_phrases
from allegiance.records import RawInput


def _doc(pipeline, text: str):
    return pipeline.process(RawInput(source="t", format="text", content=text))


def _ids(doc) -> set[str]:
    ids = {a.id for a in doc.actors}
    ids |= {p.id for e in doc.events for p in (*e.actor, *e.recipient)}
    return ids | {q.speaker for q in doc.quotes if q.speaker}


def test_phrases_file_matches_its_schema():
    folder = resources.files("allegiance") / "data" / "actors" / "lexicon"
    data = yaml.safe_load((folder / "not_actor_phrases.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(
        data, json.loads((folder / "not_actor_phrases.schema.json").read_text(encoding="utf-8"))
    )
    phrases = load_phrases()
    assert phrases.credit_lines and "a" in phrases.indefinite and "ministry" in phrases.generic_body_words


def test_credit_lines_by_pattern_but_not_body_sentences():
    assert is_credit_line("By Our Correspondent ADDIS ABABA")
    assert is_credit_line("Photo Credit: Reuters")
    assert is_credit_line("Reporting by Jane Doe; Editing by John Roe")
    assert not is_credit_line(
        "By Tuesday the rebels had taken the town and set up checkpoints on every road."
    )


def test_byline_names_no_actor(pipeline):
    doc = _doc(
        pipeline,
        "By Our Correspondent ADDIS ABABA\n\nEthiopian troops attacked rebel positions near Gondar on "
        "Monday, officials said.",
    )
    assert not [i for i in _ids(doc) if "correspondent" in i or "addis" in i]


def test_a_gazetteer_place_and_a_place_kind_word_are_no_actors(pipeline):
    doc = _doc(
        pipeline,
        "Fighting spread across Unity and Upper Nile states, and the SPLM-IO said it attacked government "
        "troops in Unity states.",
    )
    assert not [i for i in _ids(doc) if i.startswith("x-") and ("unity" in i or "states" in i)]
    assert "splm-io" in _ids(doc)


def test_indefinite_things_are_not_participants(pipeline):
    doc = _doc(
        pipeline,
        "The Taliban said it had formed an alliance with local fighters, and that an alliance would "
        "attack Kabul. Gunmen attacked a checkpoint on Monday.",
    )
    assert not [i for i in _ids(doc) if i.startswith(("x-an-", "x-a-"))]


def test_a_state_named_by_description_stays_a_participant(pipeline):
    # "a neighbouring country", "a foreign power": an unnamed actor, not a thing
    doc = _doc(pipeline, "The rebels are armed and funded by a neighbouring country, the army said.")
    aid = [e for e in doc.events if e.event == "AID"]
    assert aid and "neighbouring country" in aid[0].actor[0].text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a one-word name used as a place elsewhere in the article
        (
            "Rebels advanced on Lubero, the main town of the district, on Tuesday. Later Lubero came "
            "under rebel control.",
            "lubero",
        ),
        # a common noun that starts a caption line
        (
            "Smoke and flames rise above a residential building after an air strike.\n\nIsraeli jets "
            "struck the building on Friday, the army said.",
            "smoke",
        ),
    ],
)
def test_no_actor_for(pipeline, text, word):
    assert not [i for i in _ids(_doc(pipeline, text)) if word in i]


def test_an_unknown_named_organisation_is_kept(pipeline):
    doc = _doc(pipeline, "The Zarqa Brigades attacked a village on Monday, residents said.")
    found = {a.id: a for a in doc.actors}
    assert "x-zarqa-brigades" in found and found["x-zarqa-brigades"].in_kb is False


def test_two_countries_ministries_stay_two_and_keep_their_country(pipeline):
    doc = _doc(
        pipeline,
        "Armenia's defence ministry on Wednesday accused Azerbaijani forces of shelling border villages. "
        "Azerbaijan's defence ministry rejected the claim.",
    )
    ministries = {a.id: a.country for a in doc.actors if "defence-ministry" in a.id}
    assert ministries == {"x-defence-ministry-arm": "ARM", "x-defence-ministry-aze": "AZE"}


def test_civilians_belong_to_their_country_or_document(pipeline):
    afghan = _doc(pipeline, "Afghan civilians were killed when militants attacked a market in Kunduz.")
    armenian = _doc(pipeline, "Armenian civilians fled the shelling of border villages on Tuesday.")
    nowhere = _doc(pipeline, "Civilians fled the town after gunmen attacked it on Monday.")
    civ = [{a.id for a in d.actors if a.type == "civilians"} for d in (afghan, armenian, nowhere)]
    assert civ[0] == {"x-civilians-afg"} and civ[1] == {"x-civilians-arm"}
    assert len(civ[2]) == 1 and next(iter(civ[2])).startswith("x-civilians-doc-")
    gunmen = [a.id for a in nowhere.actors if a.name == "gunmen"]
    assert gunmen and gunmen[0].startswith("x-gunmen-doc-")


def test_ad_hoc_collectives_are_scoped_to_their_document(pipeline):
    one = _doc(pipeline, "Police arrested hostages' relatives in the capital on Monday.")
    two = _doc(pipeline, "Police arrested protest leaders in the port city on Tuesday.")
    ad_hoc = [{i for i in _ids(d) if i.startswith("x-") and "police" in i} for d in (one, two)]
    assert not (ad_hoc[0] & ad_hoc[1])


def test_several_groups_are_not_one_named_group(pipeline):
    doc = _doc(
        pipeline,
        "The Zarqa Brigades attacked a village on Monday. On Saturday, the government accused three "
        "militias of advancing along key highways towards the capital.",
    )
    brigades = next(a for a in doc.actors if a.id == "x-zarqa-brigades")
    assert "militias" not in {m.text for m in brigades.mentions}


def test_a_credit_line_names_no_actor_even_a_known_one(pipeline):
    doc = _doc(
        pipeline, "Photo Credit: Reuters\nIsrael confirmed on Friday that it received a list of hostages."
    )
    assert "reuters" not in {a.id for a in doc.actors}
