"""Participant roles (issue #11, family 3): who stands in `actor` and `recipient` when the parse
puts them where a plain subject/object reading goes wrong."""

from event_helpers import one, texts

# --- the other side of a two-sided event noun carried by a light verb (partners.py) ----------------


def test_talks_held_with_a_party_put_both_sides_in_actor(code):
    consult = one(code("The president held talks with the opposition coalition in Nairobi."), "CONSULT")
    assert "president" in texts(consult.actor)
    assert "opposition coalition" in texts(consult.actor)


def test_deal_reached_with_a_party_puts_both_sides_in_actor(code):
    agree = one(code("The junta reached an agreement with the rebel alliance on Friday."), "AGREE")
    assert "junta" in texts(agree.actor)
    assert "rebel alliance" in texts(agree.actor)


# --- a thing acted on stands for its holder (holders.py) ----------------------------------------


def test_attacked_convoy_gives_its_holder_as_recipient(code):
    assault = one(code("Gunmen attacked a police convoy on the highway on Tuesday."), "ASSAULT")
    assert texts(assault.recipient) == "police"


def test_shelled_positions_give_their_possessor_without_the_clitic(code):
    assault = one(code("Insurgents shelled the army's positions overnight."), "ASSAULT")
    assert texts(assault.recipient) == "the army"


def test_raided_homes_give_whose_homes_they_are(code):
    coerce = one(code("Soldiers raided the homes of opposition activists."), "COERCE")
    assert "opposition activists" in texts(coerce.recipient)
    assert "homes" not in texts(coerce.recipient)


def test_signing_a_deal_with_a_party_makes_it_a_signatory(code):
    support = one(code("The rebels signed a peace deal with the government."), "SUPPORT")
    assert "rebels" in texts(support.actor)
    assert "government" in texts(support.actor + support.recipient)


def test_thing_fired_at_a_party_leaves_the_party_as_recipient(code):
    assault = one(code("Riot police fired tear gas at the demonstrators outside parliament."), "ASSAULT")
    assert "demonstrators" in texts(assault.recipient)


# --- blame for an act goes to who did it (recipients.py) -----------------------------------------


def test_condemned_act_blames_its_doer(code):
    accuse = one(code("The UN condemned the killing of civilians by the militia."), "ACCUSE")
    assert "militia" in texts(accuse.recipient)


def test_condemned_act_never_blames_its_victims(code):
    accuse = one(code("The UN condemned the junta's crackdown on protesters."), "ACCUSE")
    assert "junta" in texts(accuse.recipient)
    assert "protesters" not in texts(accuse.recipient)


def test_host_of_talks_brings_others_together_and_receives_no_visitor(code):
    consult = one(code("Ethiopia hosted talks between the two warring parties."), "CONSULT")
    assert "ethiopia" in texts(consult.actor)
    assert "ethiopia" not in texts(consult.recipient)


def test_frozen_assets_give_their_holder_as_recipient(code):
    sanction = one(code("The EU froze the bank accounts of the junta leaders."), "SANCTION")
    assert texts(sanction.recipient) == "the junta leaders"


# --- what a measure is aimed at (measures.py) -----------------------------------------------------


def test_sanctions_targeting_a_party_give_it_as_recipient_and_no_attack(code):
    events = code("The EU adopted new sanctions targeting Russian banks.")
    sanction = one(events, "SANCTION")
    assert "eu" in texts(sanction.actor)
    assert "russian banks" in texts(sanction.recipient)
    assert "ASSAULT" not in [e.event for e in events]


# --- a sum "in aid" is the aid its giver promises (carriers.py) ----------------------------------


def test_sum_pledged_in_aid_is_aid_by_the_pledger(code):
    aid = one(code("Norway pledged 40 million dollars in humanitarian assistance for Yemen."), "AID")
    assert "norway" in texts(aid.actor)
    assert "yemen" in texts(aid.recipient)


# --- the possessor of what happens to someone (agents.possessor_suffers) --------------------------


def test_the_possessor_of_a_release_is_the_one_released(code):
    release = one(code("The hostages were held for weeks. Their release came after talks in Doha."), "RETREAT")
    assert texts(release.recipient) == "their" and not release.actor


def test_with_an_of_object_the_possessor_does_it(code):
    release = one(code("The rebels' release of the hostages came after talks in Doha."), "RETREAT")
    assert "rebels" in texts(release.actor) and "hostages" in texts(release.recipient)
