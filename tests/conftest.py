"""Shared fixtures: one pipeline per test session (spaCy loads once) and the ../shared data dir."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

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


def postgres_url() -> str:
    """ALLEGIANCE_TEST_PG (tools/start-postgres.sh starts a server), or skip the test."""
    url = os.environ.get("ALLEGIANCE_TEST_PG")
    if not url:
        pytest.skip("ALLEGIANCE_TEST_PG is not set (tools/start-postgres.sh starts a server)")
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()
    except Exception as exc:  # any failure to reach the server means: skip, not fail
        pytest.skip(f"PostgreSQL at ALLEGIANCE_TEST_PG is unreachable: {exc}")
    return url


@pytest.fixture
def postgres_target():
    """A postgresql:// URL whose search_path is a fresh, private schema."""
    import psycopg

    url = postgres_url()
    name = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
        try:
            sep = "&" if "?" in url else "?"
            yield f"{url}{sep}options={quote(f'-c search_path={name}')}"
        finally:
            admin.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture(params=["duckdb", "postgresql"])
def backend_target(request, tmp_path) -> str:
    """A store target on each backend: a DuckDB file, then a private PostgreSQL schema."""
    if request.param == "duckdb":
        return str(tmp_path / "test.duckdb")
    return request.getfixturevalue("postgres_target")
