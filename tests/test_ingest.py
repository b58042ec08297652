"""ingest: folders, encodings, JSON Lines rows, and failures with specific reasons."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from allegiance.ingest import document_id, read_inputs
from allegiance.records import Failure, RawInput

LATIN1_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    "<title>Kämpfe</title></head><body><p>Soldaten töteten drei Rebellen in Görlitz — sagte "
    "der Sprecher.</p></body></html>"
)


def only(results: list[RawInput | Failure]) -> RawInput | Failure:
    assert len(results) == 1, results
    return results[0]


def test_latin1_page_is_decoded_by_its_meta_charset(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(LATIN1_PAGE.replace("—", "-").encode("latin-1"))
    raw = only(list(read_inputs([page])))
    assert isinstance(raw, RawInput) and raw.format == "html"
    assert "Soldaten töteten drei Rebellen in Görlitz" in raw.content


def test_windows_1252_quotes_in_a_latin1_labelled_page(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_bytes(LATIN1_PAGE.replace("—", "\u201cquoted\u201d").encode("cp1252"))
    raw = only(list(read_inputs([page])))
    assert isinstance(raw, RawInput) and "\u201cquoted\u201d" in raw.content


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_bytes(codecs.BOM_UTF8 + "Rebels seized the town of Älvdal on Monday.".encode())
    raw = only(list(read_inputs([page])))
    assert isinstance(raw, RawInput) and raw.content.startswith("Rebels seized")


def test_utf16_with_bom(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_bytes("Police arrested two suspects in Mosul.".encode("utf-16"))
    raw = only(list(read_inputs([page])))
    assert isinstance(raw, RawInput) and raw.content == "Police arrested two suspects in Mosul."


def test_invalid_utf8_in_a_page_declaring_utf8_is_a_failure(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_bytes(
        b'<html><head><meta charset="utf-8"></head><body><p>Troops \xff\xfe moved</p></body></html>'
    )
    failure = only(list(read_inputs([page])))
    assert isinstance(failure, Failure) and failure.stage == "ingest"
    assert "invalid UTF-8" in failure.reason and "0xff" in failure.reason


@pytest.mark.parametrize(
    ("payload", "reason"),
    [(b"", "empty"), (b"  \n\t ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary")],
)
def test_empty_and_binary_files_are_failures(tmp_path: Path, payload: bytes, reason: str) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(payload)
    failure = only(list(read_inputs([page])))
    assert isinstance(failure, Failure) and reason in failure.reason


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    failure = only(list(read_inputs([tmp_path / "nope.txt"])))
    assert isinstance(failure, Failure) and "no such file" in failure.reason


def test_jsonl_rows_good_bad_and_missing_text(tmp_path: Path) -> None:
    rows = [
        json.dumps(
            {
                "text": "The army shelled rebel positions.",
                "url": "https://x.example/1",
                "published": "2022-03-01",
            }
        ),
        "",
        "{not json",
        json.dumps({"url": "https://x.example/3"}),
        json.dumps({"html": "<p>Ceasefire agreed in Juba.</p>", "title": "Truce"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": 42}),
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(rows), encoding="utf-8")
    results = list(read_inputs([feed], published="2022-01-01"))
    assert [type(r).__name__ for r in results] == [
        "RawInput",
        "Failure",
        "Failure",
        "RawInput",
        "Failure",
        "Failure",
    ]
    first, bad_json, no_text, html_row, not_object, not_string = results
    assert isinstance(first, RawInput) and first.format == "text" and first.published == "2022-03-01"
    assert first.published_fallback == "2022-01-01" and first.url == "https://x.example/1"
    assert first.source == f"{feed}#line1"
    assert (
        isinstance(bad_json, Failure) and bad_json.source.endswith("#line3") and "bad JSON" in bad_json.reason
    )
    assert isinstance(no_text, Failure) and "'text' or 'html'" in no_text.reason
    assert isinstance(html_row, RawInput) and html_row.format == "html" and html_row.title == "Truce"
    assert isinstance(not_object, Failure) and "not an object" in not_object.reason
    assert isinstance(not_string, Failure) and "text" in not_string.reason


def test_jsonl_row_with_invalid_utf8(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"text": "ok row"}\n{"text": "bad \xc3\x28 row"}\n')
    good, bad = list(read_inputs([feed]))
    assert isinstance(good, RawInput) and isinstance(bad, Failure) and "invalid UTF-8" in bad.reason


def test_folders_are_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.htm").write_text("<p>Two.</p>", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a page", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "Three."}\n', encoding="utf-8")
    results = list(read_inputs([tmp_path], published="2021-05-05"))
    assert [Path(r.source.split("#")[0]).name for r in results] == ["a.txt", "two.htm", "c.jsonl", "notes.md"]
    *pages, notes = results
    assert all(isinstance(r, RawInput) and r.published_fallback == "2021-05-05" for r in pages)
    assert [r.format for r in pages if isinstance(r, RawInput)] == ["text", "html", "text"]
    assert isinstance(notes, Failure) and "unknown file type '.md'" in notes.reason  # never silently skipped


def test_document_id_is_stable_and_content_based(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("Gunmen attacked a checkpoint.", encoding="utf-8")
    first = only(list(read_inputs([page])))
    again = only(list(read_inputs([page])))
    assert isinstance(first, RawInput) and isinstance(again, RawInput)
    assert document_id(first.content) == document_id(again.content)
    assert document_id("a") != document_id("b") and len(document_id("a")) == 64


def test_latin1_label_with_a_byte_cp1252_leaves_undefined(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b'<meta charset="ISO-8859-1"><p>Caf\xe9 \x81 attack near Li\xe8ge</p>')
    raw = only(list(read_inputs([page])))
    assert isinstance(raw, RawInput) and "Café" in raw.content and "Liège" in raw.content


def test_pages_over_the_size_limit_are_refused_unread(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ALLEGIANCE_MAX_PAGE_MB", "0.001")  # ~1 KiB
    page = tmp_path / "big.txt"
    page.write_text("Troops advanced on the town. " * 100, encoding="utf-8")
    failure = only(list(read_inputs([page])))
    assert isinstance(failure, Failure) and "page too large" in failure.reason and "limit" in failure.reason


def test_oversized_jsonl_row_fails_alone(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ALLEGIANCE_MAX_PAGE_MB", "0.001")
    feed = tmp_path / "feed.jsonl"
    rows = [{"text": "Short row one."}, {"text": "x" * 5000}, {"text": "Short row three."}]
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, big, third = list(read_inputs([feed]))
    assert isinstance(first, RawInput) and isinstance(third, RawInput) and third.source.endswith("#line3")
    assert isinstance(big, Failure) and "row too large" in big.reason


def test_warc_html_responses_become_pages(tmp_path: Path) -> None:
    from robustness.corpus import html_page, warc_bytes

    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(
        warc_bytes(
            [
                (
                    "https://news.example.org/story",
                    html_page("Rebels seized the port on Monday.").encode(),
                    {},
                ),
                ("https://news.example.org/data.json", b'{"a": 1}', {"Content-Type": "application/json"}),
            ]
        )
    )
    results = list(read_inputs([tmp_path], published=None))  # folders pick up .warc.gz files
    [page] = results  # request records and non-HTML responses are not pages
    assert isinstance(page, RawInput) and page.format == "html"
    assert page.url == "https://news.example.org/story"
    assert page.published_fallback == "2023-04-02"  # WARC-Date, only as the last-resort date
    assert "Rebels seized the port" in page.content
    [again] = list(read_inputs([crawl], published="2023-01-09"))
    assert isinstance(again, RawInput) and again.published_fallback == "2023-01-09"


def test_gzip_bomb_in_a_warc_is_refused_without_inflating_it(tmp_path: Path) -> None:
    from robustness.corpus import gzip_bomb, warc_bytes

    crawl = tmp_path / "bomb.warc.gz"
    crawl.write_bytes(warc_bytes([("https://x.example/b", gzip_bomb(40), {"Content-Encoding": "gzip"})]))
    failure = only(list(read_inputs([crawl])))
    assert isinstance(failure, Failure) and "decompressed WARC payload too large" in failure.reason


def test_a_corrupt_warc_is_a_failure(tmp_path: Path) -> None:
    crawl = tmp_path / "bad.warc"
    crawl.write_bytes(b"WARC/1.0\r\nthis is not a warc header block\r\n\r\n")
    results = list(read_inputs([crawl]))
    assert results and all(isinstance(r, Failure) for r in results)
