"""Entities that are not actors, whatever NER says: time zones ("22:01 GMT"), units ("30 km"),
all-caps headline fragments ("POLICE RAID VILLAGE") and lone Title-Case words on a headline line
("Rogue"). Left in, they become ad-hoc actors and then pronoun antecedents ("… GMT). They warned")."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from ..syntax import text_of
from .lexicon import load_validated

HEADLINE_MAX_WORDS = 14
SENTENCE_END = (".", "!", "?", '"', "\u201d", ":", ";", ",")


@lru_cache(maxsize=1)
def not_actor_words() -> frozenset[str]:
    data = load_validated("not_actors.yaml", "not_actors.schema.json")
    return frozenset(word for words in data.values() for word in words)


def line_of(span: Span) -> str:
    text = text_of(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    return text[start : end if end >= 0 else len(text)].strip()


def is_headline_line(line: str) -> bool:
    """A line without sentence punctuation whose words are mostly capitalised: a headline, a
    section label or a caption, where the small model tags odd words as names."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words or len(words) > HEADLINE_MAX_WORDS or line.endswith(SENTENCE_END):
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised * 3 >= len(words) * 2


def is_junk_entity(ent: Span) -> bool:
    words = [t.text for t in ent if not t.is_space and not t.is_punct]
    if not words:
        return True
    if len(words) == 1 and words[0].lower() in not_actor_words():
        return True
    if any(t.like_num for t in ent) and all(
        t.like_num or t.lower_ in not_actor_words() for t in ent if t.is_alpha or t.like_num
    ):
        return True  # "22:01 GMT", "30 km"
    alpha = [w for w in words if any(c.isalpha() for c in w)]
    if len(alpha) >= 2 and all(w.isupper() for w in alpha):
        return True  # "POLICE RAID VILLAGE": a shouted headline, not an acronym
    if len(alpha) == 1 and alpha[0].isupper() and len(alpha[0]) > 6:
        return True  # "BREAKING", "EXCLUSIVE"; acronyms are short
    return is_headline_line(line_of(ent)) and not named_again(ent, words[-1])


def named_again(ent: Span, last_word: str) -> bool:
    """A headline name that the body repeats ("… Mismari Says" / "spokesman Ahmed Mismari said")
    is a real name; a headline word found nowhere else ("Rogue", "Seize Town") is not."""
    text = text_of(ent.doc)
    line = line_of(ent)
    return text.count(last_word) > line.count(last_word)
