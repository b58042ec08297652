#!/usr/bin/env python3
"""Chrome-line removal of plain-text scrapes, measured on the 181 pages of the HTML extraction
benchmark (../shared/data/article-extraction), an independent set from many sites.

Each page is turned into a scrape as a recall-oriented extractor collects it (trafilatura with
`favor_recall`: the body plus the teasers, captions, pitches and credits around it); every line is
labelled body when the benchmark's true article body holds it, else chrome. The scrape cleaner
(`clean.scrape.clean_lines`, what plain-text input goes through) is then scored on the chrome
lines: precision = removed lines that are chrome, recall = chrome lines removed.

The benchmark's bodies include some lines our conventions call chrome (wire credits, copyright
lines, bare links), so precision here is a floor; read the listings, not only the figures.

    python tools/chrome_lines.py [--shared ../shared] [--missed] [--wrong]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

import trafilatura

from allegiance.clean.scrape import clean_lines

ROOT = Path(__file__).resolve().parents[1]


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def labelled_pages(shared: Path) -> list[list[tuple[str, bool]]]:
    """Per page, its scrape lines with True for body lines."""
    root = shared / "data" / "article-extraction"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, item in sorted(truth.items()):
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        body = _norm(item.get("articleBody") or "")
        text = trafilatura.extract(html, favor_recall=True, include_comments=False, deduplicate=False) or ""
        lines = [line.strip() for line in text.split("\n") if _norm(line)]
        pages.append([(line, _norm(line) in body) for line in lines])
    return pages


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--missed", action="store_true", help="list chrome lines left in")
    ap.add_argument("--wrong", action="store_true", help="list body lines removed")
    args = ap.parse_args()
    tp = fp = fn = 0
    missed, wrong = [], []
    for page in labelled_pages(args.shared):
        removed = set(clean_lines("\n\n".join(line for line, _ in page)).removed)
        for line, body in page:
            gone = line in removed
            tp += gone and not body
            fp += gone and body
            fn += not gone and not body
            (missed if not gone and not body else wrong if gone and body else []).append(line)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"chrome lines removed: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})")
    for title, listing, show in (("left in", missed, args.missed), ("body removed", wrong, args.wrong)):
        if show:
            print(f"\n{title}:")
            for line in listing:
                print(f"  {line[:140]!r}")


if __name__ == "__main__":
    main()
