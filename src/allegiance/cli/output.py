"""How listings leave the command line: a table, `--json` or `--csv`.

A table on a terminal is a Rich table fitted to its width (long cells end in '…' instead of
wrapping over several lines). Piped or redirected, stdout gets a plain aligned table, one line per
row, never wrapped at 80 columns: long cells are cut at MAX_CELL characters with '…' — the whole
values are in `--json` / `--csv`.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Mapping
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from .app import console, die, write_json

JsonFlag = Annotated[bool, typer.Option("--json", help="JSON on stdout instead of a table.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="CSV on stdout (header row, one row per item).")]
MAX_CELL = 60
# short code columns never shrink: categories, dates and counts stay readable in a narrow terminal
CODE_COLUMNS = {
    "day",
    "date",
    "event",
    "certainty",
    "dead",
    "type",
    "country",
    "mentions",
    "documents",
    "events",
    "stage",
    "role",
    "n",
    "period",
    "status",
    "outlets",
    "quotes",
    "id",
}


# The table (and CSV) columns of each listing, row key → header; --json has every field.
COLUMNS: dict[str, dict[str, str]] = {
    "event": {
        "day": "date",
        "event": "event",
        "actor": "actor",
        "recipient": "recipient",
        "certainty": "certainty",
        "place": "place",
        "dead": "dead",
        "event_text": "sentence",
    },
    "point": {
        "day": "date",
        "event": "event",
        "place": "place",
        "country": "country",
        "lat": "lat",
        "lon": "lon",
        "document": "document",
    },
    "actor": {
        "id": "id",
        "name": "name",
        "type": "type",
        "country": "country",
        "mentions": "mentions",
        "documents": "documents",
        "aliases_seen": "aliases seen",
    },
    "document": {
        "id": "id",
        "published": "published",
        "title": "title",
        "url": "url",
        "events": "events",
        "quotes": "quotes",
    },
    "quote": {
        "published": "published",
        "speaker": "speaker",
        "speaker_text": "said by",
        "direct": "direct",
        "text": "quote",
        "document_id": "document",
    },
    "failure": {"failed_at": "when", "source": "source", "stage": "stage", "reason": "reason"},
    "incident": {
        "id": "id",
        "day": "date",
        "event": "event",
        "sides": "actors",
        "place": "place",
        "dead": "dead",
        "outlets_n": "outlets",
        "corroboration": "corroboration",
        "contested": "contested",
    },
    "relation": {
        "a": "a",
        "b": "b",
        "a_name": "a name",
        "b_name": "b name",
        "status": "status",
        "period": "period",
        "periods": "periods",
    },
    "period": {
        "period": "period",
        "shown": "status",
        "score_shown": "score",
        "certainty": "certainty",
        "outlets": "sources",
        "events_shown": "events",
    },
    "alert": {
        "period": "period",
        "a": "a",
        "b": "b",
        "previous": "previous",
        "status": "status",
        "certainty": "certainty",
        "outlets": "outlets",
        "strength": "strength",
        "message": "message",
    },
}


def listed(kind: str, total: int, rows: list[dict[str, Any]], as_json: bool, as_csv: bool) -> None:
    """One page of a listing: `kind` names its columns (COLUMNS) and its rows in the title."""
    emit(rows, COLUMNS[kind], f"{len(rows)} of {total} {kind}(s)", as_json, as_csv)


def text(value: Any) -> str:
    """One cell: lists joined with commas, participants by their id, None as empty."""
    if value is None:
        return ""
    if isinstance(value, Mapping):
        return str(value.get("id", value.get("name", "")))
    if isinstance(value, list | tuple):
        return ", ".join(text(v) for v in value)
    return " ".join(str(value).split())  # headlines and bodies may hold line breaks


def say(line: str) -> None:
    """One line of text as it is: no markup (article words may hold [brackets]), never folded."""
    console.print(line, highlight=False, markup=False, soft_wrap=True)


def _cut(value: str, width: int = MAX_CELL) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def emit(
    rows: list[dict[str, Any]],
    columns: dict[str, str],
    title: str,
    as_json: bool = False,
    as_csv: bool = False,
    json_data: Any = None,
) -> None:
    """`rows` as JSON (`json_data` when given, else the rows), CSV or a table of `columns`
    (row key → header)."""
    if as_json and as_csv:
        die("choose one of --json and --csv")
    if as_json:
        write_json(rows if json_data is None else json_data)
    elif as_csv:
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(list(columns.values()))
        for row in rows:
            out.writerow([text(row.get(key)) for key in columns])
    else:
        table(rows, columns, title)


def table(rows: list[dict[str, Any]], columns: dict[str, str], title: str) -> None:
    cells = [[text(row.get(key)) for key in columns] for row in rows]
    if console.is_terminal:
        shown = Table(title=title)
        for key, header in columns.items():
            code = key in CODE_COLUMNS
            shown.add_column(header, no_wrap=True, overflow="ellipsis", min_width=len(header) if code else 4)
        for line in cells:
            shown.add_row(*(Text(c) for c in line))  # Text: article words are never markup
        console.print(shown)
        return
    cut = [[_cut(c) for c in line] for line in cells]
    headers = list(columns.values())
    widths = [max([len(h), *(len(line[i]) for line in cut)]) for i, h in enumerate(headers)]
    sys.stdout.write(title + "\n")
    for line in [headers, ["-" * w for w in widths], *cut]:
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n")
