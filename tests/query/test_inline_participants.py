"""`events.participants` (the event's participants in its own row, read by the actor filter and by a
page of events on DuckDB) answers exactly as event_participants does: the same listings from a
store that has the column filled and from one written before it, and a store written before it gets
the column filled, equal to what the write path gives, when it is next opened writable."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from allegiance.query import Filters, Page, Query
from allegiance.store import open_store
from allegiance.store.rows import participant_pattern, participants_json
from api.synthetic import build_store

from .test_same_answers import EVENT_QUESTIONS

QUESTIONS = [f for _, f in EVENT_QUESTIONS] + [Filters(actor="Varnese Army", category="assault")]
PAGES = [Page(limit=3), Page(limit=2, offset=1, sort="event"), Page(limit=4, sort="-confidence")]


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """(a store written with the column, a copy as a store written before it)."""
    folder = tmp_path_factory.mktemp("inline")
    filled, older = folder / "filled.duckdb", folder / "older.duckdb"
    build_store(filled)
    shutil.copy(filled, older)
    con = duckdb.connect(str(older))
    con.execute("DROP INDEX events_event")  # DuckDB alters no table that an index depends on
    con.execute("ALTER TABLE events DROP COLUMN participants")
    con.execute("CREATE INDEX events_event ON events (event)")
    con.close()
    return filled, older


def column(path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT document_id, seq, participants FROM events ORDER BY 1, 2").fetchall()
    finally:
        con.close()


def answers(path) -> tuple[bool, list]:
    store = open_store(path, read_only=True)
    try:
        q = Query(store)
        found = []
        for f in QUESTIONS:
            for page in PAGES:
                total, items, cursor = q.events(f, page)
                found.append((total, items, cursor))
                if cursor:
                    found.append(q.events(f, Page(limit=3, cursor=cursor, sort=page.sort)))
            found.append(q.located(f))
        return q.inline_participants(), found
    finally:
        store.close()


def test_listings_are_the_same_with_or_without_the_column(stores):
    filled, older = stores
    inline, with_column = answers(filled)
    other, without = answers(older)
    assert inline and not other  # each store answers through the path it is meant to
    assert any(items and items[0]["actor"] for _, items, *_ in with_column)
    assert with_column == without


def test_a_store_written_before_the_column_gets_it_filled_when_opened_writable(stores, tmp_path):
    filled, older = stores
    copy = tmp_path / "upgraded.duckdb"
    shutil.copy(older, copy)
    open_store(copy).close()
    assert column(copy) == column(filled)
    assert any(p != "[]" for *_, p in column(copy))
    assert answers(copy) == answers(filled)


def test_the_actor_pattern_finds_an_id_only_where_it_is_one():
    text = 'he named "id":"north-front", then "id":"north-front",'
    held = participants_json(
        [("actor", "north-front-2nd", text, 0, 9), ("recipient", 'a "quoted" id', "x", 1, 2)]
    )
    assert participant_pattern("north-front-2nd") in held
    assert participant_pattern('a "quoted" id') in held
    assert participant_pattern("north-front") not in held  # neither a prefix nor a quote in a text
    assert participant_pattern("north") not in participants_json([])
