"""The URL an input comes with is the document's url; the page's canonical link is kept apart; a
page without a title gets its first line, never a file path (issue 16)."""

from __future__ import annotations

from pathlib import Path

from allegiance.clean import clean
from allegiance.ingest import read_inputs
from allegiance.records import Document, RawInput
from allegiance.store import open_store

PAGE = (
    "<html><head><link rel='canonical' href='https://example.org/canonical/story'>"
    "<title>Rebels seize town</title></head><body><article><p>"
    + "Rebels seized the town of Riverside on Monday, residents said. " * 8
    + "</p></article></body></html>"
)


def test_given_url_wins_and_canonical_is_kept_apart(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"html": ' + __import__("json").dumps(PAGE) + ', "url": "https://mirror.example.net/a?id=7"}\n',
        encoding="utf-8",
    )
    (raw,) = list(read_inputs([feed]))
    assert isinstance(raw, RawInput)
    cdoc = clean(raw)
    assert cdoc.url == "https://mirror.example.net/a?id=7"
    assert cdoc.canonical_url == "https://example.org/canonical/story"


def test_page_without_given_url_uses_its_canonical() -> None:
    cdoc = clean(RawInput(source="page.html", format="html", content=PAGE))
    assert cdoc.url == cdoc.canonical_url == "https://example.org/canonical/story"


def test_untitled_text_gets_its_first_line_not_the_path(tmp_path: Path) -> None:
    page = tmp_path / "untitled-scrape.txt"
    page.write_text(
        "Gunmen killed three villagers near Riverside on Monday, officials said.\n\n"
        "The army sent troops to the area after the attack.\n",
        encoding="utf-8",
    )
    (raw,) = list(read_inputs([page]))
    assert isinstance(raw, RawInput)
    title = clean(raw).title
    assert title and title.startswith("Gunmen killed three villagers")
    assert str(tmp_path) not in title and "untitled-scrape" not in title


def test_canonical_url_round_trips_through_the_store(tmp_path: Path) -> None:
    doc = Document(
        id="d1", source="s", url="https://given.example/x", canonical_url="https://site.example/x", text="t"
    )
    with open_store(str(tmp_path / "s.duckdb"), read_only=False) as store:
        store.save(doc)
        back = store.load_document("d1")
    assert back is not None and back.canonical_url == "https://site.example/x"
    assert back.url == "https://given.example/x"


def test_a_store_written_before_the_column_still_opens_and_saves(tmp_path: Path) -> None:
    import duckdb

    path = str(tmp_path / "old.duckdb")
    with open_store(path, read_only=False):
        pass
    con = duckdb.connect(path)
    con.execute("ALTER TABLE documents DROP COLUMN canonical_url")
    con.close()
    with open_store(path, read_only=False) as store:
        store.save(Document(id="d2", source="s", text="t"))
        back = store.load_document("d2")
    assert back is not None and back.canonical_url is None


def test_the_command_lines_url_is_the_documents_url(tmp_path: Path, monkeypatch, pipeline) -> None:
    from typer.testing import CliRunner

    from allegiance.cli import app
    from allegiance.cli import main as cli_main

    monkeypatch.setattr(cli_main, "_pipeline", lambda model, kb: pipeline)
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(page), "--jsonl", "--url", "https://given.example/story"])
    assert result.exit_code == 0, result.output
    doc = Document.model_validate_json(result.stdout)
    assert doc.url == "https://given.example/story"
    assert doc.canonical_url == "https://example.org/canonical/story"
    two = CliRunner().invoke(app, ["extract", str(page), str(page), "--url", "https://given.example/story"])
    assert two.exit_code != 0
