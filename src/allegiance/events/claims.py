"""Accusations carried by report verbs: "the army said the rebels fired rockets at the base".

The conventions code a claim that another party used force as an ACCUSE by the speaker against
that party (asserted: the outlet reports that the claim was made), next to the claimed event itself
(which the certainty stage marks `reported`). The report verbs and the claimed categories that make
a claim an accusation are data (`claims` in triggers.yaml).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..records import Participant
from .arguments import MentionIndex
from .lexicon import Lexicon
from .sentence import Found

# Edges climbed from a claimed event's trigger up to the clause that a report verb governs:
# "said the group [fired] rockets", "said the group [carried] out an [attack]", "said X would [attack]".
CLIMB = {"conj", "xcomp", "dobj", "pobj", "prep", "advcl", "aux"}
STATE_SIDE = {"country", "government", "military", "police"}
NEGATION = {"not", "n't", "never"}
UNKNOWN = {"unknown", "unidentified", "masked", "anonymous", "suspected"}


def identified(part: Participant, index: MentionIndex) -> bool:
    """An actor the actors stage knows, not civilians, and not marked as unknown ("unidentified
    gunmen")."""
    if index.type_of.get(part.id) in {None, "civilians"}:
        return False
    return not UNKNOWN & set(part.text.lower().split())


def report_verb(trigger: Token, verbs: frozenset[str]) -> Token | None:
    """The report verb whose clausal complement holds `trigger` (at most a few edges up)."""
    tok = trigger
    for _ in range(5):
        if tok.head.i == tok.i:
            return None
        if tok.dep_ in {"ccomp", "parataxis"} and tok.head.lemma_.lower() in verbs:
            head = tok.head
            return None if any(c.dep_ == "neg" or c.lower_ in NEGATION for c in head.children) else head
        if tok.dep_ not in CLIMB:
            return None
        tok = tok.head
    return None


def same_side(speaker: list[Participant], accused: list[Participant], index: MentionIndex) -> bool:
    """A state's organs reporting on each other ("the ministry said its troops killed…") or a
    speaker reporting its own deeds do not accuse."""
    speaker_ids = {p.id for p in speaker}
    if speaker_ids & {p.id for p in accused}:
        return True
    for s in speaker:
        for a in accused:
            s_country, a_country = index.country_of.get(s.id), index.country_of.get(a.id)
            if (
                s_country
                and s_country == a_country
                and index.type_of.get(s.id) in STATE_SIDE
                and index.type_of.get(a.id) in STATE_SIDE
            ):
                return True
    return False


def accusations(
    found: list[Found],
    lex: Lexicon,
    index: MentionIndex,
    subject_of: Callable[[Token], list[Participant]],
) -> list[Found]:
    """One ACCUSE per report verb whose complement claims a use of force by someone else."""
    out: dict[int, Found] = {}
    for event in found:
        # only parties the actors stage identified are accused: "police said gunmen opened fire"
        # describes an attack, it does not accuse anyone
        accused = [p for p in event.actor if identified(p, index)]
        if event.category not in lex.claim_content or not accused:
            continue
        verb = report_verb(event.trigger, lex.claim_verbs)
        if verb is None:
            continue
        speaker = subject_of(verb)
        # "…, Reuters reported": a news outlet relays the claim, it accuses no one
        speaker = [p for p in speaker if index.type_of.get(p.id) != "media"]
        if not speaker or same_side(speaker, accused, index):
            continue
        accuse = out.setdefault(verb.i, Found(verb, "ACCUSE", "allege", list(speaker)))
        known = {p.id for p in accuse.recipient}
        accuse.recipient += [p for p in accused if p.id not in known]
    return list(out.values())


def responsibility(
    sent: Span,
    lex: Lexicon,
    participants: Callable[[Token], list[Participant]],
    subject_of: Callable[[Token], list[Participant]],
) -> list[Found]:
    """Blame without a blame verb: "X held Y responsible for …" and a report of a responsibility
    predicate, "X said Y was behind / responsible for the attack" (the conventions' own ACCUSE
    cues). The words are data (`claims.blame` in triggers.yaml)."""
    out: list[Found] = []
    for tok in sent:
        if tok.lower_ not in lex.blame_words:
            continue
        head = tok.head
        if tok.dep_ in {"amod", "oprd", "acomp"} and head.dep_ == "dobj" and head.head.lemma_.lower() == "hold":
            verb, accused = head.head, participants(head)  # "held Hamas responsible"
        elif tok.dep_ in {"oprd", "acomp", "ccomp", "xcomp"} and head.lemma_.lower() == "hold":
            objs = [c for c in head.children if c.dep_ == "dobj"]
            verb, accused = head, participants(objs[0]) if objs else []
        elif tok.dep_ in {"acomp", "prep", "attr"} and head.lemma_.lower() == "be":
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            reporter = report_verb(head, lex.claim_verbs)
            if not subjects or reporter is None:
                continue  # the outlet's own "X was behind it" states the act, it blames no one
            verb, accused = reporter, participants(subjects[0])
        else:
            continue
        if any(child.dep_ == "neg" for word in (tok.head, verb) for child in word.children):
            continue  # "did not hold X responsible"
        speaker = subject_of(verb)
        if accused and speaker and not {p.id for p in speaker} & {p.id for p in accused}:
            out.append(Found(verb, "ACCUSE", "allege", list(speaker), accused))
    return out
