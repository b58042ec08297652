"""Put the knowledge base into the spaCy pipeline as an entity ruler that runs before NER.

The ruler's matches become `doc.ents` with `ent_id_` set to the canonical actor id, so the
statistical NER cannot mislabel a known actor (e.g. tag Daesh as GPE, Sputnik as PERSON).

Matching policy, per alias:
- tokens written in capitals ("ISIS", "U.S.", "LNA") match exactly (case-sensitive), so that the
  acronym "IS" does not fire on the verb "is";
- a one-word name ("Taliban", "Turkey") matches as written or in capitals (headlines), not in
  lower case (the bird);
- the lowercase words of multi-word names match in any case ("Afghan Army" = "Afghan army");
- a leading "the" is not part of the pattern: "the Islamic State" matches on "Islamic State";
- a space-like token (U+00A0 from scraped pages) may sit between any two words.

How: the policy used to be ~3,000 spaCy token patterns (`token_pattern`, kept as the reference),
which the `Matcher` tries at every token — 55–150 s over the 181 benchmark bodies, longer than the
rest of the pipeline. Every alias is now one phrase on the lower-case words, looked up with a
`PhraseMatcher` (a hash lookup per token, ~0.3 s over the same bodies); the case rules above are
then checked on each hit, which is only a handful per document. Phrases are matched on the words
with the space tokens left out, so a space between two words is allowed exactly as the old
`IS_SPACE*` gap allowed it. Overlapping hits are resolved as spaCy's EntityRuler resolves them
(longest first, then leftmost), with `overwrite_ents`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .kb import KnowledgeBase

COMPONENT = "allegiance_actor_ruler"
LABELS = {"person": "PERSON", "country": "GPE"}
APOSTROPHE_S = ["'s", "\u2019s"]
GAP = {"IS_SPACE": True, "OP": "*"}


def label_for(actor_type: str) -> str:
    return LABELS.get(actor_type, "ORG")


def is_acronym(word: str) -> bool:
    return any(c.isupper() for c in word) and not any(c.islower() for c in word)


def alias_words(nlp: Language, alias: str) -> list[str]:
    """The words an alias is matched on: its tokens, spaces and a leading "the" left out."""
    words = [t.text for t in nlp.make_doc(alias.strip()) if not t.is_space]
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    return words


def token_pattern(nlp: Language, alias: str) -> list[dict[str, Any]] | None:
    """The policy as a spaCy token pattern: the reference `bench/identical.py` compares against."""
    words = alias_words(nlp, alias)
    if not words:
        return None
    pattern: list[dict[str, Any]] = []
    for i, word in enumerate(words):
        if i:
            pattern.append(GAP)
        if word in APOSTROPHE_S:
            pattern.append({"LOWER": {"IN": APOSTROPHE_S}})
        elif is_acronym(word) or not any(c.isalpha() for c in word):
            pattern.append({"ORTH": word})
        elif len(words) == 1:
            pattern.append({"ORTH": {"IN": sorted({word, word.upper()})}})
        else:
            pattern.append({"LOWER": word.lower()})
    return pattern


def case_rule(words: list[str], i: int) -> frozenset[str] | None:
    """The exact spellings word `i` must have, or None when its lower-case form is enough (the
    phrase lookup has already checked that)."""
    word = words[i]
    if word in APOSTROPHE_S:
        return None
    if is_acronym(word) or not any(c.isalpha() for c in word):
        return frozenset({word})
    if len(words) == 1:
        return frozenset({word, word.upper()})
    return None


def phrase_keys(words: list[str]) -> list[list[str]]:
    """The lower-case word sequences that can match: both apostrophes for a possessive "'s"."""
    keys: list[list[str]] = [[]]
    for word in words:
        options = APOSTROPHE_S if word in APOSTROPHE_S else [word.lower()]
        keys = [key + [option] for key in keys for option in options]
    return keys


@dataclass(frozen=True)
class Alias:
    match_id: int  # the hash EntityRuler would give "LABEL||id": same tie order as before
    label: str
    actor_id: str
    rules: tuple[frozenset[str] | None, ...]

    def accepts(self, tokens: list[str]) -> bool:
        return all(rule is None or text in rule for rule, text in zip(self.rules, tokens, strict=True))


class ActorRuler:
    """Created empty by spaCy's factory; `install` adds the knowledge base's aliases."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.aliases: dict[int, list[Alias]] = {}  # phrase key hash → aliases sharing those words

    def add(self, words: list[str], label: str, actor_id: str) -> None:
        key = " ".join(w.lower() for w in words)
        key_hash = self.vocab.strings.add(key)
        if key_hash not in self.aliases:
            self.aliases[key_hash] = []
            self.matcher.add(key, [Doc(self.vocab, words=k) for k in phrase_keys(words)])
        rules = tuple(case_rule(words, i) for i in range(len(words)))
        match_id = self.vocab.strings.add(f"{label}||{actor_id}")
        self.aliases[key_hash].append(Alias(match_id, label, actor_id, rules))

    def match(self, doc: Doc) -> list[tuple[Alias, int, int]]:
        """Hits as (alias, start, end) token offsets in `doc`, in the order they are applied."""
        positions = [t.i for t in doc if not t.is_space]
        words = doc if len(positions) == len(doc) else Doc(self.vocab, words=[doc[i].text for i in positions])
        found: set[tuple[int, int, int]] = set()
        by_id: dict[int, Alias] = {}
        for key_hash, start, end in self.matcher(words):
            texts = [words[i].text for i in range(start, end)]
            for alias in self.aliases[key_hash]:
                if alias.accepts(texts):
                    by_id[alias.match_id] = alias
                    found.add((alias.match_id, positions[start], positions[end - 1] + 1))
        # EntityRuler's order: longest first, then leftmost; equal spans keep the set's order
        ordered = sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
        return [(by_id[m_id], start, end) for m_id, start, end in ordered]

    def __call__(self, doc: Doc) -> Doc:
        # EntityRuler.set_annotations with overwrite_ents=True
        entities = list(doc.ents)
        new_entities = []
        seen: set[int] = set()
        for alias, start, end in self.match(doc):
            if start not in seen and end - 1 not in seen:
                new_entities.append(Span(doc, start, end, label=alias.label, span_id=alias.actor_id))
                entities = [e for e in entities if not (e.start < end and e.end > start)]
                seen.update(range(start, end))
        doc.ents = entities + new_entities
        return doc


@Language.factory(COMPONENT, default_config={})
def _make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp.vocab)


def install(nlp: Language, kb: KnowledgeBase, name: str = "actor_ruler") -> None:
    if name in nlp.pipe_names:
        nlp.remove_pipe(name)
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(COMPONENT, name=name, before=before)
    assert isinstance(ruler, ActorRuler)
    seen: set[tuple[str, str]] = set()
    for actor in kb.actors.values():
        for alias in [actor.name, *actor.aliases]:
            if (alias, actor.id) in seen:
                continue
            seen.add((alias, actor.id))
            words = alias_words(nlp, alias)
            if words:
                ruler.add(words, label_for(actor.type), actor.id)
