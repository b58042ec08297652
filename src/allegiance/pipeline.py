"""Compose the per-document stages: RawInput → CleanDoc → spaCy Doc → Document.

Each stage is a plain function in its own module; this is the only place that knows their order.
Heavy resources (spaCy pipeline with rulers, knowledge base, gazetteer) load once per Pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import actors, certainty, clean, events, nlp, quotes, when, where
from .incidents.within import share_context
from .records import CleanDoc, Document, RawInput
from .settings import Settings


class Pipeline:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.kb = actors.load_kb(self.settings.extra_kb)
        self.gazetteer = where.load_gazetteer()
        self.nlp: Language = nlp.load_model(self.settings.model)
        actors.install(self.nlp, self.kb)
        where.install(self.nlp, self.gazetteer)

    def clean(self, raw: RawInput) -> CleanDoc:
        return clean.clean(raw)

    def parse_many(self, texts: list[str]) -> Iterator[Doc]:
        """Parse several texts as one spaCy batch (`engine.batch` sizes the batches)."""
        return self.nlp.pipe(texts, batch_size=max(1, len(texts)))

    def analyse(self, cdoc: CleanDoc, doc: Doc | None = None) -> Document:
        """The stages after cleaning; `doc` is the parse of `cdoc.text` when already made."""
        doc = nlp.parse(self.nlp, cdoc.text) if doc is None else doc
        found_actors = actors.resolve(doc, self.kb)
        found_quotes = quotes.find_quotes(doc, found_actors)
        evs = events.extract(doc, found_actors, cdoc.id)
        evs = certainty.assess(doc, evs, found_actors, found_quotes)
        evs = when.resolve(doc, evs, cdoc.published)
        evs = where.locate(doc, evs, found_actors, self.gazetteer)
        evs = share_context(evs)  # one incident's mentions in this article share place and date
        return Document(
            id=cdoc.id,
            source=cdoc.source,
            url=cdoc.url,
            canonical_url=cdoc.canonical_url,
            title=cdoc.title,
            published=cdoc.published,
            section=cdoc.section,
            tags=cdoc.tags,
            language=cdoc.language,
            text=cdoc.text,
            actors=found_actors,
            events=evs,
            quotes=found_quotes,
        )

    def process(self, raw: RawInput) -> Document:
        return self.analyse(self.clean(raw))
