"""The batched per-document path (`engine.process_stream`) gives exactly what each document gives
alone (`guard.process_checked`), failures included, and one bad page fails alone."""

from __future__ import annotations

import time

import pytest

from allegiance.engine import process_stream
from allegiance.engine.batch import solo
from allegiance.errors import AllegianceError
from allegiance.records import CleanDoc, Document, Failure, RawInput
from robustness.corpus import html_page, news_text

FRENCH = (
    "Les forces gouvernementales ont repris le contrôle de la ville après trois jours de combats, "
    "selon un porte-parole de l'armée qui a annoncé la mort de plusieurs rebelles."
)


class Broken(AllegianceError):
    stage = "events"


class Faulty:
    """The real pipeline, except that analysing a page that says "EXPLODE" raises and one that
    says "STALL" outlasts any budget; the parse of a batch holding "SHATTER" raises."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.parsed_batches: list[int] = []

    def clean(self, raw: RawInput) -> CleanDoc:
        return self.inner.clean(raw)

    def parse_many(self, texts: list[str]):
        self.parsed_batches.append(len(texts))
        if any("SHATTER" in t for t in texts):
            raise RuntimeError("parser crashed")
        return self.inner.parse_many(texts)

    def analyse(self, cdoc: CleanDoc, doc=None) -> Document:
        if "EXPLODE" in cdoc.text:
            raise Broken("trigger table corrupt")
        if "STALL" in cdoc.text:
            time.sleep(3)
        return self.inner.analyse(cdoc, doc)

    def process(self, raw: RawInput) -> Document:
        return self.analyse(self.clean(raw))


def pages() -> list[RawInput | Failure]:
    raws: list[RawInput | Failure] = [
        RawInput(source=f"p{i}.txt", format="text", content=news_text(i)) for i in range(5)
    ]
    raws.insert(2, RawInput(source="bad.txt", format="text", content=news_text(9) + "\nEXPLODE.\n"))
    raws.insert(4, RawInput(source="fr.html", format="html", content=html_page(FRENCH, lang="fr")))
    raws.insert(5, Failure(source="unread.bin", stage="ingest", reason="binary file"))
    raws.append(RawInput(source="page.html", format="html", content=html_page(news_text(12))))
    return raws


def alone(pipeline, items):
    return [(i.source, i if isinstance(i, Failure) else solo(pipeline, i)) for i in items]


def batched(pipeline, items, **sizes):
    return [(i.source, r) for i, r in process_stream(items, pipeline, **sizes)]


def dumps(results):
    return [(source, type(r).__name__, r.model_dump(mode="json")) for source, r in results]


@pytest.mark.parametrize("sizes", [{}, {"batch_texts": 3}, {"batch_chars": 200}])
def test_batched_equals_each_document_alone(pipeline, sizes):
    faulty = Faulty(pipeline)
    items = pages()
    got = batched(faulty, items, **sizes)
    assert max(faulty.parsed_batches) > 1  # the documents really were parsed together
    assert dumps(got) == dumps(alone(Faulty(pipeline), items))
    results = dict(got)
    assert [s for s, _ in got] == [i.source for i in items]  # input order
    assert isinstance(results["bad.txt"], Failure) and results["bad.txt"].reason == "trigger table corrupt"
    assert results["bad.txt"].stage == "events"
    assert isinstance(results["fr.html"], Failure) and results["fr.html"].reason.startswith("language: fr")
    assert results["unread.bin"].reason == "binary file"
    assert sum(isinstance(r, Document) for r in results.values()) == 6
    assert all(r.events for r in results.values() if isinstance(r, Document))


def test_a_batch_whose_parse_raises_goes_document_by_document(pipeline):
    faulty = Faulty(pipeline)
    items = [RawInput(source=f"p{i}.txt", format="text", content=news_text(i)) for i in range(3)]
    items.append(RawInput(source="shatter.txt", format="text", content=news_text(7) + "\nSHATTER.\n"))
    got = batched(faulty, items)
    assert faulty.parsed_batches == [4]  # the batch was tried once, then each went alone
    assert dumps(got[:3]) == dumps(alone(pipeline, items[:3]))
    assert isinstance(got[3][1], Document)  # alone, its parse is the plain `nlp(text)`: it works


def test_a_document_over_its_budget_in_a_batch_fails_alone(pipeline, monkeypatch):
    monkeypatch.setenv("ALLEGIANCE_MAX_DOC_SECONDS", "1")
    items = [RawInput(source=f"p{i}.txt", format="text", content=news_text(i)) for i in range(3)]
    items.insert(1, RawInput(source="stall.txt", format="text", content=news_text(8) + "\nSTALL.\n"))
    results = dict(batched(Faulty(pipeline), items))
    stalled = results.pop("stall.txt")
    assert isinstance(stalled, Failure) and stalled.reason.startswith("time budget exceeded: over 1 s")
    assert all(isinstance(r, Document) for r in results.values()) and len(results) == 3
