"""Resolve who is speaking: the subject of a speech verb, turned into an actor.

Public (the certainty stage uses it for the sources of its cues): `SpeakerResolver`, `Speaker`.
A phrase is resolved, in order, to: the actor whose mention covers the phrase's head word; the
actor of a possessor ("its statement"); a known person by surname; for a pronoun, the most recent
speaker (or mention) of the right kind; for a singular role noun ("the expert", "the ministry"),
the actor introduced with that role or the most recent speaker of a type the role can refer to;
otherwise an ad-hoc id ``x-<slug>`` named by the phrase itself ("local residents").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from unidecode import unidecode

from ..actors.notactor import not_an_actor
from ..records import Actor, Mention
from ..syntax import text_of
from .lexicon import QuoteLexicon, load_lexicon

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
GROUP_PRONOUNS = {"they", "them", "their", "it", "its"}
# "one of the aid workers said …, but another said …": the last speaker's group
OTHER_PRONOUNS = {"another", "one", "others", "some", "both"}
# modifiers kept in a speaker phrase ("a provincial police spokesman", "Taliban chief Haibatullah")
KEEP_LEFT = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "advmod", "npadvmod"}
KEEP_RIGHT = {"compound", "flat", "case"}
SUBJECTS = ("nsubj", "nsubjpass")
PASSIVE_SPEAKERS = {"quote", "cite"}  # "he was quoted as saying": the passive subject speaks


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def inverted_subject(verb: Token) -> Token | None:
    """`…, reported Reuters citing witnesses` / `…, said Omar Haddad`: a speech verb right after a
    comma with the speaker's name right after it (the small parser often misses the inversion)."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children):
        return None
    nxt = doc[verb.i + 1]
    while nxt.dep_ in ("det", "amod", "compound") and nxt.head.i > nxt.i and nxt.head.i < verb.i + 5:
        nxt = nxt.head
    return nxt if nxt.pos_ in ("PROPN", "NOUN") else None


@dataclass(frozen=True)
class Speaker:
    id: str | None
    text: str
    start: int
    end: int
    person: bool = False


class SpeakerResolver:
    """Resolve speaker phrases of one document; remembers resolved speakers in text order."""

    def __init__(self, doc: Doc, actors: list[Actor], lexicon: QuoteLexicon | None = None) -> None:
        self.doc = doc
        self.lex = lexicon or load_lexicon()
        self.actors = {a.id: a for a in actors}
        self.mentions: list[Mention] = sorted((m for a in actors for m in a.mentions), key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        self.history: list[tuple[int, Speaker]] = []

    # --- memory of who spoke -------------------------------------------------------------------

    def remember(self, position: int, speaker: Speaker | None) -> None:
        if speaker is not None and speaker.id is not None:
            self.history.append((position, speaker))
            self.history.sort(key=lambda h: h[0])

    def _recent(self, position: int) -> list[Speaker]:
        return [s for pos, s in reversed(self.history) if pos < position]

    # --- from a speech verb to its speaker -----------------------------------------------------

    def subject_of(self, verb: Token) -> Token | None:
        """The token naming who speaks through `verb`: its subject, the agent of a passive, the
        object of "according to", or the subject of the clause a participle hangs from."""
        if verb.lemma_ == "accord":
            for to in verb.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
            return None
        inverted = inverted_subject(verb)
        if inverted is not None:
            return inverted
        node = verb
        for _ in range(4):
            for child in node.children:
                if child.dep_ == "agent":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            for child in node.children:
                if child.dep_ == "nsubj":
                    return child
                # the subject of a passive speech verb is what is said ("the attack was claimed",
                # "the deaths were reported"), except of "was quoted / cited as saying"
                if child.dep_ == "nsubjpass" and child.lower_ != "it" and node.lemma_ in PASSIVE_SPEAKERS:
                    return child
            if node.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and node.head.i != node.i:
                node = node.head
                # "X, after demanding that …, said": the preposition of a participle leads on to
                # the clause whose subject does the demanding
                if node.dep_ == "prep" and node.head.pos_ in ("VERB", "AUX"):
                    node = node.head
                continue
            break
        return None

    def speaker_of_verb(self, verb: Token) -> Speaker | None:
        subject = self.subject_of(verb)
        return self.resolve_phrase(subject) if subject is not None else None

    # --- from a phrase to an actor -------------------------------------------------------------

    def phrase_bounds(self, head: Token) -> tuple[int, int]:
        """Token range [lo, hi] of the speaker phrase around `head`: its left modifiers and
        compound parts, plus a short "of/for …" ("a spokesman for the governor")."""
        lo = hi = head.i
        for child in head.lefts:
            if child.dep_ in KEEP_LEFT:
                lo = min(lo, child.left_edge.i)
        for child in head.rights:
            if child.dep_ in KEEP_RIGHT:
                hi = max(hi, child.right_edge.i)
            elif child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "in") and child.i == hi + 1:
                sub = list(child.subtree)
                if len(sub) <= 8 and not any(t.is_punct for t in sub):
                    hi = max(hi, child.right_edge.i)
        while lo < head.i and (self.doc[lo].is_punct or self.doc[lo].is_space):
            lo += 1
        return lo, hi

    def resolve_phrase(self, head: Token) -> Speaker:
        doc = self.doc
        if head.pos_ == "PRON":
            return self._pronoun(head)
        lo, hi = self.phrase_bounds(head)
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        text = text_of(doc)[start:end]
        own = self._mention_at(head.idx, head.idx + len(head.text))
        plural = head.tag_ in ("NNS", "NNPS")
        role = self.lex.roles.get(head.lemma_.lower())
        # "the governor of Kunar, Mohammad Iqbal, said", "the UN envoy, Hans Grundberg, said": the
        # person named beside the role speaks, not the organisation the role belongs to
        named = self._apposed_person(head) if role is not None else None
        if named is not None and (own is None or not self._speaker(own.actor, text, start, end).person):
            return self._speaker(named, text, start, end)
        if own is not None:
            speaker = self._speaker(own.actor, text, start, end)
            # "one resident said", "a witness told": one of a collective, speaking as a person
            # (so "he added" takes them up)
            actor = self.actors.get(own.actor)
            one = head.tag_ == "NN" and actor is not None and actor.type == "civilians"
            return Speaker(speaker.id, speaker.text, speaker.start, speaker.end, True) if one else speaker
        inner = [m for m in self._mentions_in(start, end) if self._in_kb(m.actor)]
        if inner and (role is not None or head.pos_ == "NOUN"):
            return self._speaker(inner[0].actor, text, start, end)
        for child in head.children:
            if child.dep_ == "poss":
                owner = self.resolve_phrase(child)
                if owner.id is not None:
                    return Speaker(owner.id, text, start, end, owner.person)
        if head.pos_ == "PROPN":
            by_name = self._person_by_name(head.text)
            if by_name is not None:
                return self._speaker(by_name, text, start, end)
        if role is not None and not plural:
            found = self._antecedent(head, role, start)
            if found is not None:
                return self._refer(found, text, start, end)
        person = head.ent_type_ == "PERSON" or (role is not None and "person" in role and not plural)
        bare = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
        phrase = doc[lo : hi + 1]
        # a byline or a place speaks for no actor; but whatever a speech verb has speak is no
        # thing, even when introduced as new ("a local elder told reporters")
        if not_an_actor(phrase, named=False, person=person) not in (None, "indefinite thing"):
            return Speaker(None, text, start, end, person)
        return Speaker("x-" + slug(bare), text, start, end, person)

    # --- helpers -----------------------------------------------------------------------------

    def _speaker(self, actor_id: str, text: str, start: int, end: int) -> Speaker:
        actor = self.actors.get(actor_id)
        return Speaker(actor_id, text, start, end, actor is not None and actor.type == "person")

    def _apposed_person(self, head: Token) -> str | None:
        """A person named in apposition to a role noun; the small parser often hangs the name on
        the role's prepositional object instead ("the governor of [Kunar, Mohammad Iqbal]")."""
        for tok in head.subtree:
            if tok.dep_ != "appos" or tok.ent_type_ != "PERSON":
                continue
            mention = self._mention_at(tok.idx, tok.idx + len(tok.text))
            actor = self.actors.get(mention.actor) if mention else None
            if actor is not None and actor.type == "person":
                return actor.id
        return None

    def _in_kb(self, actor_id: str) -> bool:
        actor = self.actors.get(actor_id)
        return actor is not None and actor.in_kb

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        hi = bisect_right(self._mention_starts, end)
        return [m for m in self.mentions[:hi] if m.start < end and m.end > start]

    def _mention_at(self, start: int, end: int) -> Mention | None:
        covering = [m for m in self._mentions_in(start, end) if m.start <= start and m.end >= end]
        return min(covering, key=lambda m: m.end - m.start) if covering else None

    def _person_by_name(self, word: str) -> str | None:
        for actor in self.actors.values():
            if actor.type == "person" and word in actor.name.split():
                return actor.id
        return None

    def _pronoun(self, token: Token) -> Speaker:
        word = token.lower_
        start, end = token.idx, token.idx + len(token.text)
        if word in PERSON_PRONOUNS:
            for s in self._recent(start):
                if s.person:
                    return self._refer(s, token.text, start, end)
            mention = self._last_mention(start, lambda a: a.type == "person")
        elif word in OTHER_PRONOUNS:
            for s in self._recent(start):
                return self._refer(s, token.text, start, end)
            mention = None
        elif word in GROUP_PRONOUNS:
            previous = self._previous_subject(token)
            if previous is not None:
                return Speaker(previous.id, token.text, start, end, False)
            for s in self._recent(start):
                if not s.person:
                    return self._refer(s, token.text, start, end)
            mention = self._last_mention(start, lambda a: a.type != "person")
        else:
            mention = None  # I, we, you: the speaker inside a quote, not resolvable from here
        if mention is None:
            return Speaker(None, token.text, start, end, word in PERSON_PRONOUNS)
        return Speaker(mention.actor, token.text, start, end, word in PERSON_PRONOUNS)

    def _refer(self, antecedent: Speaker, text: str, start: int, end: int) -> Speaker:
        """A pronoun or role noun that refers back keeps its own words when its antecedent is a
        known actor; an ad-hoc antecedent ("one of the aid workers") is only named by its own
        phrase, so the speaker is given by that phrase."""
        if antecedent.id in self.actors:
            return Speaker(antecedent.id, text, start, end, antecedent.person)
        return antecedent

    def _previous_subject(self, token: Token) -> Speaker | None:
        """ "The U.S. mediators held off sanctions. They admitted …": a group pronoun picks up the
        subject of the previous sentence when the number agrees."""
        sent = token.sent
        if sent.start == 0:
            return None
        root = self.doc[sent.start - 1].sent.root
        plural = token.lower_ in ("they", "them", "their")
        for subject in root.children:
            if subject.dep_ not in SUBJECTS or subject.pos_ == "PRON":
                continue
            is_plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
            if is_plural != plural:
                return None
            found = self.resolve_phrase(subject)
            return found if found.id is not None else None
        return None

    def _role_words(self, text: str) -> set[str]:
        """The role nouns a speaker phrase was introduced with ("the provincial governor")."""
        return set(re.findall(r"[a-z]+", text.lower())) & self.lex.roles.keys()

    def _last_mention(self, before: int, accept) -> Mention | None:
        hi = bisect_right(self._mention_starts, before)
        for m in reversed(self.mentions[:hi]):
            actor = self.actors.get(m.actor)
            if m.end <= before and actor is not None and accept(actor):
                return m
        return None

    def _antecedent(self, head: Token, types: tuple[str, ...], before: int) -> Speaker | None:
        """A singular role noun refers back: first to a person introduced with the same role word
        ("Taliban spokesman Zabihullah Mujahid" … "the spokesman said"), then to the latest
        speaker of a fitting type, then (for organisations) to the latest fitting mention."""
        lemma = head.lemma_.lower()
        if "person" in types:
            for m in reversed(self.mentions):
                actor = self.actors.get(m.actor)
                if m.end > before or actor is None or actor.type != "person":
                    continue
                sent = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if sent is not None and any(t.lemma_.lower() == lemma for t in sent.sent):
                    return Speaker(m.actor, m.text, m.start, m.end, True)
        # "the opposition leader", "the UN envoy": a role told with what it belongs to is someone
        # new unless a speaker was introduced with that very role
        specified = any(c.dep_ in {"compound", "amod", "nmod", "poss"} for c in head.children)
        for s in self._recent(before):
            # "the minister said" cannot take up a speaker introduced as "the governor"
            own = self._role_words(s.text)
            if lemma not in own and (own or specified):
                continue
            actor = self.actors.get(s.id or "")
            kind = actor.type if actor is not None else ("person" if s.person else "other")
            if kind in types or (actor is not None and lemma in actor.name.lower()):
                return s
        if types != ("person",):
            mention = self._last_mention(
                before, lambda a: (a.type in types and a.type != "person") or lemma in a.name.lower()
            )
            if mention is not None:
                return self._speaker(mention.actor, mention.text, mention.start, mention.end)
        return None
