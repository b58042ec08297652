"""Typed records that flow one way through the pipeline.

Every stage takes records (and, after `nlp`, the spaCy ``Doc`` built over ``CleanDoc.text``) and
returns records. All character offsets (`start`, `end`) point into ``CleanDoc.text`` — the stored
clean body — so every output can be traced back to the exact characters that support it.

Field names of `Event` follow PLOVER 2.0 where PLOVER has one (`event`, `mode`, `context`,
`actor`, `recipient`, `eventText`); the rest are allegiance's own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Certainty = Literal["asserted", "reported", "hypothetical", "negated", "predicted"]
Granularity = Literal["minute", "day", "week", "month", "season", "year", "decade", "interval"]
ActorType = Literal[
    "country",
    "government",
    "military",
    "police",
    "rebels",
    "militia",
    "civilians",
    "political_party",
    "igo",
    "ngo",
    "media",
    "business",
    "religious",
    "person",
    "other",
]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Span(Record):
    """A half-open character range ``[start, end)`` of the clean text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class TextSpan(Span):
    text: str


# --- ingest -------------------------------------------------------------------------------------


class RawInput(Record):
    """One input as read from disk or a JSON Lines row, before decoding decisions are final."""

    source: str = Field(description="file path, or path#line for a JSON Lines row")
    format: Literal["html", "text"]
    content: str = Field(description="decoded page (HTML source or plain text)")
    url: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="publication date given with the input (page metadata)")
    published_fallback: str | None = Field(
        default=None, description="date to use only when the page itself has none (CLI --published)"
    )


class Failure(Record):
    """An input that could not be processed, with the reason; nothing is silently dropped."""

    source: str
    stage: str
    reason: str


# --- clean --------------------------------------------------------------------------------------


class CleanDoc(Record):
    id: str = Field(description="sha256 of the decoded input content: stable across re-runs")
    source: str
    url: str | None = Field(default=None, description="the URL given with the input, else the page's own")
    canonical_url: str | None = Field(default=None, description="the page's own canonical link, when it has one")
    title: str | None = None
    published: datetime | None = None
    published_text: str | None = Field(default=None, description="where the date came from, as written")
    section: str | None = None
    tags: list[str] = Field(default_factory=list)
    language: str | None = None
    text: str = Field(description="clean body; every offset in later records points into it")
    removed: list[str] = Field(default_factory=list, description="chrome lines dropped from the page")


# --- actors -------------------------------------------------------------------------------------


class ActorInfo(Record):
    """A knowledge-base entry (or an actor discovered in the text and not in the KB)."""

    id: str
    name: str
    type: ActorType
    country: str | None = Field(default=None, description="ISO 3166 alpha-3 of the actor's home")
    parent: str | None = Field(default=None, description="id of the parent actor (branch, wing, unit)")
    aliases: list[str] = Field(default_factory=list)
    wikidata: str | None = None
    in_kb: bool = True
    note: str | None = None


class Mention(TextSpan):
    """One place where the text refers to an actor."""

    actor: str = Field(description="canonical actor id")
    kind: Literal["name", "descriptor", "pronoun", "coreference"] = "name"


class Actor(ActorInfo):
    mentions: list[Mention] = Field(default_factory=list)


# --- events -------------------------------------------------------------------------------------


class Participant(Span):
    """An event argument: canonical actor id plus the span of the text that names it."""

    id: str
    text: str


class When(Record):
    start: str | None = Field(description="ISO 8601 date or datetime; interval start")
    end: str | None = Field(description="ISO 8601 date or datetime; interval end (inclusive)")
    granularity: Granularity
    text: str
    span: Span | None = None


class Where(Record):
    name: str
    admin1: str | None = None
    country: str | None = Field(default=None, description="ISO 3166 alpha-3")
    lat: float | None = None
    lon: float | None = None
    kind: str | None = Field(default=None, description="feature kind: country, admin1, city, district…")
    start: int | None = None
    end: int | None = None


class Event(Record):
    id: str = Field(description="stable id: document id + trigger offset + category")
    event: str = Field(description="PLOVER 2.0 category, e.g. ASSAULT")
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    actor: list[Participant] = Field(default_factory=list)
    recipient: list[Participant] = Field(default_factory=list)
    eventText: str = Field(description="the sentence text, as PLOVER's eventText")
    trigger: TextSpan
    sentence: Span
    certainty: Certainty = "asserted"
    cue: TextSpan | None = Field(default=None, description="the words that decided the certainty")
    attributedTo: str | None = Field(default=None, description="actor id of whoever makes the claim")
    attributedText: str | None = None
    date: When | None = None
    location: Where | None = None
    dead: int | None = None
    injured: int | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    cameo: str | None = Field(default=None, description="CAMEO root code for CAMEO users")
    score: float | None = Field(default=None, description="codebook conflict/cooperation score")


class Quote(Record):
    speaker: str | None = Field(description="actor id of the speaker, null when unresolved")
    speakerText: str | None = None
    speakerStart: int | None = None
    speakerEnd: int | None = None
    text: str
    start: int
    end: int
    direct: bool


class Document(Record):
    """The output contract of `allegiance extract` (see schema/document.schema.json)."""

    id: str
    source: str
    url: str | None = Field(default=None, description="the URL given with the input, else the page's own")
    canonical_url: str | None = Field(default=None, description="the page's own canonical link, when it has one")
    title: str | None = None
    published: datetime | None = None
    section: str | None = None
    tags: list[str] = Field(default_factory=list)
    language: str | None = None
    text: str
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)


# --- across articles: incidents, relation timelines, alerts (incidents.py, relations.py) ----------

RelationStatus = Literal["hostile", "truce", "allied", "neutral", "unknown"]
Corroboration = Literal["single-source", "corroborated", "widely-corroborated"]


class IncidentMention(Record):
    """One event record (as coded in one document) that reports an incident."""

    event: Event
    document: str = Field(description="document id")
    url: str | None = None
    outlet: str | None = Field(default=None, description="url host without www.; the source id when no url")
    published: datetime | None = None
    headline: str | None = Field(default=None, description="the reporting document's title")
    parents: dict[str, str] = Field(
        default_factory=dict, description="parent actor ids of the event's participants, as its document resolved them"
    )


class Incident(Record):
    """Events from one or more documents that describe the same real-world happening."""

    id: str = Field(description="deterministic: hash of the sorted member event ids")
    event: str = Field(description="PLOVER category reported most often")
    mode: str | None = None
    actor: list[str] = Field(default_factory=list, description="canonical actor ids, most reported first")
    recipient: list[str] = Field(default_factory=list)
    date: When | None = None
    location: Where | None = None
    dead: int | None = None
    dead_low: int | None = None
    dead_high: int | None = None
    injured: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    certainty: Certainty = "asserted"
    outlets: list[str] = Field(default_factory=list, description="every outlet (url host) that reports it")
    sources: list[str] = Field(
        default_factory=list, description="independent sources: outlets with own reporting, plus cited media"
    )
    corroboration: Corroboration = "single-source"
    contested: list[str] = Field(default_factory=list, description="what the reports disagree on")
    mentions: list[IncidentMention] = Field(default_factory=list)


class RelationPeriod(Record):
    """The relation of an unordered actor pair (a < b) during one period."""

    a: str
    b: str
    period: str = Field(description="period label, e.g. 2021-02 for a month")
    start: str = Field(description="ISO date, first day of the period")
    end: str = Field(description="ISO date, last day of the period")
    score: float = Field(description="signed conflict (-) / cooperation (+) score, weighted")
    status: RelationStatus
    certainty: Certainty | None = Field(default=None, description="strongest certainty behind the status")
    outlets: int = Field(default=0, description="independent sources behind the period")
    events: list[str] = Field(default_factory=list, description="event ids, strongest contribution first")
    incidents: list[str] = Field(default_factory=list)
    changed_from: RelationStatus | None = Field(default=None, description="previous known status when it changed")


class Alert(Record):
    """A change of relation status between two periods."""

    a: str
    b: str
    period: str
    previous: RelationStatus
    status: RelationStatus
    certainty: Certainty | None = None
    outlets: int = 0
    strength: float = Field(description="absolute score of the period that changed")
    events: list[str] = Field(default_factory=list)
    message: str
