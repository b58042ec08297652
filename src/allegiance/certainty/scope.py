"""Find the certainty cues that govern one event trigger, by walking up the dependency parse.

A cue counts only when it has the trigger in its scope:
- a *modifier* (aux "may", neg "not", mark "if", amod "possible") hangs on the trigger or on a
  word the trigger is tightly bound to: its verb through object / xcomp / preposition chains,
  a light verb whose subject it is ("the attack was not carried out"), or a coordinated verb that
  shares its subject ("will withdraw and hand over");
- a *governor* ("said", "denied", "plans", "before", "likely") has the trigger somewhere inside its
  complement (ccomp, xcomp, object, preposition, purpose clause), however deep, but not in a
  sibling conjunct or a relative clause hanging on its subject;
- an *evidential* ("according to X", "reportedly") scopes over its whole clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..quotes import Speaker, SpeakerResolver
from ..syntax import text_of
from .lexicon import Cue, CueLexicon

# relations through which a word's modifiers reach the trigger below it
TIGHT = {
    "xcomp",
    "dobj",
    "pobj",
    "pcomp",
    "prep",
    "acomp",
    "attr",
    "oprd",
    "dative",
    "agent",
    "compound",
    "amod",
    "nmod",
}
# relations through which a governor's meaning reaches the trigger below it
COMPLEMENT = {
    "ccomp",
    "xcomp",
    "dobj",
    "prep",
    "pcomp",
    "pobj",
    "acl",
    "advcl",
    "oprd",
    "attr",
    "acomp",
    "dative",
    "nsubjpass",
    "csubj",
}
# a speech verb reports only its clausal complement or object ("said the rebels attacked",
# "announced the withdrawal"), not its adjuncts ("declared during a visit")
SPEECH_COMPLEMENT = {"ccomp", "xcomp", "dobj", "nsubjpass", "csubj", "oprd", "attr"}
SUBJECT = {"nsubj", "nsubjpass", "csubj"}
# adjuncts that state what already happened whatever the clause around them says: "considered a
# proposal made after talks", "will retaliate because the rebels attacked", "denied it, although
# both sides accused each other". Above them only a report still applies (whose claim it is).
FACTUAL_PREPS = {"after", "since", "following", "despite", "amid", "amidst"}
FACTUAL_MARKS = {"after", "since", "because", "although", "though", "whereas"}
# a concessive clause is not what its head verb says or reports ("none were reported, although …")
CONCESSIVE_MARKS = {"although", "though", "whereas"}
NEGATIVE_WORDS = {"nobody", "none", "nothing", "noone", "neither"}


@dataclass(frozen=True)
class Found:
    """One cue in scope: its type, the words, how far above the trigger, and whose claim it is."""

    type: str
    start: int
    end: int
    depth: int
    source: Speaker | None = None
    speech: bool = False  # a speech verb or quote: the trigger lies inside what the source says
    claim: bool = False  # the source makes a claim (speech, "according to", denial), not an intent


def trigger_head(tokens: list[Token]) -> Token | None:
    """The syntactic head of the trigger's tokens (the one whose head lies outside them)."""
    if not tokens:
        return None
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else tokens[0]


def collect(
    trigger: Token, lex: CueLexicon, resolver: SpeakerResolver, bounds: tuple[int, int]
) -> list[Found]:
    """Cues in scope of `trigger`, looking no further than the event's sentence `bounds` (the
    parser sometimes joins paragraphs into one tree)."""
    found: list[Found] = []
    _modifiers(trigger, None, 0, True, lex, resolver, found)
    node, depth, tight, in_relative, factual = trigger, 0, True, False, False
    while True:
        head = _head(node, bounds)
        if head is None:
            break
        child, node = node, head
        depth += 1
        rel = child.dep_ if child.head.i == node.i else "parataxis"
        mark = _mark(child) if rel == "advcl" else None
        factual = factual or (rel == "pobj" and node.lower_ in FACTUAL_PREPS) or mark in FACTUAL_MARKS
        if mark in CONCESSIVE_MARKS:
            tight = False
            continue
        before = len(found)
        if rel in ("acl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            # purpose infinitive: "an alliance to fight", "troops sent to retake the town"
            to = next(c for c in child.children if c.lower_ == "to")
            found.append(Found("predicted", to.idx, _end(to), depth))
            rel = "xcomp"
        if rel in COMPLEMENT:
            for cue in lex.governors.get(node.lemma_.lower(), []):
                if cue.clausal_only and rel not in SPEECH_COMPLEMENT:
                    continue
                if in_relative and cue.type != "reported":
                    continue  # "called for a truce, which allowed …": the call does not reach in
                if _requirements_met(node, cue):
                    found.append(_governor(node, cue, depth, resolver))
        if rel in SUBJECT:  # "cooperation … is unlikely": a predicative cue scopes over the subject
            for pred in node.children:
                if pred.dep_ in ("acomp", "attr"):
                    for cue in lex.governors.get(pred.lemma_.lower(), []):
                        if cue.type == "hypothetical":
                            found.append(Found(cue.type, pred.idx, _end(pred), depth))
        tight = tight and (rel == "xcomp" or _is_tight(child, node, lex))
        in_relative = in_relative or rel in ("relcl", "appos")
        _modifiers(node, child, depth, tight, lex, resolver, found)
        if factual:
            found[before:] = [f for f in found[before:] if f.type == "reported"]
    return found


def _mark(clause: Token) -> str | None:
    return next((c.lower_ for c in clause.children if c.dep_ == "mark"), None)


def _head(node: Token, bounds: tuple[int, int]) -> Token | None:
    """The next word up: the syntactic head within the event's sentence and paragraph; from a
    sentence root right after a colon, the root of the clause the colon elaborates ("According to
    some reports, the worst has come true: the two groups have agreed …")."""
    if node.head.i != node.i:
        head = node.head
        if bounds[0] <= head.idx < bounds[1] and not _crosses_paragraph(node):
            return head
        return None
    start = node.sent.start
    if start > 0 and node.doc[start - 1].text == ":":
        previous = node.doc[start - 1].sent.root
        if not _crosses_paragraph_between(previous, node):
            return previous
    return None


def _crosses_paragraph(node: Token) -> bool:
    """No dependency crosses a paragraph break, whatever the parser joined into one sentence."""
    return _crosses_paragraph_between(node, node.head)


def _crosses_paragraph_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.idx, b.idx))
    return "\n" in text_of(a.doc)[lo:hi]


def _is_tight(child: Token, head: Token, lex: CueLexicon) -> bool:
    rel = child.dep_
    if rel in TIGHT:
        return True
    if rel in SUBJECT:
        return head.lemma_.lower() in lex.light_verbs
    if rel == "conj":  # a coordinated verb without its own subject shares the first one's modals
        return not any(c.dep_ in SUBJECT for c in child.children)
    return False


def _requirements_met(node: Token, cue: Cue) -> bool:
    if not cue.requires:
        return True
    return any(
        c.lower_ in cue.requires or c.lemma_ in cue.requires or c.dep_ in cue.requires for c in node.children
    )


def _governor(node: Token, cue: Cue, depth: int, resolver: SpeakerResolver) -> Found:
    source = resolver.speaker_of_verb(node) if cue.has_source else None
    claim = cue.speech or cue.type in ("reported", "negated")
    return Found(cue.type, node.idx, _end(node), depth, source, cue.speech, claim and source is not None)


def _modifiers(
    node: Token,
    skip: Token | None,
    depth: int,
    tight: bool,
    lex: CueLexicon,
    resolver: SpeakerResolver,
    found: list[Found],
    only_evidentials: bool = False,
) -> None:
    if not only_evidentials:
        _evidentials_before_colon(node, skip, depth, lex, resolver, found)
    for child in node.children:
        if skip is not None and child.i == skip.i:
            continue
        lemma = child.lemma_.lower()
        for cue in lex.modifiers.get(lemma, []):
            if child.dep_ not in cue.deps or not (tight or cue.role == "evidential"):
                continue
            if only_evidentials and cue.role != "evidential":
                continue
            if lemma == "accord":  # "according to X": the whole phrase is the cue, X the source
                sub = list(child.subtree)
                source = resolver.speaker_of_verb(child)
                found.append(Found(cue.type, sub[0].idx, _end(sub[-1]), depth, source, claim=True))
            else:
                found.append(Found(cue.type, child.idx, _end(child), depth))
        if only_evidentials:
            continue
        if tight and child.dep_ in SUBJECT | {"dobj"} and _is_negative_argument(child):
            found.append(Found("negated", child.left_edge.idx, _end(child), depth))
        if child.dep_ == "parataxis":  # "The group attacked the base, officials said."
            for cue in lex.governors.get(lemma, []):
                if cue.speech and not any(c.dep_ == "ccomp" for c in child.children):
                    found.append(_governor(child, cue, depth, resolver))


def _evidentials_before_colon(
    node: Token,
    skip: Token | None,
    depth: int,
    lex: CueLexicon,
    resolver: SpeakerResolver,
    found: list[Found],
) -> None:
    """ "According to X, the worst has happened: the factions have signed a pact" — the parser
    may hang the clause before the colon under the one after it; its evidentials cover both."""
    colons = [c.i for c in node.children if c.text == ":"]
    if not colons:
        return
    for clause in node.children:
        if (
            clause.dep_ in ("ccomp", "parataxis", "advcl")
            and clause.i < colons[0]
            and clause.i != getattr(skip, "i", -1)
        ):
            _modifiers(clause, None, depth, False, lex, resolver, found, only_evidentials=True)


def _is_negative_argument(arg: Token) -> bool:
    """ "no one was killed", "nobody was hurt", "no civilians were harmed"."""
    if arg.lemma_.lower() in NEGATIVE_WORDS:
        return True
    return any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in arg.children)


def _end(token: Token) -> int:
    return token.idx + len(token.text)
