"""Network analysis of the current signed actor graph (networkx).

Nodes are actors; an edge carries the pair's current relation score (recency-decayed, see
`relations.current_scores`), its sign and its latest status. On that graph: structural-balance
triads (a triangle is balanced when the product of its signs is positive: "the enemy of my enemy
is my friend"), communities of allied actors (modularity communities of the positive subgraph), and
the actors whose relations changed most across periods.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import networkx as nx

from .records import RelationPeriod
from .relations import Pair, current_scores


def signed_graph(
    lines: Mapping[Pair, list[RelationPeriod]],
    names: Mapping[str, str] | None = None,
    today: date | None = None,
) -> nx.Graph:
    """Undirected graph: node attribute `name`; edge attributes `weight` (signed score), `sign`
    (-1, 0, +1), `status` (latest known), `periods`, `last_period`."""
    graph = nx.Graph()
    scores = current_scores(dict(lines), today)
    for (a, b), periods in sorted(lines.items()):
        if not periods:
            continue
        for node in (a, b):
            graph.add_node(node, name=(names or {}).get(node, node))
        known = [p for p in periods if p.status != "unknown"]
        latest = known[-1] if known else periods[-1]
        weight = scores.get((a, b), 0.0)
        graph.add_edge(
            a,
            b,
            weight=weight,
            sign=(weight > 0) - (weight < 0),
            status=latest.status,
            periods=len(periods),
            last_period=latest.period,
        )
    return graph


@dataclass(frozen=True)
class Triad:
    nodes: tuple[str, str, str]
    signs: tuple[int, int, int]
    balanced: bool


def triads(graph: nx.Graph) -> list[Triad]:
    """Every triangle whose three edges all have a sign, with its balance."""
    out = []
    signed = nx.Graph((u, v, d) for u, v, d in graph.edges(data=True) if d.get("sign"))
    for u in sorted(signed):
        later = sorted(n for n in signed[u] if n > u)
        for v, w in combinations(later, 2):
            if signed.has_edge(v, w):
                signs = (signed[u][v]["sign"], signed[u][w]["sign"], signed[v][w]["sign"])
                out.append(Triad(nodes=(u, v, w), signs=signs, balanced=signs[0] * signs[1] * signs[2] > 0))
    return out


def balance_ratio(graph: nx.Graph) -> float | None:
    """Share of signed triangles that are balanced (None when there is none)."""
    found = triads(graph)
    return sum(t.balanced for t in found) / len(found) if found else None


def allied_communities(graph: nx.Graph) -> list[list[str]]:
    """Groups of actors held together by positive (cooperative) relations, largest first; actors
    without a positive tie are left out. Deterministic: networkx's greedy modularity is."""
    positive = nx.Graph()
    positive.add_weighted_edges_from(
        (u, v, d["weight"]) for u, v, d in graph.edges(data=True) if d.get("sign", 0) > 0
    )
    if positive.number_of_edges() == 0:
        return []
    groups = nx.algorithms.community.greedy_modularity_communities(positive, weight="weight")
    return sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g))


def most_changed(lines: Mapping[Pair, list[RelationPeriod]], top: int = 10) -> list[tuple[str, float, int]]:
    """Actors ranked by how much their relations moved: (actor, summed |score change| between
    consecutive periods of each of its pairs, number of status changes)."""
    movement: dict[str, float] = defaultdict(float)
    changes: dict[str, int] = defaultdict(int)
    for (a, b), periods in lines.items():
        for before, after in zip(periods, periods[1:], strict=False):
            delta = abs(after.score - before.score)
            for actor in (a, b):
                movement[actor] += delta
                changes[actor] += after.changed_from is not None
    ranked = sorted(movement, key=lambda x: (-movement[x], -changes[x], x))
    return [(actor, round(movement[actor], 3), changes[actor]) for actor in ranked[:top]]


def summary(graph: nx.Graph, lines: Mapping[Pair, list[RelationPeriod]]) -> dict:
    """Everything the `network` command prints, as plain data."""
    found = triads(graph)
    return {
        "actors": graph.number_of_nodes(),
        "relations": graph.number_of_edges(),
        "hostile": sum(1 for *_, d in graph.edges(data=True) if d["sign"] < 0),
        "cooperative": sum(1 for *_, d in graph.edges(data=True) if d["sign"] > 0),
        "triads": len(found),
        "balanced_triads": sum(t.balanced for t in found),
        "unbalanced": [list(t.nodes) for t in found if not t.balanced],
        "communities": allied_communities(graph),
        "most_changed": most_changed(lines),
    }
