"""The cross-article commands over a small DuckDB store filled with synthetic documents."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from typer.testing import CliRunner

from allegiance.cli import app
from allegiance.records import Actor, Document
from allegiance.store import open_store

from .synthetic import event, town

ARDALE = town("Ardale", "Mirrow", 10.0, 20.0)
ACTORS = [
    Actor(id="north_front", name="North Front", type="rebels"),
    Actor(id="state_army", name="State Army", type="military"),
]
NF, SA = ("north_front",), ("state_army",)


def _doc(doc_id: str, url: str, published: str, events) -> Document:
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        url=url,
        published=datetime.fromisoformat(published),
        text="Synthetic body.",
        actors=ACTORS,
        events=events,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "test.duckdb"
    docs = [
        _doc(
            "d1",
            "https://one.example/1",
            "2030-01-06",
            [event("d1-e1", "ASSAULT", NF, SA, "2030-01-05", place=ARDALE, dead=3)],
        ),
        _doc(
            "d2",
            "https://two.example/2",
            "2030-01-06",
            [event("d2-e1", "ASSAULT", SA, NF, "2030-01-05", place=ARDALE, dead=4)],
        ),
        _doc(
            "d3",
            "https://one.example/3",
            "2030-02-04",
            [event("d3-e1", "CONCEDE", NF, SA, "2030-02-03", mode="ceasefire")],
        ),
    ]
    with open_store(path) as store:
        for doc in docs:
            store.save(doc)
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_incidents_and_incident(db):
    found = json.loads(_run("incidents", "--db", str(db), "--json"))
    top = found[0]
    assert len(top["reports"]) == 2 and top["corroboration"] == "corroborated"
    assert (top["dead_low"], top["dead_high"]) == (3, 4)
    assert len(json.loads(_run("incidents", "--db", str(db), "--json", "--min-outlets", "2"))) == 1
    detail = json.loads(_run("incident", top["id"][:12], "--db", str(db), "--json"))
    assert {m["event"]["id"] for m in detail["mentions"]} == {"d1-e1", "d2-e1"}
    assert "reports" in _run("incident", top["id"], "--db", str(db))


def test_relation_alerts_network(db, tmp_path):
    periods = json.loads(
        _run(
            "relation",
            "North Front",
            "state_army",
            "--db",
            str(db),
            "--json",
            "--png",
            str(tmp_path / "r.png"),
        )
    )
    assert [p["status"] for p in periods] == ["hostile", "truce"]
    assert (tmp_path / "r.png").stat().st_size > 0
    assert "North Front–State Army: hostile → truce" in _run("alerts", "--db", str(db))
    assert json.loads(_run("alerts", "--db", str(db), "--json", "--since", "2030-03-01")) == []
    info = json.loads(_run("network", "--db", str(db), "--json"))
    assert info["actors"] == 2 and info["relations"] == 1


def test_export_command(db, tmp_path):
    out = tmp_path / "e.jsonl"
    assert "wrote 2 event(s)" in _run(
        "export", "--format", "plover", "--out", str(out), "--db", str(db), "--category", "ASSAULT"
    )
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["id"] for r in rows} == {"d1-e1", "d2-e1"} and len({r["incident"] for r in rows}) == 1
    result = CliRunner().invoke(app, ["export", "--format", "docx", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 2
