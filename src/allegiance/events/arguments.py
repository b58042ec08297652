"""Event arguments from the dependency parse: map a head token to participants.

A participant is an actor mention of the actors stage when one covers the noun phrase (several
mentions may share one span, e.g. "both groups" → two actors), else an ad-hoc participant
"x-<slug>" with the noun phrase's text (the scorer matches participants by text too).
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from ..actors.notactor import not_an_actor
from ..actors.scope import doc_key
from ..records import Actor, Mention, Participant
from .lexicon import Lexicon

# Dependents that are not part of a participant's own noun phrase.
NOT_IN_NP = {"conj", "cc", "appos", "relcl", "acl", "punct", "prep", "advcl", "dep", "parataxis", "case"}
# Noun phrases that never name a participant (times, quantities, places handled by `where`).
NON_PARTICIPANT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
NON_PARTICIPANT_LEMMAS = {
    "year",
    "month",
    "week",
    "day",
    "time",
    "area",
    "region",
    "part",
    "way",
    "place",
    "thing",
    "lot",
    "number",
    "amount",
    "total",
    "statement",
    "report",
    "idea",
    "question",
    "case",
    "fact",
    "reason",
    "bid",
    "effort",
    "attempt",
    "order",
    "who",
    "which",
    "that",
    "what",
    "itself",
    "themselves",
}
PRONOUNS_RELATIVE = {"who", "which", "that", "whom"}
INCLUDING = {"including", "notably", "especially"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def is_reciprocal(tok: Token) -> bool:
    """ "each other" / "one another" as an argument."""
    return tok.lower_ in {"other", "another"} and any(c.lower_ in {"each", "one"} for c in tok.children)


class MentionIndex:
    """Token index → actor mentions overlapping that token."""

    def __init__(self, doc: Doc, actors: list[Actor]) -> None:
        self.doc = doc
        self.by_token: dict[int, list[Mention]] = defaultdict(list)
        self.type_of: dict[str, str] = {a.id: a.type for a in actors}
        self.country_of: dict[str, str | None] = {a.id: a.country for a in actors}
        for actor in actors:
            for m in actor.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    self.by_token[t.i].append(m)

    def covering(self, tokens: list[Token]) -> list[Mention]:
        seen: dict[tuple[int, int, str], Mention] = {}
        for t in tokens:
            for m in self.by_token.get(t.i, []):
                seen.setdefault((m.start, m.end, m.actor), m)
        return list(seen.values())


def noun_phrase(tok: Token) -> list[Token]:
    """The head with its own modifiers (determiner, adjectives, compounds, numbers, possessor)."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in NOT_IN_NP:
            out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def conjuncts(tok: Token) -> list[Token]:
    return [tok, *(c for c in tok.conjuncts if c.i > tok.i)]


class ArgumentFinder:
    def __init__(self, doc: Doc, index: MentionIndex, lex: Lexicon) -> None:
        self.doc = doc
        self.index = index
        self.lex = lex

    def participants(self, tok: Token | None) -> list[Participant]:
        """Participants named by the noun phrase headed by `tok` and its conjuncts."""
        if tok is None:
            return []
        out: list[Participant] = []
        for head in conjuncts(tok):
            out.extend(self._one(head))
            # "officials, including ministers and army commanders": the named members count too
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in INCLUDING):
                for member in (g for g in prep.children if g.dep_ == "pobj"):
                    out.extend(p for m in conjuncts(member) for p in self._one(m))
        unique: dict[str, Participant] = {}
        for p in out:
            unique.setdefault(p.id, p)
        return list(unique.values())

    def _one(self, head: Token) -> list[Participant]:
        if is_reciprocal(head) or head.lower_ in PRONOUNS_RELATIVE:
            return []
        phrase = noun_phrase(head)
        mentions = self.index.covering([head])
        if not mentions:
            # "14 members of the Taliban", "the two groups - the Taliban and Daesh"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    mentions = [m for p in child.children for m in self._mentions_of(p)]
                elif child.dep_ == "appos":
                    mentions = [m for c in conjuncts(child) for m in self._mentions_of(c)]
                if mentions:
                    break
        if mentions:
            return [Participant(id=m.actor, text=m.text, start=m.start, end=m.end) for m in mentions]
        counted = _counted(head)
        if counted is not None:
            return self._one(counted)  # "hundreds of riot police", "dozens of protesters"
        # "Taliban fighters", "Afghan officials": the modifier names the actor, the phrase is the text
        modifiers = [
            c for c in head.children if c.dep_ in {"compound", "amod", "nmod", "poss"} and not _patron(c)
        ]
        mentions = self.index.covering(modifiers)
        span = self._span(head, phrase)
        if mentions and span is not None:
            return [
                Participant(id=m.actor, text=span.text, start=span.start_char, end=span.end_char)
                for m in mentions
            ]
        return self._ad_hoc(head, span)

    def fielded(self, head: Token) -> bool:
        """A weapons platform with a nationality or actor modifier stands for the force that
        fields it ("Russian aircraft", "Israeli drones"); a bare "drone" is an instrument."""
        if (
            head.lemma_.lower() not in self.lex.platform_nouns
            and head.lemma_.lower() not in self.lex.instruments
        ):
            return False
        return any(
            c.dep_ in {"amod", "compound", "nmod", "poss"}
            and (c.ent_type_ in {"NORP", "GPE", "ORG"} or self.index.covering([c]))
            for c in head.children
        )

    def _mentions_of(self, tok: Token) -> list[Mention]:
        return self.index.covering([tok]) or self.index.covering(noun_phrase(tok))

    def _span(self, head: Token, phrase: list[Token]) -> Span | None:
        phrase = [t for t in phrase if not t.is_punct] or [head]
        return self.doc[phrase[0].i : phrase[-1].i + 1]

    def _ad_hoc(self, head: Token, span: Span | None) -> list[Participant]:
        if span is None or head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_ in NON_PARTICIPANT_ENTS:
            return []
        lemma = head.lemma_.lower()
        if lemma in NON_PARTICIPANT_LEMMAS or lemma in self.lex.thing_words or not head.is_alpha:
            return []
        named = head.pos_ == "PROPN" or head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        if not named and not self.lex.is_agent_noun(lemma) and not self.fielded(head):
            return []  # "supports this opinion": not a participant
        if not_an_actor(span, named=False, person=head.ent_type_ == "PERSON"):
            return []  # a place, a thing or a byline: "a checkpoint", "Kunar", "Our Correspondent"
        actor_id = "x-" + slug(span.text)
        if not named:  # "hostages", "the police": this article's, not every article's (actors/scope.py)
            actor_id += f"-doc-{doc_key(self.doc)}"
        return [Participant(id=actor_id, text=span.text, start=span.start_char, end=span.end_char)]


def _patron(tok: Token) -> bool:
    """ "US-backed", "Iran-sponsored": the named actor is a patron, not the participant."""
    return any(t.text == "-" for t in tok.subtree) and tok.lower_.endswith("ed")


QUANTITY_HEADS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores", "million", "millions"}


def _counted(head: Token) -> Token | None:
    """The counted noun of a quantity head ("hundreds of riot police" → police): the count names
    no one, what it counts may."""
    if head.lower_ not in QUANTITY_HEADS and head.tag_ != "CD":
        return None
    return next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
