"""Load the spaCy pipeline named in the settings and parse clean text.

The model is a setting, not a constant: any installed spaCy pipeline (package name or path) with a
parser and NER works; later stages add their own rulers through `Language.add_pipe`.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import AllegianceError


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
    return nlp


def parse(nlp: Language, text: str) -> Doc:
    return nlp(text)
