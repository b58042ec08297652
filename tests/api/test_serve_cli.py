"""`allegiance serve`: safe defaults (localhost, token from the environment) and a clear error
when there is no store."""

from __future__ import annotations

import uvicorn
from typer.testing import CliRunner

from allegiance.cli import app


def test_serve_binds_localhost_and_reads_the_token_from_the_environment(desk_store, monkeypatch):
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: started.update(kw, app=application))
    result = CliRunner().invoke(app, ["serve", "--db", str(desk_store)], env={"ALLEGIANCE_TOKEN": "from-env"})
    assert result.exit_code == 0, result.output
    assert started["host"] == "127.0.0.1" and started["port"] == 8765
    guard = started["app"].user_middleware[0]
    assert guard.kwargs["token"] == "from-env"
    assert started["app"].state.allow_ingest is False


def test_serve_without_a_store_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2
    assert "no store" in result.output
