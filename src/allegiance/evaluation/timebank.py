"""TimeBank/AQUAINT (TempEval-3 "TBAQ-cleaned", ../shared/data/timebank): time expressions found
and DATE values normalised against the document creation time, TempEval-3 task A style.

Recognition: system expressions (`when.find_expressions`) against every gold TIMEX3 of the body,
matched when the character ranges overlap (TempEval's relaxed match); precision, recall, F1.
Value accuracy: among matched gold DATE expressions, the share whose TimeML value the resolver
reproduces from the DCT (day "1998-01-08", month "1997-10", year "1998", week "1998-W02",
decade "199"). Vague answers (PRESENT_REF, PAST_REF …) are never produced, so they count wrong.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from spacy.language import Language

from ..engine.batch import BATCH_TEXTS
from .report import Report

LEADING_PREP = re.compile(r"^(?:since|from|until|till|for|over)\s+", re.I)
TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


def read_tml(text: str) -> tuple[datetime | None, str, list[GoldTimex]]:
    """(creation time, body text without tags, gold TIMEX3s with offsets into that body)."""
    dct_match = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", text, re.S)
    dct = datetime.fromisoformat(dct_match.group(1)) if dct_match else None
    body_match = re.search(r"<TEXT>(.*?)</TEXT>", text, re.S)
    body = body_match.group(1) if body_match else ""
    plain: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold = []
    position = 0
    for tag in TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        plain.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1) == "":
            open_timex = (length, dict(ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            attrs = open_timex[1]
            gold.append(GoldTimex(open_timex[0], length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    plain.append(html.unescape(body[position:]))
    return dct, "".join(plain), gold


def timeml_value(start: str, end: str, granularity: str) -> str:
    if granularity == "day":
        return start
    if granularity == "month":
        return start[:7]
    if granularity == "year":
        return start[:4]
    if granularity == "decade":
        return start[:3]
    if granularity == "quarter":
        return f"{start[:4]}-Q{(int(start[5:7]) - 1) // 3 + 1}"
    if granularity == "season":
        month = int(start[5:7])
        return f"{start[:4]}-" + {3: "SP", 6: "SU", 9: "FA", 12: "WI"}.get(month, "XX")
    if granularity == "week":
        year, week, _ = datetime.fromisoformat(start).isocalendar()
        return f"{year}-W{week}"  # TimeBank writes weeks unpadded ("2000-W7")
    return f"{start}/{end}"


def evaluate(path: Path, limit: int | None = None, nlp: Language | None = None) -> Report:
    """Score the first `limit` .tml files under `path`; `nlp` reuses an already loaded pipeline."""
    from ..nlp import load_model
    from ..settings import Settings
    from ..when import find_expressions, resolve_text

    nlp = nlp or load_model(Settings.from_env().model)
    report = Report(name="timebank")
    files = sorted(path.rglob("*.tml"))[:limit] if limit else sorted(path.rglob("*.tml"))
    docs = [read_tml(f.read_text(encoding="utf-8")) for f in files]
    dates = correct = 0
    for (dct, _body, gold), doc in zip(docs, nlp.pipe((d[1] for d in docs), batch_size=BATCH_TEXTS), strict=True):
        system = find_expressions(doc)
        used: set[int] = set()
        for g in gold:
            category = report.category(g.type)
            match = next(
                (i for i, s in enumerate(system) if i not in used and s.start < g.end and g.start < s.end),
                None,
            )
            if match is None:
                report.overall.fn += 1
                category.fn += 1
                continue
            used.add(match)
            report.overall.tp += 1
            category.tp += 1
            if g.type == "DATE":
                dates += 1
                # TimeML values the expression itself: "since 1990" is valued 1990
                resolved = resolve_text(LEADING_PREP.sub("", system[match].text), dct)
                got = timeml_value(*resolved.iso(), resolved.granularity) if resolved else "null"
                correct += got == g.value

        report.overall.fp += len(system) - len(used)
    report.notes.append("per-type figures are recall only: system expressions carry no TimeML type")
    report.metrics["documents"] = len(docs)
    report.metrics["dates_matched"] = dates
    report.metrics["date_value_accuracy"] = round(correct / dates, 4) if dates else 0.0
    report.notes.append(
        "recognition over all TIMEX3 types (overlap match); value accuracy over matched DATEs"
    )
    return report
