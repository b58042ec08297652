"""evaluation/extraction.py: the article-extraction benchmark's metric and the evaluate() run."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from allegiance.evaluation.extraction import benchmark_scores, evaluate, page_counts, shingles

TRUE = "Rebels attacked the army base at dawn and seized weapons before fleeing into the forest."


def test_shingles_are_word_4grams() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("two words") == {("two", "words"): 1} and not shingles("")


def test_page_counts_normalised_per_page() -> None:
    assert page_counts(TRUE, TRUE) == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts(TRUE, TRUE + " Subscribe to our newsletter for more news today.")
    assert tp + fp + fn == pytest.approx(1.0) and fp > 0 and fn == 0
    assert page_counts(TRUE, "") == (0.0, 0.0, 1.0)


def test_benchmark_scores_average_pages_then_f1() -> None:
    perfect, missed = page_counts(TRUE, TRUE), page_counts(TRUE, "")
    scores = benchmark_scores([perfect, missed])
    assert scores["precision"] == 0.5 and scores["recall"] == 0.5 and scores["f1"] == 0.5
    assert benchmark_scores([page_counts("", "")])["f1"] == 1.0  # nothing to find, nothing found


def test_evaluate_on_a_small_benchmark_folder(tmp_path: Path) -> None:
    paragraphs = [
        TRUE,
        "The provincial governor said twelve soldiers were missing after the assault on the base.",
        "Residents of nearby villages reported hearing heavy gunfire for more than three hours.",
    ]
    body = "\n".join(paragraphs)
    article = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"<html><body><nav>Home News Sport</nav><article>{article}</article></body></html>"
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "k1.html.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps({"k1": {"articleBody": body, "url": "x"}}))
    report = evaluate(tmp_path).as_dict()
    assert report["pages"] == 1
    assert set(report["benchmark"]) == {"precision", "recall", "f1"}
    assert report["benchmark"]["recall"] > 0.9 and "baseline_trafilatura" in report


def test_evaluate_on_the_real_benchmark(shared_dir: Path) -> None:
    report = evaluate(shared_dir / "data" / "article-extraction", limit=4)
    assert report.metrics["pages"] == 4
    assert report.metrics["benchmark"]["f1"] > 0.8
