"""Per-document guards that keep a batch bounded: text length and language, checked between cleaning
and parsing so a hostile page costs a clean at most, never a parse.

Why here and not in the pipeline: `Pipeline.process` is the analysis contract (any text in, a
`Document` out); deciding what a *batch* refuses to analyse is the runner's business, and every engine
(in-process, worker pool, Dask) calls `process_checked` so they refuse exactly the same inputs.
"""

from __future__ import annotations

import os
import re
import traceback
from pathlib import Path
from typing import Protocol

from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import AllegianceError
from ..records import CleanDoc, Document, Failure, RawInput
from .budget import time_budget

# A long feature article is ~30k characters; 300k is a short book. spaCy's parser needs memory in
# proportion to the text, so this bounds a worker's peak memory (override: ALLEGIANCE_MAX_TEXT_CHARS).
DEFAULT_MAX_TEXT_CHARS = 300_000
# English prose is 35–50 % function words (spaCy's English stop-word list); other languages written
# in Latin script share only a few ("a", "in", "die"…) and other scripts none. Below this share, over
# at least MIN_WORDS words, the text is not English.
MIN_ENGLISH_SHARE = 0.2
MIN_WORDS = 30
WORD = re.compile(r"[^\W\d_]+")
# <html lang="xx"> or <html xml:lang="xx">, for pages whose cleaner left `CleanDoc.language` unset
HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)


class LimitError(AllegianceError):
    stage = "clean"


class LanguageError(AllegianceError):
    stage = "clean"


class Processor(Protocol):
    def process(self, raw: RawInput) -> Document: ...


def failure_from_exception(source: str, exc: BaseException) -> Failure:
    """A `Failure` for an exception raised while processing `source`: our own errors carry their
    stage and a readable message; anything else is a bug, reported with where it was raised."""
    if isinstance(exc, AllegianceError):
        return Failure(source=source, stage=exc.stage, reason=str(exc) or type(exc).__name__)
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" (at {Path(frame.filename).name}:{frame.lineno})" if frame else ""
    return Failure(source=source, stage="pipeline", reason=f"{type(exc).__name__}: {exc}{where}")


def max_text_chars() -> int:
    return int(os.environ.get("ALLEGIANCE_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS))


def english_share(text: str, sample_chars: int = 20_000) -> tuple[float, int]:
    """Share of English function words among the words of (the start of) `text`, and the word count."""
    words = WORD.findall(text[:sample_chars].lower())
    if not words:
        return 0.0, 0
    return sum(w in STOP_WORDS for w in words) / len(words), len(words)


def declared_language(raw: RawInput) -> str | None:
    """The language an HTML page declares on its root element, if any."""
    found = HTML_LANG.search(raw.content[:4096]) if raw.format == "html" else None
    return found.group(1).lower() if found else None


def language_problem(cdoc: CleanDoc) -> str | None:
    """A failure reason when the clean text is not English, else None.

    The page's own declaration (``<html lang>``) is trusted when it names another language; pages
    that declare nothing, or claim English, are checked by their function words."""
    declared = (cdoc.language or "").split("-")[0].split("_")[0].lower()
    if declared and declared != "en":
        return f"language: {declared} (declared by the page; only English is analysed)"
    share, words = english_share(cdoc.text)
    if words >= MIN_WORDS and share < MIN_ENGLISH_SHARE:
        return f"language: not English ({share:.0%} English function words in {words} words)"
    return None


def check(cdoc: CleanDoc, limit: int | None = None) -> None:
    """Raise `LimitError` / `LanguageError` when the batch must not analyse `cdoc`."""
    limit = max_text_chars() if limit is None else limit
    if len(cdoc.text) > limit:
        raise LimitError(f"text too long: {len(cdoc.text):,} characters after cleaning (limit {limit:,})")
    problem = language_problem(cdoc)
    if problem:
        raise LanguageError(problem)


def process_checked(pipeline: Processor, raw: RawInput, limit: int | None = None) -> Document:
    """Clean, check, analyse, within the time budget (`budget.time_budget`). A processor without
    separate `clean`/`analyse` steps (a test double) is run whole and its document checked
    afterwards."""
    with time_budget() as budget:
        clean_step = getattr(pipeline, "clean", None)
        analyse_step = getattr(pipeline, "analyse", None)
        if clean_step is None or analyse_step is None:
            document = pipeline.process(raw)
            budget.check()
            check(
                CleanDoc(
                    id=document.id, source=document.source, language=document.language, text=document.text
                ),
                limit,
            )
            return document
        cdoc = clean_step(raw)
        budget.check()
        if cdoc.language is None:
            cdoc = cdoc.model_copy(update={"language": declared_language(raw)})
        check(cdoc, limit)
        document = analyse_step(cdoc)
        budget.check()
        return document
