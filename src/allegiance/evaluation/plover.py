"""Score the event coder on the PLOVER gold-standard records (shared/data/plover/gsr-dev.json).

Each record is one sentence from the CAMEO manual with its category (PLOVER 0.5 labels, mapped to
2.0 with the codebook's translation table) and source/target codes (CAMEO country codes, IGO,
NGO). Per record the shipped path runs (`Pipeline.process`, then the strict PLOVER export, which
folds promised actions the codebook's way); we take the main event (the trigger highest in the
parse) and score:
- `event_accuracy` and per-category P/R/F1 with a confusion table (no event → "NONE");
- actor / recipient correctness: the codes of the system's participants (the actor's ISO3 country,
  or its sector code for IGOs/NGOs) meet the gold codes; an empty gold side wants an empty system
  side; for two-sided categories either order, or both sides in `actor`, counts. Actor countries
  are the pipeline's own (a person's comes from the title phrase, actors/titles.py); nothing is
  inferred at scoring time.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from ..events.lexicon import load as load_lexicon
from ..lexicons import load_data
from ..records import Actor, Document, Event, Failure, Participant, RawInput
from .report import Report

# PLOVER 0.5 → 2.0 (PLOVER_MANUAL.tex, "CAMEO to PLOVER translation": 09, 10, 11, 19)
TO_V2 = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
SYMMETRIC = {"AGREE", "ASSAULT", "COOPERATE", "CONSULT"}


@cache
def _sectors() -> dict[str, Any]:
    sectors: dict[str, Any] = load_data("plover", "sectors.yaml")
    return sectors


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


def participant_codes(parts: list[Participant], actors: dict[str, Actor]) -> set[str]:
    """Country code and sector code of each participant's actor (and of its parent actor)."""
    types = _sectors()["types"]
    out: set[str] = set()
    for p in parts:
        actor = actors.get(p.id)
        while actor is not None:
            if actor.country:
                out.add(actor.country)
            if types.get(actor.type):
                out.add(types[actor.type])
            actor = actors.get(actor.parent) if actor.parent else None
    return out


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
    """Score what ships: the records go through the path `allegiance extract` takes
    (`runner.process_inputs`: guards, batched parse) and the PLOVER export (`export.plover_jsonl.record`); the exported category and the
    exported participants' codes are compared with the gold. Nothing is inferred at scoring time."""
    from ..engine.batch import BATCH_TEXTS
    from ..export.dataset import ExportData
    from ..export.plover_jsonl import record
    from ..runner import process_inputs

    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    records = [r for r in json.loads(Path(path).read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    records = records[:limit] if limit else records
    report = Report(name="plover-gsr")
    right = actor_right = recipient_right = both_right = 0
    raws = [RawInput(source=rec["id"], format="text", content=rec["text"]) for rec in records]
    results = [result for _, result in process_inputs(raws, pipeline)]  # the `extract` path
    shipped_texts = [r.text for r in results if isinstance(r, Document)]
    # parsed again only to rank the events by clause depth, in batches as the pipeline parses
    parses = iter(pipeline.nlp.pipe(shipped_texts, batch_size=BATCH_TEXTS))
    for rec, shipped in zip(records, results, strict=True):
        gold = TO_V2.get(rec["event"], rec["event"])
        if isinstance(shipped, Failure):  # refused or failed as `extract` would: no event, NONE
            report.notes.append(f"failed [{shipped.stage}] {rec['id']}: {shipped.reason}")
            shipped, ev = Document(id=rec["id"], source=rec["id"], text=rec["text"]), None
        else:
            ev = main_event(shipped.events, next(parses))
        exported = record(shipped, ev, ExportData([shipped])) if ev else None
        predicted = exported["event"][0] if exported else "NONE"
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
        by_id = {a.id: a for a in shipped.actors}
        src, tgt = gold_codes(rec.get("source")), gold_codes(rec.get("target"))
        sys_a = participant_codes(ev.actor, by_id) if ev else set()
        sys_r = participant_codes(ev.recipient, by_id) if ev else set()
        a_ok = side_ok(src, sys_a, not (ev and ev.actor))
        r_ok = side_ok(tgt, sys_r, not (ev and ev.recipient))
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
    report.notes.append("strict: the exported PLOVER record of the shipped pipeline's main event is scored")
    return report
