"""The PostgreSQL server the store tests use (ALLEGIANCE_TEST_PG; tools/start-postgres.sh starts
one): its URL, or a skip, and a private schema per test or module."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest


def postgres_url() -> str:
    """ALLEGIANCE_TEST_PG, or skip the test."""
    url = os.environ.get("ALLEGIANCE_TEST_PG")
    if not url:
        pytest.skip("ALLEGIANCE_TEST_PG is not set (tools/start-postgres.sh starts a server)")
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()
    except Exception as exc:  # any failure to reach the server means: skip, not fail
        pytest.skip(f"PostgreSQL at ALLEGIANCE_TEST_PG is unreachable: {exc}")
    return url


@contextmanager
def private_schema() -> Iterator[str]:
    """A postgresql:// URL whose search_path is a fresh, private schema (dropped afterwards)."""
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
