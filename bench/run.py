"""`make bench`: speed and memory, printed as ratios against a baseline measured in the same run.

Not part of the test suite. The corpus is the bundled samples plus, when present, the real
articles of ../shared (articles-dev texts and the seed), repeated to a fixed word count so the
figures are comparable between machines of the same kind.
"""

from __future__ import annotations

import json
import platform
import resource
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
TARGET_WORDS = 20_000


def corpus() -> list[RawInput]:
    raws = [r for r in read_inputs([ROOT / "samples"]) if isinstance(r, RawInput)]
    gold = SHARED / "data" / "articles-dev"
    if gold.is_dir():
        for p in sorted(gold.glob("*.json")):
            g = json.loads(p.read_text(encoding="utf-8"))
            raws.append(RawInput(source=p.name, format="text", content=g["text"], published=g.get("published")))
    out, words, i = [], 0, 0
    while words < TARGET_WORDS:
        r = raws[i % len(raws)]
        # a distinct suffix keeps content hashes (document ids) distinct across repeats
        out.append(r.model_copy(update={"source": f"{r.source}#{i}", "content": r.content + f"\n\n<!-- {i} -->" if r.format == "html" else r.content + f"\n\nCopy {i}."}))
        words += len(r.content.split())
        i += 1
    return out


def timed(fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def main() -> None:
    raws = corpus()
    words = sum(len(r.content.split()) for r in raws)
    pipe = Pipeline()
    cleaned = [pipe.clean(r) for r in raws]
    texts = [c.text for c in cleaned]

    bare = __import__("spacy").load(pipe.settings.model)
    t_bare, _ = timed(lambda: list(bare.pipe(texts)))
    t_full, docs = timed(lambda: [pipe.analyse(c) for c in cleaned])
    n_events = sum(len(d.events) for d in docs)

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.duckdb")
        t_load, _ = timed(lambda: [store.save(d) for d in docs])
        store.close()

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {sys.version.split()[0]}")
    print(f"corpus: {len(raws)} documents, {words} words, {n_events} events")
    print(f"bare spaCy nlp.pipe      {words / t_bare:10.0f} words/s   (baseline 1.00)")
    print(f"full allegiance pipeline {words / t_full:10.0f} words/s   ratio {t_bare / t_full:.2f}")
    print(f"DuckDB load              {n_events / t_load:10.0f} events/s  ({len(docs) / t_load:.0f} documents/s)")
    print(f"peak memory (this process) {rss_mb:.0f} MiB")


if __name__ == "__main__":
    main()
