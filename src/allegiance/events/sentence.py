"""Per-sentence post-processing of found events: drop the contents of demands and threats, merge
mentions of one event, and assign the codebook's contexts."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..records import Participant
from .lexicon import Lexicon

# the content of a demand or threat is not an event of its own ("threatened to ban", "called on X to leave")
CONTENT_OF = {"REQUEST", "THREATEN"}


@dataclass
class Found:
    trigger: Token
    category: str
    mode: str | None
    actor: list[Participant] = field(default_factory=list)
    recipient: list[Participant] = field(default_factory=list)
    verbal: bool = True
    mutual: bool = False  # "X and Y accused each other": done by every actor to every other


def directed(found: Found) -> list[Found]:
    """A mutual one-directional act ("accused each other", "traded threats") as one record per
    direction, each side the actor once and the recipient once (PLOVER keeps actor and recipient
    apart for every category but the two-sided ones)."""
    if not found.mutual or len(found.actor) < 2:
        return [found]
    return [
        Found(found.trigger, found.category, found.mode, [a], [b for b in found.actor if b.id != a.id], found.verbal)
        for a in found.actor
    ]


def drop_contents(found: list[Found], content_of: set[str]) -> list[Found]:
    """Drop events that are the content of a demand or threat ("threatened to ban" is one THREATEN)."""
    heads = {f.trigger.i: f for f in found if f.category in content_of}
    out = []
    for f in found:
        tok, inside = f.trigger, False
        for _ in range(3):
            if tok.dep_ not in {"xcomp", "ccomp", "dobj", "pobj", "prep", "conj"} or tok.head.i == tok.i:
                break
            tok = tok.head
            if tok.i in heads:
                inside = True
                head = heads[tok.i]
                if not head.recipient:  # "threatened to cut power to X": X is the threat's recipient
                    head.recipient = [p for p in f.recipient if p.id not in {a.id for a in head.actor}]
                break
        if not inside:
            out.append(f)
    return out


# edges that open a separate statement: events on either side are different events
SEPARATE_CLAUSE = {"relcl", "ccomp", "parataxis"}


def same_statement(a: Token, b: Token) -> bool:
    """Whether two triggers sit in one statement: the dependency path between them crosses no
    relative clause, clausal complement or parataxis ("fought the army in X, where the group is
    recruiting before launching operations" holds two ASSAULTs; "attacked …, killing …" one)."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return False
    path = up_a[: up_a.index(common)] + up_b[: up_b.index(common)]
    return not any(t.dep_ in SEPARATE_CLAUSE for t in path)


def merge(found: list[Found]) -> list[Found]:
    """One record per event per statement: "attacked …, killing …" are one ASSAULT."""
    out: list[Found] = []
    for f in found:
        for g in out:
            if g.category != f.category or not same_statement(f.trigger, g.trigger):
                continue
            a_f, a_g = {p.id for p in f.actor}, {p.id for p in g.actor}
            r_f, r_g = {p.id for p in f.recipient}, {p.id for p in g.recipient}
            if (not a_f or not a_g or a_f & a_g) and (not r_f or not r_g or r_f & r_g):
                g.actor += [p for p in f.actor if p.id not in a_g]
                g.recipient += [p for p in f.recipient if p.id not in r_g and p.id not in a_g]
                g.mode = g.mode or f.mode
                break
        else:
            out.append(f)
    return out


def context_of(lex: Lexicon, sent: Span, found: Found) -> list[str]:
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    out = [name for name, words in lex.contexts.items() if words & lemmas]
    if found.mode in {"cyber", "misinformation"} and found.mode not in out:
        out.append(found.mode)
    return out
