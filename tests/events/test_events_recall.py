"""Two-party events and trigger gaps: the implicit other side of a truce or talks, third-party
mediation, ending truces, ceding territory, fighting on someone's side, and warnings that predict
rather than threaten. Sentences are our own; actors come from the knowledge base."""

import pytest
from event_helpers import one, texts


def test_violating_a_truce_targets_the_other_side_named_in_the_sentence(code):
    events = code("Sudan's army said the Rapid Support Forces had violated the truce again.")
    ev = next(e for e in events if e.event == "ASSAULT")
    assert "rapid support forces" in texts(ev.actor) or "rsf" in texts(ev.actor)
    assert "army" in texts(ev.recipient)


def test_violating_a_truce_targets_the_actors_adversary_in_the_document(code):
    events = code(
        "Israel and Hezbollah fought a long war in the south. "
        "On Monday Hezbollah violated the truce, the report said."
    )
    ev = [e for e in events if e.event == "ASSAULT" and e.trigger.text == "violated"][0]
    assert "israel" in texts(ev.recipient)


def test_both_sides_named_leave_the_recipient_empty(code):
    events = code("Israel fought Hezbollah for a month. Israel and Hezbollah agreed to a truce in May.")
    ev = [e for e in events if e.event == "AGREE"][0]
    assert not ev.recipient


@pytest.mark.parametrize(
    ("text", "category", "other_side"),
    [
        (
            "The Yemeni government accused the Houthis of shelling Aden. "
            "The Yemeni government later suspended its participation in the negotiations.",
            "SANCTION",
            "houthi",
        ),
        # a threat of retaliation, a refusal, a pull-back: aimed at the adversary by their nature
        (
            "Russia attacked Ukraine on Monday. Russian forces shelled Ukrainian troops near Kharkiv on "
            "Tuesday. Ukraine said it would retaliate.",
            "THREATEN",
            "russia",
        ),
    ],
)
def test_a_one_sided_move_is_aimed_at_the_documents_other_side(code, text, category, other_side):
    ev = one(code(text), category)
    assert other_side in texts(ev.recipient)
    assert ev.recipient[0].end <= ev.sentence.start  # evidence: the adversary's earlier mention


def test_ending_a_hyphenated_cease_fire_is_a_sanction(code):
    ev = one(code("The rebels ended a cease-fire with the government in June."), "SANCTION")
    assert "government" in texts(ev.recipient)


def test_breaking_a_truce_is_an_assault(code):
    one(code("Hamas broke the truce with Israel on Sunday."), "ASSAULT")


def test_mediation_of_a_state_makes_it_the_mediating_actor(code):
    ev = one(code("The swap was agreed under the mediation of Qatar."), "CONSULT")
    assert ev.mode == "third-party"
    assert "qatar" in texts(ev.actor)


def test_talks_brokered_by_a_state_are_third_party_consultation(code):
    ev = one(code("The talks, brokered by Norway, stalled in March."), "CONSULT")
    assert ev.mode == "third-party" and "norway" in texts(ev.actor)


def test_signing_needs_an_agreement(code):
    assert not [
        e for e in code("The letter, signed by the party's leader, was published.") if e.event == "SUPPORT"
    ]
    one(code("A truce signed by Ethiopia and Eritrea ended the war."), "SUPPORT")


def test_fighting_alongside_is_cooperation(code):
    ev = one(code("Chadian troops fought alongside the Malian army in the north."), "COOPERATE")
    assert "malian army" in texts(ev.recipient) or "malian army" in texts(ev.actor)
    assert not [e for e in code("Chadian troops fought alongside the Malian army.") if e.event == "ASSAULT"]


def test_ceding_territory_is_a_retreat(code):
    one(code("The militia agreed to cede the airport to the army."), "RETREAT")


def test_backing_of_a_group_is_support_for_it(code):
    ev = one(code("Iran's backing of the Houthis worries Riyadh."), "SUPPORT")
    assert "iran" in texts(ev.actor) and "houthi" in texts(ev.recipient)


def test_warning_of_possible_consequences_is_no_threat(code):
    assert not [
        e
        for e in code("Relief agencies warned that the siege could cause a famine.")
        if e.event == "THREATEN"
    ]
    one(code("The militia warned that it would strike the airport again."), "THREATEN")


def test_mediator_recipients_are_the_sides_of_the_talks(code):
    events = code(
        "The Yemeni government accused the Houthis of shelling Aden. The Yemeni government "
        "suspended its participation in the talks brokered by Oman, blaming the Houthis."
    )
    ev = [e for e in events if e.event == "CONSULT" and e.mode == "third-party"][0]
    assert "oman" in texts(ev.actor)
    assert "yemeni government" in texts(ev.recipient)


def test_bare_verb_misread_as_clausal_subject_is_no_event(code):
    assert not [e for e in code("Aid workers in the two towns saw trucks leaving.") if e.event == "AID"]


def test_self_directed_aid_is_no_event(code):
    assert not [e for e in code("The militia finances itself through smuggling.") if e.event == "AID"]
    one(code("Iran finances the militia."), "AID")


def test_consulting_documents_is_no_meeting(code):
    assert not [e for e in code("The report, consulted by Reuters, lists the sites.") if e.event == "CONSULT"]
    one(code("The envoy was consulted by the president on Monday."), "CONSULT")
