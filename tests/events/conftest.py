"""Helpers for the event-coder tests: code a sentence with the session pipeline's parser and actors."""

from __future__ import annotations

import pytest

from allegiance import actors
from allegiance.events import extract


@pytest.fixture(scope="session")
def code(pipeline):
    def run(text: str):
        doc = pipeline.nlp(text)
        return extract(doc, actors.resolve(doc, pipeline.kb), "0" * 64)

    return run
