"""What a worker's resident memory is made of: `python bench/memory.py [--token-ruler]`.

Loads the pipeline's parts one at a time, as `Pipeline.__init__` does, and prints the growth of
the resident set (VmRSS) after each, then the peak after analysing the benchmark bodies (the 181
bodies of ../shared when present, else the samples). `--token-ruler` installs the knowledge base
as the former ~3,000 spaCy token patterns instead, for the comparison. One process per run: memory
freed by Python is not always returned to the system, so parts are measured in load order.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent


def rss_mib(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def token_ruler(nlp: Any, kb: Any) -> None:
    """The knowledge base as spaCy token patterns (the ruler before the phrase lookup)."""
    from allegiance.actors.ruler import label_for, token_pattern

    ruler = nlp.add_pipe("entity_ruler", name="actor_ruler", before="ner", config={"overwrite_ents": True})
    patterns = []
    for actor in kb.actors.values():
        for alias in dict.fromkeys([actor.name, *actor.aliases]):
            pattern = token_pattern(nlp, alias)
            if pattern:
                patterns.append({"label": label_for(actor.type), "pattern": pattern, "id": actor.id})
    ruler.add_patterns(patterns)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--token-ruler", action="store_true", help="the former token-pattern ruler")
    args = parser.parse_args()
    rows: list[tuple[str, float]] = []
    last = rss_mib()

    def step(name: str) -> None:
        nonlocal last
        gc.collect()
        now = rss_mib()
        rows.append((name, now - last))
        last = now

    import spacy

    import allegiance.pipeline  # noqa: F401  (every stage's module and its libraries)

    step("Python, spaCy, allegiance modules")
    from allegiance import actors, nlp, where
    from allegiance.settings import Settings

    settings = Settings.from_env()
    model = nlp.load_model(settings.model)
    step(f"spaCy model {settings.model}")
    kb = actors.load_kb(settings.extra_kb)
    step(f"knowledge base ({len(kb.actors)} actors)")
    gazetteer = where.load_gazetteer()
    step("gazetteer")
    if args.token_ruler:
        token_ruler(model, kb)
        step("actor ruler (token patterns)")
    else:
        actors.install(model, kb)
        step("actor ruler (phrase lookup)")
    where.install(model, gazetteer)
    step("place ruler")
    loaded = rss_mib()

    from allegiance.engine import process_stream
    from allegiance.pipeline import Pipeline

    pipeline = Pipeline.__new__(Pipeline)  # the parts loaded above, not a second copy
    pipeline.settings, pipeline.kb, pipeline.gazetteer, pipeline.nlp = settings, kb, gazetteer, model
    sys.path.insert(0, str(ROOT))
    from identical import BODIES, benchmark_bodies

    if BODIES.is_file():
        raws = benchmark_bodies()
    else:
        from allegiance.ingest import read_inputs

        raws = list(read_inputs([ROOT.parent / "samples"]))
    results = list(process_stream(raws, pipeline))
    print(f"spaCy {spacy.__version__}; resident memory (MiB) added by each part, in load order:")
    for name, mib in rows:
        print(f"  {name:42s} {mib:7.1f}")
    print(f"  {'loaded (total)':42s} {loaded:7.1f}")
    print(f"  {'peak after ' + str(len(results)) + ' documents (VmHWM)':42s} {rss_mib('VmHWM'):7.1f}")


if __name__ == "__main__":
    main()
