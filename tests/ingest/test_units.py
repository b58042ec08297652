"""Issue 14: every file, WARC record and JSON Lines row is its own unit that ends as a page or a
`Failure` with a specific reason; a reader that cannot go on inside a file keeps what it read."""

from __future__ import annotations

import errno
import gzip
import json
import os
from pathlib import Path

import pytest

from allegiance.ingest import first_readable, read_inputs
from allegiance.records import Failure, RawInput
from robustness.corpus import deep_json, html_page, news_text, warc_bytes


def summary(results: list[RawInput | Failure]) -> list[tuple[str, str]]:
    """(last part of the source, "page" or the failure reason) for each unit."""
    return [(r.source.rsplit("/", 1)[-1], "page" if isinstance(r, RawInput) else r.reason) for r in results]


def three_page_warc(missing_uri_in_the_middle: bool = False) -> bytes:
    urls = ["https://news.example.org/1", None if missing_uri_in_the_middle else "https://news.example.org/2"]
    urls.append("https://news.example.org/3")
    return warc_bytes([(url, html_page(news_text(i)).encode(), {}) for i, url in enumerate(urls)])


def test_warc_record_without_target_uri_fails_alone(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(three_page_warc(missing_uri_in_the_middle=True))
    first, middle, last = list(read_inputs([crawl]))  # warcio raised AttributeError here
    assert isinstance(first, RawInput) and isinstance(last, RawInput)
    assert last.url == "https://news.example.org/3"
    assert isinstance(middle, Failure) and middle.source.endswith("#record4")
    assert "without WARC-Target-URI" in middle.reason


def test_truncated_warc_gz_keeps_the_pages_before_the_cut(tmp_path: Path) -> None:
    data = three_page_warc()
    crawl = tmp_path / "cut.warc.gz"
    crawl.write_bytes(data[:-50])  # inside the last record (gzip sizes vary: record ids are random)
    *pages, stopped = list(read_inputs([crawl]))
    assert pages and all(isinstance(p, RawInput) for p in pages)
    assert isinstance(stopped, Failure) and "#record" in stopped.source
    assert "reading stopped after" in stopped.reason and "truncated" in stopped.reason


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.99])
def test_truncated_plain_warc_never_passes_for_whole(tmp_path: Path, cut: float) -> None:
    data = gzip.decompress(three_page_warc())
    crawl = tmp_path / "cut.warc"
    crawl.write_bytes(data[: int(len(data) * cut)])
    results = list(read_inputs([crawl]))
    assert isinstance(results[-1], Failure) and "reading stopped after" in results[-1].reason
    assert all(isinstance(r, RawInput) for r in results[:-1])


def test_corrupt_gzip_in_a_warc_fails_at_the_record_reached(tmp_path: Path) -> None:
    data = bytearray(three_page_warc())
    middle = len(data) // 2
    data[middle : middle + 40] = b"\xff" * 40
    crawl = tmp_path / "corrupt.warc.gz"
    crawl.write_bytes(bytes(data))
    results = list(read_inputs([crawl]))
    assert isinstance(results[0], RawInput)
    assert isinstance(results[-1], Failure) and "#record" in results[-1].source


def test_empty_warc_is_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.warc").write_bytes(b"")
    assert summary(list(read_inputs([tmp_path / "empty.warc"]))) == [("empty.warc", "empty file")]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (deep_json(100_000), "nested too deeply"),
        ('{"text": ' + deep_json(5_000) + "}", "nested too deeply"),
        ('{"text": "x", "n": ' + "9" * 5000 + "}", "bad JSON"),
        ('{"text": "\\ud800 lone surrogate escape"}', "page"),
    ],
)
def test_pathological_jsonl_rows_fail_alone(tmp_path: Path, row: str, reason: str) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([json.dumps({"text": "Row one."}), row, json.dumps({"text": "Row three."})]))
    one, bad, three = summary(list(read_inputs([feed])))
    assert one == ("feed.jsonl#line1", "page") and three == ("feed.jsonl#line3", "page")
    assert bad[0] == "feed.jsonl#line2" and reason in bad[1]


def test_every_folder_entry_is_accounted_for(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(news_text(1), encoding="utf-8")
    (folder / "data.json").write_text('{"text": "x"}', encoding="utf-8")
    (folder / "README").write_text("notes", encoding="utf-8")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "self.html").symlink_to(folder / "self.html")
    (folder / "sub" / "up").symlink_to(folder)  # a folder loop
    (folder / "sub" / "b.htm").write_text(html_page(news_text(2)), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # reading a FIFO would block the batch forever
    got = dict(summary(list(read_inputs([folder]))))
    assert got.pop("a.txt") == "page" and got.pop("b.htm") == "page"
    assert "unknown file type '.json'" in got.pop("data.json")
    assert "unknown file type 'no extension'" in got.pop("README")
    assert got.pop("dangling.txt").startswith("broken symbolic link")
    assert got.pop("self.html") == "symbolic link loop"
    assert got.pop("up").startswith("symbolic link loop")
    assert "FIFO" in got.pop("pipe.txt")
    assert got == {}


def test_unreadable_files_and_folders_are_failures(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "pages"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "x.txt").write_text("Hidden.", encoding="utf-8")
    (folder / "secret.txt").write_text("Secret.", encoding="utf-8")
    (folder / "z.txt").write_text(news_text(3), encoding="utf-8")
    real_scandir, real_read = os.scandir, Path.read_bytes

    def scandir(path):  # as for chmod 000, which the tests cannot rely on (they may run as root)
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_scandir(path)

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert summary(list(read_inputs([folder]))) == [
        ("locked", "cannot read folder: Permission denied"),
        ("secret.txt", "cannot read file: Permission denied"),
        ("z.txt", "page"),
    ]


def test_a_reader_that_raises_ends_its_file_not_the_batch(tmp_path: Path, monkeypatch) -> None:
    import allegiance.ingest.jsonl as jsonl

    feed, after = tmp_path / "a.jsonl", tmp_path / "b.txt"
    feed.write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    after.write_text(news_text(4), encoding="utf-8")
    real = jsonl.parse_row

    def parse_row(line, source, published):
        if source.endswith("#line2"):
            raise RuntimeError("reader bug")
        return real(line, source, published)

    monkeypatch.setattr(jsonl, "parse_row", parse_row)
    assert summary(list(read_inputs([feed, after]))) == [
        ("a.jsonl#line1", "page"),
        ("a.jsonl", f"reading stopped after {feed}#line1: RuntimeError: reader bug"),
        ("b.txt", "page"),
    ]


def test_first_readable_splits_off_what_was_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Page.", encoding="utf-8")
    skipped, stream = first_readable(read_inputs([tmp_path]))
    assert summary(skipped) == [("a.json", skipped[0].reason)] and stream is not None
    assert [type(r).__name__ for r in stream] == ["Failure", "RawInput"]  # everything, in order
    (tmp_path / "b.txt").unlink()
    skipped, stream = first_readable(read_inputs([tmp_path]))
    assert stream is None and len(skipped) == 1


def test_the_stores_own_files_are_not_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Page.", encoding="utf-8")
    for name in ("store.duckdb", "store.duckdb.wal"):
        (tmp_path / name).write_bytes(b"\0" * 16)
    excluded = [tmp_path / "store.duckdb", tmp_path / "store.duckdb.wal"]
    assert summary(list(read_inputs([tmp_path], exclude=excluded))) == [("a.txt", "page")]


def test_a_gzipped_page_reads_as_the_page(tmp_path: Path) -> None:
    page = html_page("Rebels attacked the base on Monday.")
    (tmp_path / "plain.html").write_text(page, encoding="utf-8")
    (tmp_path / "packed.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    plain, packed = sorted(read_inputs([tmp_path]), key=lambda r: r.source, reverse=True)
    assert isinstance(packed, RawInput) and isinstance(plain, RawInput)
    assert packed.source.endswith("packed.html.gz") and packed.format == "html"
    assert packed.content == plain.content


def test_a_broken_or_oversized_gzipped_page_fails_alone(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ALLEGIANCE_MAX_PAGE_MB", "0.01")  # about 10 KB
    (tmp_path / "broken.html.gz").write_bytes(gzip.compress(b"<html>" * 50)[:-12])
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>x</p>" * 100_000))  # 800 KB unpacked
    (tmp_path / "fine.txt.gz").write_bytes(gzip.compress(news_text(1).encode("utf-8")))
    found = {Path(r.source).name: r for r in read_inputs([tmp_path])}
    assert isinstance(found["fine.txt.gz"], RawInput) and found["fine.txt.gz"].format == "text"
    assert isinstance(found["broken.html.gz"], Failure) and "gzip" in found["broken.html.gz"].reason
    assert isinstance(found["bomb.html.gz"], Failure) and "too large" in found["bomb.html.gz"].reason
