"""`allegiance extract` and `allegiance run` take the same per-document path: the same document
for the same page, and the same refusals (guards) with the same failure records."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from allegiance.cli import app
from allegiance.cli import main as cli_main
from allegiance.records import Document
from allegiance.store import open_store
from robustness.corpus import html_page, news_text

runner = CliRunner()
FRENCH = (
    "Les forces gouvernementales ont repris le contrôle de la ville après trois jours de combats, "
    "selon un porte-parole de l'armée qui a annoncé la mort de plusieurs rebelles dans la région. "
    "Le ministre a déclaré que les négociations avec les groupes armés reprendraient la semaine prochaine."
)


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch, pipeline):
    monkeypatch.setattr(cli_main, "_pipeline", lambda model, kb: pipeline)


@pytest.fixture
def pages(tmp_path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a-report.txt").write_text(news_text(3), encoding="utf-8")
    (folder / "b-report.html").write_text(html_page(news_text(4)), encoding="utf-8")
    (folder / "c-declared-fr.html").write_text(html_page(FRENCH, lang="fr"), encoding="utf-8")
    (folder / "d-undeclared-fr.html").write_text(html_page(FRENCH), encoding="utf-8")
    (folder / "e-french.txt").write_text(FRENCH, encoding="utf-8")
    return folder


def test_extract_and_run_give_the_same_documents_and_failures(pages, tmp_path):
    extracted = runner.invoke(app, ["extract", str(pages), "--jsonl"])
    assert extracted.exit_code == 1  # some inputs failed
    documents = {
        Path(d.source).name: d
        for d in (Document.model_validate_json(line) for line in extracted.stdout.splitlines())
    }
    assert set(documents) == {"a-report.txt", "b-report.html"}

    db = tmp_path / "run.duckdb"
    ran = runner.invoke(app, ["run", str(pages), "--db", str(db)])
    assert ran.exit_code == 0, ran.output
    with open_store(db, read_only=True) as store:
        stored = {Path(d["source"]).name: store.load_document(d["id"]) for d in store.documents()}
        failures = {Path(f["source"]).name: (f["stage"], f["reason"]) for f in store.failures()}

    assert set(stored) == set(documents)
    for name, document in documents.items():
        assert document.events, name  # not two empty documents
        assert stored[name] == document, name

    assert set(failures) == {"c-declared-fr.html", "d-undeclared-fr.html", "e-french.txt"}
    assert failures["c-declared-fr.html"][1].startswith("language: fr")
    assert all(stage == "clean" and reason.startswith("language: ") for stage, reason in failures.values())
    # extract reports each of them with the same stage and reason (rich may wrap the line)
    reported = " ".join(extracted.stderr.split())
    for name, (stage, reason) in failures.items():
        assert f"{name} [{stage}] {' '.join(reason.split())}" in reported, name
