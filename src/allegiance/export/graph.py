"""GraphML and GEXF (networkx): actors as nodes, relations as signed weighted edges."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..network import signed_graph
from .dataset import ExportData


def build(data: ExportData) -> nx.Graph:
    names = {actor_id: data.name(actor_id) for pair in data.lines for actor_id in pair}
    graph = signed_graph(data.lines, names=names)
    for node in graph.nodes:
        graph.nodes[node]["type"] = data.actor_type(node) or "unknown"
    return graph


def write_graphml(data: ExportData, out: Path) -> Path:
    nx.write_graphml(build(data), out)
    return out


def write_gexf(data: ExportData, out: Path) -> Path:
    nx.write_gexf(build(data), out)
    return out
