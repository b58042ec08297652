"""Cross-article commands: incidents, incident, relations, relation, alerts, network, export.

They ask the query layer (allegiance.query), which reads every stored document back, clusters
incidents and builds relation timelines with the pure functions of incidents/, relations/,
network.py and export/ — the same reads, actor references and filters as the API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..query import Filters, Page
from .app import app, die, write_json
from .listings import ActorOption, DbOption, SinceOption, UntilOption, limit_option, reading, record
from .output import COLUMNS, CsvFlag, JsonFlag, emit, listed, say, table

PeriodOption = Annotated[str, typer.Option("--period", help="Timeline period: week, month, quarter or year.")]


def _range(low: int | None, high: int | None) -> str:
    if low is None:
        return ""
    return str(low) if low == high else f"{low}–{high}"


@app.command("incidents")
def list_incidents(
    db: DbOption = "allegiance.duckdb",
    actor: ActorOption = None,
    category: Annotated[str | None, typer.Option("--category", help="PLOVER category.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_outlets: Annotated[
        int, typer.Option("--min-outlets", min=1, help="Only incidents told by N+ outlets.")
    ] = 1,
    limit: Annotated[int, limit_option(50)] = 50,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """Incidents across articles: events from several documents joined, most corroborated first."""
    f = Filters(actor=actor, category=category, since=since, until=until)
    with reading(db) as query:
        total, found = query.incidents(f, Page(limit=limit), min_outlets)
    for i in found:
        names = i["names"]
        i["day"] = (i.get("date") or {}).get("start", "")[:10]
        i["sides"] = (
            ", ".join(names[a] for a in i["actor"]) + " → " + ", ".join(names[r] for r in i["recipient"])
        )
        i["place"] = (i.get("location") or {}).get("name", "")
        i["dead"] = _range(i["dead_low"], i["dead_high"])
        i["outlets_n"] = f"{len(i['outlets'])}: {', '.join(i['outlets'])}"  # how many, and which
    listed("incident", total, found, as_json, as_csv)


@app.command("incident")
def show_incident(
    reference: Annotated[str, typer.Argument(metavar="ID", help="Incident id (or a unique prefix).")],
    db: DbOption = "allegiance.duckdb",
    as_json: JsonFlag = False,
) -> None:
    """One incident: merged values and every supporting report with its evidence sentence."""
    found = record(
        db,
        lambda q: (q.incident(reference), q.analysis().names),
        as_json,
        lambda f: f[0].model_dump(mode="json"),
    )
    if found is None:
        return
    inc, names = found
    say(f"{inc.id} {inc.event} {inc.mode or ''} — {inc.certainty}, {inc.corroboration}")
    say(f"actors: {', '.join(names.get(a, a) for a in inc.actor) or '—'}")
    say(f"recipients: {', '.join(names.get(r, r) for r in inc.recipient) or '—'}")
    if inc.date:
        say(f"date: {inc.date.start} – {inc.date.end}")
    if inc.location:
        say(
            f"place: {', '.join(filter(None, (inc.location.name, inc.location.admin1, inc.location.country)))}"
        )
    say(
        f"dead: {_range(inc.dead_low, inc.dead_high) or '—'}  injured: {_range(inc.injured_low, inc.injured_high) or '—'}"
    )
    say(f"outlets: {', '.join(inc.outlets)}; independent sources: {', '.join(inc.sources)}")
    if inc.contested:
        say(f"contested: {'; '.join(inc.contested)}")
    reports = [
        {
            "outlet": m.outlet,
            "event": m.event.event,
            "certainty": m.event.certainty,
            "claimed": m.event.attributedText,
            "sentence": m.event.eventText,
        }
        for m in inc.mentions
    ]
    table(
        reports,
        {
            "outlet": "outlet",
            "event": "event",
            "certainty": "certainty",
            "claimed": "claimed by",
            "sentence": "sentence",
        },
        "reports",
    )


@app.command("relations")
def list_relations(
    db: DbOption = "allegiance.duckdb",
    actor: ActorOption = None,
    period: PeriodOption = "month",
    limit: Annotated[int, limit_option(50)] = 50,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """Actor pairs with their latest known relation status."""
    with reading(db) as query:
        total, found = query.relations(actor, Page(limit=limit), period)
    listed("relation", total, found, as_json, as_csv)


@app.command("relation")
def show_relation(
    actor_a: Annotated[str, typer.Argument(metavar="A", help="Actor id, name, alias or unique prefix.")],
    actor_b: Annotated[str, typer.Argument(metavar="B", help="Actor id, name, alias or unique prefix.")],
    db: DbOption = "allegiance.duckdb",
    period: PeriodOption = "month",
    png: Annotated[Path | None, typer.Option("--png", help="Also write the timeline as a PNG chart.")] = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """The relation timeline of two actors: score and status per period, with the evidence."""
    with reading(db) as query:
        a, b, periods = query.relation(actor_a, actor_b, period)
        names = query.names([a, b])
    if png is not None and not periods:
        # an empty chart would read as "no change"; say so and write nothing
        die(f"no events between {a} and {b}: no chart written to {png}", code=1)
    if png is not None:
        from ..relations.chart import relation_png

        relation_png(periods, png, title=f"{names.get(a, a)} – {names.get(b, b)}")
    rows: list[dict[str, Any]] = [
        p.model_dump(mode="json")
        | {
            "shown": f"{p.changed_from} → {p.status}" if p.changed_from else p.status,
            "score_shown": f"{p.score:+.1f}",
            "events_shown": p.events[:4],
        }
        for p in periods
    ]
    if not (as_json or as_csv) and not periods:
        say(f"no events between {a} and {b}")
        return
    emit(
        rows,
        COLUMNS["period"],
        f"{a} – {b}",
        as_json,
        as_csv,
        json_data=[p.model_dump(mode="json") for p in periods],
    )


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
    as_csv: CsvFlag = False,
) -> None:
    """Relation status changes between periods (hostile → truce …), newest first."""
    with reading(db) as query:
        found = [a.model_dump(mode="json") for a in query.alerts(since, threshold, min_outlets, period)]
    if not (as_json or as_csv):
        for a in found:
            say(a["message"])
        if not found:
            say("no status changes")
        return
    emit(found, COLUMNS["alert"], "alerts", as_json, as_csv)


@app.command("network")
def show_network(
    db: DbOption = "allegiance.duckdb", period: PeriodOption = "month", as_json: JsonFlag = False
) -> None:
    """The signed actor graph now: balance of triads, allied communities, most-changed actors."""
    with reading(db) as query:
        info = query.network(period)["summary"]
        names = query.analysis(period).names
    if as_json:
        write_json(info)
        return
    say(
        f"{info['actors']} actors, {info['relations']} relations ({info['hostile']} hostile, {info['cooperative']} cooperative)"
    )
    say(f"triads: {info['triads']}, balanced: {info['balanced_triads']}")
    for nodes in info["unbalanced"]:
        say(f"  unbalanced: {' / '.join(names.get(n, n) for n in nodes)}")
    for k, group in enumerate(info["communities"], 1):
        say(f"allied group {k}: {', '.join(names.get(n, n) for n in group)}")
    for actor, movement, changes in info["most_changed"]:
        say(f"changed: {names.get(actor, actor)} (movement {movement}, {changes} status changes)")


@app.command("export")
def export_command(
    fmt: Annotated[
        str, typer.Option("--format", help="plover, acled, parquet, graphml, gexf, geojson or stix.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Output file (a folder for parquet).")],
    db: DbOption = "allegiance.duckdb",
    actor: ActorOption = None,
    category: Annotated[str | None, typer.Option("--category", help="Only this PLOVER category.")] = None,
    certainty: Annotated[str | None, typer.Option("--certainty", help="Only this certainty.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Write events, incidents and relations in an exchange format."""
    f = Filters(actor=actor, category=category, certainty=certainty, since=since, until=until)
    with reading(db) as query:
        written, n_events, n_docs = query.export(fmt, out, f)
    say(f"wrote {n_events} event(s) from {n_docs} document(s) to {written}")
