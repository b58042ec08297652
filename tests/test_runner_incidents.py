"""Incidents are kept in the store and updated as batches arrive: the stored result equals
clustering everything at once, whatever the order and split of the batches."""

from __future__ import annotations

import random

from allegiance.actors import load_kb
from allegiance.incidents import LinkOptions, cluster
from allegiance.records import Document, RawInput
from allegiance.runner import run_batch
from allegiance.store import open_store
from export.synthetic import multi_outlet_corpus


class CannedPipeline:
    """Returns a prepared Document for each page (the page text is its key)."""

    def __init__(self, docs: dict[str, Document]) -> None:
        self.docs = docs
        self.kb = load_kb()

    def process(self, raw: RawInput) -> Document:
        return self.docs[raw.content.strip()]


def pages(tmp_path, name: str, keys: list[str]):
    folder = tmp_path / name
    folder.mkdir()
    for i, key in enumerate(keys):
        (folder / f"{i:04d}.txt").write_text(key + "\n", encoding="utf-8")
    return folder


def stored_incidents(path) -> set[frozenset[str]]:
    with open_store(path, read_only=True) as store:
        return {frozenset(m.event.id for m in inc.mentions) for inc in store.load_incidents()}


def test_incidents_are_stored_incrementally_and_order_free(tmp_path):
    docs, _ = multi_outlet_corpus(seed=3, happenings=12)
    by_key = {d.id: d for d in docs}
    pipeline = CannedPipeline(by_key)
    keys = sorted(by_key)
    shuffled = keys[:]
    random.Random(5).shuffle(shuffled)

    one_go = tmp_path / "one.duckdb"
    with open_store(one_go) as store:
        run_batch([pages(tmp_path, "all", keys)], store, pipeline)

    in_parts = tmp_path / "parts.duckdb"
    half = len(shuffled) // 2
    for n, part in enumerate((shuffled[:half], shuffled[half:])):
        with open_store(in_parts) as store:
            run_batch([pages(tmp_path, f"part{n}", part)], store, pipeline)

    expected = {frozenset(m.event.id for m in inc.mentions) for inc in cluster(docs, LinkOptions())}
    assert stored_incidents(one_go) == stored_incidents(in_parts) == expected
    assert any(len(group) > 1 for group in expected)  # the corpus really has multi-outlet incidents


def test_rerunning_the_same_pages_leaves_incidents_unchanged(tmp_path):
    docs, _ = multi_outlet_corpus(seed=4, happenings=6)
    pipeline = CannedPipeline({d.id: d for d in docs})
    folder = pages(tmp_path, "p", sorted(d.id for d in docs))
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        run_batch([folder], store, pipeline)
    before = stored_incidents(path)
    with open_store(path) as store:
        result = run_batch([folder], store, pipeline)
    assert result.stored == 0 and stored_incidents(path) == before
