"""Participants that need more than the verb's subject and object: accusations carried by report
verbs, owners of the thing acted on, governed infinitives, give-type `to`, weapons platforms."""

import pytest
from event_helpers import one, texts

from allegiance.records import RawInput


def categories(events):
    return [e.event for e in events]


# --- accusations carried by report verbs (claims.py) ---------------------------------------------


def test_claim_that_another_party_used_force_is_an_accusation(code):
    events = code("Hamas claimed that Israeli troops had shelled a school in Gaza.")
    accuse = one(events, "ACCUSE")
    assert "hamas" in texts(accuse.actor)
    assert "israeli troops" in texts(accuse.recipient)
    assert accuse.trigger.text == "claimed"
    assert "israeli troops" in texts(one(events, "ASSAULT").actor)  # the claimed event stays


def test_quoted_claim_with_speaker_after_the_quote(code):
    events = code('"The Taliban attacked our checkpoint overnight," the Afghan army said.')
    accuse = one(events, "ACCUSE")
    assert "army" in texts(accuse.actor)
    assert "taliban" in texts(accuse.recipient)


def test_report_of_own_side_is_no_accusation(code):
    events = code("The Nigerian army said it killed 20 Boko Haram fighters in Borno.")
    assert "ASSAULT" in categories(events)
    assert "ACCUSE" not in categories(events)


def test_unidentified_attackers_are_not_accused(code):
    events = code("Police said unknown assailants attacked a bus in the north.")
    assert "ACCUSE" not in categories(events)


def test_a_news_outlet_reporting_a_claim_accuses_no_one(code):
    events = code("Al Jazeera reported that Israeli forces shelled the camp overnight.")
    assert "ASSAULT" in categories(events)
    assert "ACCUSE" not in categories(events)


def test_denied_claim_is_no_accusation(code):
    events = code("Iran did not say that Israeli jets bombed the facility.")
    assert "ACCUSE" not in categories(events)


def test_firing_projectiles_is_an_attack(code):
    ev = one(code("Hezbollah fired rockets at an Israeli army post."), "ASSAULT")
    assert "hezbollah" in texts(ev.actor)
    assert ev.mode == "heavy-weapons"
    one(code("The rebels launched two missiles toward the airport."), "ASSAULT")
    assert "ASSAULT" not in categories(code("Kenya fired its finance minister."))


# --- recipients beyond the object slot (recipients.py) --------------------------------------------


def test_owner_of_the_rejected_proposal_is_the_recipient(code):
    ev = one(code("The prime minister rejected the rebels' proposal for a truce."), "REJECT")
    assert "rebels" in texts(ev.recipient)


def test_own_possessive_does_not_hide_the_real_recipient(code):
    ev = one(code("The European Union lifted its sanctions on Iran."), "CONCEDE")
    assert "iran" in texts(ev.recipient)
    assert "union" not in texts(ev.recipient)


def test_object_of_governed_infinitive_is_the_recipient(code):
    ev = one(code("The president refused to meet the Kenyan envoy."), "REJECT")
    assert "kenyan envoy" in texts(ev.recipient)


def test_demand_from_someone_names_the_recipient(code):
    ev = one(code("The Albanian minority is demanding autonomy from the Serbian government."), "REQUEST")
    assert "serbian government" in texts(ev.recipient)


def test_give_type_light_verb_to_is_the_recipient(code):
    ev = one(code("The Pope gave a warm welcome to the Chilean president."), "CONSULT")
    assert "chilean president" in texts(ev.recipient)


# --- weapons platforms stand for the force that fields them (arguments.py) ------------------------


def test_platform_with_nationality_is_the_actor(code):
    ev = one(code("Russian aircraft killed 12 civilians in a village near Idlib."), "ASSAULT")
    assert "russian aircraft" in texts(ev.actor)


def test_bare_instrument_leaves_the_actor_unknown(code):
    ev = one(code("A roadside bomb killed four soldiers near the market."), "ASSAULT")
    assert ev.actor == []
    assert "soldiers" in texts(ev.recipient)


# --- members named after "including", mis-tagged verbs, sanctions ---------------------------------


def test_members_named_after_including_are_participants(code):
    ev = one(code("The EU imposed sanctions on several individuals, including rebel commanders."), "SANCTION")
    assert "rebel commanders" in texts(ev.recipient)
    assert "individuals" in texts(ev.recipient)


def test_clause_head_with_subject_and_object_is_a_verb_whatever_its_tag(code):
    ev = one(code("Iran and Russia back the Syrian government."), "SUPPORT")
    assert "iran" in texts(ev.actor) and "russia" in texts(ev.actor)
    assert "syrian government" in texts(ev.recipient)


def test_imposing_sanctions_is_sanction_not_coercion(code):
    events = code("Washington imposed new sanctions on Venezuela.")
    assert "venezuela" in texts(one(events, "SANCTION").recipient)
    assert "COERCE" not in categories(events)
    one(code("The army imposed a curfew on the city."), "COERCE")


def test_mutual_blame_has_one_side_as_actor_and_the_other_as_recipient(code):
    ev = one(code("India and Pakistan exchanged accusations over the shelling."), "ACCUSE")
    assert texts(ev.actor) == "india"
    assert texts(ev.recipient) == "pakistan"
    fight = one(code("India and Pakistan fought along the border."), "ASSAULT")
    assert "india" in texts(fight.actor) and "pakistan" in texts(fight.actor)  # symmetric stays in actor


def test_passive_event_takes_the_agent_of_the_attack_it_happened_in(code):
    ev = one(code("Three farmers were killed in an attack by Boko Haram fighters on Monday."), "ASSAULT")
    assert "boko haram" in texts(ev.actor)
    assert "farmers" in texts(ev.recipient)


def test_passive_event_keeps_its_own_agent(code):
    ev = one(code("Two soldiers were killed by the rebels in an attack claimed by nobody."), "ASSAULT")
    assert "rebels" in texts(ev.actor)


def test_captives_to_be_freed_are_recipients_not_actors(code):
    ev = one(code("Over the next four days, 40 prisoners and 12 hostages are to be freed."), "RETREAT")
    assert not ev.actor
    assert "prisoners" in texts(ev.recipient) and "hostages" in texts(ev.recipient)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya is set to free 30 detainees this week.",
        "Kenya is expected to release 30 detainees this week.",
        "Kenya was due to release 30 detainees on Friday.",
    ],
)
def test_subject_of_a_raising_predicate_does_the_act(pipeline, text):
    doc = pipeline.process(RawInput(source="t.txt", format="text", content=text, published="2024-03-05"))
    ev = one(doc.events, "RETREAT")
    assert "kenya" in texts(ev.actor)
    assert "detainees" in texts(ev.recipient)
    assert ev.certainty == "predicted"


# --- a count names no one; what it counts may (arguments.py) ---


def test_a_counted_group_is_the_participant(code):
    ev = one(code("Dozens of protesters were arrested by police in the capital."), "COERCE")
    assert texts(ev.recipient) == "protesters"


def test_the_head_of_a_passive_relative_clause_suffered_the_act(code):
    ev = one(code("The civilians who were killed in the attack were buried on Monday."), "ASSAULT")
    assert not ev.actor and texts(ev.recipient) == "civilians"
    ev = one(code("The soldiers who were ambushed by militants were from the north."), "ASSAULT")
    assert texts(ev.actor) == "militants" and "soldiers" in texts(ev.recipient)

