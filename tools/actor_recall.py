#!/usr/bin/env python3
"""How many of the gold actors' mentions in articles-dev the actors stage finds (a diagnostic for
the actor lexicons, not a benchmark): a gold mention counts as found when some system actor mention
equals it or one holds the other (leading articles ignored).

Read the per-mention listing (-v) on the *tuning* part only (docs/evaluation.md names the split).

    python tools/actor_recall.py GOLD_DIR [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections import Counter
from pathlib import Path

from allegiance.evaluation.articles import extract_all, input_row
from allegiance.pipeline import Pipeline

ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)


def _bare(text: str) -> str:
    return ARTICLE.sub("", text.strip().lower())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    golds = [json.loads(f.read_text()) for f in sorted(args.gold_dir.glob("*.json"))]
    with tempfile.TemporaryDirectory() as tmp:
        docs, _ = extract_all([input_row(g) for g in golds], Path(tmp), Pipeline())
    by_url = {d.get("url"): d for d in docs}
    total = found = 0
    missed: Counter[str] = Counter()
    for gold in golds:
        doc = by_url.get(gold.get("url")) or {}
        forms = {_bare(m["text"]) for a in doc.get("actors", []) for m in a.get("mentions", [])}
        for actor in gold.get("actors", []):
            for mention in actor.get("mentions", []):
                if mention.lower() not in gold["text"].lower():
                    continue
                total += 1
                want = _bare(mention)
                ok = want in forms or any(len(f) > 2 and (f in want or want in f) for f in forms)
                found += ok
                if not ok:
                    missed[actor["type"]] += 1
                    if args.verbose:
                        print(f"MISS {actor['type']:15} {mention!r} ({actor['name']})")
    print(f"{found}/{total} gold actor mentions found ({found / max(total, 1):.3f}); missed by type: {dict(missed)}")


if __name__ == "__main__":
    main()
