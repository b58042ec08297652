"""Collectives named by a common noun phrase (lexicon/collectives.yaml). Sentences are written for
these tests."""

from __future__ import annotations

import jsonschema
import pytest

from allegiance.actors.collectives import load_collectives


def owner(found: dict[str, set[str]], text: str) -> list[str]:
    return [aid for aid, ms in found.items() if any(text in m for m in ms)]


def test_collectives_file_loads_and_rejects_a_bad_entry(tmp_path):
    data = load_collectives()
    assert data.captives["detainees"] == "prisoners" and data.captives["abductees"] == "hostages"
    import json

    from allegiance.actors.lexicon import LEXICON_DIR

    schema = json.loads((LEXICON_DIR / "collectives.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"captives": {"hostages": ["Hostages"]}}, schema)


def test_captives_are_civilian_collectives_one_per_kind(resolved):
    text = (
        "Kenyan forces freed 14 hostages on Tuesday. The army said it would swap the captives for "
        "Somali detainees held in Nairobi."
    )
    found = resolved(text)
    hostages = [a for a in found.values() if any("hostages" in m.text for m in a.mentions)]
    prisoners = [a for a in found.values() if any("detainees" in m.text for m in a.mentions)]
    assert hostages and prisoners and hostages[0].id != prisoners[0].id
    assert hostages[0].type == prisoners[0].type == "civilians"
    assert prisoners[0].country == "SOM" and prisoners[0].id.endswith("-som")
    assert any(m.text == "captives" for m in hostages[0].mentions)


def test_a_hostage_deal_is_no_party(actors_of):
    found = actors_of("Qatar brokered a hostage deal between the two sides.")
    assert not owner(found, "hostage")


def test_bodies_named_by_their_kind(resolved):
    text = (
        "Aid workers said food ran out in Goma. Human rights groups accused the army of abuses, "
        "and the international community urged restraint."
    )
    found = resolved(text)
    by_text = {m.text: a for a in found.values() for m in a.mentions}
    assert by_text["Aid workers"].type == "ngo"
    assert by_text["Human rights groups"].type == "ngo"
    assert by_text["Aid workers"].id != by_text["Human rights groups"].id
    community = next(a for t, a in by_text.items() if "international community" in t)
    assert community.country is None and "-doc-" in community.id  # no country's community


def test_the_opposition_is_the_countrys_party(resolved):
    text = (
        "Zambian police arrested protesters in Lusaka. Zambia's government said the opposition "
        "had organised the rally, and the opposition denied it."
    )
    found = resolved(text)
    opposition = [a for a in found.values() if any(m.text == "opposition" for m in a.mentions)]
    assert opposition and opposition[0].type == "political_party" and opposition[0].country == "ZMB"


def test_the_west_is_a_bloc_but_not_a_place(actors_of):
    found = actors_of("Moscow accused the West of arming Kyiv. Fighting continued in the West Bank.")
    west = owner(found, "West")
    assert len(west) == 1 and found[west[0]] == {"West"}


def test_members_of_a_named_body_are_that_body(actors_of):
    found = actors_of("EU leaders met in Brussels and agreed new sanctions on Minsk.")
    assert "EU leaders" in found["eu"]


def test_police_sources_are_the_police(actors_of):
    found = actors_of(
        "Ugandan troops shelled the camp in Kasese. Ugandan police sources said nine people died."
    )
    assert any("police sources" in m for m in found.get("uga-police", set()))


def test_a_military_spokesman_speaks_for_the_countrys_military(actors_of):
    found = actors_of(
        "Ugandan troops shelled the camp in Kasese. Uganda's government denied it. A military "
        "spokesman said the rebels had fired first."
    )
    assert "military spokesman" in found.get("uga-military", set())


def test_citizens_families_and_the_population_are_civilians(resolved):
    text = (
        "Gunmen seized two Kenyan citizens near Mandera. Their families appealed for help, and the "
        "local population fled."
    )
    found = resolved(text)
    civilians = {m.text for a in found.values() if a.type == "civilians" for m in a.mentions}
    for word in ("Kenyan citizens", "families", "population"):
        assert any(word in text for text in civilians), word


def test_a_kind_noun_types_a_name_and_refers_back_to_it(resolved):
    text = (
        "Telecom firm Zentel said its towers near Garissa were destroyed. Militants were blamed, "
        "and the company said repairs would take weeks."
    )
    found = resolved(text)
    zentel = next(a for a in found.values() if a.name == "Zentel")
    assert zentel.type == "business"
    assert any(m.text == "the company" for m in zentel.mentions)


def test_the_bloc_is_the_intergovernmental_body_just_named(actors_of):
    found = actors_of("The European Union imposed sanctions on Minsk. The bloc said more would follow.")
    assert "The bloc" in found["eu"]


def test_opposition_to_a_plan_is_a_stance_not_a_party(actors_of):
    found = actors_of("Zambian police arrested protesters. There was strong opposition to the plan.")
    assert not owner(found, "opposition")
