"""The desk's synthetic store (tests/api/synthetic.py) on each backend, read through every front
end: the query module, the CLI and the API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from allegiance.api import create_app
from allegiance.query import Query
from allegiance.store import open_store
from api.synthetic import build_store
from pg_helpers import private_schema


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def target(request, tmp_path_factory):
    """A filled store: a DuckDB file, or a private schema of the ALLEGIANCE_TEST_PG server."""
    if request.param == "duckdb":
        path = str(tmp_path_factory.mktemp("query") / "desk.duckdb")
        build_store(path)  # type: ignore[arg-type]
        yield path
        return
    with private_schema() as url:
        build_store(url)  # type: ignore[arg-type]
        yield url


@pytest.fixture(scope="module")
def query(target):
    store = open_store(target, read_only=True)
    yield Query(store)
    store.close()


@pytest.fixture(scope="module")
def api(target):
    with TestClient(create_app(target)) as client:
        yield client
