"""Read commands over the store: events, actors, actor, documents, document, quotes, failures,
counts. Each parses its options, asks `allegiance.query.Query`, and renders a table, --json or
--csv (output.py); a bad value or unknown reference is the query layer's message, exit 2."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer

from ..query import Filters, Page, Query, QueryError
from .app import app, die, err_console, write_json
from .output import CsvFlag, JsonFlag, emit, listed, say, table

T = TypeVar("T")
DbOption = Annotated[str, typer.Option("--db", help="The store: a DuckDB file or a postgresql:// URL.")]
ActorOption = Annotated[
    str | None,
    typer.Option("--actor", help="Actor id, name, alias, surface form or unique prefix (any case)."),
]
SinceOption = Annotated[str | None, typer.Option("--since", help="First day (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Last day (YYYY-MM-DD).")]
TextOption = Annotated[str | None, typer.Option("--q", help="Text search (case-insensitive).")]
SortOption = Annotated[str | None, typer.Option("--sort", help="Sort key; prefix - for descending.")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip the first N rows.")]


def limit_option(default: int) -> Any:
    return typer.Option("--limit", min=1, max=500, help=f"At most N rows (default {default}, at most 500).")


@contextmanager
def reading(db: str) -> Iterator[Query]:
    """The query layer over `db`, read-only; its refusals become one-line errors (exit 2)."""
    from ..store import StoreError, open_store

    try:
        store = open_store(db, read_only=True)
    except StoreError as exc:
        die(str(exc))
    try:
        yield Query(store)
    except QueryError as exc:
        die(exc.message)
    finally:
        store.close()


def record(db: str, fetch: Callable[[Query], T], as_json: bool, to_json: Callable[[T], Any]) -> T | None:
    """What `fetch` reads from the store; printed as JSON (then None is returned) with --json."""
    with reading(db) as query:
        found = fetch(query)
    if as_json:
        write_json(to_json(found))
        return None
    return found


@app.command()
def events(
    db: DbOption = "allegiance.duckdb",
    actor: ActorOption = None,
    category: Annotated[str | None, typer.Option("--category", help="PLOVER category, e.g. ASSAULT.")] = None,
    certainty: Annotated[str | None, typer.Option("--certainty", help="asserted, reported, …")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO alpha-3 of the event place.")] = None,
    admin1: Annotated[str | None, typer.Option("--admin1", help="First-level region of the place.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    q: TextOption = None,
    document: Annotated[str | None, typer.Option("--document", help="Only this document's events.")] = None,
    sort: SortOption = None,
    limit: Annotated[int, limit_option(50)] = 50,
    offset: OffsetOption = 0,
    cursor: Annotated[
        str | None, typer.Option("--cursor", help="Continue after a page (its cursor is on stderr).")
    ] = None,
    located: Annotated[
        bool, typer.Option("--located", help="Only located events, as map points (up to 5000).")
    ] = False,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """Stored events, newest first (event date, else publication date)."""
    f = Filters(actor, category, certainty, country, admin1, since, until, q, document)  # field order
    if located:  # /api/events/located
        with reading(db) as query:
            total, points = query.located(f, limit)
        listed("point", total, points, as_json, as_csv)
        return
    with reading(db) as query:
        total, found, after = query.events(f, Page(limit, offset, sort, cursor))
    for e in found:
        e["place"] = ", ".join(filter(None, (e["location_name"], e["location_country"])))
    listed("event", total, found, as_json, as_csv)
    if after:  # stderr: stdout stays the page alone (JSON, CSV or the table)
        err_console.print(f"next page: --cursor {after}", highlight=False, soft_wrap=True)


@app.command()
def actors(
    db: DbOption = "allegiance.duckdb",
    q: Annotated[str | None, typer.Option("--q", help="Text in the id, name or an alias.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Actor type, e.g. rebels.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO alpha-3 of the actor.")] = None,
    sort: SortOption = None,
    limit: Annotated[int, limit_option(50)] = 50,
    offset: OffsetOption = 0,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """Canonical actors, most mentioned first, with the aliases seen in the text."""
    with reading(db) as query:
        total, found = query.actors(Filters(q=q, type=type, country=country), Page(limit, offset, sort))
    shown = [a | {"aliases_seen": a["aliases_seen"][:4]} for a in found] if not (as_json or as_csv) else found
    listed("actor", total, shown, as_json, as_csv)


@app.command("actor")
def actor_profile(
    reference: Annotated[
        str, typer.Argument(metavar="ACTOR", help="Actor id, name, alias or unique prefix.")
    ],
    db: DbOption = "allegiance.duckdb",
    as_json: JsonFlag = False,
) -> None:
    """One actor: description, aliases, mention counts, events by role, family and counterparts."""
    profile = record(db, lambda query: query.actor(reference), as_json, lambda found: found)
    if profile is None:
        return
    say(f"{profile['name']} ({profile['id']}) — {profile['type']}, {profile['country'] or 'no country'}")
    say(f"{profile['mentions']} mention(s) in {profile['documents']} document(s)")
    say(f"aliases: {', '.join(profile['aliases']) or '—'}")
    say(f"seen as: {', '.join(profile['aliases_seen']) or '—'}")
    if profile.get("parent"):
        say(f"part of: {profile['parent_name'] or profile['parent']} ({profile['parent']})")
    if profile["children"]:
        say(f"units: {', '.join(c['id'] for c in profile['children'])}")
    table(profile["events"], {"role": "role", "event": "event", "n": "count"}, "events")
    table(profile["counterparts"], {"id": "actor", "name": "name", "events": "events"}, "shares events with")


@app.command()
def documents(
    db: DbOption = "allegiance.duckdb",
    q: Annotated[str | None, typer.Option("--q", help="Text in the title, body or url.")] = None,
    actor: ActorOption = None,
    category: Annotated[
        str | None, typer.Option("--category", help="Only documents with such an event.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    sort: SortOption = None,
    limit: Annotated[int, limit_option(50)] = 50,
    offset: OffsetOption = 0,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """Stored documents, newest publication first, with their event and quote counts."""
    f = Filters(q=q, actor=actor, category=category, since=since, until=until)
    with reading(db) as query:
        total, found = query.documents(f, Page(limit, offset, sort))
    listed("document", total, found, as_json, as_csv)


@app.command("document")
def document_record(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="Document id (from `documents`).")],
    db: DbOption = "allegiance.duckdb",
    show_text: Annotated[bool, typer.Option("--text", help="Also print the stored article text.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """One document: its metadata and events (--text: and its text); --json: the records.Document."""
    doc = record(
        db, lambda query: query.document(doc_id), as_json, lambda found: found.model_dump(mode="json")
    )
    if doc is None:
        return
    say(f"{doc.title or '(no title)'} — {doc.id}")
    say(f"source: {doc.source}  url: {doc.url or '—'}  published: {doc.published or '—'}")
    say(
        f"{len(doc.text)} characters, {len(doc.actors)} actor(s), {len(doc.events)} event(s), {len(doc.quotes)} quote(s)"
    )
    rows = [
        e.model_dump(include={"id", "event", "actor", "recipient", "certainty", "eventText"})
        for e in doc.events
    ]
    columns = {
        "id": "id",
        "event": "event",
        "actor": "actor",
        "recipient": "recipient",
        "certainty": "certainty",
    }
    table(rows, columns | {"eventText": "sentence"}, "events")
    if show_text:
        sys.stdout.write("\n" + doc.text + "\n")


@app.command()
def quotes(
    db: DbOption = "allegiance.duckdb",
    actor: Annotated[
        str | None, typer.Option("--actor", help="Speaker: actor id, name, alias or prefix.")
    ] = None,
    document: Annotated[str | None, typer.Option("--document", help="Only this document's quotes.")] = None,
    q: TextOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, limit_option(50)] = 50,
    offset: OffsetOption = 0,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """Quotes with their speakers, newest document first."""
    f = Filters(actor=actor, document_id=document, q=q, since=since, until=until)
    with reading(db) as query:
        total, found = query.quotes(f, Page(limit, offset))
    listed("quote", total, found, as_json, as_csv)


@app.command()
def failures(
    db: DbOption = "allegiance.duckdb",
    stage: Annotated[str | None, typer.Option("--stage", help="ingest, clean, pipeline, …")] = None,
    q: Annotated[str | None, typer.Option("--q", help="Text in the source or the reason.")] = None,
    limit: Annotated[int, limit_option(100)] = 100,
    offset: OffsetOption = 0,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """Inputs that could not be processed, with the stage and the reason, latest first."""
    with reading(db) as query:
        total, found = query.failures(Filters(stage=stage, q=q), Page(limit, offset))
    listed("failure", total, found, as_json, as_csv)


@app.command()
def counts(db: DbOption = "allegiance.duckdb", as_json: JsonFlag = False, as_csv: CsvFlag = False) -> None:
    """How many documents, actors, events, quotes and failures are stored."""
    with reading(db) as query:
        found = query.counts()
    emit([found], {k: k for k in found}, "stored", as_json, as_csv, json_data=found)
