"""Load the spaCy pipeline named in the settings and parse clean text.

The model is a setting, not a constant: any installed spaCy pipeline (package name or path) with a
parser and NER works; later stages add their own rulers through `Language.add_pipe`.
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from .errors import AllegianceError

PARAGRAPHS = "allegiance_paragraphs"
# A wire dateline opening a paragraph of the lead: "KABUL (Reuters) - ", "GOMA, Congo — ",
# "Jerusalem, (APP - 27th Nov, 2024) ". A dash or a bracketed agency is required, so a body
# sentence opening "NATO, the EU and…" is never cut.
WIRE_DATELINE = re.compile(
    r"[ \t]*(?:[A-Z][A-Z'’.\-]+(?:[ \u00a0][A-Z][A-Z'’.\-]+){0,3}(?:,[ \u00a0]*[A-Z][\w.'’\- \u00a0]{1,40}?)?"
    r"[ \u00a0]*(?:\([^)\n]{1,80}\))?[ \u00a0]*[—–-]{1,2}[ \u00a0]"
    r"|[A-Z][\w'’.\-]+(?:[ \u00a0][A-Z][\w'’.\-]+){0,3},[ \u00a0]*(?:[A-Z][\w.'’\- \u00a0]{1,40}?,?[ \u00a0]*)?"
    r"\([^)\n]{1,80}\)[ \u00a0]*(?:[—–-]{1,2}[ \u00a0]*)?)(?=[A-Z“\"])"
)
# A caption ends on its photo credit ("… in Khan Younis yesterday. Photo: Reuters", "| Photo
# Credit: AFP"): with a verb of its own it would still be glued to the next paragraph.
CAPTION_END = re.compile(r"(?i)\b(?:photo|image|picture)s?(?:\s+credit)?\s*[:|/]\s*[^.!?\n]{1,60}$")
LEAD_CHARS = 1500  # where a dateline may stand: the top of the article


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Sentence starts the parser must keep. A line without a verb ends its sentence: a byline,
    credit, caption label or date line ("Reuters", "| Photo Credit: AFP", "Published - May 3, 2024
    - KABUL,") has no full stop, so the parser would glue it to the first body sentence and its
    words would become the lead's participants or place. So does a caption ending on its photo
    credit, and a wire dateline at the top is cut from its lead ("KABUL (Reuters) - Gunmen …").
    Other lines keep the parser's own boundaries (cutting after every line break lowered the
    measured figures). Runs after the tagger and before the parser, which keeps preset starts."""
    line_start = 0
    for i in range(len(doc) + 1):
        end_of_line = i == len(doc) or (i > 0 and _breaks(doc[i - 1]))
        if not end_of_line:
            continue
        line = [t for t in doc[line_start:i] if not t.is_space]
        if line and line[0].idx < LEAD_CHARS:
            _after_dateline(doc, line)
        verbless = not any(t.tag_.startswith(("VB", "MD")) for t in line)
        caption = bool(line) and CAPTION_END.search(doc.text[line[0].idx : line[-1].idx + len(line[-1])])
        if line and i < len(doc) and (verbless or caption):
            nxt = next((t for t in doc[i:] if not t.is_space), None)
            if nxt is not None:
                nxt.is_sent_start = True
        line_start = i
    return doc


def _after_dateline(doc: Doc, line: list[Token]) -> None:
    """The dateline is its own unit: its agency is no participant, its place no actor."""
    found = WIRE_DATELINE.match(doc.text, line[0].idx, line[-1].idx + len(line[-1]))
    if found:
        body = next((t for t in line if t.idx >= found.end()), None)
        if body is not None and body.i > line[0].i:
            body.is_sent_start = True


def _breaks(tok: Token) -> bool:
    return "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)


class ModelError(AllegianceError):
    stage = "nlp"


def load_model(name: str) -> Language:
    """Load a fresh pipeline (callers add rulers to it, so it is not shared). Raises ModelError with install advice when missing."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install it (pip install <package>) "
            f"or set ALLEGIANCE_MODEL to an installed pipeline"
        ) from exc
    for needed in ("parser", "ner"):
        if needed not in nlp.pipe_names:
            raise ModelError(f"spaCy pipeline {name!r} has no {needed!r} component")
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def parse(nlp: Language, text: str) -> Doc:
    return nlp(text)
