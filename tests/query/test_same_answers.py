"""Done means: the same question asked through the query module, the CLI (--json) and the API
gets the same records, on DuckDB and on PostgreSQL."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from allegiance.cli import app
from allegiance.query import Filters, Page

runner = CliRunner()

# (CLI command, API path and parameters, query method and its arguments, id field)
EVENT_QUESTIONS = [
    ({}, Filters()),
    ({"actor": "Varnese Army"}, Filters(actor="Varnese Army")),
    ({"actor": "the Kestrels"}, Filters(actor="the Kestrels")),  # a knowledge-base alias
    ({"actor": "kestrel"}, Filters(actor="kestrel")),  # a unique prefix
    (
        {"category": "aid", "since": "2030-04-03", "until": "2030-04-08"},
        Filters(category="aid", since="2030-04-03", until="2030-04-08"),
    ),
    ({"country": "mli"}, Filters(country="mli")),
    ({"certainty": "reported", "q": "killing"}, Filters(certainty="reported", q="killing")),
]


def cli_json(*args: str) -> list[dict]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def cli_options(params: dict[str, str]) -> list[str]:
    return [x for key, value in params.items() for x in (f"--{key}", value)]


@pytest.mark.parametrize(("params", "filters"), EVENT_QUESTIONS)
def test_events_are_the_same_through_every_front_end(target, query, api, params, filters):
    _, items, _ = query.events(filters, Page(limit=100))
    from_query = [e["id"] for e in items]
    from_api = [e["id"] for e in api.get("/api/events", params=params | {"limit": 100}).json()["items"]]
    from_cli = [
        e["id"] for e in cli_json("events", "--db", target, "--limit", "100", "--json", *cli_options(params))
    ]
    assert from_query and from_query == from_api == from_cli


@pytest.mark.parametrize(
    ("command", "path", "method", "filters", "key"),
    [
        (["actors", "--q", "army"], "/api/actors?q=army", "actors", Filters(q="army"), "id"),
        (
            ["documents", "--actor", "7th Division"],
            "/api/documents?actor=7th Division",
            "documents",
            Filters(actor="7th Division"),
            "id",
        ),
        (
            ["quotes", "--actor", "7th"],
            "/api/quotes?actor=7th",
            "quotes",
            Filters(actor="7th"),
            "document_id",
        ),
        (["failures"], "/api/failures", "failures", Filters(), "source"),
        (
            ["incidents", "--actor", "Relief League"],
            "/api/incidents?actor=Relief League",
            "incidents",
            Filters(actor="Relief League"),
            "id",
        ),
    ],
)
def test_listings_are_the_same_through_every_front_end(
    target, query, api, command, path, method, filters, key
):
    _, items = getattr(query, method)(filters, Page())
    from_api = [r[key] for r in api.get(path).json()["items"]]
    from_cli = [r[key] for r in cli_json(*command, "--db", target, "--json")]
    assert [r[key] for r in items] == from_api == from_cli
    if method != "failures":
        assert from_api


def test_one_actor_and_one_relation_by_name_everywhere(target, query, api):
    profile = query.actor("Varnese Army")
    assert api.get("/api/actors/Varnese Army").json()["id"] == profile["id"] == "varnese-army"
    assert cli_json("actor", "varnese army", "--db", target, "--json")["id"] == "varnese-army"
    a, b, periods = query.relation("Kestrel Brigade", "the army")  # names and aliases, as `actor` takes
    assert (a, b) == ("kestrel-brigade", "varnese-army") and periods
    timeline = api.get("/api/relations/Kestrel Brigade/the army").json()
    from_cli = cli_json("relation", "Kestrel Brigade", "the army", "--db", target, "--json")
    assert (
        [p["period"] for p in timeline["periods"]]
        == [p["period"] for p in from_cli]
        == [p.period for p in periods]
    )
