"""Every export format written from a small synthetic corpus and read back with its own parser."""

from __future__ import annotations

import csv
import json
from datetime import datetime

import networkx as nx
import pyarrow.parquet as pq
import pytest
import stix2

from allegiance.export import FORMATS, ExportData, export, filter_documents
from allegiance.records import Actor, Document, Span, TextSpan

from .synthetic import event, town

TEXT_A = "North Front fighters shelled an army post in Ardale on Monday. The two sides later met for talks."
TEXT_B = "Jets of the state army bombed villagers near Ardale, killing 5 people."
ARDALE = town("Ardale", "Mirrow", 10.0, 20.0)
ACTORS = [
    Actor(id="north_front", name="North Front", type="rebels"),
    Actor(id="state_army", name="State Army", type="military", country="XYZ"),
    Actor(id="villagers", name="villagers", type="civilians"),
]


def _sentence(text: str, k: int) -> Span:
    starts = [0] + [i + 2 for i, ch in enumerate(text) if ch == "." and i + 2 < len(text)]
    start = starts[k]
    return Span(start=start, end=text.index(".", start) + 1)


def _located(ev, text: str, k: int):
    span = _sentence(text, k)
    return ev.model_copy(
        update={
            "sentence": span,
            "eventText": text[span.start : span.end],
            "trigger": TextSpan(start=span.start, end=span.start + 5, text=text[span.start : span.start + 5]),
        }
    )


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    attack = _located(
        event(
            "a1",
            "ASSAULT",
            ("north_front",),
            ("state_army",),
            "2030-05-10",
            place=ARDALE,
            mode="heavy-weapons",
        ),
        TEXT_A,
        0,
    )
    talks = _located(event("a2", "CONSULT", ("north_front", "state_army"), (), "2030-05-11"), TEXT_A, 1)
    strike = _located(
        event(
            "b1",
            "ASSAULT",
            ("state_army",),
            ("villagers",),
            "2030-05-10",
            place=ARDALE,
            dead=5,
            certainty="reported",
        ),
        TEXT_B,
        0,
    )
    doc_a = Document(
        id="doc-a",
        source="a.html",
        url="https://www.first.example/a",
        title="Shelling in Ardale",
        published=datetime(2030, 5, 11),
        text=TEXT_A,
        actors=ACTORS[:2],
        events=[attack, talks],
    )
    doc_b = Document(
        id="doc-b",
        source="b.html",
        url="https://second.example/b",
        published=datetime(2030, 5, 11),
        text=TEXT_B,
        actors=ACTORS[1:],
        events=[strike],
    )
    return [doc_a, doc_b]


@pytest.fixture(scope="module")
def data(corpus) -> ExportData:
    return ExportData.build(corpus)


def test_plover_jsonl(data, corpus, tmp_path):
    rows = [
        json.loads(line) for line in export(data, "plover", tmp_path / "e.jsonl").read_text().splitlines()
    ]
    assert [r["id"] for r in rows] == ["a1", "a2", "b1"]
    texts = {d.id: d.text for d in corpus}
    for r in rows:
        assert {
            "date",
            "actor",
            "recipient",
            "event",
            "mode",
            "quad_code",
            "event_scale",
            "certainty",
            "incident",
            "url",
        } <= set(r)
        span = r["evidence"]
        assert texts[r["document_id"]][span["start"] : span["end"]] == r["event_text"][0]
    attack = rows[0]
    assert attack["actor"][0]["identifier_text"] == "North Front" and attack["quad_code"] == 4
    assert attack["event_scale"] < 0 and attack["event_loc"]["province"] == "Mirrow"
    assert rows[2]["size"] == {"dead": 5} and rows[2]["certainty"] == "reported"


def test_acled_csv(data, tmp_path):
    with export(data, "acled", tmp_path / "e.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_id = {r["event_id"]: r for r in rows}
    assert set(by_id) == {"a1", "b1"}  # talks are not an ACLED event
    assert (by_id["a1"]["event_type"], by_id["a1"]["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    assert (by_id["b1"]["event_type"], by_id["b1"]["sub_event_type"]) == (
        "Violence against civilians",
        "Attack",
    )
    assert by_id["b1"]["fatalities"] == "5" and by_id["a1"]["fatalities"] == "0"
    assert by_id["b1"]["actor1"] == "State Army" and by_id["b1"]["source"] == "second.example"
    assert float(by_id["a1"]["latitude"]) == 10.0 and by_id["a1"]["admin1"] == "Mirrow"


def test_parquet_tables(data, tmp_path):
    folder = export(data, "parquet", tmp_path / "pq")
    events = pq.read_table(folder / "events.parquet").to_pylist()
    assert {e["id"] for e in events} == {"a1", "a2", "b1"}
    participants = pq.read_table(folder / "participants.parquet").to_pylist()
    assert {(p["event_id"], p["role"], p["actor_id"]) for p in participants} >= {
        ("b1", "recipient", "villagers")
    }
    mentions = pq.read_table(folder / "incident_mentions.parquet").to_pylist()
    assert len(mentions) == 3
    relations = pq.read_table(folder / "relations.parquet").to_pylist()
    assert {(r["a"], r["b"]) for r in relations} == {
        ("north_front", "state_army"),
        ("state_army", "villagers"),
    }
    assert pq.read_table(folder / "documents.parquet").num_rows == 2
    assert pq.read_table(folder / "incidents.parquet").num_rows >= 2


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_formats_load_back(data, tmp_path, fmt, reader):
    graph = reader(export(data, fmt, tmp_path / f"g.{fmt}"))
    assert set(graph.nodes) == {"north_front", "state_army", "villagers"}
    edge = graph["state_army"]["villagers"]
    assert float(edge["weight"]) < 0 and int(edge["sign"]) == -1 and edge["status"] == "hostile"
    if fmt == "graphml":
        assert graph.nodes["north_front"]["name"] == "North Front"
        assert graph.nodes["villagers"]["type"] == "civilians"


def test_geojson_has_only_located_events(data, tmp_path):
    fc = json.loads(export(data, "geojson", tmp_path / "e.geojson").read_text())
    assert fc["type"] == "FeatureCollection"
    assert {f["id"] for f in fc["features"]} == {"a1", "b1"}
    assert all(f["geometry"]["coordinates"] == [20.0, 10.0] for f in fc["features"])  # [lon, lat]


def test_stix_bundle_validates_and_is_deterministic(data, corpus, tmp_path):
    first = export(data, "stix", tmp_path / "a.json").read_text()
    again = export(ExportData.build(list(reversed(corpus))), "stix", tmp_path / "b.json").read_text()
    assert first == again
    bundle = stix2.parse(first, allow_custom=True)
    types = {o.type for o in bundle.objects}
    assert {"threat-actor", "identity", "location", "report", "relationship"} <= types
    by_id = {o.id: o for o in bundle.objects}
    targets = [o for o in bundle.objects if o.type == "relationship" and o.relationship_type == "targets"]
    assert {(by_id[r.source_ref].name, by_id[r.target_ref].name) for r in targets} >= {
        ("State Army", "villagers")
    }
    strike = next(o for o in bundle.objects if o.type == "relationship" and o.x_event_id == "b1")
    assert strike.x_certainty == "reported"
    for report in (o for o in bundle.objects if o.type == "report"):
        assert all(ref in by_id for ref in report.object_refs)


def test_filters_keep_matching_events_only(corpus):
    kept = filter_documents(corpus, actor="North Front")
    assert [e.id for d in kept for e in d.events] == ["a1", "a2"]
    assert [
        e.id
        for d in filter_documents(corpus, category="assault", since="2030-05-10", until="2030-05-10")
        for e in d.events
    ] == ["a1", "b1"]
    assert [e.id for d in filter_documents(corpus, certainty="reported") for e in d.events] == ["b1"]
    assert [e.id for d in filter_documents(corpus, since="2030-05-11") for e in d.events] == ["a2"]


def test_unknown_format_is_refused(data, tmp_path):
    assert set(FORMATS) == {"plover", "acled", "parquet", "graphml", "gexf", "geojson", "stix"}
    with pytest.raises(ValueError, match="unknown export format"):
        export(data, "xml", tmp_path / "x")


def test_acled_mapping_file_loads_and_uses_codebook_categories():
    from allegiance.export.acled_csv import mapping
    from allegiance.relations import load_weights

    categories = mapping()
    assert set(categories) <= set(load_weights().category_score)
    assert "ACCUSE" not in categories  # verbal conflict is not an ACLED event
    assert all(len(rule["default"]) == 2 for rule in categories.values())
