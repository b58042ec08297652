"""The one Typer `app` every command module registers on, and the output helpers they share."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

app = typer.Typer(
    name="allegiance",
    help="Conflict news to evidence-linked PLOVER events, actors and relations.",
    no_args_is_help=True,
    add_completion=False,
)

# Tables and progress go through Rich; machine output (JSON) is written to stdout untouched.
console = Console()
err_console = Console(stderr=True)


def die(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error to stderr and exit (2 = usage or setup problem)."""
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def write_json(data: Any, indent: int | None = 2) -> None:
    """JSON to stdout, without Rich markup or wrapping (dates and other values via str)."""
    sys.stdout.write(json.dumps(data, indent=indent, ensure_ascii=False, default=str) + "\n")
