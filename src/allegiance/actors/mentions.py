"""The growing set of actors and mentions for one document, shared by the resolution passes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..records import Actor, ActorInfo, ActorType, Mention
from ..syntax import text_of
from .kb import KnowledgeBase

MentionKind = str  # "name" | "descriptor" | "pronoun" | "coreference"
LOCATIVE_PREPS = {
    "in",
    "at",
    "inside",
    "near",
    "across",
    "throughout",
    "within",
    "into",
    "around",
    "outside",
    "toward",
    "towards",
    "via",
    "through",
    "along",
    "north",
    "south",
    "east",
    "west",
}


# a quotation: double quotes of any style, or single quotes that open after a non-letter and close
# before one (so that the apostrophes of "Taliban's" and "fighters' " do not open or close one)
QUOTATION = re.compile(
    r'"[^"\n]{1,600}"|\u201c[^\u201d\n]{1,600}\u201d|(?<!\w)[\'\u2018][^\n]{1,200}?[\'\u2019](?!\w)'
)


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTATION.finditer(text)]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("\u2019", "'")).strip("-")


@dataclass
class Anchor:
    """One resolved mention, in text order, for recency-based coreference."""

    token: int  # index of the mention's head token
    actor: str
    kind: MentionKind
    subject: bool


@dataclass
class DocActors:
    doc: Doc
    kb: KnowledgeBase
    actors: dict[str, Actor] = field(default_factory=dict)
    seen: set[tuple[int, int, str]] = field(default_factory=set)
    anchors: list[Anchor] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)  # tokens inside a resolved mention
    quoted: list[tuple[int, int]] = field(default_factory=list)  # character ranges inside quotes
    # unnamed collectives ("civilians", "the defence ministry") → the country their phrase names;
    # scope.py gives them a country or document id at the end
    collective: dict[str, str | None] = field(default_factory=dict)
    # collectives of no country ("the international community"): scoped to their document only
    document_only: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.quoted = quoted_ranges(text_of(self.doc))

    def in_quote(self, char: int) -> bool:
        return any(start < char < end for start, end in self.quoted)

    def ensure(self, info: ActorInfo) -> str:
        if info.id not in self.actors:
            self.actors[info.id] = Actor(**info.model_dump())
        return info.id

    def ensure_kb(self, actor_id: str) -> str | None:
        info = self.kb.get(actor_id)
        return self.ensure(info) if info else None

    def ensure_new(
        self,
        name: str,
        actor_type: ActorType,
        country: str | None = None,
        parent: str | None = None,
        actor_id: str | None = None,
    ) -> str:
        actor_id = actor_id or "x-" + slug(name)
        if actor_id not in self.actors:
            self.actors[actor_id] = Actor(
                id=actor_id, name=name, type=actor_type, country=country, parent=parent, in_kb=False
            )
        return actor_id

    def add(self, actor_id: str, start: int, end: int, kind: MentionKind, head: Token | None = None) -> None:
        """Record a mention over character range [start, end)."""
        key = (start, end, actor_id)
        if key in self.seen or start >= end:
            return
        self.seen.add(key)
        text = text_of(self.doc)[start:end]
        mention = Mention(start=start, end=end, text=text, actor=actor_id, kind=kind)  # type: ignore[arg-type]
        self.actors[actor_id].mentions.append(mention)
        if head is None:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            head = span.root if span is not None else None
        if head is not None:
            self.anchors.append(Anchor(head.i, actor_id, kind, head.dep_ in {"nsubj", "nsubjpass"}))
            if span_tokens := self.doc.char_span(start, end, alignment_mode="expand"):
                self.covered.update(t.i for t in span_tokens)

    def add_span(self, actor_id: str, span: Span, kind: MentionKind) -> None:
        self.add(actor_id, span.start_char, span.end_char, kind, span.root)

    def type_of(self, actor_id: str) -> str:
        return self.actors[actor_id].type

    def before(self, token_i: int, accept, limit: int = 400, skip=None) -> Anchor | None:
        """The nearest anchor before token `token_i` whose actor passes `accept` (subjects first
        within the same distance band); `skip(anchor)` rules anchors out by position."""
        best = None
        for anchor in reversed(self.anchors):
            if anchor.token >= token_i or token_i - anchor.token > limit:
                continue
            if skip is not None and skip(anchor):
                continue
            if accept(anchor.actor) and (best is None or anchor.token > best.token):
                best = anchor
        return best

    def result(self) -> list[Actor]:
        out = []
        for actor in self.actors.values():
            if actor.mentions:
                actor.mentions.sort(key=lambda m: (m.start, m.end))
                out.append(actor)
        return sorted(out, key=lambda a: a.mentions[0].start)


def is_locative(token: Token) -> bool:
    """A place use ("in Afghanistan", "Kabul province"), not an actor use."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
        return True
    if (
        token.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ == "of"
        and head.head.lower_
        in {
            "province",
            "city",
            "region",
            "part",
            "parts",
            "east",
            "west",
            "north",
            "south",
            "capital",
            "border",
        }
    ):
        return True
    return token.dep_ == "compound" and head.lower_ in {
        "province",
        "city",
        "district",
        "region",
        "border",
        "capital",
    }
