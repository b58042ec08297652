"""Fixtures for the web pages: the same synthetic store as the API tests (tests/api/synthetic.py;
`tests/` is on sys.path because tests/api and tests/web are packages under it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from allegiance.api import create_app
from api.synthetic import build_store


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "desk.duckdb"
    build_store(path)
    return path


@pytest.fixture(scope="session")
def site(web_store) -> TestClient:
    with TestClient(create_app(web_store), headers={"accept": "text/html"}) as c:
        yield c
