"""Article body extraction, scored the way the Scrapinghub article-extraction benchmark scores it.

Data: a folder with ``ground-truth.json`` (``{sha256: {"articleBody": ...}}``) and
``html/<sha256>.html.gz``. Metric (the benchmark's own): split texts into ``\\w+`` tokens, count word
4-gram shingles in the true and the predicted body, TP/FP/FN from the shingle counts, normalised per
page so that long pages weigh the same, then mean precision and mean recall over pages and F1 of
those two means. The same figures for bare ``trafilatura.extract`` are reported as the baseline.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import trafilatura

from ..clean import clean
from ..errors import CleanError
from ..ingest import DecodeError, decode
from ..records import RawInput
from .report import PRF, Report

TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
SHINGLE = 4
Counts = tuple[float, float, float]  # normalised tp, fp, fn of one page


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Word n-grams; a text shorter than n words is one shorter shingle, an empty text none."""
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(true: str, predicted: str) -> Counts:
    """TP/FP/FN over shingle counts, divided by their sum so that every page weighs the same."""
    gold, pred = shingles(true), shingles(predicted)
    tp = fp = fn = 0
    for key in gold.keys() | pred.keys():
        g, p = gold.get(key, 0), pred.get(key, 0)
        tp += min(g, p)
        fp += max(0, p - g)
        fn += max(0, g - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0  # both empty, or identical
    return tp / (tp + fp) if tp + fp else 0.0


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def benchmark_scores(pages: list[Counts]) -> dict[str, float]:
    """Mean per-page precision and recall, and the F1 of those means (the benchmark's figures)."""
    if not pages:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = statistics.mean(page_precision(*c) for c in pages)
    r = statistics.mean(page_recall(*c) for c in pages)
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def _extract_page(args: tuple[Path, str]) -> tuple[str, str, str]:
    """(page key, allegiance's body, bare trafilatura's body) for one benchmark page."""
    html_path, key = args
    data = gzip.decompress(html_path.read_bytes())
    try:
        html = decode(data, is_html=True)
    except DecodeError:
        html = data.decode("utf-8", "replace")  # score the page anyway, as the benchmark does
    try:
        ours = clean(RawInput(source=key, format="html", content=html)).text
    except CleanError:
        ours = ""
    baseline = trafilatura.extract(html) or ""
    return key, ours, baseline


def _summed(pages: list[Counts]) -> PRF:
    return PRF(*(round(sum(column), 3) for column in zip(*pages, strict=True))) if pages else PRF()


def evaluate(path: Path, limit: int | None = None, workers: int | None = None) -> Report:
    """Score `clean()` on the benchmark folder at `path` (first `limit` pages in key order).
    `workers`: processes to use (default: up to 4 CPUs; one for a handful of pages)."""
    path = Path(path)
    truth = json.loads((path / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    jobs = [(path / "html" / f"{key}.html.gz", key) for key in keys]
    if workers is None:
        workers = min(4, os.cpu_count() or 1) if len(jobs) >= 16 else 1
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_extract_page, jobs, chunksize=4))
    else:
        results = [_extract_page(job) for job in jobs]
    ours, baseline = [], []
    for key, our_text, base_text in results:
        body = truth[key].get("articleBody") or ""
        ours.append(page_counts(body, our_text))
        baseline.append(page_counts(body, base_text))
    report = Report(name="article-extraction")
    report.overall = _summed(ours)
    report.per_category["trafilatura.extract (baseline)"] = _summed(baseline)
    report.metrics["pages"] = len(keys)
    report.metrics["benchmark"] = benchmark_scores(ours)
    report.metrics["baseline_trafilatura"] = benchmark_scores(baseline)
    report.notes.append(
        "benchmark/baseline_trafilatura: the benchmark's own figures (mean per-page P and R, F1 of "
        "the means); overall and per_category: the same per-page normalised counts summed."
    )
    return report
