"""Core commands: extract, run, eval, schema (the read commands are in listings.py and analysis.py)."""

from __future__ import annotations

import importlib
import inspect
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from .app import app, console, die, err_console, write_json
from .progress import BatchProgress

EVAL_KINDS = ("articles", "incidents", "plover", "re3d", "extraction", "geo", "timebank")

DbOption = Annotated[str, typer.Option("--db", help="The store: a DuckDB file or a postgresql:// URL.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="JSON on stdout instead of a table.")]
KbOption = Annotated[
    list[Path] | None, typer.Option("--kb", help="Extra actor knowledge-base YAML file (repeatable).")
]
UrlOption = Annotated[
    str | None,
    typer.Option("--url", help="The URL the one page given was fetched from (kept as the document's url)."),
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for pages that carry none."),
]


def _check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value[:10])
        if len(value) > 10:
            datetime.fromisoformat(value)
    except ValueError:
        die(f"{option} wants an ISO date such as 2021-02-28, got {value!r}")
    return value


def _pipeline(model: str | None, kb: list[Path] | None) -> Any:
    from ..errors import AllegianceError
    from ..pipeline import Pipeline
    from ..settings import Settings

    for file in kb or []:
        if not file.is_file():
            die(f"--kb file not found: {file}")
    try:
        return Pipeline(Settings.from_env(model=model, extra_kb=list(kb or [])))
    except AllegianceError as exc:
        die(str(exc))


def _store(db: str, read_only: bool = True) -> Any:
    from ..store import StoreError, open_store

    try:
        return open_store(db, read_only=read_only)
    except StoreError as exc:
        die(str(exc))


def _report_failure(source: str, stage: str, reason: str) -> None:
    err_console.print(
        f"[red]failed[/] {source} [dim]\\[{stage}][/] {reason}", highlight=False, soft_wrap=True
    )


def _readable_inputs(
    paths: list[Path], published: str | None, exclude: list[Path] | None = None, url: str | None = None
) -> Any:
    """The inputs of `paths`, or exit 1 naming what was skipped and why when none can be read.
    `url` (--url) is the one page's URL: it names one page, so it takes one page file."""
    from ..ingest import first_readable, read_inputs, with_url

    if url is not None and (len(paths) != 1 or not paths[0].is_file() or paths[0].suffix.lower() == ".jsonl"):
        die("--url names the URL of one page: give exactly one page file (a .jsonl row has its own url)")
    skipped, inputs = first_readable(with_url(read_inputs(paths, published, exclude=exclude or []), url))
    if inputs is None:
        for failure in skipped:
            _report_failure(failure.source, failure.stage, failure.reason)
        named = ", ".join(map(str, paths))
        found = f"{len(skipped)} input(s) skipped, reasons above" if skipped else "no file found"
        die(f"no input that can be read in {named} ({found}); nothing was analysed", code=1)
    return inputs


@app.command()
def extract(
    pages: Annotated[
        list[Path], typer.Argument(help="HTML/text files, folders, or .jsonl files (one page per row).")
    ],
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One compact JSON document per line.")] = False,
    published: PublishedOption = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to load.")] = None,
    kb: KbOption = None,
    url: UrlOption = None,
) -> None:
    """Analyse pages and print one JSON document per input (no store). Exit 1 if any failed."""
    from ..records import Failure
    from ..runner import process_inputs

    published = _check_date(published, "--published")
    inputs = _readable_inputs(pages, published, url=url)
    pipeline = _pipeline(model, kb)
    failed = 0
    for _, result in process_inputs(inputs, pipeline):
        if isinstance(result, Failure):
            failed += 1
            _report_failure(result.source, result.stage, result.reason)
            continue
        sys.stdout.write(result.model_dump_json(indent=None if jsonl else 2) + "\n")
        sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or .jsonl files to ingest.")],
    db: DbOption = "allegiance.duckdb",
    published: PublishedOption = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to load.")] = None,
    kb: KbOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input failed.")] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes, each loading the pipeline once.")
    ] = 1,
    engine: Annotated[
        str, typer.Option("--engine", help="local (this machine, --workers processes) or dask.")
    ] = "local",
    store_url: Annotated[
        str | None,
        typer.Option("--store", help="Store target instead of --db: a DuckDB path or postgresql://…"),
    ] = None,
    url: UrlOption = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="With --engine dask: the cluster's scheduler (tcp://host:8786)."),
    ] = None,
    shards: Annotated[
        str | None,
        typer.Option("--shards", help="With --engine dask: a folder or fsspec URL all machines reach; "
                     "workers write results there (default: they return them to this process)."),
    ] = None,
) -> None:
    """Analyse pages into the store; already stored pages are skipped, failures are recorded."""
    from ..engine import ENGINES
    from ..ingest.count import count_inputs
    from ..runner import Outcome, run_batch, store_files
    from ..settings import Settings

    published = _check_date(published, "--published")
    if engine not in ENGINES:
        die(f"unknown --engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if (scheduler or shards) and engine != "dask":
        die("--scheduler and --shards need --engine dask")
    for file in kb or []:  # checked here too: with workers, the pipeline is built in the workers
        if not file.is_file():
            die(f"--kb file not found: {file}")
    target = store_url or db
    # read up to the first page before anything else: no readable input, no store is created
    inputs = _readable_inputs(paths, published, exclude=store_files(target), url=url)
    # with worker processes the parent only reads inputs and writes the store: no pipeline here
    pipeline = _pipeline(model, kb) if workers == 1 and engine == "local" else None
    settings = pipeline.settings if pipeline else Settings.from_env(model=model, extra_kb=list(kb or []))
    store = _store(target, read_only=False)
    total = count_inputs(paths, exclude=store_files(target))
    with store, BatchProgress(err_console, total) as progress:

        def show(outcome: Outcome) -> None:
            if outcome.status == "failed":
                progress.note(f"[red]failed[/] {outcome.source} [dim]\\[{outcome.stage}][/] {outcome.reason}")
            progress.advance(
                f"{Path(outcome.source).name[:40]} ({outcome.status})", outcome.status == "failed"
            )

        result = run_batch(
            paths,
            store,
            pipeline,
            published=published,
            progress=show,
            reader=lambda _paths, _published: inputs,
            workers=workers,
            settings=settings,
            engine=engine,
            scheduler=scheduler,
            shards=shards,
        )
    shown = getattr(store, "path", target)  # a PostgreSQL store shows its URL without the password
    table = Table(title=f"allegiance run → {shown}")
    for name in ("stored", "duplicates", "failed", "total"):
        table.add_column(name, justify="right")
    table.add_row(*(str(v) for v in result.as_dict().values()))
    console.print(table)
    if result.failed:
        err_console.print(f"see the reasons with: allegiance failures --db {shown}", highlight=False)
    if strict and result.failed:
        raise typer.Exit(1)


def _render_report(report: Any, limit: int | None) -> None:
    data = report.as_dict()
    overall = Table(title=f"{report.name}: overall")
    for key in data["overall"]:
        overall.add_column(key, justify="right")
    overall.add_row(*(str(v) for v in data["overall"].values()))
    console.print(overall)
    if data["per_category"]:
        per = Table(title="per category")
        keys = list(next(iter(data["per_category"].values())))
        for header in ["category", *keys]:
            per.add_column(header, justify="right")
        for name, row in data["per_category"].items():
            per.add_row(name, *(str(row.get(k, "")) for k in keys))
        console.print(per)
    extra = {
        k: v for k, v in data.items() if k not in ("name", "overall", "per_category", "confusion", "notes")
    }
    if extra:
        metrics = Table(title="other figures")
        metrics.add_column("figure")
        metrics.add_column("value", justify="right")
        for key, value in extra.items():
            metrics.add_row(key, json.dumps(value) if isinstance(value, dict | list) else str(value))
        console.print(metrics)
    if data["confusion"]:
        confusion = Table(title="confusion (gold → predicted)")
        for header in ("gold", "predicted", "count"):
            confusion.add_column(header)
        ranked = sorted(data["confusion"], key=lambda c: -c["count"])
        for row in ranked[: limit or 25]:
            confusion.add_row(str(row["gold"]), str(row["predicted"]), str(row["count"]))
        console.print(confusion)
    for note in data["notes"]:
        console.print(f"[dim]note:[/] {escape(note)}", highlight=False)  # notes may hold [brackets]


@app.command("eval")
def evaluate(
    kind: Annotated[str, typer.Argument(help=f"One of: {', '.join(EVAL_KINDS)}.")],
    path: Annotated[Path, typer.Argument(help="The gold data (file or folder) in that data set's format.")],
    as_json: JsonFlag = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N items.")] = None,
    scorer: Annotated[
        Path | None,
        typer.Option("--scorer", help="articles: path of score_articles.py (default: beside the gold)."),
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to load.")] = None,
    kb: KbOption = None,
) -> None:
    """Score a stage on gold data and print precision/recall/F1 and the data set's own figures."""
    if kind not in EVAL_KINDS:
        die(f"unknown eval kind {kind!r}; choose one of {', '.join(EVAL_KINDS)}")
    if not path.exists():
        die(f"gold data not found: {path}")
    module_name = f"allegiance.evaluation.{kind}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        die(f"the {kind!r} scorer is not available in this version ({module_name} is missing)")
    offered: dict[str, Any] = {"limit": limit, "scorer": scorer}
    accepted = inspect.signature(module.evaluate).parameters
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in accepted.values())
    options = {k: v for k, v in offered.items() if v is not None and (takes_any or k in accepted)}
    if "pipeline" in accepted:  # scorers that run the whole pipeline get it built from --model/--kb
        options["pipeline"] = _pipeline(model, kb)
    for name in set(k for k, v in offered.items() if v is not None) - set(options):
        err_console.print(f"[yellow]note:[/] the {kind} scorer ignores --{name}")
    try:
        report = module.evaluate(path, **options)
    except (FileNotFoundError, ImportError) as exc:
        die(str(exc))
    if as_json:
        write_json(report.as_dict())
    else:
        _render_report(report, limit)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the document that `extract` emits (schema/document.schema.json)."""
    from ..records import Document

    write_json(Document.model_json_schema())
