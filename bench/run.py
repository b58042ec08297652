"""`make bench`: speed and memory, printed as ratios against a baseline measured in the same run.

Not part of the test suite. The corpus is the bundled samples plus, when present, the real
articles of ../shared (articles-dev texts and the seed), repeated to a fixed word count so the
figures are comparable between machines of the same kind (BENCH_WORDS overrides the count).
BENCH_CORPUS=bodies uses the 181 article bodies of the extraction benchmark instead (those the
guards accept: the benchmark holds pages in other languages), once each.

Figures: the full pipeline as `allegiance extract` runs it (`engine.process_stream`: clean, guards,
batched parse, every stage) vs bare spaCy `nlp.pipe` on the same clean texts (words/s, wall and CPU
time); the actor ruler alone (seconds over the corpus); store load rate (events/s) of the bulk
write path vs one INSERT per row, on DuckDB and, when BENCH_PG or ALLEGIANCE_TEST_PG names a
server, PostgreSQL; `run_batch` with 1 worker vs a pool of 2 processes vs Dask with 2 workers
reached by its scheduler address (a subset of BENCH_ENGINE_WORDS words, default 6,000); peak
memory of the parent and of the largest worker; API latency p50/p95 of /api/events on a store of
BENCH_EVENTS (default 1,000,000) synthetic events generated with DuckDB SQL.

BENCH_PARTS (default "store,engines,api") picks the optional parts; the pipeline figures always run.
The API figures are printed beside the p95 measured before the query layer (newest, by actor,
category + date range, and the next page by cursor); `python bench/run.py --api` (`make bench-api`)
prints only them.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from allegiance.ingest import read_inputs
from allegiance.pipeline import Pipeline
from allegiance.records import RawInput
from allegiance.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TARGET_WORDS = int(os.environ.get("BENCH_WORDS", 20_000))
API_EVENTS = int(os.environ.get("BENCH_EVENTS", 1_000_000))
ENGINE_WORDS = int(os.environ.get("BENCH_ENGINE_WORDS", 6_000))
LOAD_EVENTS = int(os.environ.get("BENCH_LOAD_EVENTS", 30_000))  # bulk path; row by row gets 1/30
PARTS = set(os.environ.get("BENCH_PARTS", "store,engines,api").split(","))


def corpus() -> list[RawInput]:
    raws = [r for r in read_inputs([ROOT / "samples"]) if isinstance(r, RawInput)]
    gold = SHARED / "data" / "articles-dev"
    if gold.is_dir():
        for p in sorted(gold.glob("*.json")):
            g = json.loads(p.read_text(encoding="utf-8"))
            raws.append(
                RawInput(source=p.name, format="text", content=g["text"], published=g.get("published"))
            )
    out, words, i = [], 0, 0
    while words < TARGET_WORDS:
        r = raws[i % len(raws)]
        # a distinct suffix keeps content hashes (document ids) distinct across repeats
        out.append(
            r.model_copy(
                update={
                    "source": f"{r.source}#{i}",
                    "content": r.content + f"\n\n<!-- {i} -->"
                    if r.format == "html"
                    else r.content + f"\n\nCopy {i}.",
                }
            )
        )
        words += len(r.content.split())
        i += 1
    return out


def bodies() -> list[RawInput]:
    """The extraction benchmark's article bodies that the guards accept."""
    from allegiance.clean import clean
    from allegiance.engine.guard import check

    truth = json.loads((SHARED / "data" / "article-extraction" / "ground-truth.json").read_text("utf-8"))
    raws = [RawInput(source=k, format="text", content=v["articleBody"]) for k, v in sorted(truth.items())]
    kept = []
    for raw in raws:
        try:
            check(clean(raw))
        except Exception:
            continue
        kept.append(raw)
    return kept


def ruler_seconds(pipe: Pipeline, texts: list[str]) -> float:
    """The actor ruler alone over the tokenised texts (it reads nothing but the tokens)."""
    ruler = pipe.nlp.get_pipe("actor_ruler")
    docs = [pipe.nlp.make_doc(t) for t in texts]
    return timed(lambda: [ruler(d) for d in docs])[0]


def timed(fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def cpu_timed(fn):  # type: ignore[no-untyped-def]
    """(wall seconds, CPU seconds of this process, result): on a machine shared with other work
    the CPU time is the steadier measure of what the code costs."""
    t, c = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - t, time.process_time() - c, result


def batch_seconds(raws: list[RawInput], folder: Path, workers: int, engine: str, settings, **extra) -> float:  # type: ignore[no-untyped-def]
    """Wall time of a whole `run_batch` (worker start-up included) into a fresh DuckDB store."""
    from allegiance.runner import run_batch

    def reader(_paths, _published):  # type: ignore[no-untyped-def]
        return iter(raws)

    with open_store(folder / f"{engine}-{workers}.duckdb") as store:
        t, result = timed(
            lambda: run_batch(
                [], store, None, reader=reader, workers=workers, engine=engine, settings=settings, **extra
            )
        )
    assert result.failed == 0, result.failures[:3]
    return t


def synthetic_store(path: Path, events: int) -> None:
    """`events` events over events/50 documents and 200 actors, generated in SQL (seconds, not hours)."""
    store = open_store(path)
    store.close()
    import duckdb

    con = duckdb.connect(str(path))
    docs = max(1, events // 50)
    con.execute(
        "INSERT INTO documents SELECT 'doc' || i, 'bench/' || i || '.txt', 'https://bench.example/' || i, "
        "'Title ' || i, strftime(DATE '2015-01-01' + CAST(i % 3650 AS INTEGER), '%Y-%m-%d'), NULL, '[]', 'en', "
        "'Synthetic text.', TIMESTAMP '2024-01-01', NULL FROM range(?) t(i)",
        [docs],
    )
    con.execute(
        "INSERT INTO actors SELECT 'actor-' || i, 'Actor ' || i, 'rebels', 'XYZ', NULL, NULL, true, NULL FROM range(200) t(i)"
    )
    cats = "['ASSAULT','FIGHT','PROTEST','COERCE','CONSULT','AID']"
    con.execute(
        "INSERT INTO events (document_id, seq, id, event, context, event_text, trigger_start, trigger_end, "
        "trigger_text, sentence_start, sentence_end, certainty, date_start, date_end, date_granularity, "
        "date_text, confidence) SELECT 'doc' || (i // 50), i % 50, 'ev' || i, "
        f"{cats}[1 + i % 6], '[]', 'Synthetic text.', 0, 9, 'Synthetic', 0, 15, 'asserted', "
        "strftime(DATE '2015-01-01' + CAST(i % 3650 AS INTEGER), '%Y-%m-%d'), "
        "strftime(DATE '2015-01-01' + CAST(i % 3650 AS INTEGER), '%Y-%m-%d'), 'day', 'Monday', 0.5 FROM range(?) t(i)",
        [events],
    )
    con.execute(
        "INSERT INTO event_participants SELECT 'doc' || (i // 50), i % 50, 'ev' || i, r.role, 0, "
        "'actor-' || ((i * 7 + r.k) % 200), 'Actor', 0, 5 FROM range(?) t(i), "
        "(VALUES ('actor', 0), ('recipient', 1)) r(role, k)",
        [events],
    )
    con.close()
    open_store(path).close()  # as any writable open of a store: events.participants filled in


# p95 of the same queries before the query layer (README, 2026-11-27, same machine kind): each
# request counted the whole table, sorted whole rows and read participants per document.
BEFORE_P95_MS = {"newest 50": 162.0, "by actor": 203.0, "by category+dates": 126.0}


def api_latency(path: Path, rounds: int = 40) -> dict[str, tuple[float, float]]:
    """p50 and p95 milliseconds of /api/events queries through the ASGI app (FastAPI TestClient).
    'next page (cursor)' follows the `next` cursor of the newest page (keyset pagination)."""
    from fastapi.testclient import TestClient

    from allegiance.api.app import create_app

    queries = {
        "newest 50": "/api/events?limit=50",
        "by actor": "/api/events?actor=actor-17&limit=50",
        "by category+dates": "/api/events?category=PROTEST&since=2018-01-01&until=2018-06-30&limit=50",
    }
    out = {}
    with TestClient(create_app(path)) as client:
        cursor = client.get(queries["newest 50"]).json().get("next")
        if cursor:
            queries["next page (cursor)"] = f"/api/events?limit=50&cursor={cursor}"
        for name, url in queries.items():
            client.get(url).raise_for_status()  # warm caches once (the count is memoised per store version)
            times = []
            for _ in range(rounds):
                t = time.perf_counter()
                client.get(url).raise_for_status()
                times.append((time.perf_counter() - t) * 1000)
            out[name] = (statistics.median(times), statistics.quantiles(times, n=20)[18])
    return out


def pg_targets():  # type: ignore[no-untyped-def]
    """A fresh private schema on the PostgreSQL server named by BENCH_PG / ALLEGIANCE_TEST_PG."""
    url = os.environ.get("BENCH_PG") or os.environ.get("ALLEGIANCE_TEST_PG")
    if not url:
        return None
    import uuid
    from urllib.parse import quote

    import psycopg

    name = f"bench_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(url, autocommit=True)
    admin.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-c search_path={name}')}", lambda: admin.execute(
        f"DROP SCHEMA {name} CASCADE"
    )


def copies(docs: list, events: int) -> list:  # type: ignore[type-arg]
    """`docs` repeated under new ids until they hold `events` events."""
    out, n, k = [], 0, 0
    while n < events and any(d.events for d in docs):
        for d in docs:
            out.append(d.model_copy(update={"id": f"{d.id}-{k}"}))
            n += len(d.events)
        k += 1
    return out


def moved(docs: list, events: int) -> list:  # type: ignore[type-arg]
    """`docs` repeated until they hold `events` events, each repeat moved 20 years later (event
    dates and publication): repeats of one article that are not one happening, so the incidents
    cost what a stream of other reports costs."""
    from datetime import date, timedelta

    def later(day: str | None, k: int) -> str | None:
        try:
            return (date.fromisoformat((day or "")[:10]) + timedelta(days=7305 * k)).isoformat() + day[10:]  # type: ignore[index]
        except ValueError:
            return day  # no date, or not one of days

    def moved_date(when, k: int):  # type: ignore[no-untyped-def]
        return when and when.model_copy(update={"start": later(when.start, k), "end": later(when.end, k)})

    out, n, k = [], 0, 0
    while n < events and any(d.events for d in docs):
        for d in docs:
            # new event ids too: an incident's id hashes them, and a stored one seen again is re-linked
            evs = [e.model_copy(update={"id": f"{e.id}-m{k}", "date": moved_date(e.date, k)}) for e in d.events]
            published = d.published + timedelta(days=7305 * k) if d.published else None
            out.append(d.model_copy(update={"id": f"{d.id}-m{k}", "events": evs, "published": published}))
            n += len(d.events)
        k += 1
    return out


def load_rates(target: str, docs: list) -> dict[str, float]:  # type: ignore[type-arg]
    """events/s: one INSERT per row (the old path), the bulk path alone, and the bulk path with
    its incidents (the normal save) on the unrepeated documents (repeats would all be one incident)
    and on repeats moved in time (`moved`), as many events as the bulk path alone."""
    from allegiance.runner import SAVE_BATCH
    from allegiance.store.write import save_row_by_row

    many = copies(docs, LOAD_EVENTS)
    few = copies(docs, max(500, LOAD_EVENTS // 30))

    def events(ds) -> int:  # type: ignore[no-untyped-def]
        return sum(len(d.events) for d in ds)

    def bulk(store, ds) -> None:  # type: ignore[no-untyped-def]
        for i in range(0, len(ds), SAVE_BATCH):
            store.save_many(ds[i : i + SAVE_BATCH])

    with open_store(target) as store:
        store.upkeep.options, store.upkeep.weights  # noqa: B018  (loaded once per run, before timing)
        t_rows, _ = timed(lambda: [save_row_by_row(store, d) for d in few])
        for table in ("documents", "document_actors", "mentions", "events", "event_participants", "quotes"):
            store.con.execute(f"DELETE FROM {table}")
        t_full, _ = timed(lambda: bulk(store, docs))  # before the repeats: they would be a gap to repair
        stream = moved(docs, LOAD_EVENTS)
        for table in ("documents", "document_actors", "mentions", "events", "event_participants", "quotes"):
            store.con.execute(f"DELETE FROM {table}")
        store.con.execute("DELETE FROM incidents")
        store.con.execute("DELETE FROM incident_members")
        # CPU time too: on a shared machine the wall clock of one stream swings with the load
        t_stream, c_stream, _ = cpu_timed(lambda: bulk(store, stream))
        for table in ("documents", "document_actors", "mentions", "events", "event_participants", "quotes"):
            store.con.execute(f"DELETE FROM {table}")
        store.upkeep.fold = lambda *a: None  # type: ignore[method-assign]  # the rows alone
        t_bulk, _ = timed(lambda: bulk(store, many))
    return {
        "rows": events(few) / t_rows,
        "bulk": events(many) / t_bulk,
        "full": events(docs) / t_full,
        "stream": events(stream) / t_stream,
        "stream_cpu": events(stream) / c_stream,
    }


def engine_ratios(raws: list[RawInput], settings) -> tuple[int, dict[str, float]]:  # type: ignore[no-untyped-def]
    """Seconds of `run_batch` on a subset: 1 worker, a pool of 2, Dask with 2 workers (a cluster of
    separate processes reached by its scheduler address, as on many machines)."""
    from dask.distributed import LocalCluster

    subset, words = [], 0
    for r in raws:
        if words >= ENGINE_WORDS:
            break
        subset.append(r)
        words += len(r.content.split())
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out["one"] = batch_seconds(subset, folder, 1, "local", settings)
        out["pool"] = batch_seconds(subset, folder, 2, "local", settings)
        out["worker_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            out["dask"] = batch_seconds(
                subset, folder, 2, "dask", settings, scheduler=cluster.scheduler_address
            )
    return words, out


def print_api(latency: dict[str, tuple[float, float]], generated_s: float) -> None:
    print(f"API /api/events on {API_EVENTS:,} synthetic events (generated in {generated_s:.1f} s):")
    for name, (p50, p95) in latency.items():
        before = BEFORE_P95_MS.get(name)
        was = f"   (before: p95 {before:.0f} ms)" if before else ""
        print(f"  {name:20s} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms{was}")


def api_only() -> None:
    """`python bench/run.py --api`: only the API figures (no spaCy, a minute instead of many)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "api.duckdb"
        t_gen, _ = timed(lambda: synthetic_store(path, API_EVENTS))
        print_api(api_latency(path), t_gen)


def main() -> None:
    from allegiance.engine import process_stream
    from allegiance.records import Document

    raws = bodies() if os.environ.get("BENCH_CORPUS") == "bodies" else corpus()
    pipe = Pipeline()
    cleaned = [pipe.clean(r) for r in raws]
    texts = [c.text for c in cleaned]
    words = sum(len(t.split()) for t in texts)

    bare = __import__("spacy").load(pipe.settings.model)
    t_bare, c_bare, _ = cpu_timed(lambda: list(bare.pipe(texts)))
    t_full, c_full, results = cpu_timed(lambda: [result for _, result in process_stream(raws, pipe)])
    docs = [d for d in results if isinstance(d, Document)]
    assert len(docs) == len(raws), [r for r in results if not isinstance(r, Document)][:3]
    n_events = sum(len(d.events) for d in docs)
    t_ruler = ruler_seconds(pipe, texts)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} CPUs, python {sys.version.split()[0]}"
    )
    print(f"corpus: {len(raws)} documents, {words} words, {n_events} events")
    print(f"bare spaCy nlp.pipe      {words / t_bare:10.0f} words/s   (baseline 1.00)")
    print(f"full allegiance pipeline {words / t_full:10.0f} words/s   ratio {t_bare / t_full:.2f}")
    print(
        f"  the same in CPU time: bare {words / c_bare:.0f}, full {words / c_full:.0f} words/s, ratio {c_bare / c_full:.2f}"
    )
    print(f"actor ruler alone        {t_ruler:10.2f} s over the corpus")
    print(f"peak memory: this process {rss_mb:.0f} MiB")

    if "store" in PARTS:
        print(f"store load (events/s; bulk = batches of {__import__('allegiance.runner').runner.SAVE_BATCH} documents):")
        with tempfile.TemporaryDirectory() as tmp:
            backends = [("DuckDB", Path(tmp) / "load.duckdb", None)]
            pg = pg_targets()
            if pg:
                backends.append(("PostgreSQL", pg[0], pg[1]))
            for name, target, drop in backends:
                try:
                    r = load_rates(str(target), docs)
                finally:
                    if drop:
                        drop()
                print(
                    f"  {name:10s} row by row {r['rows']:8.0f}   bulk {r['bulk']:8.0f} (ratio {r['bulk'] / r['rows']:.1f})"
                    f"   bulk + incidents {r['full']:8.0f} (ratio {r['full'] / r['rows']:.1f})"
                    f"   the same on {LOAD_EVENTS:,} events moved in time {r['stream']:8.0f}"
                    f" (CPU time of this process: {r['stream_cpu']:.0f})"
                )

    if "engines" in PARTS:
        sub_words, t = engine_ratios(raws, pipe.settings)
        print(f"batch (run_batch on {sub_words} words, start-up included; ratio = speed vs 1 worker):")
        print(f"  1 worker (in-process)  {sub_words / t['one']:10.0f} words/s   (baseline 1.00)")
        print(f"  2 worker processes     {sub_words / t['pool']:10.0f} words/s   ratio {t['one'] / t['pool']:.2f}")
        print(
            f"  Dask, 2 workers        {sub_words / t['dask']:10.0f} words/s   ratio {t['one'] / t['dask']:.2f}"
            f"  (vs 2 processes {t['pool'] / t['dask']:.2f})"
        )
        print(f"  largest local worker {t['worker_mb']:.0f} MiB")

    if "api" in PARTS:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            t_gen, _ = timed(lambda: synthetic_store(folder / "api.duckdb", API_EVENTS))
            latency = api_latency(folder / "api.duckdb")
        print_api(latency, t_gen)


if __name__ == "__main__":
    api_only() if "--api" in sys.argv[1:] else main()
