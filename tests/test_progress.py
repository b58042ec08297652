"""Long work shows progress: done/total and an ETA on a terminal, a plain line every N documents on
stderr without one (issue 16)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from allegiance.cli import app
from allegiance.cli import main as cli_main
from allegiance.cli.progress import BatchProgress
from allegiance.ingest.count import count_inputs

runner = CliRunner()


def test_total_counts_files_and_jsonl_rows(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One page.", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # a skipped entry is reported too
    assert count_inputs([tmp_path]) == 4


def test_terminal_bar_shows_done_of_total_and_eta() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    with BatchProgress(console, total=3) as progress:
        progress.advance("a.txt (stored)")
        progress.bar.refresh()  # type: ignore[union-attr]
    shown = out.getvalue()
    assert "1/3" in shown and "ETA" in shown


def test_without_a_terminal_a_line_every_n_documents() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=False)
    with BatchProgress(console, total=5, every=2) as progress:
        for _ in range(5):
            progress.advance("x")
    lines = [line for line in out.getvalue().splitlines() if line.startswith("progress:")]
    assert [line.split()[1] for line in lines] == ["2/5", "4/5", "5/5"]
    assert "ETA" in lines[0] and "ETA" not in lines[-1]


@pytest.fixture
def shared_pipeline(monkeypatch, pipeline):
    monkeypatch.setattr(cli_main, "_pipeline", lambda model, kb: pipeline)


def test_run_without_a_tty_reports_progress_on_stderr(tmp_path, shared_pipeline, monkeypatch) -> None:
    monkeypatch.setenv("ALLEGIANCE_PROGRESS_EVERY", "1")
    rows = [
        {"text": f"Rebels attacked a post in the north on Monday, officials said. ({i})"} for i in range(2)
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["run", str(feed), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 0, result.output
    assert "progress: 1/2 documents" in result.stderr and "progress: 2/2 documents" in result.stderr
