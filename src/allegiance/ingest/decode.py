"""Bytes → text, most trustworthy evidence first: a byte-order mark; for HTML, the page's own
``<meta charset>``; strict UTF-8 (what almost every page is today); then charset-normalizer's
detection. Anything that cannot be decoded with confidence raises `DecodeError` (which the readers
turn into a `Failure`) instead of giving text full of mojibake."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

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
    """Raised by `decode`; the readers turn it into a `Failure` with its message as the reason."""


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
