"""`relation A B --png`: no events, no chart and a non-zero exit; a chart draws only the periods it
has, with a gap (no line) across the periods it lacks (issue 16)."""

from __future__ import annotations

from typer.testing import CliRunner

from allegiance.cli import app
from allegiance.records import Actor, Document, Mention, RelationPeriod
from allegiance.relations.chart import runs
from allegiance.store import open_store

runner = CliRunner()


def _period(month: str, end_day: int) -> RelationPeriod:
    return RelationPeriod(
        a="a",
        b="b",
        period=month,
        start=f"{month}-01",
        end=f"{month}-{end_day}",
        score=-1.0,
        status="hostile",
    )


def test_png_without_events_exits_non_zero_and_writes_nothing(tmp_path):
    text = "Rebels and villagers met."
    actors = [
        Actor(id=i, name=i, type="other", mentions=[Mention(actor=i, text=w, start=s, end=s + len(w))])
        for i, w, s in (("rebels", "Rebels", 0), ("villagers", "villagers", 11))
    ]
    db = str(tmp_path / "s.duckdb")
    with open_store(db, read_only=False) as store:
        store.save(Document(id="d1", source="s", text=text, actors=actors))
    chart = tmp_path / "chart.png"
    result = runner.invoke(app, ["relation", "rebels", "villagers", "--db", db, "--png", str(chart)])
    assert result.exit_code != 0
    assert "no events" in result.stderr
    assert not chart.exists()


def test_chart_lines_break_at_periods_without_events():
    periods = [_period("2030-01", 31), _period("2030-02", 28), _period("2030-04", 30)]
    assert runs(periods) == [[0, 1], [2]]
