"""The whole pipeline on the seed page (../shared/seed), checked against what issue 2 says it must
yield. Each stage has its own seed test; this one checks the stages together, through the same
`Pipeline.process` that `allegiance extract` runs (skipped when ../shared is absent)."""

from __future__ import annotations

import pytest

from allegiance.records import Document, Event, RawInput

pytestmark = pytest.mark.shared
SEED = "seed/sputnik-2021-02-28-taliban-daesh.txt"
PAIR = {"taliban", "islamic-state"}


@pytest.fixture(scope="module")
def seed(pipeline, shared_dir) -> Document:
    text = (shared_dir / SEED).read_text(encoding="utf-8")
    return pipeline.process(RawInput(source=SEED, format="text", content=text))


def ids(participants) -> set[str]:
    return {p.id for p in participants}


def between_pair(doc: Document, category: str) -> list[Event]:
    return [e for e in doc.events if e.event == category and ids(e.actor) | ids(e.recipient) >= PAIR]


def actor(doc: Document, actor_id: str):
    found = [a for a in doc.actors if a.id == actor_id]
    assert found, f"actor {actor_id} missing; have {[a.id for a in doc.actors]}"
    return found[0]


def forms(doc: Document, actor_id: str) -> set[str]:
    return {m.text for m in actor(doc, actor_id).mentions}


def test_actors_are_canonical_with_their_names(seed):
    assert {"Daesh", "ISIS"} <= forms(seed, "islamic-state")
    assert {"US", "Washington"} <= forms(seed, "usa")
    assert actor(seed, "sputnik").type == "media"
    assert actor(seed, "rus").type == "country"
    assert "al-Qaeda" in forms(seed, "al-qaeda")
    army = [a for a in seed.actors if a.type == "military" and a.country == "AFG"]
    assert army and {"local army", "US-backed Afghan forces"} <= {m.text for m in army[0].mentions}
    wing = [a for a in seed.actors if a.parent == "islamic-state"]
    assert wing and any("wing" in m.text for m in wing[0].mentions)
    kugelman = [a for a in seed.actors if a.type == "person" and "Michael Kugelman" in forms(seed, a.id)]
    assert kugelman and {"Kugelman", "the expert"} <= forms(seed, kugelman[0].id)


def test_ceasefire_is_a_reported_agreement_between_the_two_groups(seed):
    agreements = between_pair(seed, "AGREE")
    reported = [e for e in agreements if e.certainty == "reported"]
    assert reported and any(e.cue and "reports" in e.cue.text for e in reported)


def test_alliance_is_hypothetical_cooperation(seed):
    coop = between_pair(seed, "COOPERATE")
    assert coop and all(e.certainty in {"hypothetical", "predicted", "negated"} for e in coop)


def test_fighting_each_other_for_more_than_a_year_is_an_interval_ending_at_publication(seed):
    fights = [e for e in between_pair(seed, "ASSAULT") if ids(e.actor) >= PAIR and e.date]
    assert fights
    assert any(e.date.end.startswith("2021-02-28") and e.date.start < "2020-03-01" for e in fights)
    assert all(e.certainty == "asserted" for e in fights)


def test_truce_several_months_ago_is_dated_before_publication(seed):
    truces = [e for e in between_pair(seed, "AGREE") if e.date is not None]
    assert truces and all(e.date.end < "2021-02-28" for e in truces)


def test_islamic_state_fights_afghan_forces_in_nangarhar(seed):
    fights = [
        e
        for e in seed.events
        if e.event == "ASSAULT" and "islamic-state" in ids(e.actor) and e.location is not None
    ]
    assert any(e.location.name.startswith("Nangarhar") and e.location.country == "AFG" for e in fights)


def test_move_to_kunar_is_mobilize_located_in_kunar(seed):
    moves = [e for e in seed.events if e.event == "MOBILIZE" and "islamic-state" in ids(e.actor)]
    assert any(e.location and e.location.name.startswith("Kunar") for e in moves)


def test_before_launching_operations_is_predicted(seed):
    assert any(e.certainty == "predicted" and e.cue and e.cue.text == "before" for e in seed.events)


def test_hypotheticals_inside_the_expert_quotes_are_attributed_to_him(seed):
    kugelman = next(a.id for a in seed.actors if a.type == "person" and a.name.endswith("Kugelman"))
    joined = [e for e in between_pair(seed, "COOPERATE") if e.attributedTo == kugelman]
    assert any(e.certainty == "hypothetical" for e in joined)


def test_four_direct_quotes_all_by_the_expert(seed):
    kugelman = next(a.id for a in seed.actors if a.type == "person" and a.name.endswith("Kugelman"))
    direct = [q for q in seed.quotes if q.direct]
    # quotes nested in another quote (a quotation inside his words) are not his four quotes
    outer = [q for q in direct if not any(o is not q and o.start <= q.start and q.end <= o.end for o in direct)]
    long_outer = [q for q in outer if len(q.text) > 60]  # not the scare-quoted single words
    assert len(long_outer) == 4
    assert all(q.speaker == kugelman for q in direct)
    assert any(not q.direct and q.speaker == kugelman for q in seed.quotes)


def test_every_span_points_into_the_clean_text(seed):
    text = seed.text
    for e in seed.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        for p in e.actor + e.recipient:
            assert text[p.start : p.end] == p.text
        if e.cue:
            assert text[e.cue.start : e.cue.end] == e.cue.text
    for q in seed.quotes:
        assert text[q.start : q.end] == q.text
