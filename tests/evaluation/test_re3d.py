"""re3d entity scorer: reads BOM-prefixed JSON Lines, scores exact and overlapping spans per type."""

from __future__ import annotations

import json
from pathlib import Path

from allegiance.evaluation.re3d import evaluate


def write_subset(root: Path, text: str, entities: list[dict]) -> None:
    folder = root / "Example Source"
    folder.mkdir(parents=True)
    doc = {"_id": "D1", "title": "t", "text": text}
    (folder / "documents.json").write_text("\ufeff" + json.dumps(doc) + "\n", encoding="utf-8")
    rows = [{"_id": f"e{i}", "documentId": "D1", "confidence": 1, **e} for i, e in enumerate(entities)]
    (folder / "entities.json").write_text("\ufeff" + "\n".join(json.dumps(r) for r in rows), encoding="utf-8")


def test_scores_exact_and_overlap_per_type(tmp_path, pipeline):
    text = "The Taliban attacked Afghan forces in Kandahar, Zabihullah Mujahid said."
    gold = [
        {"begin": 4, "end": 11, "type": "Organisation", "value": "Taliban"},
        {"begin": 21, "end": 27, "type": "Nationality", "value": "Afghan"},
        {"begin": 38, "end": 46, "type": "Location", "value": "Kandahar"},
        {"begin": 48, "end": 66, "type": "Person", "value": "Zabihullah Mujahid"},
        {"begin": 0, "end": 3, "type": "Temporal", "value": "The"},  # unscored type: ignored
    ]
    write_subset(tmp_path, text, gold)
    report = evaluate(tmp_path, pipeline=pipeline)
    assert report.metrics["documents"] == 1
    assert report.category("Organisation").tp == 1  # the ruler gives the exact span
    assert report.overall.tp + report.overall.fn == 4
    assert set(report.metrics["overlap"]) == {"Organisation", "Person", "Location", "Nationality"}


def test_real_re3d_subset_runs(shared_dir, pipeline):
    report = evaluate(shared_dir / "data" / "re3d", pipeline=pipeline, limit=2)
    assert report.metrics["documents"] == 2
    assert report.overall.tp + report.overall.fn > 0
    assert 0.0 <= report.overall.f1 <= 1.0


def test_actor_mentions_add_descriptors_and_pronouns(tmp_path, pipeline):
    text = "Hezbollah fired rockets at the town. It said the strikes answered an Israeli raid."
    gold = [
        {"begin": 0, "end": 9, "type": "Organisation", "value": "Hezbollah"},
        {"begin": 37, "end": 39, "type": "Organisation", "value": "It"},
    ]
    write_subset(tmp_path, text, gold)
    by_ents = evaluate(tmp_path, pipeline=pipeline, source="ents")
    by_actors = evaluate(tmp_path, pipeline=pipeline, source="actors")
    assert by_ents.category("Organisation").tp == 1
    assert by_actors.category("Organisation").tp == 2
