"""The store, on both backends: round trip, idempotent saves, queries, failures. No spaCy needed.

Every test taking `store` runs on DuckDB and on PostgreSQL; the PostgreSQL run needs a server named
by ALLEGIANCE_TEST_PG (a postgresql:// URL; tools/start-postgres.sh starts one) and skips cleanly
when it is unset or unreachable. Each PostgreSQL test gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from allegiance.query import NotFound
from allegiance.records import (
    Actor,
    Document,
    Event,
    Failure,
    Mention,
    Participant,
    Quote,
    Span,
    TextSpan,
    When,
    Where,
)
from allegiance.store import Store, StoreError, open_store

TEXT = (
    "Rebels of the Northern Front shelled an army base near Riverton on Sunday, the ministry said. "
    "The army said it would retaliate."
)


def find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def span_of(needle: str) -> dict[str, int]:
    start, end = find(TEXT, needle)
    return {"start": start, "end": end}


def make_document(doc_id: str = "doc-1", text: str = TEXT, with_event: bool = True) -> Document:
    front = Actor(
        id="northern-front",
        name="Northern Front",
        type="rebels",
        country="XYZ",
        aliases=["Northern Front", "NF"],
        mentions=[Mention(actor="northern-front", text="Northern Front", **span_of("Northern Front"))],
    )
    army = Actor(
        id="xyz-army",
        name="National Army",
        type="military",
        country="XYZ",
        parent="xyz-government",
        mentions=[
            Mention(actor="xyz-army", text="army", kind="descriptor", **span_of("army")),
            Mention(actor="xyz-army", text="The army", kind="descriptor", **span_of("The army")),
        ],
    )
    first_sentence = Span(start=0, end=TEXT.index(".") + 1)
    event = Event(
        id=f"{doc_id}-ASSAULT-{TEXT.index('shelled')}",
        event="ASSAULT",
        mode="artillery",
        context=["military"],
        actor=[
            Participant(
                id="northern-front",
                text="Rebels of the Northern Front",
                **span_of("Rebels of the Northern Front"),
            )
        ],
        recipient=[Participant(id="xyz-army", text="an army base", **span_of("an army base"))],
        eventText=TEXT[first_sentence.start : first_sentence.end],
        trigger=TextSpan(text="shelled", **span_of("shelled")),
        sentence=first_sentence,
        certainty="reported",
        cue=TextSpan(text="said", **span_of("said")),
        attributedTo="xyz-ministry",
        attributedText="the ministry",
        date=When(
            start="2023-05-07",
            end="2023-05-07",
            granularity="day",
            text="Sunday",
            span=Span(**span_of("Sunday")),
        ),
        location=Where(
            name="Riverton",
            admin1="North",
            country="XYZ",
            lat=1.5,
            lon=-2.25,
            kind="city",
            **span_of("Riverton"),
        ),
        dead=3,
        injured=None,
        confidence=0.8,
        cameo="195",
        score=-9.0,
    )
    return Document(
        id=doc_id,
        source="pages/one.html",
        url="https://example.org/one",
        title="Base shelled",
        published=datetime(2023, 5, 8, 9, 30, tzinfo=UTC),
        section="World",
        tags=["conflict", "xyz"],
        language="en",
        text=text,
        actors=[front, army],
        events=[event] if with_event else [],
        quotes=[
            Quote(
                speaker="xyz-army",
                speakerText="The army",
                speakerStart=find(TEXT, "The army")[0],
                speakerEnd=find(TEXT, "The army")[1],
                text="it would retaliate",
                start=find(TEXT, "it would retaliate")[0],
                end=find(TEXT, "it would retaliate")[1],
                direct=False,
            )
        ],
    )


@pytest.fixture
def store(backend_target):
    with open_store(backend_target) as s:
        yield s


def table_rows(store, table: str) -> list[tuple]:
    return sorted(store.con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)


def test_store_implements_protocol(store):
    assert isinstance(store, Store)


def test_round_trip_returns_an_equal_document(store):
    original = make_document()
    assert store.save(original) is True
    assert store.load_document(original.id) == original


def test_round_trip_keeps_empty_and_missing_fields(store):
    bare = Document(id="bare", source="b.txt", text="Nothing happened.")
    store.save(bare)
    assert store.load_document("bare") == bare
    assert store.load_document("missing") is None


def test_saving_the_same_document_twice_changes_nothing(store):
    doc = make_document()
    store.save(doc)
    before = {t: table_rows(store, t) for t in ("documents", "events", "mentions", "quotes", "aliases")}
    assert store.save(doc) is False
    after = {t: table_rows(store, t) for t in before}
    assert after == before
    assert store.counts()["documents"] == 1


def test_replace_rewrites_a_document(store):
    store.save(make_document())
    store.save(make_document(with_event=False), replace=True)
    assert store.counts()["events"] == 0
    assert store.load_document("doc-1") == make_document(with_event=False)


def test_a_failed_save_leaves_no_partial_rows(store, monkeypatch):
    from allegiance.store import rows

    real = rows.document_rows

    def broken(doc, *args, **kwargs):
        out = real(doc, *args, **kwargs)
        out["events"].append(("not", "a", "valid", "row"))
        return out

    monkeypatch.setattr(rows, "document_rows", broken)
    with pytest.raises(Exception):  # noqa: B017 (any database error)
        store.save(make_document())
    assert not store.has("doc-1")
    assert store.counts()["documents"] == 0
    assert store.counts()["actors"] == 0
    assert store.con.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0


def test_events_filter_by_actor_id_name_or_alias_in_any_case(store):
    store.save(make_document())
    for key in ("northern-front", "northern front", "NF", "XYZ-ARMY", "the army"):
        found = store.events(actor=key)
        assert [e["event"] for e in found] == ["ASSAULT"], key
    with pytest.raises(NotFound):
        store.events(actor="nobody")
    event = store.events()[0]
    assert [p["id"] for p in event["actor"]] == ["northern-front"]
    assert [p["id"] for p in event["recipient"]] == ["xyz-army"]
    assert event["context"] == ["military"]


def test_events_filter_by_category_certainty_and_dates(store):
    store.save(make_document())
    assert len(store.events(category="assault")) == 1
    assert store.events(category="PROTEST") == []
    assert len(store.events(certainty="reported")) == 1
    assert store.events(certainty="asserted") == []
    assert len(store.events(since="2023-05-07", until="2023-05-07")) == 1
    assert store.events(since="2023-05-08") == []
    assert store.events(until="2023-05-06") == []


def test_events_without_a_date_fall_back_to_publication_day(store):
    doc = make_document()
    undated = doc.model_copy(update={"events": [doc.events[0].model_copy(update={"date": None})]})
    store.save(undated)
    assert [e["day"] for e in store.events()] == ["2023-05-08"]
    assert len(store.events(since="2023-05-08")) == 1


def test_actors_count_mentions_and_collect_surface_forms(store):
    store.save(make_document("doc-1"))
    store.save(make_document("doc-2"))
    by_id = {a["id"]: a for a in store.actors()}
    assert by_id["xyz-army"]["mentions"] == 4
    assert by_id["xyz-army"]["documents"] == 2
    assert set(by_id["xyz-army"]["aliases_seen"]) == {"army", "The army"}
    assert store.actors(limit=1)[0]["id"] == "xyz-army"  # most mentioned first


def test_actor_profile(store):
    store.save(make_document())
    profile = store.actor("NF")
    assert profile["id"] == "northern-front"
    assert profile["aliases"] == ["Northern Front", "NF"]
    assert profile["events"] == [{"role": "actor", "event": "ASSAULT", "n": 1}]
    assert profile["counterparts"] == [{"id": "xyz-army", "events": 1, "name": "National Army"}]
    assert store.actor("nobody") is None


def test_quotes_documents_and_failures(store):
    store.save(make_document())
    assert [q["text"] for q in store.quotes(actor="the army")] == ["it would retaliate"]
    assert store.quotes(actor="northern-front") == []
    assert [d["id"] for d in store.documents()] == ["doc-1"]
    store.record_failure(Failure(source="bad.html", stage="clean", reason="no article body"))
    [failure] = store.failures()
    assert (failure["source"], failure["stage"], failure["reason"]) == (
        "bad.html",
        "clean",
        "no article body",
    )


def test_data_survives_reopening(tmp_path):
    path = tmp_path / "reopen.duckdb"
    with open_store(path) as s:
        s.save(make_document())
    with open_store(path, read_only=True) as s:
        assert s.load_document("doc-1") == make_document()


def test_read_only_open_of_a_missing_file_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="allegiance run"):
        open_store(tmp_path / "absent.duckdb", read_only=True)


def test_an_unreachable_postgres_server_is_a_clear_error():
    with pytest.raises(
        StoreError, match=r"cannot connect to PostgreSQL at postgresql://u:\*\*\*@127.0.0.1:1/"
    ):
        open_store("postgresql://u:secret@127.0.0.1:1/allegiance?connect_timeout=2")


def test_postgres_data_survives_reopening(postgres_target):
    with open_store(postgres_target) as s:
        s.save(make_document())
    with open_store(postgres_target, read_only=True) as s:
        assert s.load_document("doc-1") == make_document()
        assert s.counts()["documents"] == 1


def test_a_document_listing_one_actor_twice_is_stored_and_loaded(store):
    doc = make_document()
    twice = doc.model_copy(update={"actors": [doc.actors[0], doc.actors[1], doc.actors[0]]})
    assert store.save(twice)
    assert store.load_document(twice.id) == twice


def test_cli_read_commands_take_a_postgres_url(postgres_target):
    """`--db postgresql://…` reaches the same store as `run --store`: the URL is not a file path."""
    import json

    from typer.testing import CliRunner

    from allegiance.cli import app

    with open_store(postgres_target) as s:
        s.save(make_document())
    result = CliRunner().invoke(app, ["events", "--db", postgres_target, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)
