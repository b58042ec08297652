"""How many inputs a batch holds, known before reading any of them: the total behind a progress
bar's done/total and its ETA. Files are counted from the folder walk and JSON Lines rows from their
line breaks (a cheap byte scan); a WARC crawl's records are not known without inflating it, so a
batch with one gives no total (the bar then shows what is done, without an ETA)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..records import Failure
from .formats import FORMAT_BY_SUFFIX, is_warc, page_suffix
from .walk import list_inputs


def count_inputs(paths: Iterable[Path | str], exclude: Iterable[Path | str] = ()) -> int | None:
    """Inputs (pages, rows, skipped entries) the batch will report on, or None when unknown."""
    skip = frozenset(os.path.realpath(p) for p in exclude)
    total = 0
    for path in map(Path, paths):
        for found in list_inputs(path, skip):
            if isinstance(found, Failure):
                total += 1
            elif is_warc(found):
                return None
            elif FORMAT_BY_SUFFIX.get(page_suffix(found)) == "jsonl":
                total += max(1, _rows(found))
            else:
                total += 1
    return total


def _rows(path: Path) -> int:
    """Non-blank lines: each is a row (or a failure that names the row)."""
    rows = 0
    try:
        with path.open("rb") as handle:
            for line in handle:
                rows += bool(line.strip())
    except OSError:
        return 1  # the reader reports the file as one failure
    return rows
