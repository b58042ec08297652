"""Keyset pagination, limits, counts memoised per store version, /api/failures, PostgreSQL
read-only, `serve` on a postgresql:// store, tables that stay one line per row when piped."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
import uvicorn
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from allegiance.cli import app
from allegiance.query import Filters, Page, Query
from allegiance.records import Failure
from allegiance.store import open_store
from api.synthetic import aid_report

runner = CliRunner()


def walk(api, **params) -> list[str]:
    """Every event id, page after page by following `next`."""
    ids, cursor = [], None
    while True:
        body = api.get("/api/events", params=params | ({"cursor": cursor} if cursor else {})).json()
        ids += [e["id"] for e in body["items"]]
        cursor = body["next"]
        if cursor is None:
            return ids


@pytest.mark.parametrize("sort", [None, "-date", "date", "-dead", "event", "-place"])
def test_cursor_pages_give_the_offset_order_without_overlap(api, sort):
    params = {"sort": sort} if sort else {}
    everything = [e["id"] for e in api.get("/api/events", params=params | {"limit": 500}).json()["items"]]
    assert walk(api, limit=3, **params) == everything
    assert len(set(everything)) == len(everything) == 14


def test_a_cursor_from_another_sort_or_forged_is_refused(api):
    cursor = api.get("/api/events", params={"limit": 2}).json()["next"]
    assert api.get("/api/events", params={"cursor": cursor, "sort": "event"}).status_code == 422
    assert api.get("/api/events", params={"cursor": "bm90IGpzb24"}).status_code == 422


def test_located_events_honour_the_limit(api):
    everything = api.get("/api/events/located").json()
    one = api.get("/api/events/located", params={"limit": 1}).json()
    assert len(one["items"]) == 1 and one["total"] == everything["total"] == 14


def test_failures_are_served_and_listed(api, target):
    assert api.get("/api/failures").json() == {
        "total": 0,
        "limit": 50,
        "offset": 0,
        "next": None,
        "items": [],
    }
    assert runner.invoke(app, ["failures", "--db", target, "--json"]).stdout.strip() == "[]"


def test_counts_follow_the_store_version(tmp_path, target):
    if "://" in target:
        pytest.skip("a copy of the DuckDB file is written to")
    copy = str(tmp_path / "copy.duckdb")
    shutil.copy(target, copy)
    store = open_store(copy)
    query = Query(store)
    before, _, _ = query.events(Filters(category="AID"), Page(limit=1))
    store.save(aid_report("doc-aid-new", "2030-06-01T08:00:00", "2030-06-01"))
    store.record_failure(Failure(source="x.html", stage="clean", reason="no article body"))
    after, items, _ = query.events(Filters(category="AID"), Page(limit=1))
    assert (before, after) == (12, 13) and items[0]["document_id"] == "doc-aid-new"
    assert query.failures(Filters(), Page())[0] == 1 and query.counts()["documents"] == 15
    store.close()


def test_a_read_only_store_refuses_writes_on_every_backend(target):
    store = open_store(target, read_only=True)
    try:
        with pytest.raises(Exception):  # noqa: B017 (each backend has its own error type)
            store.record_failure(Failure(source="x", stage="clean", reason="r"))
    finally:
        store.close()


def test_serve_accepts_the_store_it_is_given(target, monkeypatch):
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: started.update(app=application))
    result = runner.invoke(app, ["serve", "--db", target])
    assert result.exit_code == 0, result.output
    with TestClient(started["app"]) as client:
        assert client.get("/api/counts").json()["events"] == 14


def test_piped_tables_keep_one_line_per_row_and_csv_has_every_row(target):
    table = runner.invoke(app, ["documents", "--db", target])
    lines = table.stdout.splitlines()
    assert lines[0] == "14 of 14 document(s)" and len(lines) == 3 + 14  # title, header, rule, rows
    assert any(len(line) > 80 for line in lines)  # not folded at 80 columns
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["events", "--db", target, "--csv"]).stdout)))
    assert len(rows) == 14 and rows[0]["sentence"].startswith("Kestrel Brigade fighters attacked")
    assert rows[0]["actor"] == "kestrel-brigade"


def test_the_cli_pages_by_cursor_and_lists_map_points_as_the_api(api, target):
    first = runner.invoke(app, ["events", "--db", target, "--limit", "5", "--json"])
    cursor = first.stderr.strip().removeprefix("next page: --cursor ")
    assert cursor == api.get("/api/events", params={"limit": 5}).json()["next"]
    second = runner.invoke(app, ["events", "--db", target, "--limit", "5", "--cursor", cursor, "--json"])
    api_second = api.get("/api/events", params={"limit": 5, "cursor": cursor}).json()["items"]
    assert [e["id"] for e in json.loads(second.stdout)] == [e["id"] for e in api_second]
    points = runner.invoke(app, ["events", "--db", target, "--located", "--limit", "3", "--json"])
    api_points = api.get("/api/events/located", params={"limit": 3}).json()["items"]
    assert json.loads(points.stdout) == api_points
