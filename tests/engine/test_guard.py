"""The batch guards: over-long texts and non-English texts are refused before parsing, with a reason."""

from __future__ import annotations

import pytest

from allegiance.engine.guard import LanguageError, LimitError, check, english_share, process_checked
from allegiance.records import CleanDoc, RawInput

ENGLISH = (
    "The army said on Monday that it had pushed the rebels out of two villages near the border, "
    "and that the fighting had displaced hundreds of families who were now sheltering in schools."
)
GERMAN = (
    "Die Armee teilte am Montag mit, sie habe die Rebellen aus zwei Dörfern nahe der Grenze "
    "vertrieben; durch die Kämpfe seien Hunderte Familien obdachlos geworden, die nun in Schulen leben."
)
SPANISH = (
    "El ejército informó el lunes que había expulsado a los rebeldes de dos aldeas cerca de la frontera "
    "y que los combates habían desplazado a cientos de familias que ahora se refugian en escuelas."
)


def doc(text: str, language: str | None = None) -> CleanDoc:
    return CleanDoc(id="x", source="s", text=text, language=language)


def test_english_passes_and_other_languages_are_refused():
    check(doc(ENGLISH * 2, "en"))
    check(doc(ENGLISH * 2, "en-GB"))
    for text in (GERMAN, SPANISH, "Армия сообщила в понедельник о боях у границы. " * 8):
        with pytest.raises(LanguageError, match="language: not English"):
            check(doc(text * 2, "en"))  # the cleaner's claim is checked against the words


def test_a_declared_language_is_reported_by_its_code():
    with pytest.raises(LanguageError, match="language: fr"):
        check(doc(ENGLISH, "fr-FR"))


def test_short_texts_are_not_judged_by_their_words():
    check(doc("Kämpfe in Görlitz.", None))  # too few words to tell; left to the analysis
    share, words = english_share(ENGLISH)
    assert share > 0.3 and words > 30


def test_text_length_limit(monkeypatch):
    with pytest.raises(LimitError, match="text too long: 2,000"):
        check(doc("a" * 2000), limit=1000)
    monkeypatch.setenv("ALLEGIANCE_MAX_TEXT_CHARS", "10")
    with pytest.raises(LimitError, match="limit 10"):
        check(doc(ENGLISH, "en"))


class WholeOnly:
    """A processor with only `process` (as test doubles have): its output is checked afterwards."""

    def __init__(self, pipeline):
        self.pipeline = pipeline

    def process(self, raw):
        return self.pipeline.process(raw)


def test_process_checked_refuses_before_analysis(pipeline, monkeypatch):
    raw = RawInput(source="de.txt", format="text", content=GERMAN * 2)
    analysed = []
    monkeypatch.setattr(pipeline, "analyse", lambda cdoc: analysed.append(cdoc))
    with pytest.raises(LanguageError):
        process_checked(pipeline, raw)
    assert analysed == []  # refused after cleaning, before the parse


def test_process_checked_with_a_whole_document_processor(pipeline):
    raw = RawInput(source="de.txt", format="text", content=GERMAN * 2)
    with pytest.raises(LanguageError):
        process_checked(WholeOnly(pipeline), raw)
    english = process_checked(WholeOnly(pipeline), RawInput(source="en.txt", format="text", content=ENGLISH))
    assert english.text.startswith("The army said")
