"""Old vs new: does a change leave every entity and every record exactly as it was?

    python bench/identical.py                      # the 181 benchmark bodies, base = merge-base with main
    python bench/identical.py --base REF FOLDER    # any git revision, any folder of pages

Each side runs in its own process on its own source tree (the base is `git archive`d into a
temporary folder), so the two never share a loaded module. Each side writes, per input, the
entities of the parsed Doc (recorded by a component appended to the spaCy pipeline, so it works
whether a version parses with `nlp(text)` or `nlp.pipe`) and the final `Document` or `Failure`
record. Documents are processed the way `allegiance extract` processes them in that version.
Prints how many inputs differ in entities, in events and in the whole record; exit 1 if any do.
Inputs that one side refuses with a guard (size, language) and the other analyses are listed
apart, with the reason: against a base older than the one per-document path, `extract` analysed
pages in other languages that it now refuses.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BODIES = ROOT.parent / "shared" / "data" / "article-extraction" / "ground-truth.json"


def benchmark_bodies() -> list[Any]:
    from allegiance.records import RawInput

    truth = json.loads(BODIES.read_text(encoding="utf-8"))
    return [
        RawInput(source=sha, format="text", content=entry["articleBody"])
        for sha, entry in sorted(truth.items())
        if (entry.get("articleBody") or "").strip()
    ]


def inputs(folder: str | None) -> list[Any]:
    if folder is None:
        return benchmark_bodies()
    from allegiance.ingest import read_inputs

    return list(read_inputs([Path(folder)]))


def results(raws: list[Any], pipeline: Any) -> list[tuple[Any, Any]]:
    """(input, Document | Failure) as this version's `extract` path produces them."""
    try:
        from allegiance.engine import process_stream  # the batched per-document path
    except ImportError:
        from allegiance.runner import process_inputs as process_stream
    return list(process_stream(raws, pipeline))


def child(folder: str | None, out: Path) -> None:
    from spacy.language import Language

    from allegiance.pipeline import Pipeline

    recorded: dict[str, list[list[Any]]] = {}

    @Language.component("identical_recorder")
    def record(doc: Any) -> Any:
        recorded[doc.text] = [[e.start_char, e.end_char, e.label_, e.ent_id_] for e in doc.ents]
        return doc

    pipeline = Pipeline()
    pipeline.nlp.add_pipe("identical_recorder", last=True)
    raws = inputs(folder)
    started = time.perf_counter()
    pairs = results(raws, pipeline)
    seconds = time.perf_counter() - started
    with out.open("w", encoding="utf-8") as f:
        for raw, result in pairs:
            record_json = result.model_dump(mode="json")
            ents = recorded.get(record_json.get("text") or "")
            f.write(json.dumps({"source": raw.source, "ents": ents, "record": record_json}) + "\n")
    print(f"  {len(pairs)} inputs in {seconds:.1f} s", file=sys.stderr)


def run_side(src: Path, folder: str | None, out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(src))
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(out)]
    if folder:
        command.append(folder)
    subprocess.run(command, env=env, check=True)


def export(ref: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", ref, "src"], cwd=ROOT, capture_output=True, check=True)
    with tarfile.open(fileobj=__import__("io").BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def read(path: Path) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {row["source"]: row for row in rows}


GUARD_REASONS = ("language: ", "text too long")


def refused(row: dict[str, Any]) -> bool:
    """A failure record of the batch guards (size, language)."""
    record = row["record"]
    return "stage" in record and str(record.get("reason", "")).startswith(GUARD_REASONS)


def compare(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """Sources that differ, by what differs. Entities, events and records are compared where both
    sides made a document; an input only one side refuses with a guard is counted apart (the guards
    are a decision, not a speed-up: `extract` applies them since the one per-document path)."""
    differ: dict[str, list[str]] = {
        "inputs": [],
        "entities": [],
        "events": [],
        "records": [],
        "refused": [],
        "outcome": [],
    }
    for source in sorted(old.keys() | new.keys()):
        a, b = old.get(source), new.get(source)
        if a is None or b is None:
            differ["inputs"].append(source)
        elif ("stage" in a["record"]) != ("stage" in b["record"]):
            differ["refused" if refused(a) or refused(b) else "outcome"].append(source)
        elif "stage" in a["record"]:
            if a["record"] != b["record"]:
                differ["outcome"].append(source)  # failed on both sides, for different reasons
        else:
            if a["ents"] != b["ents"]:
                differ["entities"].append(source)
            if a["record"].get("events") != b["record"].get("events"):
                differ["events"].append(source)
            if a["record"] != b["record"]:
                differ["records"].append(source)
    return differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", help="pages to run (default: the 181 benchmark bodies)")
    parser.add_argument("--base", help="git revision of the old side (default: merge-base with main)")
    parser.add_argument("--new", help="git revision of the new side (default: the working tree)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.folder, Path(args.child))
        return 0
    base = (
        args.base
        or subprocess.run(
            ["git", "merge-base", "HEAD", "main"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    with tempfile.TemporaryDirectory(prefix="allegiance-identical-") as tmp:
        folder = Path(tmp)
        print(f"old: {base[:12]}", file=sys.stderr)
        run_side(export(base, folder / "old"), args.folder, folder / "old.jsonl")
        print(f"new: {args.new or 'working tree'}", file=sys.stderr)
        new_src = export(args.new, folder / "new") if args.new else ROOT / "src"
        run_side(new_src, args.folder, folder / "new.jsonl")
        old, new = read(folder / "old.jsonl"), read(folder / "new.jsonl")
    differ = compare(old, new)
    print(f"inputs: {len(old)} old, {len(new)} new")
    for what, sources in differ.items():
        print(f"differing in {what:9s} {len(sources)}" + (f"  e.g. {sources[:3]}" if sources else ""))
    for source in differ["refused"]:
        side, row = ("new", new[source]) if refused(new[source]) else ("old", old[source])
        print(f"  refused by a guard on the {side} side only: {source}: {row['record']['reason']}")
    return 1 if any(v for k, v in differ.items() if k != "refused") else 0


if __name__ == "__main__":
    sys.exit(main())
