"""JSON Lines feeds: one `RawInput` per row with `text` or `html`, each line its own unit.

Read line by line (a feed may be far larger than memory; a row may not exceed the page limit).
A row that cannot be parsed (bad JSON, invalid UTF-8, nesting deeper than the parser's stack, a
number too long to convert) fails alone and the next line is read; a file that cannot be read on
(an I/O error) fails at the line reached, keeping the rows before it.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

from ..records import Failure, RawInput
from .formats import failure, too_large


def read_jsonl(path: Path, published: str | None, limit: int) -> Iterator[RawInput | Failure]:
    """JSON Lines is UTF-8 by definition (RFC 8259)."""
    source = str(path)
    empty = True
    number = 0
    with path.open("rb") as stream:
        while True:
            number += 1
            row_source = f"{source}#line{number}"
            try:
                line = stream.readline(limit + 1)
                if not line:
                    break
                if len(line) > limit and not line.endswith(b"\n"):
                    while line and not line.endswith(b"\n"):  # skip the rest of the oversized row
                        line = stream.readline(limit + 1)
                    empty = False
                    yield failure(row_source, too_large(None, limit, "row"))
                    continue
            except OSError as err:
                yield failure(row_source, f"cannot read on at line {number}: {err.strerror or err}")
                return
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            empty = False
            yield parse_row(line, row_source, published)
    if empty:
        yield failure(source, "empty file")


def parse_row(line: bytes, row_source: str, published: str | None) -> RawInput | Failure:
    try:
        row = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as err:
        return failure(row_source, f"invalid UTF-8 byte {line[err.start]:#04x} at column {err.start + 1}")
    except json.JSONDecodeError as err:
        return failure(row_source, f"bad JSON: {err.msg} at column {err.colno}")
    except RecursionError:
        return failure(row_source, "bad JSON: nested too deeply to parse")
    except ValueError as err:  # e.g. an integer of more than 4300 digits
        return failure(row_source, f"bad JSON: {err}")
    return row_input(row, row_source, published)


def row_input(row: object, source: str, published: str | None) -> RawInput | Failure:
    if not isinstance(row, dict):
        return failure(source, f"row is a JSON {type(row).__name__}, not an object")
    fields = {name: row.get(name) for name in ("html", "text", "url", "published", "title")}
    wrong = [name for name, value in fields.items() if value is not None and not isinstance(value, str)]
    if wrong:
        return failure(source, f"field(s) {', '.join(wrong)} must be strings")
    html, text = fields["html"] or "", fields["text"] or ""
    if not html.strip() and not text.strip():
        return failure(source, "row has no non-empty 'text' or 'html' field")
    return RawInput(
        source=source,
        format="html" if html.strip() else "text",
        content=html if html.strip() else text,
        url=fields["url"],
        title=fields["title"],
        published=fields["published"],
        published_fallback=published,
    )
