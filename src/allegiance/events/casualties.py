"""Casualty counts stated in a sentence: "killing at least 12 people", "14 members … were killed",
"wounding over 30", "left 5 dead", "two soldiers died". Counts are summed over the sides the
sentence lists ("killed three soldiers and two civilians" → 5)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import number_words

DEATH_VERBS = {"kill", "die", "behead", "execute", "massacre", "slaughter", "murder", "assassinate"}
INJURY_VERBS = {"wound", "injure", "hurt", "maim"}
DEATH_WORDS = {"dead", "death", "fatality", "body", "corpse", "killed", "casualty"}
INJURY_WORDS = {"wounded", "injured", "injury", "hurt"}
CASUALTY_WORDS = DEATH_WORDS | INJURY_WORDS
# "the death toll rose to 20", "the toll stands at 20", "a death toll of 20"
TOLL_WORDS = {"toll"}
TOLL_PREPS = {"to", "at", "of"}
# spaCy's like_num knows the words but not their values (data/common/words.yaml).
NUMBER_WORDS = number_words()


def number_value(tok: Token) -> int | None:
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    if "-" in text:  # "twenty-five"
        parts = [NUMBER_WORDS.get(p) for p in text.split("-")]
        if all(parts):
            return sum(p for p in parts if p)
    return None


def count_of(noun: Token) -> int | None:
    """The number attached to a noun ("12 people", "at least 43 fighters"); conjuncts summed."""
    total = 0
    found = False
    for head in [noun, *(c for c in noun.conjuncts if c.i > noun.i)]:
        if head is not noun and any(c.lower_ in CASUALTY_WORDS for c in head.children):
            continue  # "five dead and 10 injured": the 10 belongs to its own word
        if head.like_num and number_value(head) is not None:
            # "no one was hurt": none, not one
            none = any(c.lower_ == "no" for c in head.children)
            total += 0 if none else number_value(head) or 0
            found = True
            continue
        for child in head.children:
            if child.dep_ in {"nummod", "quantmod"} and child.like_num:
                value = number_value(child)
                if value is not None:
                    total += value
                    found = True
                    break
    return total if found else None


def _victim_count(verb: Token) -> int | None:
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"} or (child.dep_ == "nsubj" and verb.lemma_ in {"die"}):
            n = count_of(child)
            if n is not None:
                return n
    # "soldiers killed in the attack": participle modifying the counted noun
    if verb.dep_ == "acl":
        return count_of(verb.head)
    return None


def _toll_count(toll: Token) -> int | None:
    """The number a death toll rises to / stands at / is ("toll of 20", "rose to 20", "reached 20")."""
    if not any(c.lower_ in {"death", "casualty"} for c in toll.children if c.dep_ in {"compound", "amod"}):
        return None
    holders = [toll]
    if toll.dep_ in {"nsubj", "nsubjpass", "dobj"}:  # "the toll rose to 9", "bringing the toll to 9"
        holders.append(toll.head)
    for holder in holders:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in TOLL_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj" and number_value(g) is not None:
                        return number_value(g)
            if holder is not toll and c.dep_ in {"dobj", "attr"} and number_value(c) is not None:
                return number_value(c)
    return None


def _either(tok: Token) -> bool:
    """ "31 people killed or wounded", "dead or injured": one count for both kinds, which says
    how many were dead no more than how many were hurt."""
    kinds = DEATH_VERBS | INJURY_VERBS | CASUALTY_WORDS
    linked = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    return any(
        other.lemma_.lower() in kinds or other.lower_ in kinds
        for other in linked
        if any(c.dep_ == "cc" and c.lower_ == "or" for c in [*tok.children, *other.children])
    )


def paragraphs(sent: Span) -> list[list[Token]]:
    """The sentence's tokens cut at blank lines: a headline without a full stop is parsed into one
    sentence with the body's first one ("14 killed in clash\n\nSoldiers … left 14 people dead")."""
    parts: list[list[Token]] = [[]]
    for tok in sent:
        if tok.is_space and tok.text.count("\n") >= 2:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def casualties(sent: Span) -> tuple[int | None, int | None]:
    """Dead and injured the sentence states. Each paragraph is counted on its own and the last one
    with a figure gives it: a headline and the body telling the same toll are one figure, not two
    added up (and the body's, the fuller account, wins when they differ)."""
    dead: int | None = None
    injured: int | None = None
    for part in paragraphs(sent):
        d, i = _counts(part)
        dead = d if d is not None else dead
        injured = i if i is not None else injured
    return dead, injured


def _counts(tokens: list[Token]) -> tuple[int | None, int | None]:
    dead: int | None = None
    injured: int | None = None
    toll: int | None = None
    counted: set[int] = set()
    for tok in tokens:
        lemma = tok.lemma_.lower()
        kind = None
        n = None
        if _either(tok):
            continue
        if tok.pos_ == "VERB" and lemma in DEATH_VERBS | INJURY_VERBS:
            kind = "dead" if lemma in DEATH_VERBS else "injured"
            n = _victim_count(tok)
        elif tok.lower_ in DEATH_WORDS | INJURY_WORDS and tok.pos_ in {"ADJ", "NOUN", "VERB"}:
            # "left 5 dead", "5 dead", "death toll of 7", "10 injured"
            kind = "dead" if tok.lower_ in DEATH_WORDS else "injured"
            n = count_of(tok)
            if n is None and tok.head.like_num:
                n = number_value(tok.head)
            if n is None and tok.dep_ == "oprd":  # "leaving three soldiers dead"
                n = next((count_of(c) for c in tok.head.children if c.dep_ == "dobj"), None)
        elif tok.lower_ in TOLL_WORDS:
            # a death toll is the total so far: it replaces the counts it sums, never adds to them
            toll = _toll_count(tok) if toll is None else toll
            continue
        if kind and n is not None and tok.i not in counted:
            counted.add(tok.i)
            if kind == "dead":
                dead = (dead or 0) + n
            else:
                injured = (injured or 0) + n
    return (toll if toll is not None else dead), injured
