"""The seed page's events, by the general rules (shared/seed; skipped when ../shared is absent)."""

import pytest

from allegiance import actors
from allegiance.events import extract
from allegiance.records import RawInput

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_events(pipeline, shared_dir):
    text = (shared_dir / "seed" / "sputnik-2021-02-28-taliban-daesh.txt").read_text(encoding="utf-8")
    # this stage alone (clean → parse → actors → events), so later stages cannot mask it
    cdoc = pipeline.clean(RawInput(source="seed", format="text", content=text))
    doc = pipeline.nlp(cdoc.text)
    return extract(doc, actors.resolve(doc, pipeline.kb), cdoc.id)


def ids(participants):
    return {p.id for p in participants}


def test_seed_ceasefire_and_truce_are_agree_between_both_groups(seed_events):
    agree = [e for e in seed_events if e.event == "AGREE" and {"taliban", "islamic-state"} <= ids(e.actor)]
    triggers = {e.trigger.text for e in agree}
    assert "agreed" in triggers and {"called", "truce"} & triggers


def test_seed_alliance_is_cooperate(seed_events):
    coop = [e for e in seed_events if e.event == "COOPERATE" and {"taliban", "islamic-state"} <= ids(e.actor)]
    assert {"alliance", "join"} <= {e.trigger.text for e in coop}


def test_seed_attacks_on_targets_and_army(seed_events):
    assault = [e for e in seed_events if e.event == "ASSAULT"]
    staged = [e for e in assault if e.trigger.text == "attacks" and "taliban" in ids(e.actor)]
    assert staged and any("targets" in p.text for e in staged for p in e.recipient)
    assert any(e.trigger.text == "fighting" and e.recipient for e in assault)


def test_seed_offsets_point_into_text(pipeline, shared_dir, seed_events):
    for e in seed_events:
        assert e.eventText.strip()
        assert e.trigger.start >= e.sentence.start and e.trigger.end <= e.sentence.end
