"""The shipped knowledge base and lexicon load, validate and hang together; user files override."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from allegiance.actors.kb import SHIPPED, KBError, KnowledgeBase, load_kb, read_entries
from allegiance.actors.lexicon import load_lexicon


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def shipped_files():
    return sorted(f for f in SHIPPED.iterdir() if f.name.endswith(".yaml"))


def test_every_shipped_file_validates_and_ids_are_unique_across_files():
    ids: Counter[str] = Counter()
    for f in shipped_files():
        entries = read_entries(f.read_text(encoding="utf-8"), f.name)
        assert entries, f"{f.name} is empty"
        ids.update(e.info.id for e in entries)
    assert [i for i, n in ids.items() if n > 1] == []


def test_parents_and_affiliations_exist(kb):
    kb.check()  # raises on a dangling reference
    for actor in kb.actors.values():
        assert actor.parent is None or actor.parent in kb.actors


def test_every_un_member_state_has_government_military_and_police(kb):
    countries = [a for a in kb.actors.values() if a.type == "country"]
    assert len(countries) >= 193
    for c in countries:
        for branch in ("government", "military", "police"):
            assert kb.child(c.id, branch), f"{c.id} has no {branch}"


def test_demonyms_and_capitals_point_at_countries(kb):
    assert kb.by_demonym("Afghani") == "afg"
    assert kb.by_demonym("Syrian") == "syr"
    assert kb.by_demonym("Kurdish") == "kurds"
    assert kb.by_metonym("the Kremlin") == "rus"


def test_named_armed_groups_and_branches(kb):
    assert kb.get("islamic-state-khorasan").parent == "islamic-state"
    assert set(kb.by_alias("ISIS-K")) == {"islamic-state-khorasan"}
    assert "hts" in kb.by_alias("Jabhat al-Nusra")
    assert kb.get("rsf").country == "SDN"


def test_alias_collisions_are_reported():
    kb = KnowledgeBase()
    kb.add(
        read_entries(
            "- {id: a, name: Alpha Front, type: rebels, aliases: [AF]}\n"
            "- {id: b, name: Air Force, type: military, aliases: [AF]}\n",
            "t",
        )
    )
    assert kb.collisions() == {"af": ["a", "b"]}


def test_shipped_collisions_are_few(kb):
    # collisions are allowed (reported for review) but must stay rare
    assert len(kb.collisions()) < 10, kb.collisions()


def test_user_file_replaces_an_entry_by_id(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        yaml.safe_dump(
            [
                {
                    "id": "taliban",
                    "name": "Islamic Emirate",
                    "type": "government",
                    "country": "AFG",
                    "aliases": ["IEA"],
                }
            ]
        )
    )
    kb = load_kb([path])
    assert kb.get("taliban").name == "Islamic Emirate"
    assert kb.get("taliban").type == "government"
    assert kb.by_alias("IEA") == ["taliban"]


def test_invalid_user_entry_is_an_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("- {id: Bad Id, name: X, type: rebels}\n")
    with pytest.raises(KBError, match="bad.yaml"):
        load_kb([path])


def test_descriptor_lexicon_loads():
    lex = load_lexicon()
    assert lex.state_role("troops") == "military"
    assert lex.state_role("police") == "police"
    assert "militants" in lex.armed and "gunmen" in lex.unknown_attackers
