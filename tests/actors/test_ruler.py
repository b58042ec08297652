"""The knowledge-base ruler fixes what the bare statistical model gets wrong."""

from __future__ import annotations


def ents(pipeline, text):
    return {(e.text, e.label_, e.ent_id_) for e in pipeline.nlp(text).ents}


def test_transliterated_group_name_is_an_organisation_not_a_place(pipeline):
    found = ents(pipeline, "Daesh fighters stormed a village near the border on Friday.")
    assert ("Daesh", "ORG", "islamic-state") in found


def test_multiword_name_after_the_is_matched_without_the(pipeline):
    found = ents(pipeline, "Officials blamed the Islamic State for the bombing.")
    assert ("Islamic State", "ORG", "islamic-state") in found


def test_acronyms_are_case_sensitive(pipeline):
    found = ents(pipeline, "It is unclear whether IS was behind the raid.")
    assert {e for e in found if e[2] == "islamic-state"} == {("IS", "ORG", "islamic-state")}


def test_news_agency_is_media_not_a_person(pipeline):
    found = ents(pipeline, "The minister told Reuters that talks would resume.")
    assert ("Reuters", "ORG", "reuters") in found


def test_one_word_names_do_not_match_in_lower_case(pipeline):
    found = ents(pipeline, "They ate turkey and rice before Turkey closed the crossing.")
    assert [e for e in found if e[2] == "tur"] == [("Turkey", "GPE", "tur")]


def test_multiword_names_match_in_any_case_and_across_odd_spaces(pipeline):
    found = ents(pipeline, "The Rapid\u00a0Support forces attacked El Fasher.")
    assert any(e[2] == "rsf" for e in found)
