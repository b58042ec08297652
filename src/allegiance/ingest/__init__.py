"""Files, folders, JSON Lines and WARC crawls → `RawInput` (decoded page) or `Failure` (with a
specific reason).

Every unit of input — each file, each JSON Lines row, each WARC response record — ends as a
`RawInput` or a `Failure`, and the generator never raises: reading is guarded like processing is.
Folders are walked (`walk`) with every entry accounted for: an unknown file type, a broken or
looping symbolic link, an unreadable file or folder is a `Failure`, never skipped in silence. A
reader that cannot go on inside a file (a truncated gzip, an I/O error) records a failure at the
position it reached, keeps what it read before, and the next file is read.

Decoding (`decode`): a byte-order mark, the HTML page's ``<meta charset>``, strict UTF-8, then
confident detection; anything else is a `Failure` instead of mojibake.

Memory stays bounded: a page larger than `max_page_bytes()` (8 MiB unless ALLEGIANCE_MAX_PAGE_MB
says otherwise) is refused from its size alone, JSON Lines and WARC files are streamed record by
record, and a WARC record's payload is decompressed only up to that limit (a gzip bomb is refused,
never inflated).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Failure, RawInput
from .decode import DecodeError, decode
from .formats import (
    FORMAT_BY_SUFFIX,
    STAGE,
    PageFormat,
    failure,
    is_gzip_page,
    is_warc,
    max_page_bytes,
    page_suffix,
    too_large,
)
from .jsonl import read_jsonl
from .walk import list_inputs
from .warc import read_warc

__all__ = [
    "STAGE",
    "DecodeError",
    "decode",
    "document_id",
    "first_readable",
    "max_page_bytes",
    "read_inputs",
    "with_url",
]


def document_id(text: str) -> str:
    """sha256 of the decoded content: the same page gets the same id on every run."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def read_inputs(
    paths: Iterable[Path | str], published: str | None = None, exclude: Iterable[Path | str] = ()
) -> Iterator[RawInput | Failure]:
    """Yield one `RawInput` per page (or JSON Lines row, or WARC record), or a `Failure` saying why
    it was not read.

    Folders are walked recursively in sorted order; files with an unknown extension in them are
    failures. A file named explicitly with another extension is sniffed (HTML when it starts with
    a tag). `published` becomes every input's `published_fallback` (used only when the page has no
    date). Files in `exclude` (the store's own) are passed over when met in a folder.
    """
    skip = frozenset(os.path.realpath(p) for p in exclude)
    for path in map(Path, paths):
        for found in list_inputs(path, skip):
            if isinstance(found, Failure):
                yield found
            else:
                yield from _guarded(found, published)


def first_readable(
    inputs: Iterable[RawInput | Failure],
) -> tuple[list[Failure], Iterator[RawInput | Failure] | None]:
    """Read `inputs` up to the first page: the failures before it, and an iterator over everything
    (those failures included, in order), or None when there is no page at all."""
    stream = iter(inputs)
    skipped: list[Failure] = []
    for item in stream:
        if isinstance(item, RawInput):
            return skipped, _chain(skipped, item, stream)
        skipped.append(item)
    return skipped, None


def with_url(inputs: Iterable[RawInput | Failure], url: str | None) -> Iterator[RawInput | Failure]:
    """The inputs, each page that came without a URL given `url` (the command line's --url)."""
    for item in inputs:
        if url and isinstance(item, RawInput) and not item.url:
            item = item.model_copy(update={"url": url})
        yield item


def _chain(
    before: list[Failure], first: RawInput, rest: Iterator[RawInput | Failure]
) -> Iterator[RawInput | Failure]:
    yield from before
    yield first
    yield from rest


def _guarded(path: Path, published: str | None) -> Iterator[RawInput | Failure]:
    """The file's units; an unexpected error while reading it ends the file with a `Failure` that
    says how far reading got, and what was read before it is kept."""
    reached = None
    try:
        for item in _read_file(path, published):
            reached = item.source
            yield item
    except Exception as err:  # reading one file must not stop the batch
        after = f" after {reached}" if reached else ""
        yield failure(path, f"reading stopped{after}: {type(err).__name__}: {err}")


def _gunzip(path: Path, limit: int) -> bytes | Failure:
    """A gzipped page, decompressed no further than the page limit (a gzip bomb is refused, never
    unpacked whole); a broken or truncated file is a failure that says so."""
    try:
        with gzip.open(path, "rb") as packed:
            data = packed.read(limit + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        return failure(path, f"broken gzip file: {err}")
    if len(data) > limit:
        return failure(path, too_large(None, limit))
    return data


def _read_file(path: Path, published: str | None) -> Iterator[RawInput | Failure]:
    source = str(path)
    suffix_kind = FORMAT_BY_SUFFIX.get(page_suffix(path))
    limit = max_page_bytes()
    try:
        if is_warc(path):
            yield from read_warc(path, published, limit)
            return
        if suffix_kind == "jsonl":
            yield from read_jsonl(path, published, limit)
            return
        if is_gzip_page(path):
            unpacked = _gunzip(path, limit)
            if isinstance(unpacked, Failure):
                yield unpacked
                return
            data = unpacked
        else:
            size = path.stat().st_size
            if size > limit:
                yield failure(source, too_large(size, limit))
                return
            data = path.read_bytes()
    except OSError as err:
        yield failure(source, f"cannot read file: {err.strerror or err}")
        return
    # explicit files with another extension are sniffed: a page starts with a tag
    kind: PageFormat = suffix_kind or ("html" if data.lstrip()[:1] == b"<" else "text")
    try:
        content = decode(data, is_html=kind == "html")
    except DecodeError as err:
        yield failure(source, str(err))
        return
    yield RawInput(source=source, format=kind, content=content, published_fallback=published)
