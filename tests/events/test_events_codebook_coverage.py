"""Triggers for the categories and modes the codebook defines but news in the first dev set rarely
used: allegiance and mergers (COOPERATE), material backing (AID), refutations (REJECT), troop moves
(MOBILIZE), states of emergency and shutdowns (COERCE), street protest (PROTEST), asset freezes and
blacklisting (SANCTION), thanks (SUPPORT). Sentences are our own."""

import pytest
from event_helpers import one, texts

CASES = [
    ("The local militia pledged allegiance to the Islamic State last year.", "COOPERATE", "militia"),
    ("The two rebel factions merged in March.", "COOPERATE", "factions"),
    ("Chad and Niger launched a joint operation along the border.", "COOPERATE", "chad"),
    ("Moscow has long been the main military backer of the regime.", "AID", "moscow"),
    ("The ministry denied the allegations on Sunday.", "REJECT", "ministry"),
    ("The army refuted the claims made by the rebels.", "REJECT", "army"),
    ("Russia moved thousands of troops to the border.", "MOBILIZE", "russia"),
    ("The government declared a state of emergency in the region.", "COERCE", "government"),
    ("The authorities shut down the internet in the province.", "COERCE", "authorities"),
    ("Thousands of students took to the streets of the capital.", "PROTEST", "students"),
    ("The European Union froze the assets of five generals.", "SANCTION", "european union"),
    ("Washington blacklisted three companies on Monday.", "SANCTION", "washington"),
    ("The prime minister thanked Egypt for its mediation.", "SUPPORT", "prime minister"),
]


@pytest.mark.parametrize(("sentence", "category", "actor"), CASES)
def test_codebook_category(code, sentence, category, actor):
    ev = one(code(sentence), category)
    assert actor in texts(ev.actor)


def test_a_single_country_drill_stays_mobilize(code):
    assert one(code("The army held a military exercise near the border."), "MOBILIZE")


def test_denying_a_visa_is_not_refuting_a_claim(code):
    events = code("The ministry denied that it had received the letter.")
    assert not [e for e in events if e.event == "REJECT"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The government remains committed to eliminating the Islamic State in the region.",
        "The rebels vowed to crush the militia.",
    ],
)
def test_intended_force_is_a_threat(code, sentence):
    assert one(code(sentence), "THREATEN")


def test_a_conjoined_copular_title_names_the_actor(code):
    ev = one(code("The United States is the key ally and military backer of Israel."), "AID")
    assert texts(ev.actor) == "united states" and texts(ev.recipient) == "israel"


def test_troops_moved_are_no_recipient(code):
    ev = one(code("The army redeployed reserve troops to the north in late April."), "MOBILIZE")
    assert not ev.recipient


def test_a_conflict_between_two_sides_is_two_sided_fighting(code):
    ev = one(code("The military conflict between the government and the rebels has raged since April."), "ASSAULT")
    assert len(ev.actor) == 2


def test_the_reason_for_a_sanction_is_not_done_by_the_sanctioner(code):
    events = code("The European Union imposed sanctions on ten officials over the crackdown on protesters.")
    crackdown = one(events, "COERCE")
    assert "european union" not in texts(crackdown.actor)


def test_a_summoned_ambassador_is_the_recipient(code):
    ev = one(code("Iran's foreign ministry summoned the British ambassador on Sunday."), "ACCUSE")
    assert "ambassador" in texts(ev.recipient)


def test_a_government_blocking_access_restricts(code):
    ev = one(code("The Belarusian government blocked access to the main roads into the capital."), "COERCE")
    assert "government" in texts(ev.actor)


def test_dismissing_sanctions_rejects_them(code):
    assert one(code("The Kremlin dismissed the new sanctions as meaningless."), "REJECT")


def test_a_conditional_promise_of_sanctions_is_a_threat(pipeline):
    from allegiance.records import RawInput

    doc = pipeline.process(
        RawInput(
            source="t.txt",
            format="text",
            content="Washington will reimpose the sanctions if Caracas fails to release the prisoners.",
        )
    )
    threat = one(doc.events, "THREATEN")
    assert threat.certainty == "asserted"
