"""The bulk write path (store/write.py) on both backends: it stores exactly what one INSERT per row
stores, re-storing is idempotent, and a failing document is kept out whole while its batch goes in."""

from __future__ import annotations

from allegiance.store import open_store, schema
from allegiance.store.write import SaveError, save_row_by_row
from export.synthetic import multi_outlet_corpus
from test_store import make_document

CONTENT = [t for t in schema.PER_DOCUMENT if t != "documents"] + ["actors", "aliases"]


def corpus():
    docs, _ = multi_outlet_corpus(seed=11, happenings=8)
    return [make_document("doc-1"), make_document("doc-2", with_event=False), *docs]


def dump(store) -> dict[str, list[tuple]]:
    """Every stored row but the ingestion time (it is the clock's, not the document's)."""
    out = {t: sorted(store.con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in CONTENT}
    cols = ", ".join(c for c in schema.columns("documents") if c != "ingested_at")
    out["documents"] = sorted(store.con.execute(f"SELECT {cols} FROM documents").fetchall(), key=repr)
    return out


def wipe(store) -> None:
    for table in (*schema.PER_DOCUMENT, "actors", "aliases", "incidents", "incident_members"):
        store.con.execute(f"DELETE FROM {table}")


def test_bulk_stores_what_row_by_row_stores(backend_target):
    docs = corpus()
    with open_store(backend_target) as store:
        assert all(save_row_by_row(store, d) for d in docs)
        one_by_one = dump(store)
        wipe(store)
        assert store.save_many(docs[:3]) == [True] * 3
        assert store.save_many(docs[3:]) == [True] * (len(docs) - 3)
        assert dump(store) == one_by_one
        assert sum(len(rows) for rows in one_by_one.values()) > 50  # the corpus fills the tables
        assert [store.load_document(d.id) for d in docs] == docs


def test_restoring_is_idempotent_and_replace_leaves_no_duplicates(backend_target):
    docs = corpus()
    with open_store(backend_target) as store:
        store.save_many(docs)
        before, incidents = dump(store), store.load_incidents()
        assert store.save_many(docs) == [False] * len(docs)
        assert store.save_many(docs, replace=True) == [True] * len(docs)
        assert dump(store) == before
        assert store.load_incidents() == incidents
        # a document twice in one batch is stored once
        wipe(store)
        assert store.save_many([docs[0], docs[0]]) == [True, False]
        assert store.counts()["documents"] == 1


def test_a_failing_document_is_kept_out_whole_and_the_batch_goes_in(backend_target):
    docs = corpus()
    bad = make_document("doc-bad")
    # a toll no INTEGER column holds: the database itself refuses the row
    bad = bad.model_copy(update={"events": [bad.events[0].model_copy(update={"dead": 2**40})]})
    with open_store(backend_target) as store:
        outcome = store.save_many([*docs[:4], bad, *docs[4:]])
    with open_store(backend_target) as store:
        assert isinstance(outcome[4], SaveError) and outcome[:4] + outcome[5:] == [True] * len(docs)
        assert not store.has("doc-bad")
        for table in ("mentions", "events", "event_participants", "quotes", "document_actors"):
            found = store.con.execute(f"SELECT count(*) FROM {table} WHERE document_id = 'doc-bad'")
            assert found.fetchall() == [(0,)], table
        assert store.counts()["documents"] == len(docs)
        covered = {m.document for inc in store.load_incidents() for m in inc.mentions}
        assert "doc-bad" not in covered and {d.id for d in docs if d.events} <= covered


def test_save_raises_the_reason_for_a_single_failing_document(tmp_path):
    bad = make_document("doc-bad")
    bad = bad.model_copy(update={"events": [bad.events[0].model_copy(update={"injured": -(2**40)})]})
    with open_store(tmp_path / "s.duckdb") as store:
        try:
            store.save(bad)
        except SaveError as exc:
            assert "injured" in str(exc) or "INT" in str(exc).upper()
        else:
            raise AssertionError("an out-of-range toll was stored")
        assert store.counts() == {"documents": 0, "actors": 0, "events": 0, "quotes": 0, "failures": 0}
