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


def test_scored_codes_are_the_shipped_ones(tmp_path, pipeline):
    rows = [
        record(
            1,
            "CONCEDE",
            "The Kenyan government lifted the night curfew in Tanzania on Friday.",
            [{"actorText": "Kenyan government", "code": "KEN"}],
            [{"actorText": "Tanzania", "code": "TZA"}],
        ),
        record(
            2,
            "REJECT",
            "Brazilian President Maria Souza rejected the proposal from Argentina.",
            [{"actorText": "Brazilian President Maria Souza", "code": "BRA"}],
            [{"actorText": "Argentina", "code": "ARG"}],
        ),
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(rows))
    report = evaluate(path, pipeline=pipeline)
    assert report.metrics["event_accuracy"] == 1.0
    # the pipeline places "Brazilian President …" in BRA by its title (actors/titles.py)
    assert report.metrics["actor_accuracy"] == 1.0
    # CAMEO reads a curfew "in Tanzania" as targeting TZA; allegiance keeps Tanzania as the place
    # and the scorer infers nothing the pipeline did not emit
    assert report.metrics["recipient_accuracy"] == 0.5


def test_reported_event_outranks_the_accusation_read_off_its_report_verb(tmp_path, pipeline):
    rows = [
        record(
            1,
            "FIGHT",
            "Officials said Hezbollah fighters attacked an Israeli army post near the border.",
            [{"actorText": "Hezbollah", "code": "LBN"}],
            [{"actorText": "Israeli army", "code": "ISR"}],
        )
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(rows))
    assert evaluate(path, pipeline=pipeline).confusion[("ASSAULT", "ASSAULT")] == 1
