"""`allegiance serve`: the analyst's desk (JSON API + web UI) over a store, with uvicorn."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from .app import app, die, err_console


@app.command()
def serve(
    db: Annotated[
        str, typer.Option("--db", help="The store: a DuckDB file or a postgresql:// URL.")
    ] = "allegiance.duckdb",
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; keep 127.0.0.1 unless behind a proxy.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8765,
    token: Annotated[
        str | None,
        typer.Option(
            "--token", help="Require this bearer token on every request (default: $ALLEGIANCE_TOKEN)."
        ),
    ] = None,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Enable POST /api/ingest (opens the store writable).")
    ] = False,
) -> None:
    """Serve the JSON API (/api/, OpenAPI at /docs) and the web pages over a store."""
    import uvicorn

    from ..api import create_app
    from ..store import StoreError

    token = token or os.environ.get("ALLEGIANCE_TOKEN") or None
    if "://" not in db and not Path(db).exists() and not allow_ingest:
        die(f"no store at {db}: run `allegiance run PAGES --db {db}` first (or pass --allow-ingest)")
    try:
        application = create_app(db, token=token, allow_ingest=allow_ingest)
    except StoreError as exc:
        die(str(exc))
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        err_console.print(
            f"[yellow]warning:[/] serving on {host} without --token: anyone who can reach it can read the store"
        )
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    err_console.print(
        f"allegiance desk on http://{shown}:{port}/" + ("?token=…" if token else ""), highlight=False
    )
    uvicorn.run(application, host=host, port=port, log_level="info", server_header=False)
