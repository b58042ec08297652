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
