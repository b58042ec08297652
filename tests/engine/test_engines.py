"""Every engine stores the same thing: 2 worker processes and Dask with 2 workers vs 1 process."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.runner import run_batch
from allegiance.store import open_store
from robustness.corpus import html_page, news_text, write_news_folder

TABLES = ("documents", "events", "event_participants", "mentions", "quotes", "actors", "aliases")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_news_folder(folder, 7)
    (folder / "article.html").write_text(html_page(news_text(40)), encoding="utf-8")
    (folder / "copy-of-page-001.txt").write_text(news_text(1), encoding="utf-8")  # duplicate content
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00\xff")
    return folder


def snapshot(path: Path) -> dict[str, object]:
    """Everything stored except the wall-clock columns (ingested_at, failed_at)."""
    with open_store(path, read_only=True) as store:
        tables = {}
        for table in TABLES:
            names = [d[0] for d in store.con.execute(f"SELECT * FROM {table} LIMIT 0").description]
            keep = ", ".join(n for n in names if n != "ingested_at")
            tables[table] = store.con.execute(f"SELECT {keep} FROM {table} ORDER BY ALL").fetchall()
        tables["failures"] = sorted(
            (Path(f["source"]).name, f["stage"], f["reason"]) for f in store.failures()
        )
        tables["documents_loaded"] = [store.load_document(d["id"]) for d in store.documents()]
        tables["documents_loaded"].sort(key=lambda d: d.id)  # type: ignore[union-attr]
    return tables


@pytest.fixture(scope="module")
def baseline(corpus, pipeline, tmp_path_factory) -> dict[str, object]:
    path = tmp_path_factory.mktemp("serial") / "serial.duckdb"
    with open_store(path) as store:
        result = run_batch([corpus], store, pipeline)
    assert (result.stored, result.duplicates, result.failed) == (8, 1, 1)
    return snapshot(path)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_two_workers_store_exactly_what_one_process_stores(corpus, baseline, pipeline, tmp_path, engine):
    path = tmp_path / f"{engine}.duckdb"
    with open_store(path) as store:
        result = run_batch([corpus], store, None, workers=2, engine=engine, settings=pipeline.settings)
    assert (result.stored, result.duplicates, result.failed) == (8, 1, 1)
    parallel = snapshot(path)
    assert parallel["documents"]  # the comparison below is not between two empty stores
    assert parallel["events"]
    for table, rows in baseline.items():
        assert parallel[table] == rows, table


def test_a_worker_that_cannot_load_its_pipeline_reports_why(tmp_path):
    from allegiance.engine import parallel_map
    from allegiance.records import Failure, RawInput
    from allegiance.settings import Settings

    raws = [RawInput(source=f"p{i}.txt", format="text", content=news_text(i)) for i in range(3)]
    results = list(parallel_map(raws, Settings(model="no_such_spacy_model"), workers=2))
    assert [source for source, _ in results] == ["p0.txt", "p1.txt", "p2.txt"]  # input order kept
    for _, failure in results:
        assert isinstance(failure, Failure) and failure.stage == "nlp"
        assert "no_such_spacy_model" in failure.reason and "not installed" in failure.reason


def test_unknown_engine_is_a_usage_error(tmp_path):
    from typer.testing import CliRunner

    from allegiance.cli import app

    done = CliRunner().invoke(
        app, ["run", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--engine", "ray"]
    )
    assert done.exit_code == 2 and "unknown --engine" in done.output
