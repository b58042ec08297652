"""The store owns the incidents (issue 12): every save links its documents in, in the same
transaction, so any order, batching, interruption or number of writers ends in the incidents that
clustering everything at once gives."""

from __future__ import annotations

import random
import threading

import pytest
from fastapi.testclient import TestClient

from allegiance.actors import load_kb
from allegiance.api import create_app
from allegiance.incidents import cluster
from allegiance.records import Document, RawInput
from allegiance.store import open_store
from allegiance.store.upkeep import options_from_kb
from allegiance.store.write import save_row_by_row
from export.synthetic import multi_outlet_corpus


@pytest.fixture(scope="module")
def options():
    return options_from_kb(load_kb())


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    found, _ = multi_outlet_corpus(seed=21, happenings=14)
    return found


def groups(incidents) -> set[frozenset[str]]:
    return {frozenset(m.event.id for m in inc.mentions) for inc in incidents}


def stored(target) -> set[frozenset[str]]:
    with open_store(target) as store:
        found = store.load_incidents()
        members = store.con.execute("SELECT incident_id, event_id FROM incident_members").fetchall()
    # the member index the store queries agrees with the incidents themselves
    assert sorted(members) == sorted((i.id, m.event.id) for i in found for m in i.mentions)
    return groups(found)


def save_in_batches(target, docs, sizes, options) -> None:
    with open_store(target) as store:
        store.set_link_options(options)
        start = 0
        for size in sizes:
            assert all(store.save_many(docs[start : start + size]))
            start += size
        assert start >= len(docs)


def test_any_order_and_batching_gives_the_incidents_of_clustering_all(tmp_path, docs, options):
    expected = groups(cluster(docs, options))
    assert any(len(g) > 1 for g in expected)  # the corpus really has multi-outlet incidents
    for n, seed in enumerate((1, 2, 3)):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        sizes = [random.Random(seed).randint(1, 9) for _ in range(len(docs))]
        target = tmp_path / f"{n}.duckdb"
        save_in_batches(target, shuffled, sizes, options)
        assert stored(target) == expected, seed


def test_a_run_interrupted_between_documents_loses_nothing(backend_target, docs, options):
    # the first store object "dies" after some committed batches; a new one stores the rest
    half = len(docs) // 2
    save_in_batches(backend_target, docs[:half], [5] * len(docs), options)
    save_in_batches(backend_target, docs[half:], [5] * len(docs), options)
    assert stored(backend_target) == groups(cluster(docs, options))


def test_documents_an_older_run_left_out_of_the_incidents_are_linked_in(backend_target, docs, options):
    # stored without incidents (as a run killed before its incidents were written left them)
    with open_store(backend_target) as store:
        for doc in docs[:10]:
            save_row_by_row(store, doc)
    save_in_batches(backend_target, docs[10:], [7] * len(docs), options)
    assert stored(backend_target) == groups(cluster(docs, options))
    # and when nothing new arrives, `link_uncovered` (run_batch calls it) repairs the gap
    with open_store(backend_target) as store:
        for table in ("incidents", "incident_members"):
            store.con.execute(f"DELETE FROM {table}")
        store.set_link_options(options)
        store.link_uncovered()
    assert stored(backend_target) == groups(cluster(docs, options))


def test_replacing_a_document_relinks_its_events(tmp_path, docs, options):
    target = tmp_path / "r.duckdb"
    save_in_batches(target, docs, [len(docs)], options)
    changed = docs[0].model_copy(update={"events": []})
    with open_store(target) as store:
        store.set_link_options(options)
        assert store.save_many([changed], replace=True) == [True]
    assert stored(target) == groups(cluster([changed, *docs[1:]], options))


class CannedPipeline:
    """The page text names a prepared document."""

    def __init__(self, docs: list[Document]) -> None:
        self.docs = {d.id: d for d in docs}
        self.kb = load_kb()

    def process(self, raw: RawInput) -> Document:
        return self.docs[raw.content.strip()]


def test_ingest_through_the_api_keeps_the_incidents(tmp_path, docs, options):
    target = tmp_path / "api.duckdb"
    open_store(target).close()
    app = create_app(target, allow_ingest=True, pipeline=CannedPipeline(docs))
    with TestClient(app) as client:
        for doc in docs:
            reply = client.post(
                "/api/ingest", content=doc.id.encode(), headers={"content-type": "text/plain"}
            )
            assert reply.status_code == 200 and reply.json()["stored"] == 1, reply.text
    assert stored(target) == groups(cluster(docs, options))


def test_two_writers_on_one_postgres_store_keep_each_others_incidents(postgres_target, docs, options):
    open_store(postgres_target).close()
    shuffled = docs[:]
    random.Random(9).shuffle(shuffled)
    errors: list[BaseException] = []

    def writer(part: list[Document]) -> None:
        try:
            save_in_batches(postgres_target, part, [3] * len(part), options)
        except BaseException as exc:  # reported by the test thread below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(shuffled[i::2],)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert stored(postgres_target) == groups(cluster(docs, options))


def test_cli_lists_multi_outlet_incidents_first_with_their_outlets(tmp_path, docs, options):
    import json

    from typer.testing import CliRunner

    from allegiance.cli import app

    target = tmp_path / "cli.duckdb"
    save_in_batches(target, docs, [len(docs)], options)
    shown = CliRunner().invoke(app, ["incidents", "--db", str(target), "--min-outlets", "2", "--json"])
    assert shown.exit_code == 0, shown.output
    found = json.loads(shown.output)
    counts = [len(i["outlets"]) for i in found]
    assert found and min(counts) >= 2 and counts == sorted(counts, reverse=True)
    assert all(i["outlets"] == sorted(set(i["outlets"])) for i in found)  # named, once each
