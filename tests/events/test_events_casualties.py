"""Casualty counts from numerals and number words, summed over the sides a sentence lists."""

import pytest
from event_helpers import one

CASES = [
    ("Gunmen stormed a village, killing at least 12 people and wounding over 30.", 12, 30),
    ("Fourteen members of the militia were killed by the army.", 14, None),
    ("The army shelled the town, killing three soldiers and two civilians.", 5, None),
    ("Militants attacked a convoy, leaving 5 dead.", 5, None),
]


@pytest.mark.parametrize(("sentence", "dead", "injured"), CASES)
def test_counts(code, sentence, dead, injured):
    ev = one(code(sentence), "ASSAULT")
    assert ev.dead == dead
    assert ev.injured == injured


def test_non_violent_events_carry_no_counts(code):
    ev = one(code("Police arrested 20 protesters in the city."), "COERCE")
    assert ev.dead is None and ev.injured is None
