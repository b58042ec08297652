"""WARC / WARC.gz crawls (Common Crawl news format): each HTML response record is one page, its own
unit, with the URL from WARC-Target-URI and the capture date (WARC-Date) as the date of last
resort. Other records (requests, metadata, non-HTML responses) are not pages and are passed over.

A record's payload is decompressed only up to the page limit (a gzip bomb is refused, never
inflated). A response record with no WARC-Target-URI fails alone (warcio itself would raise on it
and end the file). A record that cannot be parsed (a broken header) ends the file, and so does a
file that ends early (truncated or corrupt gzip, a record shorter than its Content-Length, which
warcio reads as a quiet end of file): the failure names the record reached, and the pages before
it are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecordLoader

from ..records import Failure, RawInput
from .decode import DecodeError, decode
from .formats import failure, too_large


class _Loader(ArcWarcRecordLoader):
    """warcio's loader, minus its crash on a request/response record without WARC-Target-URI
    (``uri.startswith`` on None): such a record is loaded without HTTP headers."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: int | None) -> Any:
        return super().load_http_headers(rec_type, uri if uri is not None else "", stream, length)


class _Records(ArchiveIterator):
    """warcio's iterator, noting whether the file ended inside a gzip member that had begun to
    inflate (warcio reads a truncated or corrupt member as the end of the file)."""

    inside_member = False

    def close(self) -> None:
        decompressor = getattr(self.reader, "decompressor", None)
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.inside_member = self.reader.num_block_read > 0
        super().close()

    def ended_early(self, stream: BinaryIO) -> bool:
        """After the last record: did the file end inside one? Only blank lines may follow the
        last whole record (warcio's `offset` is where that record ends in the file)."""
        if self.inside_member:
            return True
        stream.seek(self.offset)
        return bool(stream.read(4096).strip())


def read_warc(path: Path, published: str | None, limit: int) -> Iterator[RawInput | Failure]:
    source = str(path)
    units = 0
    if path.stat().st_size == 0:
        yield failure(source, "empty file")
        return
    with path.open("rb") as stream:
        records = _Records(stream)
        records.loader = _Loader(verify_http=False, arc2warc=False)
        for number in count(1):
            record_source = f"{source}#record{number}"
            try:
                record = next(records, None)
                if record is None:
                    break
                unit = _unit(record, record_source, published, limit)
                broken = _broken(record)
            except Exception as err:  # warcio raises assorted errors (zlib, EOF, parse) on bad bytes
                yield failure(*_stopped(source, record_source, number, units, err))
                return
            if broken:
                yield failure(record_source, f"{broken}; reading stopped after {units} page(s)")
                return
            if unit is not None:
                units += 1
                yield unit
        if records.ended_early(stream):  # the failure goes where reading stopped
            yield failure(record_source, f"truncated or corrupt file: reading stopped after {units} page(s)")
            return
    if units == 0:  # say so, rather than let the file vanish from the batch
        yield failure(source, "no HTML response record in the WARC file")


def _unit(record: Any, record_source: str, published: str | None, limit: int) -> RawInput | Failure | None:
    """The page of an HTML response record, a `Failure` for a response that cannot be one, or None
    for a record that is not a page."""
    if record.rec_type != "response":
        return None
    if record.rec_headers.get_header("WARC-Target-URI") is None:
        return failure(record_source, "WARC response record without WARC-Target-URI")
    if record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in content_type:
        return None
    return _page(record, record_source, published, limit)


def _broken(record: Any) -> str | None:
    """Why the file cannot go on after `record`: no Content-Length (a header cut short), or fewer
    bytes than it promises (the file ends inside it). Reads the rest of the record, as warcio would."""
    if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        return "WARC record without a valid Content-Length (truncated or broken header)"
    raw = record.raw_stream
    if not isinstance(getattr(raw, "limit", None), int):
        return None
    while raw.limit > 0 and raw.read(min(raw.limit, 1 << 16)):
        pass
    if raw.limit > 0:
        return f"truncated WARC record: the file ends {raw.limit} byte(s) early"
    return None


def _stopped(source: str, record_source: str, number: int, units: int, err: Exception) -> tuple[str, str]:
    """The failure for a file whose record `number` cannot be read: on the file when nothing was
    read from it, else on the record reached (the pages before it are kept)."""
    reason = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    if number == 1:
        return source, f"not a readable WARC file: {reason}"
    return record_source, f"unreadable WARC record ({reason}); reading stopped after {units} page(s)"


def _page(record: Any, record_source: str, published: str | None, limit: int) -> RawInput | Failure:
    try:  # read at most limit + 1 bytes: decompression stops there
        data = record.content_stream().read(limit + 1)
    except Exception as err:  # zlib.error, EOFError, OSError, ValueError from a broken payload
        return failure(record_source, f"unreadable WARC payload: {type(err).__name__}: {err}")
    if len(data) > limit:
        return failure(record_source, too_large(None, limit, "decompressed WARC payload"))
    try:
        content = decode(data, is_html=True)
    except DecodeError as err:
        return failure(record_source, str(err))
    captured = record.rec_headers.get_header("WARC-Date")
    return RawInput(
        source=record_source,
        format="html",
        content=content,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        published_fallback=published or (captured[:10] if captured else None),
    )
