"""The one per-document path, run over a stream: `process_stream`.

Every way documents come in — `allegiance extract`, `run` (every engine), `eval`, `/api/ingest` —
goes through here, so they refuse the same inputs (`guard.check`: size, language) with the same
failure records and analyse the rest the same way.

Why batches: spaCy parses a batch of texts with `nlp.pipe` markedly faster than one `nlp(text)` call
per text (one matrix product per layer for the whole batch). Documents are cleaned and checked one
by one, then parsed together in batches of at most `BATCH_TEXTS` texts and `BATCH_CHARS` characters
(so a batch's parse memory stays that of one long article), then the stages after the parse run per
document. Output is the per-document path's, exactly: the same parse, the same stages.

The guards are kept per document: cleaning and the stages after the parse run under each document's
own time budget, and the batch parse under one budget. Whatever raises in a batch — a page that
breaks the parse, or one over its budget — sends the documents concerned back to `process_checked`,
alone, so that only the bad page fails, with the reason it fails with on its own.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..records import CleanDoc, Document, Failure, RawInput
from .budget import max_seconds, time_budget
from .guard import check, declared_language, failure_from_exception, process_checked

log = logging.getLogger(__name__)
BATCH_TEXTS = 16
BATCH_CHARS = 50_000
Item = RawInput | Failure


@dataclass
class _Pending:
    """A cleaned, checked document waiting for its batch's parse."""

    raw: RawInput
    cdoc: CleanDoc
    spent: float  # seconds of its budget used by cleaning


def solo(pipeline: Any, raw: RawInput) -> Document | Failure:
    """The per-document path for one input alone: any exception becomes its `Failure`."""
    try:
        return process_checked(pipeline, raw)
    except Exception as exc:  # one page must not stop the batch
        log.debug("processing %s failed", raw.source, exc_info=True)
        return failure_from_exception(raw.source, exc)


def batchable(pipeline: Any) -> bool:
    """A processor with separate clean, batch-parse and analyse steps (`Pipeline`); a test double
    with only `process` (or only `clean`/`analyse`) is run one document at a time."""
    return all(callable(getattr(pipeline, name, None)) for name in ("clean", "parse_many", "analyse"))


def process_stream(
    items: Iterable[RawInput] | Iterable[Item],
    pipeline: Any,
    batch_texts: int = BATCH_TEXTS,
    batch_chars: int = BATCH_CHARS,
) -> Iterator[tuple[Item, Document | Failure]]:
    """Yield `(item, Document | Failure)` for each input, in input order; a `Failure` among the
    inputs (a page the reader could not read) is passed through as its own result."""
    if not batchable(pipeline):
        for item in items:
            yield item, item if isinstance(item, Failure) else solo(pipeline, item)
        return
    window: list[tuple[Item, Document | Failure | _Pending]] = []
    texts = chars = 0
    for item in items:
        entry = item if isinstance(item, Failure) else _clean_checked(pipeline, item)
        window.append((item, entry))
        if isinstance(entry, _Pending):
            texts, chars = texts + 1, chars + len(entry.cdoc.text)
        if texts >= batch_texts or chars >= batch_chars:
            yield from _finish(pipeline, window)
            window, texts, chars = [], 0, 0
    yield from _finish(pipeline, window)


def _clean_checked(pipeline: Any, raw: RawInput) -> Document | Failure | _Pending:
    """`process_checked` up to the parse: clean within the budget, fill the page's declared
    language, refuse what the guards refuse."""
    started = time.monotonic()
    try:
        with time_budget() as budget:
            cdoc = pipeline.clean(raw)
            budget.check()
            if cdoc.language is None:
                cdoc = cdoc.model_copy(update={"language": declared_language(raw)})
            check(cdoc)
    except Exception as exc:  # the same exception, so the same failure, as `process_checked` alone
        log.debug("cleaning %s failed", raw.source, exc_info=True)
        return failure_from_exception(raw.source, exc)
    return _Pending(raw, cdoc, time.monotonic() - started)


def _finish(pipeline: Any, window: list[tuple[Item, Any]]) -> Iterator[tuple[Item, Document | Failure]]:
    pending = [entry for _, entry in window if isinstance(entry, _Pending)]
    docs = _parse(pipeline, pending)
    parsed = {id(p): doc for p, doc in zip(pending, docs, strict=True)}
    for item, entry in window:
        if isinstance(entry, _Pending):
            yield item, _analyse(pipeline, entry, parsed[id(entry)])
        else:
            yield item, entry


def _parse(pipeline: Any, pending: list[_Pending]) -> list[Any]:
    """The batch's spaCy Docs, or None for each when the batch parse raised (each then goes alone)."""
    if not pending:
        return []
    try:
        with time_budget() as budget:
            docs = list(pipeline.parse_many([p.cdoc.text for p in pending]))
            budget.check()
        return docs
    except Exception:
        log.debug("batch parse of %d documents failed; each goes alone", len(pending), exc_info=True)
        return [None] * len(pending)


def _analyse(pipeline: Any, entry: _Pending, doc: Any) -> Document | Failure:
    """The stages after the parse, within what is left of the document's budget (its cleaning
    counted); anything that goes wrong is retried alone, whose outcome is the one recorded."""
    if doc is None:
        return solo(pipeline, entry.raw)
    limit = max_seconds()
    left = limit - entry.spent if limit > 0 else 0.0
    if limit > 0 and left <= 0:
        return solo(pipeline, entry.raw)
    try:
        with time_budget(left) as budget:
            document: Document = pipeline.analyse(entry.cdoc, doc)
            budget.check()
        return document
    except Exception:
        log.debug("analysing %s in its batch failed; retried alone", entry.raw.source, exc_info=True)
        return solo(pipeline, entry.raw)
