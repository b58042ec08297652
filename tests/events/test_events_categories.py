"""One sentence per PLOVER category (and the codebook's readings that move a category), then
participants named around the trigger."""

import pytest
from event_helpers import one, texts

CASES = [
    (
        "The United Nations called on the warring parties to respect human rights.",
        "REQUEST",
        "united nations",
        None,
    ),
    ("Both factions called for a truce last week.", "AGREE", "factions", None),
    ("Iran accused the United States of backing the rebels.", "ACCUSE", "iran", "united states"),
    ("Thousands of students protested against the new law in the capital.", "PROTEST", "students", None),
    ("Russia deployed troops along the border.", "MOBILIZE", "russia", None),
    ("Police arrested 20 protesters in the city.", "COERCE", "police", "protesters"),
    ("The European Union imposed sanctions on Iran.", "SANCTION", "european union", "iran"),
    ("North Korea threatened to attack South Korea.", "THREATEN", "north korea", None),
    ("Hamas rejected the proposal on Tuesday.", "REJECT", "hamas", None),
    ("Putin met Erdogan in Moscow.", "CONSULT", "putin", None),
    ("Japan sent humanitarian aid to Nepal.", "AID", "japan", "nepal"),
    ("Turkey withdrew its troops from northern Syria.", "RETREAT", "turkey", None),
    ("The government lifted the curfew in the capital.", "CONCEDE", "government", None),
    ("Iraq and Iran formed an alliance against the militants.", "COOPERATE", "iraq", None),
    ("Egypt praised Saudi Arabia for its mediation.", "SUPPORT", "egypt", "saudi arabia"),
    ("Gunmen opened fire on a bus, killing six passengers.", "ASSAULT", "gunmen", None),
    # participants named around the trigger (events/patients.py, agents.py, readings.py):
    # "came under attack from X", "repelled an attack by X": the subject is the one attacked
    ("The army base came under attack from militants.", "ASSAULT", "militants", "army base"),
    ("The soldiers repelled an attack by the rebels.", "ASSAULT", "rebels", "soldiers"),
    # the parser hangs "by" on the event noun's patient
    ("The arrest of the journalist by the security services drew condemnation.", "COERCE", "security services", "journalist"),
    # the forces a deployment moves are the ones mobilising
    ("The deployment of Kenyan troops to the region began on Monday.", "MOBILIZE", "kenyan troops", None),
    ("Hundreds of riot police were deployed in the capital.", "MOBILIZE", "riot police", None),
]


@pytest.mark.parametrize(("sentence", "category", "actor", "recipient"), CASES)
def test_category(code, sentence, category, actor, recipient):
    ev = one(code(sentence), category)
    assert actor in texts(ev.actor)
    if recipient:
        assert recipient in texts(ev.recipient)
    assert ev.cameo and ev.score is not None
    assert ev.eventText == sentence


def test_threat_content_is_not_a_second_event(code):
    events = code("North Korea threatened to attack South Korea.")
    assert [e.event for e in events] == ["THREATEN"]


def test_government_protest_is_accuse(code):
    ev = one(code("Japan lodged a protest with China over the incident."), "ACCUSE")
    assert "japan" in texts(ev.actor)
    assert ev.mode == "disapprove"


def test_suicide_mode(code):
    ev = one(code("A suicide bomber attacked a crowded market in Kabul."), "ASSAULT")
    assert ev.mode == "suicide-attack"


def test_a_call_for_a_truce_is_agree_from_a_side_and_request_from_a_third_party(code):
    events = code(
        "Fighting between the army and the rebels killed 20 people in the north on Monday. "
        "The United Nations called for a ceasefire on Tuesday. "
        "The rebels called for a ceasefire on Wednesday."
    )
    by_caller = {e.actor[0].text.lower(): e.event for e in events if e.trigger.text == "called"}
    assert by_caller == {"united nations": "REQUEST", "rebels": "AGREE"}


def test_a_gerund_subject_is_the_event_noun(code):
    ev = [e for e in code("Fighting between the army and the rebels killed 20 people.") if e.event == "ASSAULT"][0]
    assert {"the army", "rebels"} <= {p.text for p in ev.actor}


@pytest.mark.parametrize(
    ("sentence", "category", "recipient"),
    [
        # an amount stands for the thing counted: the "in"/"worth of" object names it
        ("Japan will send $300 million in humanitarian aid to Nepal.", "AID", "nepal"),
        ("Britain provided air defence systems to Kyiv.", "AID", "kyiv"),
        # a bloc suspending a member, a ban on trade with someone: reduced relations
        ("The African Union suspended Guinea after the coup.", "SANCTION", "guinea"),
        ("The council banned arms sales to the junta.", "SANCTION", None),
    ],
)
def test_aid_and_sanction_by_what_changes_hands(code, sentence, category, recipient):
    ev = one(code(sentence), category)
    if recipient:
        assert recipient in texts(ev.recipient)


def test_a_domestic_ban_stays_coercion(code):
    events = code("The government banned the opposition party.")
    assert "COERCE" in {e.event for e in events} and "SANCTION" not in {e.event for e in events}


@pytest.mark.parametrize(
    ("sentence", "actor", "recipient"),
    [
        ("Israel held Hamas responsible for the violence.", "israel", "hamas"),
        ("Ukraine said Russia was behind the attack on the dam.", "ukraine", "russia"),
        ("Kenya said al-Shabaab was responsible for the bombing.", "kenya", "shabaab"),
        ("The prosecutor charged three commanders over the massacre.", "prosecutor", "commanders"),
    ],
)
def test_blame_without_a_blame_verb_is_an_accusation(code, sentence, actor, recipient):
    ev = one(code(sentence), "ACCUSE")
    assert actor in texts(ev.actor)
    assert recipient in texts(ev.recipient)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia was behind the attack on the dam.",  # the outlet's own claim: no one accuses
        "Kenya did not hold al-Shabaab responsible for the bombing.",
    ],
)
def test_responsibility_stated_or_denied_is_no_accusation(code, sentence):
    assert "ACCUSE" not in {e.event for e in code(sentence)}


def test_the_sides_of_a_fight_hung_on_its_verb_are_its_actors(code):
    ev = one(code("Heavy clashes erupted between the army and the rebels in the north."), "ASSAULT")
    assert "army" in texts(ev.actor) and "rebels" in texts(ev.actor)


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Dock workers went on strike across the country.", "PROTEST"),
        ("Teachers staged a strike outside the ministry.", "PROTEST"),
        ("The air force carried out a strike on the rebel base.", "ASSAULT"),
    ],
)
def test_a_strike_gone_on_is_a_protest_one_carried_out_an_attack(code, sentence, category):
    assert category in {e.event for e in code(sentence)}
