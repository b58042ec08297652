"""Fixtures for the desk: a synthetic DuckDB store file built once per session, and clients."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from allegiance.api import create_app

from .synthetic import build_store


@pytest.fixture(scope="session")
def desk_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("desk") / "desk.duckdb"
    build_store(path)
    return path


@pytest.fixture(scope="session")
def client(desk_store) -> TestClient:
    """Read-only desk without a token (the default `serve`)."""
    with TestClient(create_app(desk_store)) as c:
        yield c


@pytest.fixture
def writable_store(desk_store, tmp_path) -> Path:
    """A private copy of the store for tests that write to it."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(desk_store, copy)
    return copy
