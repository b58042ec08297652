"""Relation timelines, status rules, alerts and the chart, on synthetic incidents."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import jsonschema
import pytest
import yaml

from allegiance.incidents import cluster
from allegiance.relations import alerts, current_scores, load_weights, pairs_of, period_of, timelines
from allegiance.relations.chart import relation_png
from export.synthetic import document, event

PAIR = ("north_front", "state_army")
NF, SA = ("north_front",), ("state_army",)


def _docs(*events_by_outlet):
    return [document(f"d{k}", f"https://outlet{k}.example/x", [ev]) for k, ev in enumerate(events_by_outlet)]


def test_weights_file_matches_schema_and_codebook_categories():
    folder = resources.files("allegiance") / "data" / "relations"
    raw = yaml.safe_load((folder / "scores.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(raw, json.loads((folder / "schema.json").read_text(encoding="utf-8")))
    weights = load_weights()
    assert len(weights.category_score) == 16
    # the codebook's ordering: attacks are the most conflictual, aid among the most cooperative
    assert min(weights.category_score, key=weights.category_score.get) == "ASSAULT"
    assert weights.category_score["AID"] > 0 > weights.category_score["ACCUSE"]
    assert (
        weights.certainty_of("negated")
        < 0
        < weights.certainty_of("hypothetical")
        < weights.certainty_of("asserted")
    )


def test_mode_score_and_coder_score_take_precedence():
    weights = load_weights()
    assert weights.score(event("e", "ASSAULT", mode="Beat")) > weights.score(event("e", "ASSAULT"))
    assert weights.score(event("e", "ASSAULT", mode="unheard-of")) == weights.category_score["ASSAULT"]
    coded = event("e", "ASSAULT").model_copy(update={"score": -1.0})
    assert weights.score(coded) == -1.0


def test_pairs_are_unordered_and_two_sided_events_pair_their_actors():
    assert pairs_of(event("e", actor=("b", "a"))) == {("a", "b")}
    assert pairs_of(event("e", actor=("b",), recipient=("a", "c"))) == {("a", "b"), ("b", "c")}
    assert pairs_of(event("e", actor=("a",))) == set()


def test_hostile_then_truce_then_broken_truce_with_alerts():
    docs = _docs(
        event("e1", "ASSAULT", NF, SA, day="2030-01-05"),
        event("e2", "CONCEDE", NF, SA, day="2030-02-03", mode="ceasefire", certainty="reported"),
        event("e3", "AGREE", SA, NF, day="2030-02-04", text="Both sides agreed to a truce in the region."),
        event("e4", "ASSAULT", SA, NF, day="2030-03-01"),
        event("e5", "ASSAULT", SA, NF, day="2030-03-02", certainty="hypothetical"),
    )
    periods = timelines(cluster(docs))[PAIR]
    assert [(p.period, p.status) for p in periods] == [
        ("2030-01", "hostile"),
        ("2030-02", "truce"),
        ("2030-03", "hostile"),
    ]
    truce = periods[1]
    assert truce.changed_from == "hostile" and truce.score > 0
    assert set(truce.events) == {"e2", "e3"} and truce.outlets == 2 and truce.certainty == "asserted"
    found = alerts({PAIR: periods}, names={"north_front": "North Front"})
    assert [(a.previous, a.status) for a in found] == [("truce", "hostile"), ("hostile", "truce")]
    assert found[1].message.startswith("North Front–state_army: hostile → truce")
    assert "2 outlets" in found[1].message
    assert alerts({PAIR: periods}, since="2030-03-01", names={"north_front": "North Front"}) == found[:1]
    assert alerts({PAIR: periods}, threshold=100) == []


def test_fighting_after_a_truce_in_the_same_period_is_hostile():
    docs = _docs(
        event("e1", "CONCEDE", NF, SA, day="2030-02-03", mode="ceasefire"),
        event("e2", "ASSAULT", NF, SA, day="2030-02-20"),
    )
    [period] = timelines(cluster(docs))[PAIR]
    assert period.status == "hostile"


def test_alliance_neutral_and_unknown():
    ally = event("e1", "COOPERATE", NF, SA, day="2030-01-05", text="The two groups formed an alliance.")
    meeting = event("e2", "CONSULT", NF, SA, day="2030-02-05")
    rumour = event("e3", "ASSAULT", NF, SA, day="2030-03-05", certainty="hypothetical")
    periods = timelines(cluster(_docs(ally, meeting, rumour)))[PAIR]
    assert [p.status for p in periods] == ["allied", "neutral", "unknown"]
    # unknown periods are skipped: the change is measured against the last known status
    assert [(a.previous, a.status) for a in alerts({PAIR: periods})] == [("allied", "neutral")]


def test_one_incident_counts_once_with_a_corroboration_bonus():
    one = timelines(cluster(_docs(event("e1", "ASSAULT", NF, SA))))[PAIR][0].score
    same_attack = [event(f"e{k}", "ASSAULT", NF, SA) for k in range(4)]
    four = timelines(cluster(_docs(*same_attack)))[PAIR][0]
    assert one < 0 and four.score < one  # more sources weigh more ...
    assert four.score > 4 * one  # ... but far less than four attacks
    assert four.outlets == 4


def test_denial_counts_against_the_claim():
    claimed = timelines(cluster(_docs(event("e1", "ASSAULT", NF, SA, day="2030-01-05"))))[PAIR][0].score
    denied = timelines(cluster(_docs(event("e1", "ASSAULT", NF, SA, certainty="negated"))))[PAIR][0]
    assert claimed < 0 < denied.score


@pytest.mark.parametrize(
    ("unit", "label", "start", "end"),
    [
        ("month", "2030-02", "2030-02-01", "2030-02-28"),
        ("week", "2030-W07", "2030-02-11", "2030-02-17"),
        ("quarter", "2030-Q1", "2030-01-01", "2030-03-31"),
        ("year", "2030", "2030-01-01", "2030-12-31"),
    ],
)
def test_periods(unit, label, start, end):
    got = period_of(date(2030, 2, 14), unit)
    assert (got[0], got[1].isoformat(), got[2].isoformat()) == (label, start, end)


def test_current_score_weighs_recent_periods_more():
    docs = _docs(
        event("e1", "AID", NF, SA, day="2029-01-05"),
        event("e2", "ASSAULT", NF, SA, day="2030-06-05"),
    )
    lines = timelines(cluster(docs))
    assert current_scores(lines)[PAIR] < 0
    assert current_scores(lines, today=date(2029, 1, 31))[PAIR] > current_scores(lines)[PAIR]


def test_relation_png(tmp_path):
    docs = _docs(
        event("e1", "ASSAULT", NF, SA, day="2030-01-05"), event("e2", "AID", NF, SA, day="2030-03-05")
    )
    out = relation_png(timelines(cluster(docs))[PAIR], tmp_path / "rel.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
