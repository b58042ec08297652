"""The gold-standard scorer on a small file of records written for this test."""

import json

from allegiance.evaluation.plover import evaluate, gold_codes


def record(i, event, text, source, target):
    return {
        "id": f"T-{i}",
        "event": event,
        "text": text,
        "source": source,
        "target": target,
        "textInfo": {"markup": text},
    }


def test_evaluate_scores_category_and_participants(tmp_path, pipeline):
    rows = [
        {"id": "DOC", "event": "DOCUMENT"},
        record(
            1,
            "FIGHT",
            "Russian troops shelled Ukrainian positions near the river.",
            [{"actorText": "Russian troops", "code": "RUS"}],
            [{"actorText": "Ukrainian", "code": "UKR"}],
        ),
        record(
            2,
            "DEMAND",
            "Germany urged Iran to release the detained journalists.",
            [{"actorText": "Germany", "code": "DEU"}],
            [{"actorText": "Iran", "code": "IRN"}],
        ),
        record(3, "AGREE", "The weather was mild in the capital.", [{"actorText": "x", "code": "FRA"}], ""),
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(rows))
    report = evaluate(path, pipeline=pipeline)
    assert report.metrics["records"] == 3
    assert report.confusion[("ASSAULT", "ASSAULT")] == 1  # PLOVER 0.5 FIGHT read as ASSAULT
    assert report.confusion[("REQUEST", "REQUEST")] == 1
    assert report.confusion[("AGREE", "NONE")] == 1
    assert report.metrics["event_accuracy"] == round(2 / 3, 4)
    assert report.per_category["AGREE"].recall == 0.0


def test_gold_codes_map_cameo_country_codes():
    assert gold_codes([{"code": "JAP"}, {"code": "usa"}]) == {"JPN", "USA"}
    assert gold_codes("") == set()
