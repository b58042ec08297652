"""Entity recognition on re3d (Dstl, 2017): P/R/F1 per re3d type, exact span and overlap.

Input: the re3d folder (one sub-folder per source with documents.json and entities.json, JSON Lines
that may start with a UTF-8 BOM). Each document text runs through the real pipeline's spaCy model
(with the actor ruler); system entities are mapped to re3d types by `TYPE_MAP`. Gold entities of
types we do not map are ignored; re3d nests entities ("The Members of the Security Council" and
"Security Council"), so a system entity is correct when it matches any gold entity of its type.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from spacy.tokens import Doc

from .. import actors
from ..engine.batch import BATCH_TEXTS
from ..pipeline import Pipeline
from .report import Report

TYPE_MAP = {
    "ORG": "Organisation",
    "PERSON": "Person",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "NORP": "Nationality",
    "DATE": "Temporal",
    "TIME": "Temporal",
    "MONEY": "Money",
    "QUANTITY": "Quantity",
}
SCORED = ("Organisation", "Person", "Location", "Nationality")


def read_jsonl(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8-sig")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def system_entities(
    pipeline: Pipeline, text: str, source: str = "ents", doc: Doc | None = None
) -> list[tuple[int, int, str]]:
    """`ents`: the spaCy entities (ruler + NER). `actors`: Person/Organisation from the actors stage's
    mentions instead (names, descriptors, pronouns — re3d annotates all three), the rest from ents.
    `doc`: the parse of `text`, when already made (`evaluate` parses a folder in batches)."""
    doc = pipeline.nlp(text) if doc is None else doc
    found = {(e.start_char, e.end_char, TYPE_MAP[e.label_]) for e in doc.ents if e.label_ in TYPE_MAP}
    if source == "actors":
        found = {e for e in found if e[2] not in {"Person", "Organisation"}}
        for actor in actors.resolve(doc, pipeline.kb):
            for m in actor.mentions:
                if actor.type == "country" and m.kind == "name":
                    continue  # already a Location entity
                found.add((m.start, m.end, "Person" if actor.type == "person" else "Organisation"))
    return sorted(found)


def evaluate(
    path: Path, pipeline: Pipeline | None = None, limit: int | None = None, source: str = "ents"
) -> Report:
    """Score `source` ("ents" or "actors", see `system_entities`) against re3d at `path`."""
    pipeline = pipeline or Pipeline()
    report = Report(name=f"re3d entities ({source})")
    # overlap counts: system entities touching a gold one (precision), gold ones touched (recall)
    overlap = {t: {"hits": 0, "predicted": 0, "found": 0, "gold": 0} for t in SCORED}
    n_docs = 0
    for folder in sorted(p for p in Path(path).iterdir() if (p / "documents.json").is_file()):
        gold: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for row in read_jsonl(folder / "entities.json"):
            if row["type"] in SCORED:
                gold[row["documentId"]].append((row["begin"], row["end"], row["type"]))
        documents = read_jsonl(folder / "documents.json")
        if limit is not None:
            documents = documents[: max(0, limit - n_docs)]
        parses = pipeline.nlp.pipe((d["text"] for d in documents), batch_size=BATCH_TEXTS)
        for document, doc in zip(documents, parses, strict=True):
            n_docs += 1
            found = system_entities(pipeline, document["text"], source, doc)
            predicted = [e for e in found if e[2] in SCORED]
            score_document(report, overlap, gold[document["_id"]], predicted)
    for t in SCORED:
        exact = report.category(t)
        report.overall.tp += exact.tp
        report.overall.fp += exact.fp
        report.overall.fn += exact.fn
    report.metrics["documents"] = n_docs
    report.metrics["overlap"] = {t: overlap_prf(c) for t, c in overlap.items()}
    report.notes.append("overall = exact-span micro average over Organisation, Person, Location, Nationality")
    return report


def overlap_prf(counts: dict[str, int]) -> dict[str, float]:
    p = counts["hits"] / counts["predicted"] if counts["predicted"] else 0.0
    r = counts["found"] / counts["gold"] if counts["gold"] else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def score_document(
    report: Report,
    overlap: dict[str, dict[str, int]],
    gold: list[tuple[int, int, str]],
    predicted: list[tuple[int, int, str]],
) -> None:
    gold_set = set(gold)
    for t in SCORED:
        g = [x for x in gold if x[2] == t]
        p = [x for x in predicted if x[2] == t]
        exact = report.category(t)
        exact.tp += sum(1 for x in p if x in gold_set)
        exact.fp += sum(1 for x in p if x not in gold_set)
        exact.fn += sum(1 for x in set(g) if x not in set(p))
        hits = [x for x in p if any(x[0] < y[1] and y[0] < x[1] for y in g)]
        found = [y for y in set(g) if any(x[0] < y[1] and y[0] < x[1] for x in p)]
        overlap[t]["hits"] += len(hits)
        overlap[t]["predicted"] += len(p)
        overlap[t]["found"] += len(found)
        overlap[t]["gold"] += len(set(g))
        for x in p:
            if x not in gold_set:
                other = next((y[2] for y in gold if y[:2] == x[:2]), None)
                if other:
                    report.confusion[(other, t)] += 1
