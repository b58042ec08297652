"""`allegiance eval incidents` on gold articles and extracted documents written here."""

from __future__ import annotations

import json
from types import SimpleNamespace

from typer.testing import CliRunner

from allegiance.cli import app
from allegiance.evaluation import incidents
from allegiance.records import Document, Event, Participant, Span, TextSpan, When, Where

RAID = "Rebels of the North Front attacked the Ardale garrison on Monday."
RAID_AGAIN = "The North Front raid on Ardale killed four soldiers, officials said."
TALKS = "Envoys of Mirrow and Easthold met in Corvin on Tuesday."


def _gold(doc_id: str, text: str, incident: str | None, kind: str = "ASSAULT") -> dict:
    return {
        "id": doc_id,
        "url": f"https://{doc_id}.example/news",
        "published": "2030-05-11",
        "text": text,
        "actors": [{"name": "North Front", "type": "rebels", "country": "XYZ", "mentions": ["North Front"]}],
        "events": [
            {
                "type": kind,
                "source": "North Front",
                "target": None,
                "location": "Ardale",
                "admin1": "Mirrow",
                "country": "XYZ",
                "date": "2030-05-10",
                "incident": incident,
                "evidence": text,
            }
        ],
    }


def _extracted(gold: dict, actor: str = "x-north-front", day: str | None = "2030-05-10") -> dict:
    text = gold["text"]
    event = Event(
        id=f"{gold['id']}-e",
        event=gold["events"][0]["type"],
        actor=[Participant(id=actor, text="North Front", start=0, end=5)],
        eventText=text,
        trigger=TextSpan(start=0, end=5, text=text[:5]),
        sentence=Span(start=0, end=len(text)),
        date=When(start=day, end=day, granularity="day", text="Monday") if day else None,
        location=Where(name="Ardale", admin1="Mirrow", country="XYZ", kind="city"),
    )
    doc = Document(id=gold["id"], source=gold["id"], url=gold["url"], text=text, events=[event])
    return doc.model_dump(mode="json")


def _folder(tmp_path):
    golds = [
        _gold("dev-a-01", RAID, "raid"),
        _gold("dev-a-02", RAID_AGAIN, "raid"),
        _gold("dev-d-01", RAID, "raid-d"),
        _gold("dev-d-02", TALKS, None, kind="CONSULT"),
    ]
    for g in golds:
        (tmp_path / f"{g['id']}.json").write_text(json.dumps(g), encoding="utf-8")
    return golds


def test_gold_documents_use_knowledge_base_ids_and_discovered_ids_otherwise():
    docs, truth = incidents.gold_documents([_gold("g1", RAID, "raid")])
    [event] = docs[0].events
    assert event.actor[0].id == "x-north-front" and event.eventText == RAID
    assert event.location is not None and event.location.name == "Ardale"
    assert truth == {"g1-0": ("g1", "raid")}


def test_cross_pairs_count_only_pairs_across_documents():
    truth = {"a1": ("a", "k"), "a2": ("a", "k"), "b1": ("b", "k"), "c1": ("c", "other")}
    prf = incidents.cross_pairs({"a1": "i", "a2": "j", "b1": "i", "c1": "i"}, truth)
    assert (prf.tp, prf.fp, prf.fn) == (1, 2, 1)  # a1-b1 right, a1-c1 and b1-c1 wrong, a2-b1 missed


def test_evaluate_splits_tuning_and_measuring_parts(tmp_path):
    golds = _folder(tmp_path)
    documents = [_extracted(g) for g in golds]
    report = incidents.evaluate(tmp_path, scorer=None, documents=documents)
    rows = {k: v.as_dict() for k, v in report.per_category.items()}
    assert rows["tune: gold events"]["tp"] == 1 and rows["tune: extracted events"]["tp"] == 1
    assert rows["measure: gold events"]["fp"] == 0  # the talks never join the raid
    assert report.metrics["tune_files"] == 2 and report.metrics["measure_files"] == 2
    # an extracted event that matches no gold event is left out of the pairs
    documents[1]["events"][0]["event"] = "PROTEST"
    report = incidents.evaluate(tmp_path, scorer=None, documents=documents)
    assert report.metrics["tune_aligned_events"] == 1


def test_eval_incidents_command(tmp_path, monkeypatch):
    golds = _folder(tmp_path)
    monkeypatch.setattr(
        incidents, "extract_all", lambda rows, workdir, pipeline: ([_extracted(g) for g in golds], [])
    )
    monkeypatch.setattr("allegiance.cli.main._pipeline", lambda model, kb: SimpleNamespace())
    result = CliRunner().invoke(app, ["eval", "incidents", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["name"] == "incidents" and "tune: gold events" in report["per_category"]
    table = CliRunner().invoke(app, ["eval", "incidents", str(tmp_path)])
    assert table.exit_code == 0 and "dev-[abc]-*" in table.stdout.replace("\n", "")
