#!/usr/bin/env python3
"""Error listing for `allegiance eval incidents`: which cross-article pairs of extracted events
that the gold puts in one incident were left apart, and why (the first condition of
`incidents.link.compatible` that failed, or the evidence score), and which pairs were joined
against the gold.

Read it on the *tuning* part of the dev set only (docs/evaluation.md): a folder holding those
files, e.g. /tmp/split/tune.

    python tools/incident_errors.py GOLD_DIR [--scorer PATH] [--only miss,fp]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from allegiance.evaluation.articles import default_scorer, extract_all, input_row, load_scorer
from allegiance.evaluation.incidents import extracted_truth
from allegiance.incidents import cluster, mentions_from, options_from_documents
from allegiance.incidents.link import (
    Report,
    actors_relation,
    dates_overlap,
    evidence,
    place_relation,
)
from allegiance.pipeline import Pipeline
from allegiance.relations.weights import load_weights


def why_apart(a: Report, b: Report, options) -> str:
    if b.family not in a.occasion:
        return f"family {a.family}/{b.family}"
    if a.family != b.family and not a.speakers & b.speakers:
        return "families differ, no common speaker"
    if not (a.dated(options) and b.dated(options)):
        return "undated or wide window"
    if not dates_overlap(a, b, options):
        return "dates apart"
    place = place_relation(a.location, b.location, options.max_km)
    if place == "conflict" and a.family != "statement":
        return "places conflict"
    actors = actors_relation(a, b)
    if actors == "conflict":
        return "actors conflict"
    if actors == "contested":
        return "contested, not same placed day"
    score = evidence(a, b, place, options, actors in ("swapped", "other targets"))
    return f"evidence {score:.1f} (place {place}, actors {actors})"


def brief(r: Report) -> str:
    ev = r.mention.event
    loc = ev.location.name if ev.location else "-"
    return (
        f"{r.mention.document[:8]} {ev.event}/{ev.mode} {sorted(r.actor)}->{sorted(r.recipient)} "
        f"@{loc} {r.start}..{r.end}{' soft' if r.soft else ''} d={ev.dead} | {ev.eventText[:110]!r}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--scorer", type=Path)
    ap.add_argument("--only", default="miss,fp")
    args = ap.parse_args()
    show = set(args.only.split(","))
    scorer = load_scorer(args.scorer or default_scorer(args.gold_dir))
    golds = [json.loads(f.read_text()) for f in sorted(args.gold_dir.glob("*.json"))]
    with tempfile.TemporaryDirectory() as tmp:
        documents, _ = extract_all([input_row(g) for g in golds], Path(tmp), Pipeline())
    docs, truth = extracted_truth(scorer, golds, documents)
    options, weights = options_from_documents(docs), load_weights()
    clusters = {m.event.id: inc.id for inc in cluster(docs, options, weights) for m in inc.mentions}
    reports = {m.event.id: Report(m, weights, options) for m in mentions_from(docs)}
    reasons: Counter[str] = Counter()
    ids = sorted(truth)
    for i, x in enumerate(ids):
        for y in ids[i + 1 :]:
            if truth[x][0] == truth[y][0]:
                continue
            same, gold = clusters[x] == clusters[y], truth[x][1] == truth[y][1]
            if gold and not same:
                why = why_apart(reports[x], reports[y], options)
                reasons[why.split(" (")[0] if not why.startswith("evidence") else "evidence"] += 1
                if "miss" in show:
                    print(f"MISS [{truth[x][1]}] {why}\n  {brief(reports[x])}\n  {brief(reports[y])}")
            elif same and not gold and "fp" in show:
                print(f"FP [{truth[x][1]} / {truth[y][1]}]\n  {brief(reports[x])}\n  {brief(reports[y])}")
    print("\nmissed pairs by first failing condition:")
    for why, n in reasons.most_common():
        print(f"  {n:4d}  {why}")


if __name__ == "__main__":
    main()
