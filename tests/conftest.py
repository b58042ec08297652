"""Shared fixtures: one pipeline per test session (spaCy loads once) and the ../shared data dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pg_helpers import private_schema

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = Path(os.environ.get("ALLEGIANCE_SHARED", ROOT.parent / "shared"))
    if not path.is_dir():
        pytest.skip(f"shared evaluation data not found at {path}")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from allegiance.pipeline import Pipeline

    return Pipeline()


@pytest.fixture
def postgres_target():
    """A postgresql:// URL whose search_path is a fresh, private schema."""
    with private_schema() as url:
        yield url


@pytest.fixture(params=["duckdb", "postgresql"])
def backend_target(request, tmp_path) -> str:
    """A store target on each backend: a DuckDB file, then a private PostgreSQL schema."""
    if request.param == "duckdb":
        return str(tmp_path / "test.duckdb")
    return request.getfixturevalue("postgres_target")
