"""Resolution rules that keep events on the right actor: junk entities, pronouns outside quotes,
demonyms that must modify their own descriptor, titles, ambiguous one-word country names."""

from __future__ import annotations

from allegiance.actors.junk import not_actor_words
from allegiance.actors.mentions import quoted_ranges


def test_not_actor_lexicon_loads_and_holds_time_zones():
    words = not_actor_words()
    assert {"utc", "km"} <= words


def test_time_zone_is_no_actor_and_no_antecedent(actors_of):
    found = actors_of("The ban took effect at 06:00 (03:00 UTC). They said the roads would stay shut.")
    assert not any(aid.startswith("x-utc") for aid in found)
    assert all("They" not in ms for ms in found.values())


def test_shouted_headline_and_lone_headline_word_are_no_actors(actors_of):
    found = actors_of("Defiant\n\nARMY SEALS BORDER TOWN\n\nThe Red Cross said the road was closed.")
    assert all(not aid.startswith("x-") for aid in found)


def test_quotation_ranges_ignore_apostrophes():
    text = "The rebels' leader warned of 'another Libya' in the region."
    assert [text[a:b] for a, b in quoted_ranges(text)] == ["'another Libya'"]


def test_they_prefers_the_coordinated_subject_over_a_quoted_country(actors_of):
    found = actors_of("Kenya and Ethiopia warned of 'a new Somalia' when they met in Addis Ababa.")
    assert "they" in found["ken"] and "they" in found["eth"]
    assert "they" not in found.get("som", set())


def test_demonym_elsewhere_in_the_sentence_gives_no_country(actors_of):
    found = actors_of("Authorities said the Taliban had seized a Pakistani border post.")
    assert "pak-government" not in found


def test_demonym_inside_the_phrase_decides(actors_of):
    found = actors_of("Malian troops shelled the camp, according to the French government.")
    assert "Malian troops" in found["mli-military"]
    assert "fra-military" not in found


def test_unknown_nationality_does_not_borrow_another_country(actors_of):
    found = actors_of("Croat forces entered the village, according to the Austrian government.")
    assert "aut-military" not in found


def test_led_forces_belong_to_the_leader(actors_of):
    found = actors_of("Kenyan-led forces stormed the camp, Somali sources said.")
    assert "Kenyan-led forces" in found.get("ken-military", set())


def test_title_gives_a_person_country_role_and_government(resolved):
    found = resolved("Greek Prime Minister Nikos Andreou arrived in Cyprus on Monday.")
    person = next(a for a in found.values() if a.type == "person")
    assert person.country == "GRC"
    assert "role: prime minister" in (person.note or "")
    assert "affiliation: grc-government" in (person.note or "")


def test_country_name_inside_a_personal_name_or_us_state_is_no_country(actors_of):
    found = actors_of("Coach Tom Jordan flew to Savannah, Georgia for the match.")
    assert "jor" not in found and "geo" not in found


def test_country_acting_is_still_an_actor(actors_of):
    found = actors_of("Georgia accused Russia of moving the border fence.")
    assert "geo" in found


def test_forces_loyal_to_a_commander_become_his_forces(actors_of):
    found = actors_of(
        "Fighters loyal to the warlord Peter Gadet attacked the village. Gadet's forces burned houses."
    )
    group = next(aid for aid, ms in found.items() if "Gadet's forces" in ms)
    assert group != "x-peter-gadet"
    assert any(m.startswith("Fighters loyal to") for m in found[group])


def test_commander_linked_in_the_kb_gives_his_group(pipeline, actors_of):
    led = next(
        info
        for info in pipeline.kb.actors.values()
        if info.type in {"rebels", "militia", "military"} and info.note and "commanded by" in info.note
    )
    commander = led.note.split("commanded by", 1)[1].strip().rstrip(".")
    found = actors_of(
        f"The commander {commander} spoke on Monday. {commander.split()[-1]}'s forces advanced."
    )
    assert led.id in found


def test_caption_above_a_sentence_is_not_part_of_the_descriptor(actors_of):
    found = actors_of("Army Retakes Port\n\n[AFP]\n\nTroops loyal to the junta shelled the harbour.")
    assert all("[" not in m and "AFP" not in m for ms in found.values() for m in ms if m != "AFP")


def test_passive_it_with_a_clause_has_no_referent(actors_of):
    found = actors_of("Al-Shabaab denied the claim. It was reported that the convoy had turned back.")
    assert "It" not in found.get("al-shabaab", set())


def test_they_skips_a_singular_subject_to_reach_the_pair(actors_of):
    found = actors_of(
        "Egypt and Sudan oppose the dam that Addis Ababa has built, and they met again on Monday."
    )
    assert "they" in found["egy"] and "they" in found["sdn"]


def test_passive_reporting_it_is_pleonastic_even_when_the_clause_hangs_elsewhere(actors_of):
    found = actors_of("Al-Shabaab rejected the offer. It was stated at the meeting that talks would resume.")
    assert "It" not in found.get("al-shabaab", set())


def test_it_after_a_group_still_resolves(actors_of):
    found = actors_of("Al-Shabaab said it was attacked by drones near the town.")
    assert "it" in found["al-shabaab"]
