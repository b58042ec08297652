"""Small generated corpora for the scale and robustness tests: distinct English news pages, and the
hostile inputs of issues 7 and 14, all written by the tests themselves (nothing read from ../shared)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

ACTORS = ["Government troops", "Rebel fighters", "Police officers", "Militia members", "Protesters"]
VERBS = ["attacked", "clashed with", "met", "arrested", "negotiated with"]
TARGETS = ["a border post", "an army convoy", "local officials", "opposition leaders", "aid workers"]
PLACES = ["Varnel", "the northern province", "Kessa", "the capital", "Port Amory"]
DAYS = ["on Monday", "on Tuesday", "last week", "on Friday", "overnight"]


def news_text(i: int) -> str:
    """A short English report, different for every `i` (so every page has its own document id)."""
    a, v, t = ACTORS[i % 5], VERBS[(i // 5) % 5], TARGETS[(i // 25) % 5]
    place, day = PLACES[(i + 2) % 5], DAYS[(i + 3) % 5]
    return (
        f"{a} {v} {t} near {place} {day}, officials said.\n\n"
        f"A spokesman said {i % 7 + 2} people were wounded and that talks would resume. "
        f"Report number {i}.\n"
    )


def write_news_folder(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"page-{i:03d}.txt"
        path.write_text(news_text(i), encoding="utf-8")
        paths.append(path)
    return paths


def html_page(body: str, lang: str | None = None) -> str:
    attr = f' lang="{lang}"' if lang else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (
        f"<html{attr}><head><title>Report</title></head><body><article>{paragraphs}</article></body></html>"
    )


def warc_bytes(records: list[tuple[str | None, bytes, dict[str, str]]]) -> bytes:
    """A gzipped WARC with one request and one response record per (url, payload, extra headers);
    a url of None leaves WARC-Target-URI out of the response record (warcio used to crash on it)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, payload, extra in records:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(url or "https://example.org/", "request", http_headers=request)
        )
        fields = {"Content-Type": "text/html; charset=utf-8", **extra}
        headers = StatusAndHeaders("200 OK", list(fields.items()))
        record = writer.create_warc_record(
            url or "https://example.org/",
            "response",
            payload=io.BytesIO(payload),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2023-04-02T10:00:00Z"},
        )
        if url is None:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    return out.getvalue()


def gzip_bomb(megabytes: int) -> bytes:
    """`megabytes` MiB of zeros, gzip-compressed to a few KiB: harmless unless fully inflated."""
    return gzip.compress(b"\0" * (megabytes * 1024 * 1024), compresslevel=9)


def deep_json(depth: int) -> str:
    """A JSON Lines row nested `depth` levels deep (``[[[…]]]``): valid JSON that recursion kills."""
    return "[" * depth + "]" * depth


def dated_row(text: str, published: str) -> str:
    """A JSON Lines row whose publication date is `published` as given (e.g. a CMS placeholder)."""
    import json

    return json.dumps({"text": text, "published": published})
