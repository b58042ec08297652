"""Lexical evidence from the event sentences of two reports: the figures and the rarer words they
share ("39 Palestinian prisoners", "Rafah crossing", "4 a.m."). Fixed word lists, no statistics of
the corpus being clustered, so a pair's evidence never depends on which other reports are around
(clustering stays order-independent and `update` equals `cluster`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_][\w'’-]*")
YEAR = re.compile(r"(19|20)\d\d")


@lru_cache(maxsize=65536)  # a few thousand distinct words recur across every report
def _stem(word: str) -> str:
    """Light suffix stripping: "released"/"releases"/"release", "prisoners"/"prisoner"."""
    for suffix in ("ings", "ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Signature:
    numbers: frozenset[str]
    names: frozenset[str]  # capitalised words inside the sentence (places, people, groups)
    words: frozenset[str]  # other content words, stemmed


def _content(text: str) -> set[str]:
    return {_stem(t.lower()) for t in TOKEN.findall(text or "") if not t[0].isdigit()}


# A Signature is immutable and a function of its arguments: one headline is the lead of every event
# of its document, and the stored reports a batch is compared with are built again at each batch.
@lru_cache(maxsize=16384)
def signature(text: str, leave_out: tuple[str, ...] = (), common: frozenset[str] = frozenset()) -> Signature:
    """The sentence's figures, names and words; `leave_out`: texts whose words are not evidence
    here (the participants' own names, counted as shared actors already); `common`: words every
    report uses (scores.yaml `common_words`), besides English stop words."""
    skip = set().union(*(_content(t) for t in leave_out)) if leave_out else set()
    numbers: set[str] = set()
    names: set[str] = set()
    words: set[str] = set()
    for k, match in enumerate(TOKEN.finditer(text or "")):
        token = match.group().strip(".,'’-")
        if not token:
            continue
        if token[0].isdigit():
            value = token.replace(",", "")
            # a year or a lone digit (times, dates, "one of") names no particular happening
            if not YEAR.fullmatch(value) and len(value) > 1:
                numbers.add(value)
            continue
        lower = token.lower().removesuffix("'s").removesuffix("’s")
        if len(lower) < 3 or lower in STOP_WORDS or lower in common or _stem(lower) in skip:
            continue
        (names if token[0].isupper() and k > 0 else words).add(_stem(lower))
    return Signature(frozenset(numbers), frozenset(names), frozenset(words - names))


def overlap(a: Signature, b: Signature) -> tuple[int, int, int]:
    names_a, names_b = a.names | a.words, b.names | b.words
    shared_names = (a.names & names_b) | (b.names & names_a)
    return len(a.numbers & b.numbers), len(shared_names), len((a.words & b.words) - shared_names)


def text_evidence(a: Signature, b: Signature) -> float:
    """0.5 for a shared figure ("39", "1,000"), 0.5 for a shared name or two shared words."""
    numbers, names, words = overlap(a, b)
    return 0.5 * bool(numbers) + 0.5 * bool(names or words >= 2)


def lead_evidence(a: Signature, b: Signature) -> float:
    """0.5 when two headlines share a figure and two names or words, or four names or words: the
    same story, told by two outlets. The parties' names alone ("Israel", "Hamas") are shared by
    every headline of a conflict, so one or two of them say nothing."""
    numbers, names, words = overlap(a, b)
    shared = names + words
    return 0.5 * ((numbers >= 1 and shared >= 2) or shared >= 4)
