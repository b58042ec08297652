"""The output contract: schema/document.schema.json is generated from records.Document, and what
`allegiance extract` prints validates against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from allegiance.cli import app
from allegiance.cli import main as cli_main
from allegiance.records import Document

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schema" / "document.schema.json"


def test_committed_schema_matches_the_records():
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == Document.model_json_schema(), (
        "records.Document changed: regenerate with `allegiance schema > schema/document.schema.json` "
        "and describe the change in docs/contract.md"
    )


def test_schema_command_prints_the_committed_schema():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def test_extract_output_validates_and_offsets_point_into_text(tmp_path, monkeypatch, pipeline):
    monkeypatch.setattr(cli_main, "_pipeline", lambda model, kb: pipeline)
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Clashes near the border</title></head><body><article>"
        "<h1>Clashes near the border</h1>"
        "<p>Government forces and rebels exchanged fire near the border town on Saturday, "
        "the defence ministry said.</p>"
        "<p>\u201cWe will not allow attacks on our positions,\u201d the army spokesman told reporters. "
        "Two soldiers were wounded.</p></article></body></html>",
        encoding="utf-8",
    )
    text_page = tmp_path / "page.txt"
    text_page.write_text("Police detained dozens of protesters in the capital on Sunday.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--jsonl", str(page), str(text_page)])
    assert result.exit_code == 0, result.output
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        data = json.loads(line)
        jsonschema.validate(data, schema)
        text = data["text"]
        for actor in data["actors"]:
            for m in actor["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]
        for event in data["events"]:
            assert text[event["trigger"]["start"] : event["trigger"]["end"]] == event["trigger"]["text"]
            assert 0 <= event["sentence"]["start"] < event["sentence"]["end"] <= len(text)
        for quote in data["quotes"]:
            assert 0 <= quote["start"] <= quote["end"] <= len(text)
