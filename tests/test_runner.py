"""Batch runs: every input ends stored, skipped as a duplicate, or recorded as a failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.errors import AllegianceError
from allegiance.records import Document, RawInput
from allegiance.runner import Outcome, run_batch
from allegiance.store import open_store

GOOD = "Government troops clashed with rebels near the northern border on Tuesday.\n"
OTHER = "Protesters gathered outside parliament on Friday to demand the release of detained journalists.\n"
BAD_MARKER = "EXPLODE"


class Boom(AllegianceError):
    stage = "events"


class FlakyPipeline:
    """Wraps the real pipeline; raises mid-pipeline for pages containing a marker."""

    def __init__(self, inner, error: Exception) -> None:
        self.inner, self.error = inner, error

    def process(self, raw: RawInput) -> Document:
        if BAD_MARKER in raw.content:
            raise self.error
        return self.inner.process(raw)


@pytest.fixture
def pages(tmp_path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(f"Fighting resumed in the capital. {BAD_MARKER}\n", encoding="utf-8")
    (folder / "c.txt").write_text(OTHER, encoding="utf-8")
    (folder / "d.txt").write_bytes(b"\x00\x01\x02binary\x00")
    return folder


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "runner.duckdb") as s:
        yield s


@pytest.mark.parametrize("error", [Boom("trigger table corrupt"), KeyError("unexpected")])
def test_batch_survives_a_page_that_raises(pipeline, pages, store, error):
    outcomes: list[Outcome] = []
    result = run_batch([pages], store, FlakyPipeline(pipeline, error), progress=outcomes.append)
    assert (result.stored, result.duplicates, result.failed) == (2, 0, 2)
    assert len(outcomes) == 4
    failures = {Path(f["source"]).name: f for f in store.failures()}
    assert set(failures) == {"b.txt", "d.txt"}
    assert failures["d.txt"]["stage"] == "ingest"
    expected_stage = "events" if isinstance(error, AllegianceError) else "pipeline"
    assert failures["b.txt"]["stage"] == expected_stage
    assert failures["b.txt"]["reason"]  # a reason is always given
    stored_texts = {store.load_document(d["id"]).text.strip() for d in store.documents()}
    assert stored_texts == {GOOD.strip(), OTHER.strip()}


def test_rerun_skips_stored_documents_and_changes_nothing(pipeline, pages, store):
    flaky = FlakyPipeline(pipeline, Boom("x"))
    run_batch([pages], store, flaky)
    before = store.counts()
    again = run_batch([pages], store, flaky)
    assert (again.stored, again.duplicates) == (0, 2)
    after = store.counts()
    assert {k: v for k, v in after.items() if k != "failures"} == {
        k: v for k, v in before.items() if k != "failures"
    }


def test_duplicate_content_under_another_name_is_skipped(pipeline, tmp_path, store):
    (tmp_path / "one.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(GOOD, encoding="utf-8")
    result = run_batch([tmp_path / "one.txt", tmp_path / "copy.txt"], store, pipeline)
    assert (result.stored, result.duplicates, result.failed) == (1, 1, 0)


def test_jsonl_rows_are_separate_documents_with_row_failures(pipeline, tmp_path, store):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        '{"text": "Rebels ambushed a convoy on Monday.", "url": "https://example.org/1"}\n'
        "{not json}\n"
        '{"text": "Police arrested three suspects on Sunday.", "url": "https://example.org/2"}\n',
        encoding="utf-8",
    )
    result = run_batch([rows], store, pipeline, published="2022-01-05")
    assert (result.stored, result.failed) == (2, 1)
    assert {d["url"] for d in store.documents()} == {"https://example.org/1", "https://example.org/2"}
    [failure] = store.failures()
    assert failure["source"].endswith("#line2")


def test_guards_refuse_long_and_foreign_texts_before_parsing(pipeline, tmp_path, store, monkeypatch):
    monkeypatch.setenv("ALLEGIANCE_MAX_TEXT_CHARS", "300")
    folder = tmp_path / "pages"  # not beside the store: its files would be inputs of unknown type
    folder.mkdir()
    (folder / "long.txt").write_text(GOOD * 10, encoding="utf-8")
    (folder / "short.txt").write_text(GOOD, encoding="utf-8")
    french = (
        "Les soldats ont quitté la ville lundi soir après trois jours de combats avec les rebelles du nord. "
    )
    (folder / "fr.html").write_text(
        f'<html lang="fr"><body><p>{french * 3}</p></body></html>', encoding="utf-8"
    )
    result = run_batch([folder], store, pipeline)
    assert (result.stored, result.failed) == (1, 2)
    reasons = {Path(f["source"]).name: f["reason"] for f in store.failures()}
    assert reasons["long.txt"].startswith("text too long") and "limit 300" in reasons["long.txt"]
    assert reasons["fr.html"].startswith("language: fr")


def test_a_reader_that_raises_stops_reading_not_the_batch(pipeline, store):
    def reader(paths, published):
        yield RawInput(source="one.txt", format="text", content=GOOD)
        raise OSError("disk gone")

    result = run_batch(["ignored"], store, pipeline, reader=reader)
    assert (result.stored, result.failed) == (1, 1)
    [failure] = store.failures()
    assert failure["source"] == "one.txt" and "reading stopped after it" in failure["reason"]
    assert "disk gone" in failure["reason"]
