"""Score the event coder on the PLOVER gold-standard records (shared/data/plover/gsr-dev.json).

Each record is one sentence from the CAMEO manual with its category (PLOVER 0.5 labels, mapped to
2.0 with the codebook's translation table) and source/target codes (CAMEO country codes, IGO,
NGO). Per record we take the system's main event (the trigger highest in the parse), fold promised
actions the codebook's way (the gold is CAMEO-derived), and score:
- `event_accuracy` and per-category P/R/F1 with a confusion table (no event → "NONE");
- actor / recipient correctness: the codes of the system's participants (the actor's ISO3 country,
  or its sector code for IGOs/NGOs) meet the gold codes; an empty gold side wants an empty system
  side; for two-sided categories either order, or both sides in `actor`, counts. A participant whose
  actor has no country takes the countries named in its own title phrase ("Israeli Prime Minister
  Ehud Barak" → ISR), as CAMEO coders read it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..events import extract
from ..events.folding import codebook_category
from ..events.lexicon import load as load_lexicon
from ..records import Actor, Event, Participant, RawInput
from .report import Report

# PLOVER 0.5 → 2.0 (PLOVER_MANUAL.tex, "CAMEO to PLOVER translation": 09, 10, 11, 19)
TO_V2 = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
SYMMETRIC = {"AGREE", "ASSAULT", "COOPERATE", "CONSULT"}


@cache
def _sectors() -> dict[str, Any]:
    path = resources.files("allegiance") / "data" / "plover" / "sectors.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def gold_codes(side: Any) -> set[str]:
    if not isinstance(side, list):
        return set()
    fix = _sectors()["cameo_to_iso3"]
    out = set()
    for item in side:
        code = (item.get("code") or "").upper()[:3]
        code = fix.get(code, code) if code in fix else code
        if code:
            out.add(code)
    return out


def _title_tokens(doc: Any, start: int, end: int) -> set[int]:
    """The phrase's head with its pre-modifiers and its appositions ("X, Algeria's envoy")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    root = span.root
    tokens = {t.i for t in root.subtree if t.i <= root.i}
    for appos in (c for c in root.children if c.dep_ == "appos"):
        tokens |= {t.i for t in appos.subtree}
    return tokens


def title_countries(doc: Any, part: Participant, actors: dict[str, Actor], kb: Any = None) -> set[str]:
    """Countries named in a person's title phrase ("Israeli Prime Minister Ehud Barak") or a group's
    modifiers ("Iranian authorities", "Jordan's King Abdullah"), for participants whose actor has no
    country of its own: by the article's country mentions, or by the knowledge base's demonyms and
    country names when one is given."""
    tokens = _title_tokens(doc, part.start, part.end)
    own = actors.get(part.id)
    for m in own.mentions if own is not None else []:  # "Salaheddine Sidhoum, Algeria's leading activist"
        tokens |= _title_tokens(doc, m.start, m.end)
    out = set()
    for actor in actors.values():
        if actor.country and actor.type == "country" or actor.type in {"government", "military", "police"}:
            for m in actor.mentions:
                ms = doc.char_span(m.start, m.end, alignment_mode="expand")
                if ms is not None and actor.country and any(t.i in tokens for t in ms):
                    out.add(actor.country)
    if kb is not None:
        for i in sorted(tokens):
            word = doc[i].text
            if not word[:1].isupper():
                continue
            singular = word[:-1] if word.endswith("s") else word  # "Iraqis", "Albanians"
            for aid in [kb.by_demonym(word), kb.by_demonym(singular), *kb.by_alias(word)]:
                info = kb.get(aid) if aid else None
                if info is not None and info.type == "country" and info.country:
                    out.add(info.country)
    return out


def participant_codes(
    parts: list[Participant], actors: dict[str, Actor], doc: Any = None, kb: Any = None
) -> set[str]:
    """Country code and sector code of each participant's actor (and of its parent actor)."""
    types = _sectors()["types"]
    out: set[str] = set()
    for p in parts:
        actor = actors.get(p.id)
        if doc is not None and (actor is None or not actor.country):
            out |= title_countries(doc, p, actors, kb)
        while actor is not None:
            if actor.country:
                out.add(actor.country)
            if types.get(actor.type):
                out.add(types[actor.type])
            actor = actors.get(actor.parent) if actor.parent else None
    return out


def place_target(doc: Any, ev: Event, found: list[Actor], gazetteer: Any) -> set[str]:
    """CAMEO reads the country where a one-sided act happens as its target when the sentence names
    no other ("lifted a curfew in Montenegro", "arrived in Amman"); allegiance's records keep the
    place in `location`, so the comparison takes it from there (domestic acts included: CAMEO codes
    "extended the curfew in Abidjan" against CIV). Only a place named in the sentence counts."""
    from .. import where

    located = where.locate(doc, [ev], found, gazetteer)[0].location
    if located is None or located.start is None or not located.country:
        return set()
    return {located.country}


def side_ok(gold: set[str], system: set[str], system_empty: bool) -> bool:
    return system_empty if not gold else bool(gold & system)


def main_event(events: list[Event], doc: Any) -> Event | None:
    """The event whose trigger sits highest in the dependency tree (the sentence's main clause).
    An accusation read off a report verb ("officials said X attacked Y") ranks after the reported
    event: CAMEO codes the attack, allegiance adds the accusation by the conventions."""
    claim_verbs = load_lexicon().claim_verbs

    def rank(ev: Event) -> tuple[bool, int, int]:
        span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        tok, n = (span.root, 0) if span is not None else (None, 99)
        claim = ev.event == "ACCUSE" and tok is not None and tok.lemma_.lower() in claim_verbs
        while tok is not None and tok.head.i != tok.i and n < 50:
            tok, n = tok.head, n + 1
        return claim, n, ev.trigger.start

    return min(events, key=rank) if events else None


def evaluate(path: Path, pipeline: Any = None, limit: int | None = None) -> Report:
    from .. import actors as actors_stage
    from .. import nlp

    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    records = [r for r in json.loads(Path(path).read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    records = records[:limit] if limit else records
    report = Report(name="plover-gsr")
    right = actor_right = recipient_right = both_right = 0
    for rec in records:
        gold = TO_V2.get(rec["event"], rec["event"])
        cdoc = pipeline.clean(RawInput(source=rec["id"], format="text", content=rec["text"]))
        doc = nlp.parse(pipeline.nlp, cdoc.text)
        found = actors_stage.resolve(doc, pipeline.kb)
        ev = main_event(extract(doc, found, cdoc.id), doc)
        predicted = codebook_category(ev, doc) if ev else "NONE"
        report.confusion[(gold, predicted)] += 1
        if predicted == gold:
            right += 1
            report.category(gold).tp += 1
            report.overall.tp += 1
        else:
            report.category(gold).fn += 1
            report.overall.fn += 1
            if predicted != "NONE":
                report.category(predicted).fp += 1
                report.overall.fp += 1
        by_id = {a.id: a for a in found}
        src, tgt = gold_codes(rec.get("source")), gold_codes(rec.get("target"))
        sys_a = participant_codes(ev.actor, by_id, doc, pipeline.kb) if ev else set()
        sys_r = participant_codes(ev.recipient, by_id, doc, pipeline.kb) if ev else set()
        if ev and not ev.recipient:
            sys_r = place_target(doc, ev, found, pipeline.gazetteer)
        a_ok = side_ok(src, sys_a, not (ev and ev.actor))
        r_ok = side_ok(tgt, sys_r, not (ev and ev.recipient) and not sys_r)
        if not (a_ok and r_ok) and gold in SYMMETRIC and ev:
            both = sys_a | sys_r
            a_ok, r_ok = bool(src & both) or not src, bool(tgt & both) or not tgt
        actor_right += a_ok
        recipient_right += r_ok
        both_right += a_ok and r_ok
    n = len(records) or 1
    report.metrics.update(
        {
            "records": len(records),
            "event_accuracy": round(right / n, 4),
            "actor_accuracy": round(actor_right / n, 4),
            "recipient_accuracy": round(recipient_right / n, 4),
            "actor_and_recipient_accuracy": round(both_right / n, 4),
        }
    )
    report.notes.append("gold PLOVER 0.5 labels mapped to 2.0: " + json.dumps(TO_V2))
    return report
