"""Implicit recipients of two-party events: "the rebels violated the truce", "the army suspended its
participation in the talks", "announced a ceasefire in its operation against X". A truce, talks or
an agreement binds two sides, so an act on one with no stated recipient is directed at the other
side. The other side is, in order:
1. the one other conflict party named in the same sentence ("…its operation to take the capital
   from the GNA"), when there is exactly one;
2. the actor's most frequent adversary in the document (pairs from conflict events and from other
   two-party events), which is how a reader resolves "the other party" of a truce.
A mediation (mode third-party) without recipients gets the sides of the talks its sentence names.
Third parties (mediators, callers for a truce) are not covered: REQUEST events are left alone, and
only parties of the types that fight or negotiate (states, governments, armed groups, parties) count."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..records import Participant
from .matching import class_lemmas, trigger_objects

if TYPE_CHECKING:
    from .coder import Coder
    from .sentence import Found

PARTY_TYPES = {"country", "government", "military", "police", "rebels", "militia", "political_party"}
# the topics that bind two sides
BINDING_CLASSES = ("peace", "agreement", "talks")
# categories whose actor-recipient pairs show who the sides are
ADVERSARIAL = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "ACCUSE", "REJECT", "MOBILIZE"}
# a third party asks for a truce; it is not one of its sides
NOT_FILLED = {"REQUEST", "AID", "SUPPORT"}
# acts that are aimed at the other side by their nature, whatever their object: a threat of
# retaliation, a refusal, a deployment, a concession or a pull-back (not a release: its recipients
# are the captives) is the actor's move against its adversary
AIMED_AT_OTHER_SIDE = {("THREATEN", None), ("REJECT", None), ("MOBILIZE", None), ("CONCEDE", None),
                       ("RETREAT", "withdraw"), ("RETREAT", "disarm"), ("RETREAT", "ceasefire")}


def topic_lemmas(tok: Token) -> set[str]:
    """What an event is about: the trigger and its objects, and those objects' own prepositional
    objects ("suspended its participation in the talks", "ended a ceasefire with X")."""
    out = class_lemmas(tok)
    for obj in trigger_objects(tok):
        out |= class_lemmas(obj)
        out |= {
            g.lemma_.lower() for c in obj.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        }
    return out


def is_two_party(coder: Coder, tok: Token) -> bool:
    binding = frozenset().union(*(coder.lex.classes.get(c, frozenset()) for c in BINDING_CLASSES))
    return bool(topic_lemmas(tok) & binding)


def _parties(coder: Coder, parts: list[Participant]) -> set[str]:
    return {p.id for p in parts if coder.index.type_of.get(p.id) in PARTY_TYPES}


def _sentence_parties(coder: Coder, sent: Span) -> dict[str, Participant]:
    out: dict[str, Participant] = {}
    for tok in sent:
        if not coder.index.covering([tok]):
            continue
        for p in coder.args.participants(tok):
            if coder.index.type_of.get(p.id) in PARTY_TYPES:
                out.setdefault(p.id, p)
    return out


def fill(coder: Coder, found: list[tuple[Span, list[Found]]]) -> None:
    """Give two-party events without a recipient the other side (in place)."""
    pairs: Counter[tuple[str, str]] = Counter()
    example: dict[str, Participant] = {}
    for _, events in found:
        for f in events:
            sides = _parties(coder, f.actor) | _parties(coder, f.recipient)
            for p in f.actor + f.recipient:
                example.setdefault(p.id, p)
            if len(sides) < 2 or not (f.category in ADVERSARIAL or is_two_party(coder, f.trigger)):
                continue
            for a in sides:
                for b in sides - {a}:
                    pairs[(a, b)] += 1
    for sent, events in found:
        here: dict[str, Participant] | None = None
        for f in events:
            if f.recipient or f.category in NOT_FILLED or not (
                is_two_party(coder, f.trigger) or _aimed_at_other_side(f)
            ):
                continue
            own = _parties(coder, f.actor)
            if len(own) != 1 or len(f.actor) > 1:
                continue  # no known side, or both sides already named ("X and Y agreed a truce")
            if here is None:
                here = _sentence_parties(coder, sent)
            others = [p for pid, p in here.items() if pid not in own]
            if len(others) == 1:
                f.recipient = others
                continue
            ranked = [(n, b) for (a, b), n in pairs.items() if a in own and b not in own]
            if ranked:
                best = max(ranked)[1]
                f.recipient = [example[best]]
    for _, events in found:
        _mediated_sides(coder, events)
    _third_party_calls(found, {side for pair in pairs for side in pair})


def _aimed_at_other_side(f: Found) -> bool:
    return (f.category, None) in AIMED_AT_OTHER_SIDE or (f.category, f.mode) in AIMED_AT_OTHER_SIDE


# verbs of calling for something: a call for a truce by a party to the fighting states its intent
CALL_VERBS = {"call", "urge", "appeal", "press", "push", "demand"}


def _third_party_calls(found: list[tuple[Span, list[Found]]], parties: set[str]) -> None:
    """The codebook codes a call to end a conflict by one of its parties as AGREE (intent) and the
    same call by anyone else as REQUEST ("the UN called for a ceasefire"): a caller who is never a
    side of the article's conflict events is a third party."""
    fighters = parties | {
        p.id for _, events in found for f in events if f.category == "ASSAULT" for p in f.actor + f.recipient
    }
    for _, events in found:
        for f in events:
            callers = {p.id for p in f.actor}
            if (
                f.category == "AGREE"
                and f.trigger.lemma_.lower() in CALL_VERBS
                and callers
                and fighters  # an article that names no fighting gives no way to tell
                and not callers & fighters
            ):
                f.category, f.mode = "REQUEST", "yield"


def _mediated_sides(coder: Coder, events: list[Found]) -> None:
    """A mediator's recipients are the sides of the talks it mediates: the parties of the other
    two-party events of its sentence ("the army left the talks brokered by Qatar, blaming the RSF")."""
    for f in events:
        if f.mode != "third-party" or f.recipient:
            continue
        mediators = {p.id for p in f.actor}
        sides: dict[str, Participant] = {}
        for g in events:
            if g is f or not is_two_party(coder, g.trigger):
                continue
            for p in g.actor + g.recipient:
                if p.id not in mediators and coder.index.type_of.get(p.id) in PARTY_TYPES:
                    sides.setdefault(p.id, p)
        f.recipient = list(sides.values())
