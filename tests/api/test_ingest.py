"""POST /api/ingest with --allow-ingest: pages and JSON Lines batches go through runner.run_batch."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from allegiance.api import create_app
from allegiance.ingest import document_id
from allegiance.records import Document, RawInput


class EchoPipeline:
    """Stands in for the spaCy pipeline: a document with the input's text and no records."""

    def __init__(self) -> None:
        self.seen: list[RawInput] = []

    def process(self, raw: RawInput) -> Document:
        self.seen.append(raw)
        if "EXPLODE" in raw.content:
            raise RuntimeError("cannot analyse this page")
        return Document(
            id=document_id(raw.content), source=raw.source, url=raw.url, title=raw.title, text=raw.content
        )


def test_page_is_stored_once_and_then_a_duplicate(writable_store):
    echo = EchoPipeline()
    with TestClient(create_app(writable_store, allow_ingest=True, pipeline=echo)) as c:
        before = c.get("/api/counts").json()["documents"]
        params = {
            "name": "field note",
            "url": "https://news.example/a",
            "title": "A note",
            "published": "2030-06-01",
        }
        first = c.post(
            "/api/ingest",
            params=params,
            content=b"Troops left the town.",
            headers={"content-type": "text/plain"},
        )
        assert first.status_code == 200, first.text
        assert first.json()["stored"] == 1
        assert echo.seen[0].source == "api:field_note" and echo.seen[0].published == "2030-06-01"
        again = c.post(
            "/api/ingest",
            params=params,
            content=b"Troops left the town.",
            headers={"content-type": "text/plain"},
        )
        assert again.json()["duplicates"] == 1
        assert c.get("/api/counts").json()["documents"] == before + 1
        doc_id = first.json()["outcomes"][0]["document"]
        assert c.get(f"/api/documents/{doc_id}").json()["title"] == "A note"


def test_jsonl_batch_records_failures_per_row(writable_store):
    rows = [
        {"text": "Rebels shelled the bridge.", "url": "https://x.example/1"},
        {"text": "EXPLODE this one", "url": "https://x.example/2"},
        "not an object",
    ]
    body = "\n".join(json.dumps(r) for r in rows).encode()
    with TestClient(create_app(writable_store, allow_ingest=True, pipeline=EchoPipeline())) as c:
        result = c.post("/api/ingest", content=body, headers={"content-type": "application/x-ndjson"}).json()
        assert result["stored"] == 1 and result["failed"] == 2 and result["total"] == 3
        assert all(o["source"].startswith("api:upload") for o in result["outcomes"])
        assert c.get("/api/counts").json()["failures"] == 2


@pytest.mark.slow
def test_real_pipeline_ingest_codes_events(writable_store, pipeline):
    page = (
        "<html><head><title>Clash</title></head><body><article><h1>Clash near the border</h1>"
        "<p>Government troops attacked rebel positions near the border on Tuesday, the army said.</p>"
        "<p>The rebels said they would retaliate.</p></article></body></html>"
    )
    with TestClient(create_app(writable_store, allow_ingest=True, pipeline=pipeline)) as c:
        result = c.post(
            "/api/ingest",
            params={"published": "2030-06-02"},
            content=page.encode(),
            headers={"content-type": "text/html"},
        ).json()
        assert result["stored"] == 1, result
        stored = c.get(f"/api/documents/{result['outcomes'][0]['document']}").json()
        assert "Government troops attacked" in stored["text"]
