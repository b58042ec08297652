"""Signed actor graph: balance triads, allied communities, most-changed actors."""

from __future__ import annotations

from allegiance.incidents import cluster
from allegiance.network import allied_communities, balance_ratio, most_changed, signed_graph, summary, triads
from allegiance.relations import timelines
from export.synthetic import document, event


def _lines(*specs):
    """specs: (category, actor, recipient, day)."""
    docs = [
        document(f"d{k}", f"https://o{k}.example/x", [event(f"e{k}", cat, (a,), (r,), day=day)])
        for k, (cat, a, r, day) in enumerate(specs)
    ]
    return timelines(cluster(docs))


def test_balanced_and_unbalanced_triads():
    # a and b allied against c: balanced (+,-,-); d, e, f all hostile to each other: unbalanced
    lines = _lines(
        ("AID", "a", "b", "2030-01-01"),
        ("ASSAULT", "a", "c", "2030-01-02"),
        ("ASSAULT", "b", "c", "2030-01-03"),
        ("ASSAULT", "d", "e", "2030-01-04"),
        ("ASSAULT", "e", "f", "2030-01-05"),
        ("ASSAULT", "d", "f", "2030-01-06"),
    )
    graph = signed_graph(lines, names={"a": "Alpha"})
    assert graph.nodes["a"]["name"] == "Alpha"
    assert graph["a"]["c"]["sign"] == -1 and graph["a"]["b"]["sign"] == 1
    found = {t.nodes: t.balanced for t in triads(graph)}
    assert found == {("a", "b", "c"): True, ("d", "e", "f"): False}
    assert balance_ratio(graph) == 0.5
    info = summary(graph, lines)
    assert info["unbalanced"] == [["d", "e", "f"]] and info["hostile"] == 5


def test_allied_communities_follow_positive_ties():
    lines = _lines(
        ("AID", "a", "b", "2030-01-01"),
        ("COOPERATE", "b", "c", "2030-01-01"),
        ("AID", "x", "y", "2030-01-01"),
        ("ASSAULT", "c", "x", "2030-01-02"),
    )
    assert allied_communities(signed_graph(lines)) == [["a", "b", "c"], ["x", "y"]]


def test_most_changed_ranks_actors_by_movement():
    lines = _lines(
        ("AID", "a", "b", "2030-01-01"),
        ("ASSAULT", "a", "b", "2030-02-01"),
        ("AID", "a", "b", "2030-03-01"),
        ("CONSULT", "c", "d", "2030-01-01"),
        ("CONSULT", "c", "d", "2030-02-01"),
    )
    ranked = most_changed(lines)
    assert [actor for actor, *_ in ranked[:2]] == ["a", "b"]
    assert ranked[0][2] >= 2  # neutral/hostile/... status changes counted
    assert dict((a, m) for a, m, _ in ranked)["c"] == 0
