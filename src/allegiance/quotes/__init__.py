"""Quotes stage: direct quotes and reported speech with resolved speakers.

`find_quotes(doc, actors)` is the stage; `SpeakerResolver` / `Speaker` are public because the
certainty stage resolves the sources of its cues ("X denied …", "according to X") the same way.
"""

from .find import find_quotes, reported_clauses
from .lexicon import QuoteLexicon, load_lexicon
from .marks import QuoteSpan, find_quote_spans
from .speakers import Speaker, SpeakerResolver

__all__ = [
    "QuoteLexicon",
    "QuoteSpan",
    "Speaker",
    "SpeakerResolver",
    "find_quote_spans",
    "find_quotes",
    "load_lexicon",
    "reported_clauses",
]
