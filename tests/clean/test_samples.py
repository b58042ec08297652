"""The pages in samples/ (the demo input) all read, clean, and carry a date and a body."""

from __future__ import annotations

from pathlib import Path

from allegiance.clean import clean
from allegiance.ingest import read_inputs
from allegiance.records import RawInput

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_samples_clean_without_chrome() -> None:
    inputs = list(read_inputs([SAMPLES]))
    assert len(inputs) >= 4 and all(isinstance(raw, RawInput) for raw in inputs)
    formats = {raw.format for raw in inputs if isinstance(raw, RawInput)}
    assert formats == {"html", "text"}
    for raw in inputs:
        assert isinstance(raw, RawInput)
        doc = clean(raw)
        assert doc.published is not None, raw.source
        assert len(doc.text.split("\n\n")) >= 3, raw.source
        for chrome in ("All rights reserved", "Share this", "Subscribe", "Comments", "Tags:", "Read more"):
            assert chrome.casefold() not in doc.text.casefold(), (raw.source, chrome)
