"""Closed word classes and category groups the event coder's argument rules use: prepositions,
modals, speech verbs. Small, closed sets of function words, so kept in code; the open trigger
lexicon lives in data/plover/triggers.yaml; lists other stages share are data/common/words.yaml."""

from ..lexicons import future_auxiliaries

SUBJECTS = {"nsubj", "csubj"}
CONFLICT = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE", "PROTEST", "ACCUSE", "REJECT", "REQUEST"}
STATE_TYPES = {"country", "government", "igo"}
# "gave aid to X", "apologised to X", "appealed to X": `to` marks the recipient
TO_RECIPIENT = {"AID", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "AGREE", "THREATEN", "RETREAT"}
PLACE_RECIPIENT = {"MOBILIZE", "COERCE", "CONCEDE", "SANCTION", "RETREAT", "CONSULT", "AID"}
CLAUSE_RECIPIENT = {"REQUEST", "THREATEN"}
# "assistance from X", "calls from X" name the agent; "withdrawal from X" names a place
FROM_IS_AGENT = {"AID", "REQUEST", "SUPPORT", "ACCUSE", "THREATEN", "AGREE", "CONSULT", "COOPERATE", "REJECT"}
# verbs whose future complement is a promise or threat of the speaker (events/readings.py): not
# data/quotes/speech_verbs.yaml, which has no vow or threaten and many verbs that promise nothing
SPEECH = {
    "say",
    "announce",
    "warn",
    "declare",
    "state",
    "insist",
    "vow",
    "add",
    "tell",
    "threaten",
    "confirm",
}
# "agreed under the mediation of X", "talks resumed after the attack": a circumstance, not an object
CIRCUMSTANCE_PREPS = {
    "under",
    "through",
    "after",
    "before",
    "despite",
    "amid",
    "during",
    "following",
    "via",
    "since",
    # the reason for an act, not its object: "sanctioned X over the crackdown", "protested over the arrests"
    "over",
}
# "said during a visit to X", "replied through an offer": the clause's subject does the noun's event
SUBJECT_DOES_PREPS = {"during", "through", "via"}
REFLEXIVES = {"itself", "themselves", "himself", "herself", "ourselves", "myself"}
# help or support given to oneself is no event between two parties
SELF_DIRECTED_NONE = {"AID", "SUPPORT"}
GIVE_VERBS = {"give", "offer", "extend", "provide", "send", "deliver", "pledge", "promise", "grant", "issue"}
GIVE_TO = frozenset({"to"})
FUTURE_AUX = future_auxiliaries()  # data/common/words.yaml
DEMAND_MODALS = {"must", "should"}
# "warned that the offensive could cause a catastrophe": a warning of possible consequences is a
# prediction, not a threat of the speaker's own action
POSSIBILITY_MODALS = {"could", "might", "may"}


# prepositions after which a gerund is done by the governing verb's object ("accused X of …")
OBJECT_ACTS_PREPS = frozenset({"of", "for", "from"})
# heads that make a use of force they govern an intention: a threat ("ready to fight", "determined
# to crush", "committed to eliminating")
INTENT_TO_FIGHT = {"ready", "prepared", "determined", "resolved", "commit", "committed", "intent", "poised"}
