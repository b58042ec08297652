from __future__ import annotations

import pytest

from allegiance.actors import resolve


@pytest.fixture(scope="session")
def actors_of(pipeline):
    """Parse a sentence with the real pipeline and return {actor id: set of mention texts}."""

    def run(text: str) -> dict[str, set[str]]:
        doc = pipeline.nlp(text)
        found = resolve(doc, pipeline.kb)
        for actor in found:
            for m in actor.mentions:
                assert text[m.start : m.end] == m.text
        return {a.id: {m.text for m in a.mentions} for a in found}

    return run


@pytest.fixture(scope="session")
def resolved(pipeline):
    def run(text: str):
        return {a.id: a for a in resolve(pipeline.nlp(text), pipeline.kb)}

    return run
