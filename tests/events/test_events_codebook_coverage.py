"""Triggers for the categories and modes the codebook defines but news in the first dev set rarely
used: allegiance and mergers (COOPERATE), material backing (AID), refutations (REJECT), troop moves
(MOBILIZE), states of emergency and shutdowns (COERCE), street protest (PROTEST), asset freezes and
blacklisting (SANCTION), thanks (SUPPORT); and the CAMEO verb classes the crosswalk maps into each
category and mode: concern or support expressed, ruling out and ignoring, security stepped up,
custody and cordons, services withheld, charges dropped, expulsion from a body. Sentences are our own."""

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
    # the CAMEO verb classes CAMEO2PLOVER-2021.txt maps into each category (codes in comments)
    # COOPERATE 062/064: forming a bloc, exchanging intelligence, working together
    ("The two opposition parties formed a coalition against the junta.", "COOPERATE", "parties"),
    ("The two governments exchanged intelligence on the smugglers.", "COOPERATE", "governments"),
    ("The mercenaries worked with the army to guard the mines.", "COOPERATE", "mercenaries"),
    ("The two armies joined hands against the jihadists.", "COOPERATE", "armies"),
    ("Kenyan troops patrolled with Somali forces along the border.", "COOPERATE", "somali forces"),
    # AID 070-075: aid received from a donor, distributed, lent; refugees hosted
    ("The rebels receive arms from Eritrea.", "AID", "eritrea"),
    ("Aid agencies distributed food to displaced families.", "AID", "agencies"),
    ("Iran supports the militia with weapons and money.", "AID", "iran"),
    # REJECT 120-129: ruling out, defying, ignoring
    ("The president ruled out negotiations with the rebels.", "REJECT", "president"),
    ("The junta ignored calls for an inquiry into the killings.", "REJECT", "junta"),
    ("The rebels defied the order to disarm.", "REJECT", "rebels"),
    # MOBILIZE 151-154: weapons moved, security stepped up, alert raised, armed groups spreading
    ("The army moved heavy weapons to the front line.", "MOBILIZE", "army"),
    ("The government stepped up security in the capital.", "MOBILIZE", "government"),
    ("Police tightened security around the parliament.", "MOBILIZE", "police"),
    # COERCE 171-174, 191: searches, custody, house arrest, cordons, cut utilities, looting
    ("Soldiers searched homes in the village.", "COERCE", "soldiers"),
    ("Police took the opposition leader into custody.", "COERCE", "police"),
    ("The authorities placed the former president under house arrest.", "COERCE", "authorities"),
    ("The government cordoned off the area.", "COERCE", "government"),
    ("The authorities cut internet access in the province.", "COERCE", "authorities"),
    ("The government shut off electricity to the region.", "COERCE", "government"),
    ("The government barred the opposition candidate from running.", "COERCE", "government"),
    # ACCUSE 090-094, 110-116: concern expressed, complaints filed, matters looked into
    ("The UN expressed concern over the arrests.", "ACCUSE", "un"),
    ("The United States voiced alarm at the violence.", "ACCUSE", "united states"),
    ("The opposition filed a complaint against the government.", "ACCUSE", "opposition"),
    ("Investigators are looking into the attack.", "ACCUSE", "investigators"),
    # SUPPORT 051-054: support expressed, decisions defended, governments recognised
    ("The minister expressed solidarity with the victims.", "SUPPORT", "minister"),
    ("The president defended the army's actions.", "SUPPORT", "president"),
    ("China recognised the new government.", "SUPPORT", "china"),
    # CONCEDE 080-083: amnesty granted, charges dropped, regret expressed
    ("The president granted amnesty to the rebels.", "CONCEDE", "president"),
    ("The government dropped charges against the activists.", "CONCEDE", "government"),
    ("The government expressed regret for the civilian deaths.", "CONCEDE", "government"),
    # RETREAT 086-087: weapons given up, control handed over
    ("Hundreds of fighters gave up their weapons.", "RETREAT", "fighters"),
    ("The army handed control of the city to the police.", "RETREAT", "army"),
    # SANCTION 161-166: personnel withdrawn, relations broken off, aid halted
    ("The UN withdrew its peacekeepers from the country.", "SANCTION", "un"),
    ("The government broke off relations with Israel.", "SANCTION", "government"),
    ("The United States halted arms supplies to the country.", "SANCTION", "united states"),
    # THREATEN: an arrest warrant for someone not in custody (codebook, COERCE ambiguities)
    ("The court issued an arrest warrant for the rebel leader.", "THREATEN", "court"),
    # CONSULT 041/043: talks by phone, a host receiving a delegation
    ("The two leaders held a phone call on Tuesday.", "CONSULT", "leaders"),
    ("The president received the delegation in the capital.", "CONSULT", "delegation"),
    # ASSAULT 184, 190-196: fire exchanged, human shields, force used against a crowd
    ("The soldiers exchanged fire with the gunmen.", "ASSAULT", "soldiers"),
    ("The militants used civilians as human shields.", "ASSAULT", "militants"),
    ("Security forces used live ammunition against protesters.", "ASSAULT", "security forces"),
    # event nouns of the same classes: calls for an act, violence by its moral kind, captures, deliveries
    ("The opposition renewed its call for early elections.", "REQUEST", "opposition"),
    ("The army committed atrocities against civilians in the north.", "ASSAULT", "army"),
    ("Human rights groups documented abuses by the militia.", "ASSAULT", "militia"),
    ("The rebels' capture of the town was confirmed by the army.", "ASSAULT", "rebels"),
    # second pass: protest, repression, insurgent violence, weapons tests, resignations
    ("Protesters chanted slogans against the government.", "PROTEST", "protesters"),
    ("Protesters erected barricades on the main road.", "PROTEST", "protesters"),
    ("The electoral commission disqualified the opposition candidate.", "COERCE", "commission"),
    ("The court stripped the lawmaker of his immunity.", "COERCE", "court"),
    ("The militants took ten aid workers hostage.", "ASSAULT", "militants"),
    ("The insurgents burned houses in the village.", "ASSAULT", "insurgents"),
    ("Government forces liberated the town from the rebels.", "ASSAULT", "government forces"),
    ("The army cleared the area of militants.", "ASSAULT", "army"),
    ("The EU hit Russia with new sanctions.", "SANCTION", "eu"),
    ("The army dismantled its checkpoints around the city.", "RETREAT", "army"),
    ("The minister quit his post on Monday.", "RETREAT", "minister"),
    ("The air force scrambled jets after the incursion.", "MOBILIZE", "air force"),
    ("Iran tested a new ballistic missile.", "MOBILIZE", "iran"),
    ("The president resisted calls to resign.", "REJECT", "president"),
    ("The Security Council convened an emergency meeting on the crisis.", "CONSULT", "security council"),
    # street protest as it is reported; listing for sanctions; hired and allied forces
    ("Tens of thousands of people poured into the streets of the capital.", "PROTEST", "people"),
    ("Opposition supporters filled the streets of the capital on Sunday.", "PROTEST", "supporters"),
    ("Crowds shouted slogans outside the parliament.", "PROTEST", "crowds"),
    ("Hundreds of women formed a human chain along the avenue.", "PROTEST", "women"),
    ("The United States added the company to its sanctions list.", "SANCTION", "united states"),
    ("The government hired Russian mercenaries to guard the mines.", "COOPERATE", "government"),
    ("Wagner fighters operate alongside the national army.", "COOPERATE", "wagner fighters"),
    # the crosswalk's remaining classes: bans and dissent eased, peacekeepers received, attempts on a life
    ("The junta unbanned the opposition party.", "CONCEDE", "junta"),
    ("The doctors ended their strike on Friday.", "CONCEDE", "doctors"),
    ("The government accepted UN peacekeepers in the north.", "RETREAT", "government"),
    ("The president survived an assassination attempt by rebels.", "ASSAULT", "rebels"),
    ("The court found that the militia committed genocide against the Yazidis.", "ASSAULT", "militia"),
    # a noun that only counts the events passes the carrying verb through ("a wave of arrests")
    ("Security forces carried out a wave of arrests in the capital.", "COERCE", "security forces"),
    ("The army launched a series of airstrikes on rebel positions.", "ASSAULT", "army"),
    ("The two sides held a new round of talks in Geneva.", "CONSULT", "sides"),
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


def test_an_invitation_to_a_ceremony_is_no_offer(code):
    events = code("Journalists are invited to the ceremony on Friday.")
    assert not [e for e in events if e.event == "AGREE"]


def test_the_receiver_of_arms_is_the_recipient(code):
    ev = one(code("The rebels receive arms from Eritrea."), "AID")
    assert texts(ev.actor) == "eritrea" and "rebels" in texts(ev.recipient)


def test_expulsion_from_a_party_reduces_relations(code):
    ev = one(code("The ruling party expelled the dissident lawmaker from the party."), "SANCTION")
    assert ev.mode == "expel"


def test_expulsion_of_an_ambassador_is_a_sanction_and_of_others_coercion(code):
    assert one(code("Minsk's expulsion of the ambassador angered Vilnius."), "SANCTION")
    assert one(code("The expulsion of the migrants by the government drew criticism."), "COERCE")


def test_an_abuse_of_power_is_no_assault(code):
    events = code("The opposition accused the president of an abuse of power.")
    assert not [e for e in events if e.event == "ASSAULT"]


def test_a_call_from_a_third_party_for_a_truce_is_a_request(code):
    ev = one(code("The ceasefire followed calls from Qatar for a truce."), "REQUEST")
    assert "qatar" in texts(ev.actor)


def test_a_killing_with_blades_is_no_hacking(code):
    ev = one(code("The villagers were hacked to death with machetes."), "ASSAULT")
    assert ev.mode == "primitive"


def test_defacing_websites_stays_a_cyber_act(code):
    events = code("The hackers defaced hundreds of government websites.")
    assert not [e for e in events if e.event == "PROTEST"]


def test_the_authorities_blocking_roads_restrict(code):
    ev = one(code("The authorities blocked the roads leading to the capital."), "COERCE")
    assert "authorities" in texts(ev.actor)

