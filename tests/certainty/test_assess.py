"""Certainty and attribution of hand-built events over sentences written for these tests."""

from __future__ import annotations

import pytest

from allegiance.actors import resolve
from allegiance.certainty import assess
from allegiance.quotes import find_quotes
from allegiance.records import Event, Participant, Span, TextSpan


@pytest.fixture(scope="module")
def judge(pipeline):
    def _judge(text: str, trigger: str, category: str, actor: str | None = None) -> Event:
        doc = pipeline.nlp(text)
        actors = resolve(doc, pipeline.kb)
        quotes = find_quotes(doc, actors)
        i = text.index(trigger)
        participants = []
        if actor is not None:
            j = text.index(actor)
            owner = next(
                (a.id for a in actors for m in a.mentions if m.start <= j < m.end), "x-" + actor.lower()
            )
            participants = [Participant(id=owner, text=actor, start=j, end=j + len(actor))]
        sentence = next(s for s in doc.sents if s.start_char <= i < s.end_char)
        event = Event(
            id="e1",
            event=category,
            actor=participants,
            eventText=sentence.text,
            trigger=TextSpan(start=i, end=i + len(trigger), text=trigger),
            sentence=Span(start=sentence.start_char, end=sentence.end_char),
        )
        (out,) = assess(doc, [event], actors, quotes)
        if out.cue is not None:
            assert text[out.cue.start : out.cue.end] == out.cue.text
        return out

    return _judge


@pytest.mark.parametrize(
    ("text", "trigger", "category", "expected"),
    [
        # negated
        ("The rebels did not attack the convoy near the river.", "attack", "ASSAULT", "negated"),
        ("Nobody was killed when the shell hit the market.", "killed", "ASSAULT", "negated"),
        ("The ministry denied shelling the refugee camp.", "shelling", "ASSAULT", "negated"),
        ("The envoys held off imposing new sanctions on the junta.", "imposing", "SANCTION", "negated"),
        ("The ceasefire won't hold for long.", "hold", "CONCEDE", "negated"),
        # hypothetical
        ("The militia might target the power station.", "target", "ASSAULT", "hypothetical"),
        (
            "If the junta attacks the border towns, the region will burn.",
            "attacks",
            "ASSAULT",
            "hypothetical",
        ),
        ("Observers warned of a possible offensive by the army.", "offensive", "ASSAULT", "hypothetical"),
        ("A lasting truce between the clans is unlikely.", "truce", "CONCEDE", "hypothetical"),
        ("Will the navy blockade the port?", "blockade", "COERCE", "hypothetical"),
        # predicted
        ("The government will withdraw its troops from the valley.", "withdraw", "RETREAT", "predicted"),
        ("The insurgents vowed to storm the provincial capital.", "storm", "ASSAULT", "predicted"),
        ("The army is set to launch a new offensive in the north.", "launch", "ASSAULT", "predicted"),
        ("The militia is digging trenches before attacking the town.", "attacking", "ASSAULT", "predicted"),
        # reported
        ("The rebels shelled a police post, officials said.", "shelled", "ASSAULT", "reported"),
        ("According to witnesses, soldiers burned the village.", "burned", "ASSAULT", "reported"),
        ("Gunmen reportedly abducted three aid workers.", "abducted", "COERCE", "reported"),
        ("The group claimed responsibility for the bombing of the bridge.", "bombing", "ASSAULT", "reported"),
        ("The mayor accused the militia of looting the market.", "looting", "ASSAULT", "reported"),
        # asserted
        ("Soldiers shelled the village on Monday.", "shelled", "ASSAULT", "asserted"),
        (
            "The rebels, who may be short of ammunition, attacked the airport.",
            "attacked",
            "ASSAULT",
            "asserted",
        ),
        ("The army attacked the base and officials may resign.", "attacked", "ASSAULT", "asserted"),
        # what an "after" / "because" / "although" adjunct states already happened
        ("The group was considering a proposal made after talks with the envoy.", "talks", "CONSULT", "asserted"),
        ("The army may withdraw after the rebels seized the town.", "seized", "ASSAULT", "asserted"),
        ("Russia will retaliate because Ukraine attacked the bridge.", "attacked", "ASSAULT", "asserted"),
        ("No bombings were reported, although both sides accused each other.", "accused", "ACCUSE", "asserted"),
        # the clause around the adjunct keeps its own cues, and a report still reaches in
        ("The army may withdraw after the rebels seized the town.", "withdraw", "RETREAT", "hypothetical"),
        ("Officials said the rebels fled after troops shelled the town.", "shelled", "ASSAULT", "reported"),
        # wished for or put forward, not planned
        ("The envoy hoped to reach a truce with the rebels.", "truce", "AGREE", "hypothetical"),
        ("The envoy hopes the rebels will release the hostages.", "release", "RETREAT", "hypothetical"),
        ("The council proposed a truce between the two sides.", "truce", "AGREE", "hypothetical"),
        ("The bloc is weighing new sanctions on the regime.", "sanctions", "SANCTION", "hypothetical"),
    ],
)
def test_certainty_by_rule(judge, text, trigger, category, expected):
    assert judge(text, trigger, category).certainty == expected


def test_first_rule_wins_hypothetical_over_reported(judge):
    ev = judge("Officials said the rebels could attack the dam.", "attack", "ASSAULT")
    assert ev.certainty == "hypothetical" and ev.cue is not None and ev.cue.text == "could"
    assert ev.attributedText == "Officials"  # the claim is still the officials'


def test_denial_is_attributed_to_the_denier(judge):
    ev = judge("The ministry denied shelling the refugee camp.", "shelling", "ASSAULT")
    assert ev.attributedText == "The ministry" and ev.attributedTo == "x-ministry"


def test_according_to_names_the_source(judge):
    ev = judge("According to local officials, the militants burned two schools.", "burned", "ASSAULT")
    assert ev.certainty == "reported"
    assert (
        ev.attributedText == "local officials" and ev.cue is not None and ev.cue.text.startswith("According")
    )


def test_speech_act_by_its_speaker_is_asserted(judge):
    ev = judge("The junta said it would retaliate against any incursion.", "retaliate", "THREATEN")
    assert ev.certainty == "asserted" and ev.attributedTo is None


def test_conditional_threat_is_asserted(judge):
    ev = judge('"If they cross the river, we will strike," the commander warned.', "strike", "THREATEN")
    assert ev.certainty == "asserted"


def test_speech_act_of_someone_else_is_reported(judge):
    ev = judge(
        "Officials said the militia threatened to burn the crops.", "threatened", "THREATEN", actor="militia"
    )
    assert ev.certainty == "reported" and ev.attributedText == "Officials"


def test_content_of_a_speech_act_keeps_its_own_certainty(judge):
    ev = judge("Officials said the militia threatened to burn the crops.", "burn", "ASSAULT")
    assert ev.certainty == "predicted"


def test_event_inside_a_direct_quote_is_reported_by_its_speaker(judge):
    text = 'Amina Yusuf spoke to reporters. "The soldiers looted every shop," she said.'
    ev = judge(text, "looted", "ASSAULT")
    assert ev.certainty == "reported"
    assert ev.attributedText in ("she", "Amina Yusuf") and ev.attributedTo is not None


def test_hypothetical_inside_a_quote_is_attributed_to_the_speaker(judge):
    text = 'Amina Yusuf spoke to reporters. "If the army enters the town, people will flee," she said.'
    ev = judge(text, "enters", "ASSAULT")
    assert ev.certainty == "hypothetical" and ev.attributedTo is not None


def test_nested_speech_is_attributed_to_the_outer_source(judge):
    ev = judge("Police said the group claimed it had bombed the bridge.", "bombed", "ASSAULT")
    assert ev.certainty == "reported" and ev.attributedText == "Police"


def test_asserted_event_has_no_cue_or_attribution(judge):
    ev = judge("Soldiers shelled the village on Monday.", "shelled", "ASSAULT")
    assert ev.cue is None and ev.attributedTo is None and ev.attributedText is None


def test_speech_verb_does_not_report_its_adjuncts(judge):
    ev = judge("The general declared victory during a visit to the troops.", "visit", "CONSULT")
    assert ev.certainty == "asserted"


def test_passive_accusation_reaches_through_its_preposition(judge):
    ev = judge("The army is accused of having shelled the camp.", "shelled", "ASSAULT")
    assert ev.certainty == "reported"


def test_cues_in_another_paragraph_do_not_count(judge):
    text = "Officials said the talks had failed\n\nSoldiers shelled the village on Monday."
    ev = judge(text, "shelled", "ASSAULT")
    assert ev.certainty == "asserted"


def test_agreement_inside_someone_elses_statement_is_reported(judge):
    ev = judge(
        "Analysts note that the two militias reached a truce last month.", "truce", "AGREE", actor="militias"
    )
    assert ev.certainty == "reported" and ev.attributedText == "Analysts"


def test_evidential_before_a_colon_scopes_over_what_follows(judge):
    text = "According to local media, the worst has happened: the two factions have signed a pact."
    ev = judge(text, "signed", "AGREE")
    assert ev.certainty == "reported"


def test_purpose_infinitive_is_predicted(judge):
    ev = judge("The army sent two brigades to retake the airport.", "retake", "ASSAULT")
    assert ev.certainty == "predicted" and ev.cue is not None and ev.cue.text == "to"


def test_a_call_does_not_reach_into_a_relative_clause(judge):
    text = "The factions called for a truce, which allowed the rebels to attack the garrison."
    ev = judge(text, "attack", "ASSAULT")
    assert ev.certainty == "asserted"


def test_a_passive_claim_is_attributed_to_its_agent_not_to_the_claimed_event(judge):
    e = judge("The attack on the base was claimed by the Seventh Brigade on Saturday.", "attack", "ASSAULT")
    assert e.certainty == "reported" and e.attributedTo is not None and "brigade" in e.attributedTo


def test_a_speaker_at_the_very_start_gives_an_ordered_cue(pipeline):
    from allegiance.records import RawInput

    doc = pipeline.process(RawInput(source="t", format="text", content="The army «  killing three"))
    for ev in doc.events:
        if ev.cue is not None:
            assert 0 <= ev.cue.start <= ev.cue.end <= len(doc.text)
            assert doc.text[ev.cue.start : ev.cue.end] == ev.cue.text
