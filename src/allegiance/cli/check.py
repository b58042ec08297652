"""`allegiance check`: report (and with --repair, fix) what a crash or an older version left in a
store: orphan rows, stale incidents, events no incident covers (store/check.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from .app import app, console, die, write_json


@app.command()
def check(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file of the store.")] = Path("allegiance.duckdb"),
    store_url: Annotated[
        str | None, typer.Option("--store", help="Store target instead of --db: a DuckDB path or postgresql://…")
    ] = None,
    repair: Annotated[bool, typer.Option("--repair", help="Fix what is found (one transaction).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout instead of a table.")] = False,
) -> None:
    """Check a store's consistency; exit 1 when something is wrong and was not repaired."""
    from ..store import StoreError, open_store
    from ..store.check import inspect
    from ..store.check import repair as fix

    target = store_url or str(db)
    if not store_url and not db.is_file():
        die(f"no store at {db}")
    try:
        store = open_store(target, read_only=not repair)
    except StoreError as exc:
        die(str(exc))
    with store:
        report = fix(store) if repair else inspect(store)
    if as_json:
        write_json(report.as_dict())
    else:
        table = Table(title=f"allegiance check → {getattr(store, 'path', target)}")
        for header in ("finding", "table", "count", "what"):
            table.add_column(header, justify="right" if header == "count" else "left")
        for f in report.findings:
            table.add_row(f.kind, f.table, str(f.count), f.detail)
        console.print(table)
        if report.healthy:
            console.print("healthy: nothing to repair")
        elif report.repaired:
            console.print("repaired: run `allegiance check` again to confirm")
        else:
            console.print("run `allegiance check --repair` to fix these")
    if not report.healthy and not report.repaired:
        raise typer.Exit(1)
