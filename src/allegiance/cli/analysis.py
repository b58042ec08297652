"""Cross-article commands: incidents, incident, relation, alerts, network, export.

They read every stored document back through the store, cluster incidents and build relation
timelines in memory (pure functions in incidents/, relations/, network.py, export/)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from .app import app, console, die, write_json

DbOption = Annotated[str, typer.Option("--db", help="The store: a DuckDB file or a postgresql:// URL.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="JSON on stdout instead of a table.")]
PeriodOption = Annotated[str, typer.Option("--period", help="Timeline period: week, month, quarter or year.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="First day (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Last day (YYYY-MM-DD).")]


def _day(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        die(f"{option} wants an ISO date such as 2021-02-28, got {value!r}")
    return value[:10]


def _load(db: str) -> list[Any]:
    from ..store import StoreError, open_store

    if "://" not in db and not Path(db).exists():
        die(f"no store at {db}: run `allegiance run PAGES --db {db}` first")
    try:
        with open_store(db, read_only=True) as store:
            ids = [row["id"] for row in store.documents()]
            return [doc for doc in (store.load_document(i) for i in ids) if doc is not None]
    except StoreError as exc:
        die(str(exc))


def _stored_incidents(db: str) -> list[Any]:
    from ..store import open_store

    try:
        with open_store(db, read_only=True) as store:
            return store.load_incidents()
    except Exception:  # a store from before the incidents table: recompute instead
        return []


def _analyse(db: str, period: str = "month") -> tuple[list[Any], list[Any], dict]:
    from ..incidents import cluster, options_from_documents
    from ..relations import timelines

    documents = _load(db)
    # incidents are kept up to date at ingest; a store written before that is clustered here
    incidents = _stored_incidents(db) or cluster(documents, options_from_documents(documents))
    try:
        lines = timelines(incidents, unit=period)
    except ValueError as exc:
        die(str(exc))
    return documents, incidents, lines


def _names(documents: list[Any]) -> dict[str, str]:
    return {a.id: a.name for doc in documents for a in doc.actors}


def _resolve(name_or_id: str, documents: list[Any]) -> str:
    key = name_or_id.strip().lower()
    found = sorted(
        {
            a.id
            for doc in documents
            for a in doc.actors
            if key in {a.id.lower(), a.name.lower(), *(x.lower() for x in a.aliases)}
        }
    )
    if not found:
        die(f"no stored actor matches {name_or_id!r}", code=1)
    if len(found) > 1:
        die(f"{name_or_id!r} is ambiguous: {', '.join(found)}", code=1)
    return found[0]


def _casualties(low: int | None, high: int | None) -> str:
    if low is None:
        return ""
    return str(low) if low == high else f"{low}–{high}"


@app.command("incidents")
def list_incidents(
    db: DbOption = "allegiance.duckdb",
    since: SinceOption = None,
    until: UntilOption = None,
    min_outlets: Annotated[
        int, typer.Option("--min-outlets", min=1, help="Only incidents told by N+ outlets.")
    ] = 1,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 50,
    as_json: JsonFlag = False,
) -> None:
    """Incidents across articles: events from several documents joined, most corroborated first."""
    since, until = _day(since, "--since"), _day(until, "--until")
    documents, incidents, _ = _analyse(db)
    names = _names(documents)

    def keep(inc: Any) -> bool:
        day = inc.date.start[:10] if inc.date and inc.date.start else ""
        if (since or until) and not day:
            return False
        return len(inc.outlets) >= min_outlets and not ((since and day < since) or (until and day > until))

    found = sorted(
        (i for i in incidents if keep(i)),
        key=lambda i: (-len(i.outlets), -len(i.sources), -len(i.mentions), i.id),
    )[:limit]
    if as_json:
        write_json(
            [i.model_dump(mode="json", exclude={"mentions"}) | {"reports": len(i.mentions)} for i in found]
        )
        return
    table = Table(title=f"{len(found)} incident(s)")
    for col in ("id", "date", "event", "actors", "place", "dead", "outlets", "corroboration", "contested"):
        table.add_column(col)
    for i in found:
        table.add_row(
            i.id,
            i.date.start[:10] if i.date and i.date.start else "",
            i.event,
            ", ".join(names.get(a, a) for a in i.actor)
            + " → "
            + ", ".join(names.get(r, r) for r in i.recipient),
            i.location.name if i.location else "",
            _casualties(i.dead_low, i.dead_high),
            f"{len(i.outlets)}: {', '.join(i.outlets)}",
            i.corroboration,
            "; ".join(i.contested),
        )
    console.print(table)


@app.command("incident")
def show_incident(
    incident_id: Annotated[str, typer.Argument(metavar="ID", help="Incident id (or a unique prefix).")],
    db: DbOption = "allegiance.duckdb",
    as_json: JsonFlag = False,
) -> None:
    """One incident: merged values and every supporting report with its evidence sentence."""
    documents, incidents, _ = _analyse(db)
    matches = [i for i in incidents if i.id.startswith(incident_id)]
    if len(matches) != 1:
        die(f"{'no' if not matches else 'more than one'} incident matches {incident_id!r}", code=1)
    inc = matches[0]
    if as_json:
        write_json(inc.model_dump(mode="json"))
        return
    names = _names(documents)
    console.print(f"[bold]{inc.id}[/] {inc.event} {inc.mode or ''} — {inc.certainty}, {inc.corroboration}")
    console.print(f"actors: {', '.join(names.get(a, a) for a in inc.actor) or '—'}", highlight=False)
    console.print(f"recipients: {', '.join(names.get(r, r) for r in inc.recipient) or '—'}", highlight=False)
    if inc.date:
        console.print(f"date: {inc.date.start} – {inc.date.end}")
    if inc.location:
        console.print(
            f"place: {', '.join(filter(None, (inc.location.name, inc.location.admin1, inc.location.country)))}"
        )
    console.print(
        f"dead: {_casualties(inc.dead_low, inc.dead_high) or '—'}  injured: {_casualties(inc.injured_low, inc.injured_high) or '—'}"
    )
    console.print(
        f"outlets: {', '.join(inc.outlets)}; independent sources: {', '.join(inc.sources)}", highlight=False
    )
    if inc.contested:
        console.print(f"[yellow]contested:[/] {'; '.join(inc.contested)}")
    table = Table(title="reports")
    for col in ("outlet", "event", "certainty", "claimed by", "sentence"):
        table.add_column(col)
    for m in inc.mentions:
        e = m.event
        table.add_row(
            m.outlet or "", e.event, e.certainty, e.attributedText or "", " ".join(e.eventText.split())
        )
    console.print(table)


@app.command("relation")
def show_relation(
    actor_a: Annotated[str, typer.Argument(metavar="A", help="Actor id, name or alias.")],
    actor_b: Annotated[str, typer.Argument(metavar="B", help="Actor id, name or alias.")],
    db: DbOption = "allegiance.duckdb",
    period: PeriodOption = "month",
    png: Annotated[Path | None, typer.Option("--png", help="Also write the timeline as a PNG chart.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """The relation timeline of two actors: score and status per period, with the evidence."""
    documents, _, lines = _analyse(db, period)
    a, b = sorted((_resolve(actor_a, documents), _resolve(actor_b, documents)))
    periods = lines.get((a, b), [])
    if png is not None and not periods:
        # an empty chart would read as "no change"; say so and write nothing
        die(f"no events between {a} and {b}: no chart written to {png}", code=1)
    if png is not None:
        from ..relations.chart import relation_png

        names = _names(documents)
        relation_png(periods, png, title=f"{names.get(a, a)} – {names.get(b, b)}")
    if as_json:
        write_json([p.model_dump(mode="json") for p in periods])
        return
    if not periods:
        console.print(f"no events between {a} and {b}")
        return
    table = Table(title=f"{a} – {b}")
    for col in ("period", "status", "score", "certainty", "sources", "events"):
        table.add_column(col)
    for p in periods:
        status = f"{p.changed_from} → {p.status}" if p.changed_from else p.status
        table.add_row(
            p.period, status, f"{p.score:+.1f}", p.certainty or "", str(p.outlets), ", ".join(p.events[:4])
        )
    console.print(table)


@app.command("alerts")
def show_alerts(
    db: DbOption = "allegiance.duckdb",
    since: SinceOption = None,
    threshold: Annotated[
        float, typer.Option("--threshold", min=0, help="Least |score| of the new period.")
    ] = 0.0,
    min_outlets: Annotated[int, typer.Option("--min-outlets", min=0, help="Least independent sources.")] = 0,
    period: PeriodOption = "month",
    as_json: JsonFlag = False,
) -> None:
    """Relation status changes between periods (hostile → truce …), newest first."""
    from ..relations import alerts

    since = _day(since, "--since")
    documents, _, lines = _analyse(db, period)
    found = alerts(lines, since=since, threshold=threshold, min_outlets=min_outlets, names=_names(documents))
    if as_json:
        write_json([a.model_dump(mode="json") for a in found])
        return
    if not found:
        console.print("no status changes")
    for a in found:
        console.print(a.message, highlight=False)


@app.command("network")
def show_network(
    db: DbOption = "allegiance.duckdb",
    period: PeriodOption = "month",
    as_json: JsonFlag = False,
) -> None:
    """The signed actor graph now: balance of triads, allied communities, most-changed actors."""
    from ..network import signed_graph, summary

    documents, _, lines = _analyse(db, period)
    names = _names(documents)
    info = summary(signed_graph(lines, names=names), lines)
    if as_json:
        write_json(info)
        return
    console.print(
        f"{info['actors']} actors, {info['relations']} relations ({info['hostile']} hostile, {info['cooperative']} cooperative)"
    )
    console.print(f"triads: {info['triads']}, balanced: {info['balanced_triads']}")
    for nodes in info["unbalanced"]:
        console.print(f"  unbalanced: {' / '.join(names.get(n, n) for n in nodes)}", highlight=False)
    for k, group in enumerate(info["communities"], 1):
        console.print(f"allied group {k}: {', '.join(names.get(n, n) for n in group)}", highlight=False)
    for actor, movement, changes in info["most_changed"]:
        console.print(
            f"changed: {names.get(actor, actor)} (movement {movement}, {changes} status changes)",
            highlight=False,
        )


@app.command("export")
def export_command(
    fmt: Annotated[
        str, typer.Option("--format", help="plover, acled, parquet, graphml, gexf, geojson or stix.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Output file (a folder for parquet).")],
    db: DbOption = "allegiance.duckdb",
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only events with this actor (id or name).")
    ] = None,
    category: Annotated[str | None, typer.Option("--category", help="Only this PLOVER category.")] = None,
    certainty: Annotated[str | None, typer.Option("--certainty", help="Only this certainty.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Write events, incidents and relations in an exchange format."""
    from ..export import FORMATS, ExportData, export, filter_documents
    from ..incidents import options_from_documents

    if fmt not in FORMATS:
        die(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    since, until = _day(since, "--since"), _day(until, "--until")
    documents = _load(db)
    kept = filter_documents(
        documents, actor=actor, category=category, certainty=certainty, since=since, until=until
    )
    written = export(ExportData.build(kept, options_from_documents(documents)), fmt, out)
    n = sum(len(d.events) for d in kept)
    console.print(f"wrote {n} event(s) from {len(kept)} document(s) to {written}", highlight=False)
