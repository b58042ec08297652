"""A value the store cannot answer is an error that says what is allowed — the same words on the
command line, in the API and on a page — never an empty result, a pattern or a Python repr."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from allegiance.cli import app
from allegiance.query import Ambiguous, Filters, NotFound, Page, QueryError

runner = CliRunner()
BAD_DATE = "since must be a date written YYYY-MM-DD (e.g. 2021-02-28), got '2030-02-30'"


def test_a_bad_date_reads_the_same_in_the_cli_and_the_api(target, api):
    result = runner.invoke(app, ["events", "--db", target, "--since", "2030-02-30"])
    assert result.exit_code == 2 and result.stdout == ""
    assert BAD_DATE in " ".join(result.stderr.split())
    response = api.get("/api/events", params={"since": "2030-02-30"})
    assert response.status_code == 422
    assert response.json()["detail"]["message"] == BAD_DATE


@pytest.mark.parametrize(
    ("params", "allowed"),
    [
        ({"category": "BOMBING"}, "ASSAULT"),
        ({"certainty": "maybe"}, "hypothetical"),
        ({"sort": "colour"}, "dead"),
    ],
)
def test_unknown_values_list_the_allowed_ones(target, api, query, params, allowed):
    response = api.get("/api/events", params=params)
    assert response.status_code == 422
    assert allowed in response.json()["detail"]["allowed"]
    option = [f"--{next(iter(params))}", next(iter(params.values()))]
    result = runner.invoke(app, ["events", "--db", target, *option])
    assert result.exit_code == 2 and allowed in result.stderr
    with pytest.raises(QueryError) as raised:
        query.events(
            Filters(**{k: v for k, v in params.items() if k != "sort"}), Page(sort=params.get("sort"))
        )
    assert response.json()["detail"]["message"] == raised.value.message


def test_an_unknown_actor_type_lists_the_types(target, api):
    response = api.get("/api/actors", params={"type": "warlords"})
    assert response.status_code == 422 and "rebels" in response.json()["detail"]["allowed"]
    result = runner.invoke(app, ["actors", "--db", target, "--type", "warlords"])
    assert result.exit_code == 2 and "unknown actor type 'warlords'; choose from" in result.stderr
    assert api.get("/api/actors", params={"type": "Rebels"}).json()["items"][0]["id"] == "kestrel-brigade"


def test_an_unknown_actor_offers_close_names_and_an_ambiguous_one_the_matches(target, api, query):
    with pytest.raises(NotFound) as unknown:
        query.resolve_actor("Varnese Armee")
    assert unknown.value.candidates[0] == "varnese-army"
    response = api.get("/api/actors/Varnese Armee")
    assert response.status_code == 404 and response.json()["detail"]["candidates"][0] == "varnese-army"
    with pytest.raises(Ambiguous) as ambiguous:
        query.resolve_actor("varnese")  # the prefix of two ids
    assert ambiguous.value.candidates == ["varnese-army", "varnese-army-7th"]
    response = api.get("/api/events", params={"actor": "varnese"})
    assert (
        response.status_code == 422 and response.json()["detail"]["candidates"] == ambiguous.value.candidates
    )
    result = runner.invoke(app, ["relation", "varnese", "Kestrel Brigade", "--db", target])
    assert result.exit_code == 2 and "varnese-army-7th" in result.stderr


def test_a_page_shows_the_message_not_the_pattern_or_a_repr(target):
    from fastapi.testclient import TestClient

    from allegiance.api import create_app

    with TestClient(create_app(target), headers={"accept": "text/html"}) as site:
        page = site.get("/events", params={"since": "31/12/2030", "category": ""})
        assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
        assert "since must be a date written YYYY-MM-DD" in page.text
        for leak in ("{'", "[{", "\\d", "pattern", "loc"):
            assert leak not in page.text, leak
        unknown = site.get("/actors/Varnese Armee")
        assert unknown.status_code == 404 and "Candidates: varnese-army" in unknown.text
