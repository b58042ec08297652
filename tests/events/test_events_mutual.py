"""Mutual one-directional acts ("accused each other", "traded accusations") give one record per
direction; two-sided categories (fighting, meeting) keep both sides in `actor`."""

from event_helpers import texts


def directions(events, category):
    return {(texts(e.actor), texts(e.recipient)) for e in events if e.event == category}


def test_each_other_accusation_runs_both_ways(code):
    events = code("Armenia and Azerbaijan accused each other of shelling border villages.")
    assert directions(events, "ACCUSE") == {("armenia", "azerbaijan"), ("azerbaijan", "armenia")}


def test_traded_accusations_run_both_ways(code):
    events = code("India and Pakistan traded accusations on Monday.")
    assert directions(events, "ACCUSE") == {("india", "pakistan"), ("pakistan", "india")}


def test_fighting_each_other_stays_one_two_sided_record(code):
    events = code("Hamas and Fatah fought each other in the streets of Gaza.")
    assaults = [e for e in events if e.event == "ASSAULT"]
    assert len(assaults) == 1
    assert {"hamas", "fatah"} <= set(texts(assaults[0].actor).split(" | "))
    assert not assaults[0].recipient


def test_one_sided_accusation_is_unchanged(code):
    assert directions(code("Iran accused Israel of the attack."), "ACCUSE") == {("iran", "israel")}
