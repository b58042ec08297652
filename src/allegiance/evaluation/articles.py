"""`allegiance eval articles GOLD_DIR`: score whole-article extraction with the official scorer.

Reproduces the documented procedure exactly — gold → JSON Lines input as `articles_input.py` makes
it (`published` withheld where the gold says so) → `ingest` + `Pipeline.process`, as `allegiance
extract --jsonl` does → `score_articles.py` — in one call, so a developer sees the same figures the
hidden set is scored with. The scorer is loaded from its file (by default
`GOLD_DIR/../../eval/score_articles.py`) rather than re-implemented, so the figures cannot drift.

Besides the scorer's overall figures, the report breaks event P/R/F1 down per PLOVER category by
scoring, per category, the gold and system events of that category alone (codebook double readings
across categories, such as SUPPORT~AGREE, are not counted in that breakdown).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from ..records import Failure
from .report import PRF, Report


@dataclass
class ScoredPRF(PRF):
    """P/R/F1 as the scorer computes them: precision counts system events matching any gold event,
    recall counts gold events found — two numerators, which one `tp` cannot express."""

    given_precision: float = 0.0
    given_recall: float = 0.0
    given_f1: float | None = None  # the scorer's own F1 (computed before rounding P and R)
    gold: int | None = None
    system: int | None = None

    @property
    def precision(self) -> float:
        return self.given_precision

    @property
    def recall(self) -> float:
        return self.given_recall

    @property
    def f1(self) -> float:
        return super().f1 if self.given_f1 is None else self.given_f1

    @classmethod
    def from_scorer(cls, prf: Any, counts: dict[str, Any] | None = None) -> ScoredPRF:
        counts = counts or {}
        return cls(
            given_precision=float(prf[0]),
            given_recall=float(prf[1]),
            given_f1=float(prf[2]) if len(prf) > 2 else None,
            gold=counts.get("gold_events"),
            system=counts.get("system_events"),
        )

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }
        if self.gold is not None:
            out["gold"], out["system"] = self.gold, self.system
        return out


def default_scorer(gold_dir: Path) -> Path:
    return gold_dir.resolve().parent.parent / "eval" / "score_articles.py"


def load_scorer(path: Path) -> ModuleType:
    if not path.is_file():
        raise FileNotFoundError(f"article scorer not found at {path}; pass --scorer PATH")
    spec = importlib.util.spec_from_file_location("allegiance_official_score_articles", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the article scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def input_row(gold: dict[str, Any]) -> dict[str, Any]:
    """One `extract --jsonl` input row, built exactly as shared/eval/articles_input.py builds it."""
    row = {"text": gold["text"], "url": gold.get("url")}
    if gold.get("published") and not gold.get("withhold_published"):
        row["published"] = gold["published"]
    return row


def extract_all(
    rows: list[dict[str, Any]], workdir: Path, pipeline: Any
) -> tuple[list[dict[str, Any]], list[str]]:
    """Run ingest + pipeline over the rows as `allegiance extract --jsonl` would: a failed row is
    left out of the output (as extract leaves it out) and listed in the notes."""
    from ..ingest import read_inputs
    from ..runner import process_inputs

    input_path = workdir / "input.jsonl"
    input_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    documents, notes = [], []
    for i, (_, result) in enumerate(process_inputs(read_inputs([input_path]), pipeline)):
        if isinstance(result, Failure):
            url = rows[i].get("url") if i < len(rows) else None
            notes.append(f"failed [{result.stage}] {url or result.source}: {result.reason}")
        else:
            documents.append(result.model_dump(mode="json"))
    return documents, notes


def _write_jsonl(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in items), encoding="utf-8")
    return path


def per_category(
    scorer: ModuleType, golds: list[dict[str, Any]], docs: list[dict[str, Any]], workdir: Path
) -> dict[str, PRF]:
    to_v2 = getattr(scorer, "v2", lambda label: label)
    categories = {to_v2(e["type"]) for g in golds for e in g.get("events", [])}
    categories |= {e.get("event") for d in docs for e in d.get("events") or []}
    out: dict[str, PRF] = {}
    for category in sorted(c for c in categories if c):
        cat_dir = workdir / f"gold-{category}"
        cat_dir.mkdir()
        for i, g in enumerate(golds):
            only = dict(g, events=[e for e in g.get("events", []) if to_v2(e["type"]) == category])
            (cat_dir / f"{i:05d}.json").write_text(json.dumps(only), encoding="utf-8")
        only_docs = [
            dict(d, events=[e for e in d.get("events") or [] if e.get("event") == category]) for d in docs
        ]
        result = scorer.score(str(cat_dir), str(_write_jsonl(workdir / f"sys-{category}.jsonl", only_docs)))
        out[category] = ScoredPRF.from_scorer(result["event_full_prf"], result.get("counts"))
    return out


def evaluate(
    path: Path,
    scorer: Path | None = None,
    limit: int | None = None,
    pipeline: Any = None,
    by_category: bool = True,
) -> Report:
    """Score the pipeline on the gold articles in folder `path` (or one gold file)."""
    path = Path(path)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if limit is not None:
        files = files[:limit]
    if not files:
        raise FileNotFoundError(f"no gold article files (*.json) in {path}")
    scorer_module = load_scorer(
        Path(scorer) if scorer else default_scorer(path if path.is_dir() else path.parent)
    )
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    with tempfile.TemporaryDirectory(prefix="allegiance-eval-") as tmp:
        work = Path(tmp)
        gold_dir = work / "gold"  # the scorer reads a whole folder: give it exactly these files
        gold_dir.mkdir()
        for f in files:
            shutil.copy(f, gold_dir / f.name)
        documents, notes = extract_all([input_row(g) for g in golds], work, pipeline)
        result = scorer_module.score(str(gold_dir), str(_write_jsonl(work / "system.jsonl", documents)))
        categories = per_category(scorer_module, golds, documents, work) if by_category else {}
    report = Report(name="articles", notes=notes)
    report.overall = ScoredPRF.from_scorer(result["event_full_prf"], result.get("counts"))
    report.per_category = categories
    report.metrics = {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in result.items()
        if key != "event_full_prf"
    }
    report.metrics["pages_failed"] = len(notes)
    report.notes.append(
        "overall = events with category and actor/recipient (the scorer's event_full_prf); "
        "per-category rows score each PLOVER category alone"
    )
    return report
