"""`make demo` lists events document by document, the richest first (the seed page's story), not
the newest sample's (issue 16)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from allegiance.records import Actor, Document, Event, Mention, Participant, Span, TextSpan
from allegiance.store import open_store

TOOL = Path(__file__).resolve().parents[1] / "tools" / "demo.py"


def _demo():
    spec = importlib.util.spec_from_file_location("demo", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _doc(doc_id: str, published: str, n: int) -> Document:
    text = " ".join(f"Rebels attacked post {i}." for i in range(n))
    rebels = Actor(
        id="rebels",
        name="Rebels",
        type="rebels",
        mentions=[Mention(actor="rebels", text="Rebels", start=0, end=6)],
    )
    events = []
    for i in range(n):
        start = text.index(f"post {i}.") - 16
        events.append(
            Event(
                id=f"{doc_id}-{i}",
                event="ASSAULT",
                actor=[Participant(id="rebels", text="Rebels", start=start, end=start + 6)],
                eventText=text[start : start + 24],
                trigger=TextSpan(text="attacked", start=start + 7, end=start + 15),
                sentence=Span(start=start, end=start + 24),
            )
        )
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        title=doc_id,
        published=published,
        text=text,
        actors=[rebels],
        events=events,
    )


def test_richest_document_is_listed_first(tmp_path, capsys):
    db = str(tmp_path / "demo.duckdb")
    with open_store(db, read_only=False) as store:
        store.save(_doc("seed", "2021-02-28T00:00:00", 5))
        store.save(_doc("newer-sample", "2024-03-12T00:00:00", 2))
    _demo().main([db])
    out = capsys.readouterr().out
    assert out.index("seed — 5 event(s)") < out.index("newer-sample — 2 event(s)")
