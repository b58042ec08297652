"""Cross-article incident clustering on synthetic reports written for these tests."""

from __future__ import annotations

import json
import random

import pytest

from allegiance.incidents import LinkOptions, cluster, incident_index, outlet_of, update
from allegiance.records import Where
from export.synthetic import document, event, multi_outlet_corpus, pairwise_scores, region, town

ARDALE = town("Ardale", "Mirrow", 10.0, 20.0)
ARDALE_NEARBY = town("Ardale West", "Mirrow", 10.05, 20.02)  # about 6 km away
FAR_TOWN = town("Corvin", "Easthold", 12.0, 24.0)


def _groups(incidents) -> set[frozenset[str]]:
    return {frozenset(m.event.id for m in inc.mentions) for inc in incidents}


def _two_outlets(a_kwargs: dict, b_kwargs: dict):
    return [
        document("d1", "https://www.first.example/a", [event("e1", **a_kwargs)]),
        document("d2", "https://second.example/b", [event("e2", **b_kwargs)]),
    ]


ATTACK = {"actor": ("north_front",), "recipient": ("state_army",), "place": ARDALE}


def test_same_attack_from_two_outlets_is_one_incident():
    docs = _two_outlets(ATTACK, {**ATTACK, "place": ARDALE_NEARBY, "day": "2030-05-11"})
    [incident] = cluster(docs)
    assert incident.outlets == ["first.example", "second.example"]
    assert incident.corroboration == "corroborated"
    assert incident.actor == ["north_front"] and incident.recipient == ["state_army"]


@pytest.mark.parametrize(
    "change",
    [
        {"place": FAR_TOWN},  # far apart
        {"day": "2030-05-20"},  # days apart
        {"recipient": ("river_brigade",)},  # other victim
        {"category": "AID"},  # other family
        {"place": Where(name="Elsewhere", country="ABC")},  # other country
    ],
)
def test_incompatible_reports_stay_apart(change):
    assert len(cluster(_two_outlets(ATTACK, {**ATTACK, **change}))) == 2


def test_empty_side_and_region_only_report_joins_when_a_named_actor_is_shared():
    vaguer = {"actor": (), "recipient": ("state_army",), "place": region("Mirrow")}
    # shared named victim + same day is not enough evidence on its own ...
    assert len(cluster(_two_outlets(ATTACK, vaguer))) == 2
    # ... the same named place is
    assert len(cluster(_two_outlets(ATTACK, {**vaguer, "place": ARDALE_NEARBY}))) == 1


def test_generic_collective_is_no_evidence():
    a = {"actor": (), "recipient": ("civilians",), "place": None}
    assert len(cluster(_two_outlets(a, a))) == 2


def test_two_sided_clash_told_either_way_is_one_incident():
    docs = _two_outlets(ATTACK, {**ATTACK, "actor": ("state_army",), "recipient": ("north_front",)})
    assert len(cluster(docs)) == 1


def test_contested_perpetrator_same_place_same_day():
    a = {"actor": ("north_front",), "recipient": ("civilians",), "place": ARDALE, "dead": 4}
    b = {**a, "actor": ("state_army",), "dead": 6}
    [incident] = cluster(_two_outlets(a, b))
    assert (incident.dead_low, incident.dead_high) == (4, 6)
    assert any(c.startswith("perpetrator") for c in incident.contested)
    assert any(c.startswith("dead") for c in incident.contested)
    # without the shared named place the competing claims stay separate
    assert len(cluster(_two_outlets({**a, "place": None}, {**b, "place": None}))) == 2


def test_parent_actor_links_unit_and_organisation():
    unit = {**ATTACK, "actor": ("north_front_3rd_battalion",), "place": None}
    base = {**ATTACK, "place": None}
    assert len(cluster(_two_outlets(base, unit))) == 2
    options = LinkOptions(parents={"north_front_3rd_battalion": "north_front"})
    assert len(cluster(_two_outlets(base, unit), options)) == 1


def test_wire_copy_is_not_an_independent_source():
    docs = [
        document("d1", "https://a.example/x", [event("e1", **ATTACK, attributed="Reuters")]),
        document("d2", "https://b.example/y", [event("e2", **ATTACK, attributed="the Reuters news agency")]),
        document("d3", "https://www.reuters.com/z", [event("e3", **ATTACK)]),
    ]
    [incident] = cluster(docs)
    assert len(incident.outlets) == 3
    assert incident.sources == ["reuters"]
    assert incident.corroboration == "single-source"
    docs.append(
        document("d4", "https://c.example/w", [event("e4", **ATTACK, attributed="the provincial governor")])
    )
    [incident] = cluster(docs)
    assert incident.sources == ["c", "reuters"] and incident.corroboration == "corroborated"


def test_denial_makes_an_incident_contested_but_keeps_the_toll():
    docs = _two_outlets({**ATTACK, "dead": 3}, {**ATTACK, "certainty": "negated", "dead": 0})
    [incident] = cluster(docs)
    assert incident.certainty == "asserted"
    assert incident.dead == 3
    assert "denied by some reports" in incident.contested


def test_merged_date_is_the_common_window():
    docs = _two_outlets({**ATTACK, "day": "2030-05-09", "end": "2030-05-11"}, {**ATTACK, "day": "2030-05-10"})
    [incident] = cluster(docs)
    assert incident.date is not None
    assert (incident.date.start, incident.date.end, incident.date.granularity) == (
        "2030-05-10",
        "2030-05-10",
        "day",
    )
    assert incident.location is not None and incident.location.name == "Ardale"


def test_update_in_any_order_equals_clustering_everything():
    docs, _ = multi_outlet_corpus(seed=3, happenings=25)
    expected = cluster(docs)
    for seed in range(3):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        incidents = []
        for k in range(0, len(shuffled), 7):
            incidents = update(incidents, shuffled[k : k + 7])
        assert incidents == expected
    assert len({inc.id for inc in expected}) == len(expected)


def test_reanalysed_document_replaces_its_events():
    docs = _two_outlets(ATTACK, ATTACK)
    incidents = cluster(docs)
    moved = document("d2", "https://second.example/b", [event("e2", **{**ATTACK, "place": FAR_TOWN})])
    assert _groups(update(incidents, [moved])) == {frozenset({"e1"}), frozenset({"e2"})}
    # re-coded with new event ids: the document's old events go
    recoded = document("d2", "https://second.example/b", [event("e2b", **ATTACK)])
    assert _groups(update(incidents, [recoded])) == {frozenset({"e1", "e2b"})}


def test_incident_index_and_outlet_names():
    incidents = cluster(_two_outlets(ATTACK, ATTACK))
    index = incident_index(incidents)
    assert index["e1"].id == index["e2"].id
    assert outlet_of("https://WWW.Example.org/path?q=1") == "example.org"
    assert outlet_of(None, "file.html") == "file.html"


def test_pairwise_quality_on_synthetic_multi_outlet_reports():
    docs, truth = multi_outlet_corpus(seed=11, happenings=40)
    clusters = {m.event.id: inc.id for inc in cluster(docs) for m in inc.mentions}
    precision, recall, _ = pairwise_scores(clusters, truth)
    assert precision >= 0.85 and recall >= 0.75


def test_two_different_towns_without_coordinates_stay_apart():
    east = Where(name="Ardale", admin1="Mirrow", country="XYZ")
    west = Where(name="Beckton", admin1="Mirrow", country="XYZ")
    assert len(cluster(_two_outlets({**ATTACK, "place": east}, {**ATTACK, "place": west}))) == 2
    city = Where(name="Ardale city", admin1="Mirrow", country="XYZ")
    assert len(cluster(_two_outlets({**ATTACK, "place": east}, {**ATTACK, "place": city}))) == 1


@pytest.mark.shared
def test_cross_article_pairs_on_annotated_dev_articles(shared_dir):
    """Gold events of the dev articles clustered (as if extraction were perfect), pairs across
    articles. 31 articles: 22/136 pairs found before the linking of issue #12, 66/136 after (P 0.99):
    the rest need what the gold alone does not give (a background attack 48 days before the article,
    Russia and Turkey's call told as Erdogan and Putin's). The threshold is the honest reach."""
    from allegiance.actors import load_kb
    from allegiance.evaluation.incidents import clustered, cross_pairs, gold_documents

    files = sorted((shared_dir / "data" / "articles-dev").glob("*.json"))
    docs, truth = gold_documents([json.loads(f.read_text(encoding="utf-8")) for f in files], load_kb())
    prf = cross_pairs(clustered(docs), truth)
    assert prf.tp + prf.fn > 0
    assert prf.precision >= 0.75 and prf.recall >= 0.45


def test_update_from_mentions_with_their_documents_named_equals_update_from_the_documents():
    # the store passes a batch's mentions (built once) and names their documents as replaced
    from allegiance.incidents import mentions_from

    place = town("Ardale", "Mirrow", 10.0, 20.0)
    docs = [
        document(f"d{k}", f"https://outlet{k}.example/1", [event(f"e{k}", actor=("north_front",), place=place)])
        for k in range(3)
    ]
    old = cluster(docs)
    again = [
        docs[0].model_copy(update={"events": [event("e0b", actor=("state_army",), place=place)]}),
        docs[1].model_copy(update={"events": []}),  # re-analysed, no event left: its old one goes
        document("d9", "https://outlet9.example/1", [event("e9", actor=("north_front",), place=place)]),
    ]
    expected = update(old, again)
    assert {m.event.id for inc in expected for m in inc.mentions} == {"e0b", "e2", "e9"}
    assert update(old, mentions_from(again), replaced=[d.id for d in again]) == expected
