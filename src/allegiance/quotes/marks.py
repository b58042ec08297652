"""Find direct quotes by their quotation marks in plain text (no parse needed).

Handles straight "…", curly “…”, guillemets «…», single ‘…’ / '…' used as quotation marks (an
apostrophe between letters — "Taliban’s" — never opens or closes), quotes nested inside quotes,
and a quote that runs over several paragraphs in the news convention: an opening mark at the start
of each paragraph and a closing mark only at the end.

Hand-written because no maintained library does quote-span detection with paragraph continuation;
the grammar is small and fully tested.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹‚"
SINGLE_CLOSE = "’›"
# characters after which a mark reads as an opening mark
OPEN_BEFORE = " \t\u00a0([{—–-/:;"
# characters that may follow a closing mark
CLOSE_AFTER = " \t\u00a0.,;:!?)]}—–-…"


@dataclass(frozen=True)
class QuoteSpan:
    """Inner text range [start, end) of one quote, the positions of its marks, and nesting depth."""

    start: int
    end: int
    open_at: int
    close_at: int
    depth: int
    paragraph_start: int


@dataclass
class _Open:
    kind: str  # "double" or "single"
    at: int
    paragraph_start: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: scraped news puts one paragraph per line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _is_open_context(text: str, i: int, lo: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in OPEN_BEFORE or _is_mark(prev)) and not nxt.isspace()


def _is_close_context(text: str, i: int, hi: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return not prev.isspace() and (nxt in CLOSE_AFTER or nxt.isspace() or _is_mark(nxt))


def _is_mark(ch: str) -> bool:
    return ch in DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"


def _classify(text: str, i: int, lo: int, hi: int, stack: list[_Open]) -> tuple[str, str] | None:
    """('open'|'close', 'double'|'single') for the mark at i, or None when it is no quote mark."""
    ch = text[i]
    has_double = any(o.kind == "double" for o in stack)
    has_single = any(o.kind == "single" for o in stack)
    opens = _is_open_context(text, i, lo)
    closes = _is_close_context(text, i, hi)
    if ch in DOUBLE_OPEN:
        return ("close", "double") if has_double and closes and not opens else ("open", "double")
    if ch in DOUBLE_CLOSE:
        if has_double:
            return ("close", "double")
        return ("open", "double") if opens else None
    if ch == '"':
        if has_double and (closes or not opens):
            return ("close", "double")
        return ("open", "double") if opens else (("close", "double") if has_double else None)
    # single marks: apostrophes are far more common, so demand a clean context
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isalnum() and nxt.isalnum():
        return None  # Taliban’s, don't
    if has_single and closes:
        return ("close", "single")
    if (ch in SINGLE_OPEN or ch == "'") and opens and nxt.isalpha():
        return ("open", "single")
    return None


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quote in `text`, in order of its opening mark."""
    found: list[QuoteSpan] = []
    carried: _Open | None = None  # a double quote left open at the end of the previous paragraph
    for lo, hi in paragraphs(text):
        stack: list[_Open] = []
        first = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip())
        if carried is not None:
            if text[first] in DOUBLE_OPEN + '"':
                stack.append(carried)  # continuation paragraph: its leading mark is not a new quote
                lo_scan = first + 1
            else:
                found.append(_unclosed(text, carried))
                lo_scan = lo
            carried = None
        else:
            lo_scan = lo
        for i in range(lo_scan, hi):
            if not _is_mark(text[i]):
                continue
            verdict = _classify(text, i, lo, hi, stack)
            if verdict is None:
                continue
            action, kind = verdict
            if action == "open":
                stack.append(_Open(kind, i, lo))
                continue
            while stack:  # close the innermost quote of this kind; drop stray opens above it
                top = stack.pop()
                if top.kind == kind:
                    found.append(QuoteSpan(top.at + 1, i, top.at, i, len(stack), top.paragraph_start))
                    break
        doubles = [o for o in stack if o.kind == "double"]
        if doubles:
            carried = doubles[0]
    if carried is not None:
        found.append(_unclosed(text, carried))
    return sorted(
        (q for q in found if q.end > q.start and text[q.start : q.end].strip()), key=lambda q: q.open_at
    )


def _unclosed(text: str, opened: _Open) -> QuoteSpan:
    """A quote whose closing mark is missing ends at the end of its paragraph (scrapes lose marks)."""
    end = text.find("\n", opened.at)
    end = len(text) if end < 0 else end
    while end > opened.at + 1 and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(opened.at + 1, end, opened.at, end, 0, opened.paragraph_start)
