"""The command line, through typer's CliRunner, on a temporary database. The session pipeline is
injected so spaCy loads once; these tests check commands, not event-coding quality."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from allegiance.cli import app
from allegiance.cli import main as cli_main
from allegiance.records import Actor, Document, Event, Mention, Participant, Span, TextSpan
from allegiance.store import open_store

runner = CliRunner()
PAGE = "Militants attacked a checkpoint in the north on Monday, a police spokesman said.\n"
SECOND = "The two governments signed a border agreement in the capital on Thursday.\n"


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch, pipeline):
    monkeypatch.setattr(cli_main, "_pipeline", lambda model, kb: pipeline)


@pytest.fixture
def pages(tmp_path) -> Path:
    (tmp_path / "one.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(SECOND, encoding="utf-8")
    return tmp_path


def test_extract_prints_one_document_per_input(pages):
    result = runner.invoke(app, ["extract", str(pages / "one.txt"), str(pages / "two.txt"), "--jsonl"])
    assert result.exit_code == 0, result.output
    docs = [Document.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [d.text.strip() for d in docs] == [PAGE.strip(), SECOND.strip()]


def test_extract_jsonl_input_keeps_row_order_and_published(tmp_path):
    rows = [
        {"text": SECOND, "url": "https://example.org/b", "published": "2021-06-03"},
        {"text": PAGE, "url": "https://example.org/a"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--jsonl", "--published", "2020-01-01"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["url"] for d in docs] == ["https://example.org/b", "https://example.org/a"]
    assert docs[0]["published"].startswith("2021-06-03")


def test_extract_reports_failures_on_stderr_and_exits_1(pages):
    result = runner.invoke(app, ["extract", str(pages / "one.txt"), str(pages / "missing.txt")])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr and "no such file" in result.stderr
    assert Document.model_validate_json(result.stdout).text.strip() == PAGE.strip()


def test_extract_rejects_a_bad_published_date(pages):
    result = runner.invoke(app, ["extract", str(pages / "one.txt"), "--published", "yesterday"])
    assert result.exit_code == 2
    assert "ISO date" in result.stderr


def test_run_then_query(pages, tmp_path):
    db = str(tmp_path / "cli.duckdb")
    result = runner.invoke(app, ["run", str(pages), "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored" in result.stdout
    again = runner.invoke(app, ["run", str(pages), "--db", db, "--strict"])
    assert again.exit_code == 0
    with open_store(db, read_only=True) as store:
        assert store.counts()["documents"] == 2
    for command in (["events"], ["actors"], ["failures"]):
        shown = runner.invoke(app, [*command, "--db", db])
        assert shown.exit_code == 0, shown.output


def test_run_strict_exits_1_when_an_input_failed(pages, tmp_path):
    db = str(tmp_path / "strict.duckdb")
    result = runner.invoke(
        app, ["run", str(pages / "one.txt"), str(pages / "nope.txt"), "--db", db, "--strict"]
    )
    assert result.exit_code == 1
    failures = runner.invoke(app, ["failures", "--db", db, "--json"])
    assert [Path(f["source"]).name for f in json.loads(failures.stdout)] == ["nope.txt"]


@pytest.mark.parametrize("files", [["a.json", "b.json"], []])
def test_run_with_no_readable_input_says_so_and_creates_no_store(tmp_path, files):
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in files:
        (folder / name).write_text(json.dumps({"text": PAGE}), encoding="utf-8")
    db = tmp_path / "none.duckdb"
    result = runner.invoke(app, ["run", str(folder), "--db", str(db)])
    assert result.exit_code == 1  # it used to finish "stored 0, failed 0"
    assert "no input that can be read" in result.stderr
    for name in files:  # what was skipped, and why
        assert f"{name} [ingest] unknown file type '.json'" in " ".join(result.stderr.split())
    assert ("no file found" in " ".join(result.stderr.split())) == (not files)
    assert not db.exists()


def test_extract_with_no_readable_input_says_so(tmp_path):
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1 and "no input that can be read" in result.stderr
    assert result.stdout == ""


@pytest.fixture
def coded_db(tmp_path) -> str:
    """A store with a hand-made coded document, so the query commands have events to show."""
    text = "Rebel fighters attacked a convoy."
    rebels = Actor(
        id="rebel-front",
        name="Rebel Front",
        type="rebels",
        aliases=["RF"],
        mentions=[Mention(actor="rebel-front", text="Rebel fighters", start=0, end=14)],
    )
    convoy = Actor(id="convoy", name="Convoy", type="other", in_kb=False)
    event = Event(
        id="e1",
        event="ASSAULT",
        actor=[Participant(id="rebel-front", text="Rebel fighters", start=0, end=14)],
        recipient=[Participant(id="convoy", text="a convoy", start=24, end=32)],
        eventText=text,
        trigger=TextSpan(text="attacked", start=15, end=23),
        sentence=Span(start=0, end=len(text)),
    )
    db = str(tmp_path / "coded.duckdb")
    with open_store(db) as store:
        store.save(Document(id="d1", source="s", text=text, actors=[rebels, convoy], events=[event]))
    return db


def test_events_actor_filter_matches_alias_in_any_case(coded_db):
    found = json.loads(runner.invoke(app, ["events", "--db", coded_db, "--actor", "rf", "--json"]).stdout)
    assert [e["id"] for e in found] == ["e1"]
    assert json.loads(runner.invoke(app, ["events", "--db", coded_db, "--actor", "convoy", "--json"]).stdout)
    none = runner.invoke(app, ["events", "--db", coded_db, "--actor", "Rebel Frunt", "--json"])
    assert none.exit_code == 2 and none.stdout == ""
    assert "no stored actor matches 'Rebel Frunt'; did you mean rebel-front?" in none.stderr
    table = runner.invoke(app, ["events", "--db", coded_db, "--category", "assault"])
    assert "ASSAULT" in table.stdout


def test_actors_and_actor_commands(coded_db):
    listed = json.loads(runner.invoke(app, ["actors", "--db", coded_db, "--json"]).stdout)
    assert listed[0]["id"] == "rebel-front" and listed[0]["aliases_seen"] == ["Rebel fighters"]
    profile = runner.invoke(app, ["actor", "Rebel Front", "--db", coded_db, "--json"])
    assert json.loads(profile.stdout)["counterparts"] == [{"id": "convoy", "events": 1, "name": "Convoy"}]
    assert runner.invoke(app, ["actor", "rf", "--db", coded_db]).exit_code == 0
    assert runner.invoke(app, ["actor", "nobody", "--db", coded_db]).exit_code == 2


def test_query_on_a_missing_database_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "allegiance run" in result.stderr


def test_eval_unknown_kind_and_missing_module(tmp_path, monkeypatch):
    assert runner.invoke(app, ["eval", "nonsense", str(tmp_path)]).exit_code == 2
    import sys

    monkeypatch.setitem(sys.modules, "allegiance.evaluation.timebank", None)  # as if not written yet
    result = runner.invoke(app, ["eval", "timebank", str(tmp_path)])
    assert result.exit_code == 2
    assert "not available" in result.stderr


def test_eval_articles_on_a_tiny_gold(tmp_path):
    """A gold folder written here, scored with a stand-in scorer that follows the official
    interface (score(gold_dir, system_jsonl) -> figures)."""
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = {
        "id": "t1",
        "url": "https://example.org/t1",
        "published": "2022-02-02",
        "withhold_published": True,
        "text": PAGE,
        "events": [{"type": "ASSAULT", "source": None, "target": None, "evidence": PAGE.strip()}],
    }
    (gold_dir / "t1.json").write_text(json.dumps(gold), encoding="utf-8")
    scorer = tmp_path / "scorer.py"
    scorer.write_text(
        "import json, pathlib\n"
        "def score(gold_dir, system_path):\n"
        "    docs = [json.loads(l) for l in pathlib.Path(system_path).read_text().splitlines()]\n"
        "    n = sum(len(d.get('events') or []) for d in docs)\n"
        "    return {'articles': len(docs), 'event_full_prf': (1.0, 0.5, 0.667),\n"
        "            'published_seen': [d.get('published') for d in docs],\n"
        "            'counts': {'gold_events': 1, 'system_events': n}}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["eval", "articles", str(gold_dir), "--scorer", str(scorer), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["overall"]["recall"] == 0.5 and report["overall"]["f1"] == 0.667
    assert report["articles"] == 1
    assert report["published_seen"] == [None]  # withheld: the system is not told the date
    table = runner.invoke(app, ["eval", "articles", str(gold_dir), "--scorer", str(scorer)])
    assert table.exit_code == 0 and "overall" in table.stdout
