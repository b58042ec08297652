"""Casualty counts from numerals and number words, summed over the sides a sentence lists."""

import pytest
from event_helpers import one

CASES = [
    ("Gunmen stormed a village, killing at least 12 people and wounding over 30.", 12, 30),
    ("Fourteen members of the militia were killed by the army.", 14, None),
    ("The army shelled the town, killing three soldiers and two civilians.", 5, None),
    ("Militants attacked a convoy, leaving 5 dead.", 5, None),
    # each count belongs to its own casualty word, not summed across them
    ("Gunmen attacked the camp, leaving four guards dead and another three wounded.", 4, 3),
    ("Rebels shelled the market and the death toll rose to 23.", 23, None),
    ("The army shelled the village; the death toll stands at 9.", 9, None),
]


@pytest.mark.parametrize(("sentence", "dead", "injured"), CASES)
def test_counts(code, sentence, dead, injured):
    ev = one(code(sentence), "ASSAULT")
    assert ev.dead == dead
    assert ev.injured == injured


def test_non_violent_events_carry_no_counts(code):
    ev = one(code("Police arrested 20 protesters in the city."), "COERCE")
    assert ev.dead is None and ev.injured is None


@pytest.mark.parametrize(
    ("sentence", "dead", "injured"),
    [
        ("The car bomb left five dead and 10 injured near the mosque.", 5, 10),
        ("The death toll from the bombing rose to 20, officials said.", 20, None),
        ("No one was hurt when the shell struck the market.", None, 0),
        ("One soldier was killed when the shell struck the post.", 1, None),
    ],
)
def test_sentence_counts_without_a_coded_event(pipeline, sentence, dead, injured):
    from allegiance.events.casualties import casualties

    assert casualties(pipeline.nlp(sentence)[:]) == (dead, injured)


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 31 people were killed or wounded when the rebels shelled the market.",
        "The militia attacked the village, leaving 14 people dead or injured.",
    ],
)
def test_killed_or_wounded_is_no_death_count(code, sentence):
    ev = one(code(sentence), "ASSAULT")
    assert ev.dead is None and ev.injured is None


def test_a_death_toll_replaces_the_counts_it_includes(code):
    ev = one(code("Gunmen killed seven soldiers on Monday, bringing the death toll to 9."), "ASSAULT")
    assert ev.dead == 9


def test_headline_and_body_giving_the_same_toll_are_one_figure(code):
    # the headline has no full stop, so the parser makes one sentence of it and the body's first
    events = code(
        "Mali army says 14 killed in clash with militants near Douentza\n\nMalian soldiers fought "
        "militants near the town of Douentza on Monday, the army said, in a clash that left 14 people dead."
    )
    assert [e.dead for e in events if e.event == "ASSAULT"] == [14]


def test_the_body_figure_wins_over_a_rounder_headline(code):
    events = code(
        "Gunmen attack village, killing 10\n\nGunmen attacked a village in the north on Monday, "
        "killing 12 people, officials said."
    )
    assert {e.dead for e in events if e.event == "ASSAULT"} == {12}


@pytest.mark.parametrize(
    "text",
    [
        "At least 31 people were killed or wounded when rebels attacked a market on Monday.",
        "Rebels attacked a market on Monday, killing or wounding at least 31 people.",
        "Rebels attack market: 31 killed or wounded\n\nRebels attacked a market on Monday.",
    ],
)
def test_killed_or_wounded_is_no_count_of_the_dead(code, text):
    assert all(e.dead != 31 for e in code(text))
