"""What ingest reads (file types by name) and how much of it (the page-size limit), shared by the
file, folder, JSON Lines and WARC readers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ..records import Failure

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
# a saved page compressed on its own (how crawlers and benchmarks often keep them): page.html.gz
GZIP_PAGE_SUFFIXES = tuple(f"{s}.gz" for s, kind in FORMAT_BY_SUFFIX.items() if kind != "jsonl")
KNOWN = ", ".join([*FORMAT_BY_SUFFIX, *WARC_SUFFIXES, *GZIP_PAGE_SUFFIXES])
DEFAULT_MAX_PAGE_MB = 8


def max_page_bytes() -> int:
    """The largest page (or JSON Lines row, or WARC payload) read, in bytes."""
    return int(float(os.environ.get("ALLEGIANCE_MAX_PAGE_MB", DEFAULT_MAX_PAGE_MB)) * 1024 * 1024)


def too_large(size: int | None, limit: int, what: str = "page") -> str:
    """`size` None: reading stopped at the limit, so only "more than" is known."""
    amount = f"{size / 1048576:.1f} MiB" if size is not None else f"over {limit / 1048576:g} MiB"
    return f"{what} too large: {amount} (limit {limit / 1048576:g} MiB, ALLEGIANCE_MAX_PAGE_MB)"


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def is_gzip_page(path: Path) -> bool:
    return path.name.lower().endswith(GZIP_PAGE_SUFFIXES)


def page_suffix(path: Path) -> str:
    """The suffix that says what the page is: ".html" for page.html and page.html.gz."""
    return Path(path.stem).suffix.lower() if is_gzip_page(path) else path.suffix.lower()


def is_known(path: Path) -> bool:
    return path.suffix.lower() in FORMAT_BY_SUFFIX or is_warc(path) or is_gzip_page(path)


def failure(source: object, reason: str) -> Failure:
    return Failure(source=str(source), stage=STAGE, reason=reason)
