"""Files, folders and JSON Lines → `RawInput` (decoded page) or `Failure` (with a specific reason).

Decoding order, most trustworthy first: a byte-order mark; for HTML, the page's own ``<meta charset>``;
strict UTF-8 (what almost every page is today); then charset-normalizer's detection. Anything that
cannot be decoded with confidence becomes a `Failure` instead of text full of mojibake, and the
generator never raises for a bad input: a batch keeps going and records why an input was skipped.

Memory stays bounded: a page larger than `max_page_bytes()` (8 MiB unless ALLEGIANCE_MAX_PAGE_MB
says otherwise) is refused from its size alone, JSON Lines and WARC files are streamed record by
record, and a WARC record's payload is decompressed only up to that limit (a gzip bomb is refused,
never inflated).
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from charset_normalizer import from_bytes

from .records import Failure, RawInput

STAGE = "ingest"
PageFormat = Literal["html", "text"]
FORMAT_BY_SUFFIX: dict[str, PageFormat | Literal["jsonl"]] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".jsonl": "jsonl",
}
WARC_SUFFIXES = (".warc", ".warc.gz")
DEFAULT_MAX_PAGE_MB = 8
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
SNIFF_BYTES = 8192
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and so do we: real pages
# labelled latin-1 routinely carry curly quotes in the 0x80–0x9F range.
WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}
# Control characters other than tab/newline/carriage return/form feed: text never has many of them.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """Raised inside this module only; turned into a `Failure` with its message as the reason."""


def max_page_bytes() -> int:
    """The largest page (or JSON Lines row, or WARC payload) read, in bytes."""
    return int(float(os.environ.get("ALLEGIANCE_MAX_PAGE_MB", DEFAULT_MAX_PAGE_MB)) * 1024 * 1024)


def _too_large(size: int | None, limit: int, what: str = "page") -> str:
    """`size` None: reading stopped at the limit, so only "more than" is known."""
    amount = f"{size / 1048576:.1f} MiB" if size is not None else f"over {limit / 1048576:g} MiB"
    return f"{what} too large: {amount} (limit {limit / 1048576:g} MiB, ALLEGIANCE_MAX_PAGE_MB)"


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def document_id(text: str) -> str:
    """sha256 of the decoded content: the same page gets the same id on every run."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def read_inputs(paths: Iterable[Path | str], published: str | None = None) -> Iterator[RawInput | Failure]:
    """Yield one `RawInput` per page (or JSON Lines row), or a `Failure` saying why it was skipped.

    Folders are walked recursively in sorted order and only files with a known extension are read;
    a file named explicitly with another extension is sniffed (HTML when it starts with a tag).
    `published` becomes every input's `published_fallback` (used only when the page has no date).
    """
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and (p.suffix.lower() in FORMAT_BY_SUFFIX or is_warc(p))
            )
            for file in files:
                yield from _read_file(file, published)
        elif path.is_file():
            yield from _read_file(path, published)
        else:
            yield Failure(source=str(path), stage=STAGE, reason="no such file or folder")


def _read_file(path: Path, published: str | None) -> Iterator[RawInput | Failure]:
    source = str(path)
    suffix_kind = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    limit = max_page_bytes()
    try:
        if is_warc(path):
            yield from _read_warc(path, published, limit)
            return
        if suffix_kind == "jsonl":
            yield from _read_jsonl(path, published, limit)
            return
        size = path.stat().st_size
        if size > limit:
            yield Failure(source=source, stage=STAGE, reason=_too_large(size, limit))
            return
        data = path.read_bytes()
    except OSError as err:
        yield Failure(source=source, stage=STAGE, reason=f"cannot read file: {err.strerror or err}")
        return
    # explicit files with another extension are sniffed: a page starts with a tag
    kind: PageFormat = suffix_kind or ("html" if data.lstrip()[:1] == b"<" else "text")
    try:
        content = decode(data, is_html=kind == "html")
    except DecodeError as err:
        yield Failure(source=source, stage=STAGE, reason=str(err))
        return
    yield RawInput(source=source, format=kind, content=content, published_fallback=published)


def decode(data: bytes, is_html: bool = False) -> str:
    """Bytes → text, or `DecodeError` naming the problem (empty, binary, invalid bytes)."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, "byte-order mark")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise DecodeError("binary file: NUL bytes and no UTF-16/32 byte-order mark")
    declared = _meta_charset(data) if is_html else None
    if declared in WINDOWS_1252_LABELS:
        try:
            return _not_binary(data.decode("cp1252"))
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined: plain latin-1 then
            return _not_binary(data.decode("latin-1"))
    if declared and declared not in ("utf-8", "utf8"):
        return _strict(data, declared, "the page's meta charset")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if declared:
            raise DecodeError(
                f"invalid UTF-8 byte {data[err.start]:#04x} at offset {err.start} (page declares utf-8)"
            ) from None
        text = _detected(data, err)
    return _not_binary(text)


def _meta_charset(data: bytes) -> str | None:
    found = META_CHARSET.search(data[:SNIFF_BYTES])
    return found.group(1).decode("ascii").lower() if found else None


def _strict(data: bytes, encoding: str, why: str) -> str:
    try:
        return _not_binary(data.decode(encoding))
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r} named by {why}") from None
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"invalid {encoding} byte {data[err.start]:#04x} at offset {err.start} (named by {why})"
        ) from None


def _detected(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    """Not UTF-8 and nothing declared: accept charset-normalizer's guess only when it is confident."""
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise DecodeError(
            f"invalid bytes: not UTF-8 (byte {data[utf8_error.start]:#04x} at offset {utf8_error.start}) "
            "and no encoding could be detected with confidence"
        )
    return str(best)


def _not_binary(text: str) -> str:
    if not text.strip():
        raise DecodeError("empty file: only whitespace")
    if len(CONTROL.findall(text[:SNIFF_BYTES])) > max(2, len(text[:SNIFF_BYTES]) // 100):
        raise DecodeError("binary file: too many control characters for text")
    return text


def _read_jsonl(path: Path, published: str | None, limit: int) -> Iterator[RawInput | Failure]:
    """One `RawInput` per row with `text` or `html`; JSON Lines is UTF-8 by definition (RFC 8259).
    Read line by line: a feed may be far larger than memory, a row may not exceed `limit`."""
    source = str(path)
    empty = True
    with path.open("rb") as stream:
        for number, line in enumerate(iter(lambda: stream.readline(limit + 1), b""), start=1):
            row_source = f"{source}#line{number}"
            if len(line) > limit and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the oversized row
                    line = stream.readline(limit + 1)
                yield Failure(source=row_source, stage=STAGE, reason=_too_large(None, limit, "row"))
                empty = False
                continue
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            empty = False
            yield _parse_row(line, row_source, published)
    if empty:
        yield Failure(source=source, stage=STAGE, reason="empty file")


def _parse_row(line: bytes, row_source: str, published: str | None) -> RawInput | Failure:
    try:
        row = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as err:
        reason = f"invalid UTF-8 byte {line[err.start]:#04x} at column {err.start + 1}"
        return Failure(source=row_source, stage=STAGE, reason=reason)
    except json.JSONDecodeError as err:
        return Failure(source=row_source, stage=STAGE, reason=f"bad JSON: {err.msg} at column {err.colno}")
    return _row_input(row, row_source, published)


def _read_warc(path: Path, published: str | None, limit: int) -> Iterator[RawInput | Failure]:
    """HTML responses of a WARC / WARC.gz file (Common Crawl news format), one `RawInput` each, with
    the URL from WARC-Target-URI and the capture date (WARC-Date) as the date of last resort.
    Other records (requests, metadata, non-HTML responses) are not pages and are passed over."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    pages = 0
    with path.open("rb") as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in content_type:
                    continue
                pages += 1
                record_source = f"{source}#record{number}"
                try:  # read at most limit + 1 bytes: decompression stops there
                    data = record.content_stream().read(limit + 1)
                except (OSError, ValueError, EOFError) as err:
                    yield Failure(source=record_source, stage=STAGE, reason=f"unreadable WARC payload: {err}")
                    continue
                if len(data) > limit:
                    yield Failure(
                        source=record_source,
                        stage=STAGE,
                        reason=_too_large(None, limit, "decompressed WARC payload"),
                    )
                    continue
                try:
                    content = decode(data, is_html=True)
                except DecodeError as err:
                    yield Failure(source=record_source, stage=STAGE, reason=str(err))
                    continue
                captured = record.rec_headers.get_header("WARC-Date")
                yield RawInput(
                    source=record_source,
                    format="html",
                    content=content,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    published_fallback=published or (captured[:10] if captured else None),
                )
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
            yield Failure(source=source, stage=STAGE, reason=f"not a readable WARC file: {err}")
            return
    if pages == 0:  # say so, rather than let the file vanish from the batch
        yield Failure(source=source, stage=STAGE, reason="no HTML response record in the WARC file")


def _row_input(row: object, source: str, published: str | None) -> RawInput | Failure:
    if not isinstance(row, dict):
        return Failure(
            source=source, stage=STAGE, reason=f"row is a JSON {type(row).__name__}, not an object"
        )
    fields = {name: row.get(name) for name in ("html", "text", "url", "published", "title")}
    wrong = [name for name, value in fields.items() if value is not None and not isinstance(value, str)]
    if wrong:
        return Failure(source=source, stage=STAGE, reason=f"field(s) {', '.join(wrong)} must be strings")
    html, text = fields["html"] or "", fields["text"] or ""
    if not html.strip() and not text.strip():
        return Failure(source=source, stage=STAGE, reason="row has no non-empty 'text' or 'html' field")
    return RawInput(
        source=source,
        format="html" if html.strip() else "text",
        content=html if html.strip() else text,
        url=fields["url"],
        title=fields["title"],
        published=fields["published"],
        published_fallback=published,
    )
