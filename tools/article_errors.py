#!/usr/bin/env python3
"""Error listing for `allegiance eval articles`: which gold events were missed, found without their
participants, or found with a wrong attribute, and which system events match nothing.

Developers read this on the *tuning* part of the dev set only (docs/evaluation.md names the split);
reading it on the measuring part turns that part into tuning data.

    python tools/article_errors.py GOLD_DIR [--scorer PATH] [--only miss,part,attr,fp]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from allegiance.evaluation.articles import default_scorer, extract_all, input_row, load_scorer
from allegiance.pipeline import Pipeline


def _parts(items: list[dict] | None) -> str:
    return ", ".join(p.get("text") or p.get("id") or "?" for p in items or []) or "-"


def _brief(se: dict) -> str:
    loc = (se.get("location") or {}).get("name")
    date = (se.get("date") or {}).get("start")
    return (
        f"{se.get('event')}[{se.get('certainty')}] {_parts(se.get('actor'))} -> {_parts(se.get('recipient'))}"
        f" @{loc} {str(date)[:10]} d={se.get('dead')} i={se.get('injured')} trig={se.get('trigger', {}).get('text') if isinstance(se.get('trigger'), dict) else se.get('trigger')}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--scorer", type=Path)
    ap.add_argument("--only", default="miss,part,attr,fp")
    args = ap.parse_args()
    show = set(args.only.split(","))
    sc = load_scorer(args.scorer or default_scorer(args.gold_dir))
    files = sorted(args.gold_dir.glob("*.json"))
    golds = [json.loads(f.read_text()) for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        docs, _ = extract_all([input_row(g) for g in golds], Path(tmp), Pipeline())
    by_url = {d.get("url"): d for d in docs}
    for f, g in zip(files, golds, strict=True):
        s = by_url.get(g.get("url")) or {}
        stext, gtext = sc.nb(s.get("text") or ""), sc.nb(g["text"])
        gnames, aforms = sc.gold_names(g), sc.sys_actor_forms(s)
        sev = s.get("events") or []
        print(f"\n=== {f.name} ({g.get('topic')})")
        hit_any: set[int] = set()
        for ge in g.get("events", []):
            spans = []
            for k, ev in enumerate([ge.get("evidence")] + list(ge.get("also", []))):
                sp = sc.span_of(gtext, ev)
                spans += [(k, c) for c in (sc.locate_all(gtext, stext, sp) if sp else [])]
            here = [
                (j, se)
                for j, se in enumerate(sev)
                if any(sc.overlaps(sp, ((se.get("sentence") or {}).get("start", -1), (se.get("sentence") or {}).get("end", -1))) for _, sp in spans)
            ]
            det = [(j, se) for j, se in here if sc.event_ok(ge, se, gnames, aforms, False)]
            full = [(j, se) for j, se in here if sc.event_ok(ge, se, gnames, aforms, True)]
            hit_any.update(j for j, _ in det)
            head = (
                f"{ge['type']}[{ge.get('modality')}] {ge.get('source')} -> {ge.get('target')} @{ge.get('location')}"
                f"/{ge.get('admin1')} {ge.get('date')} d={ge.get('dead')} i={ge.get('injured')}"
            )
            ev = (ge.get("evidence") or "")[:160]
            if not spans:
                tag = "NOTEXT"
            elif full:
                se = max((x for _, x in full), key=lambda x: sc.attribute_agreement(ge, x))
                bad = []
                if se.get("certainty") != ge.get("modality"):
                    bad.append(f"cert {se.get('certainty')}")
                if ge.get("location") and not sc.place_ok(ge, se.get("location") or {}):
                    bad.append(f"place {(se.get('location') or {}).get('name')}")
                if ge.get("date") and not sc.date_ok(ge, se):
                    bad.append(f"date {(se.get('date') or {}).get('start')}")
                for n in ("dead", "injured"):
                    if ge.get(n) is not None and se.get(n) != ge.get(n):
                        bad.append(f"{n} {se.get(n)}")
                if not bad or "attr" not in show:
                    continue
                tag = "ATTR " + "; ".join(bad)
            elif det:
                if "part" not in show:
                    continue
                reasons = set()
                for _, se in det:
                    src = sc.participant_forms(se.get("actor"), aforms)
                    tgt = sc.participant_forms(se.get("recipient"), aforms)
                    if not sc.matches(ge.get("source"), src, gnames):
                        reasons.add("src-empty" if not src else "src-wrong")
                    if not sc.matches(ge.get("target"), tgt, gnames):
                        reasons.add("tgt-empty" if not tgt else "tgt-wrong")
                tag = "PART " + ",".join(sorted(reasons))
            else:
                if "miss" not in show:
                    continue
                tag = "MISS"
            print(f"- {tag}: {head}\n    \"{ev}\"")
            for _, se in here:
                print(f"    sys: {_brief(se)}")
        if "fp" in show:
            for j, se in enumerate(sev):
                if j not in hit_any:
                    sent = se.get("sentence") or {}
                    print(f"- FP: {_brief(se)}\n    \"{stext[sent.get('start', 0):sent.get('end', 0)][:160]}\"")


if __name__ == "__main__":
    main()
