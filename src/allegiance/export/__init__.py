"""Exports of events, incidents and relations: PLOVER JSON Lines, ACLED-style CSV, Parquet (one file
per table), GraphML and GEXF (signed actor graph), GeoJSON (located events), STIX 2.1 bundle.

    data = ExportData.build(documents)          # clusters incidents, builds relation timelines
    export(data, "geojson", Path("events.geojson"))
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import acled_csv, geojson, graph, parquet, plover_jsonl, stix
from .dataset import ExportData, filter_documents

Writer = Callable[[ExportData, Path], Path]

FORMATS: dict[str, Writer] = {
    "plover": plover_jsonl.write,
    "acled": acled_csv.write,
    "parquet": parquet.write,  # `out` is a folder
    "graphml": graph.write_graphml,
    "gexf": graph.write_gexf,
    "geojson": geojson.write,
    "stix": stix.write,
}


def export(data: ExportData, fmt: str, out: Path) -> Path:
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    if fmt != "parquet":
        out.parent.mkdir(parents=True, exist_ok=True)
    return writer(data, out)


__all__ = ["FORMATS", "ExportData", "export", "filter_documents"]
