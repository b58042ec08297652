"""`make bench`: speed and memory, printed as ratios against a baseline measured in the same run.

Not part of the test suite. The corpus is the bundled samples plus, when present, the real
articles of ../shared (articles-dev texts and the seed), repeated to a fixed word count so the
figures are comparable between machines of the same kind (BENCH_WORDS overrides the count).
BENCH_CORPUS=bodies uses the 181 article bodies of the extraction benchmark instead (those the
guards accept: the benchmark holds pages in other languages), once each.

Figures: the full pipeline as `allegiance extract` runs it (`engine.process_stream`: clean, guards,
batched parse, every stage) vs bare spaCy `nlp.pipe` on the same clean texts (words/s); the actor
ruler alone (seconds over the corpus); `run_batch` with 1 vs 2 worker processes
and with Dask on 2 workers (same corpus, same run); DuckDB load rate (events/s); peak memory of the
parent and of the largest worker; API latency p50/p95 of /api/events on a store of BENCH_EVENTS
(default 1,000,000) synthetic events generated with DuckDB SQL.
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


def batch_seconds(raws: list[RawInput], folder: Path, workers: int, engine: str, settings) -> float:  # type: ignore[no-untyped-def]
    """Wall time of a whole `run_batch` (worker start-up included) into a fresh DuckDB store."""
    from allegiance.runner import run_batch

    def reader(_paths, _published):  # type: ignore[no-untyped-def]
        return iter(raws)

    with open_store(folder / f"{engine}-{workers}.duckdb") as store:
        t, result = timed(
            lambda: run_batch(
                [], store, None, reader=reader, workers=workers, engine=engine, settings=settings
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
        "'Synthetic text.', TIMESTAMP '2024-01-01' FROM range(?) t(i)",
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


def api_latency(path: Path, rounds: int = 40) -> dict[str, tuple[float, float]]:
    """p50 and p95 milliseconds of /api/events queries through the ASGI app (FastAPI TestClient)."""
    from fastapi.testclient import TestClient

    from allegiance.api.app import create_app

    queries = {
        "newest 50": "/api/events?limit=50",
        "by actor": "/api/events?actor=actor-17&limit=50",
        "by category+dates": "/api/events?category=PROTEST&since=2018-01-01&until=2018-06-30&limit=50",
    }
    out = {}
    with TestClient(create_app(path)) as client:
        for name, url in queries.items():
            client.get(url).raise_for_status()  # warm caches once
            times = []
            for _ in range(rounds):
                t = time.perf_counter()
                client.get(url).raise_for_status()
                times.append((time.perf_counter() - t) * 1000)
            out[name] = (statistics.median(times), statistics.quantiles(times, n=20)[18])
    return out


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

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.duckdb")
        t_load, _ = timed(lambda: [store.save(d) for d in docs])
        store.close()

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = pipe.settings
        t_one = batch_seconds(raws, folder, 1, "local", settings)
        t_two = batch_seconds(raws, folder, 2, "local", settings)
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        t_dask = batch_seconds(raws, folder, 2, "dask", settings)
        t_gen, _ = timed(lambda: synthetic_store(folder / "api.duckdb", API_EVENTS))
        latency = api_latency(folder / "api.duckdb")

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
    print(
        f"DuckDB load              {n_events / t_load:10.0f} events/s  ({len(docs) / t_load:.0f} documents/s)"
    )
    print("batch (run_batch, start-up included; ratio = speed vs 1 worker):")
    print(f"  1 worker (in-process)  {words / t_one:10.0f} words/s   (baseline 1.00)")
    print(f"  2 worker processes     {words / t_two:10.0f} words/s   ratio {t_one / t_two:.2f}")
    print(
        f"  Dask, 2 workers        {words / t_dask:10.0f} words/s   ratio {t_one / t_dask:.2f}  (vs 2 processes {t_two / t_dask:.2f})"
    )
    print(f"peak memory: this process {rss_mb:.0f} MiB, largest local worker {worker_mb:.0f} MiB")
    print(f"API /api/events on {API_EVENTS:,} synthetic events (generated in {t_gen:.1f} s):")
    for name, (p50, p95) in latency.items():
        print(f"  {name:20s} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms")


if __name__ == "__main__":
    main()
