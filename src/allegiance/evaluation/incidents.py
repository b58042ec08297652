"""`allegiance eval incidents GOLD_DIR`: cross-article incident clustering on annotated articles.

Gold article files (shared/data/articles-dev format) give each concrete event an `incident` key,
shared exactly by the events of one real incident in different articles. Two figures, each as
pairwise precision/recall/F1 over pairs of events from *different* articles (what incidents are
for; pairs inside one article are another pass's business):

- `gold`: the gold events themselves clustered (actor names as ids, places without coordinates,
  the evidence sentence as the event text) — the clustering alone, as if extraction were perfect;
- `extracted`: the pipeline run over the articles (as `eval articles` runs it), its events
  clustered, and each extracted event aligned to a gold event of the same category (or the
  codebook's double reading, the official scorer's `same_type`) whose evidence or `also` sentence
  its sentence overlaps; unaligned extracted events are left out of the pairs.

The files are split into a tuning part (names matching `tune`, by default `dev-[abc]-*`) and a
measuring part (the rest), each clustered on its own and reported separately, so that rules tuned
on one part are judged on the other.
"""

from __future__ import annotations

import fnmatch
import json
import re
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any, cast, get_args

from ..records import Actor, ActorType, Document, Event, Participant, Span, TextSpan, When, Where
from .articles import default_scorer, extract_all, input_row, load_scorer
from .report import PRF, Report

DEFAULT_TUNE = "dev-[abc]-*"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _gold_place(e: dict[str, Any]) -> Where | None:
    if e.get("location"):
        return Where(name=e["location"], admin1=e.get("admin1"), country=e.get("country"))
    if e.get("admin1"):
        return Where(name=e["admin1"], admin1=e["admin1"], country=e.get("country"), kind="admin1")
    if e.get("country"):
        return Where(name=e["country"], country=e["country"], kind="country")
    return None


def actor_id(name: str, kb: Any = None) -> str:
    """The knowledge base's id for a gold actor name (so that its parent is known), else the id
    of an actor discovered in the text, as resolution makes it ("x-" + slug)."""
    found = sorted(set(kb.by_alias(name))) if kb is not None else []
    return found[0] if len(found) == 1 else "x-" + slug(name)


def _participants(name: str | None, kb: Any) -> list[Participant]:
    return [Participant(id=actor_id(name, kb), text=name, start=0, end=len(name))] if name else []


def _actors(article: dict[str, Any], kb: Any) -> list[Actor]:
    out = []
    for a in article.get("actors", []):
        info = kb.get(actor_id(a["name"], kb)) if kb is not None else None
        if info is not None:
            out.append(Actor(**info.model_dump()))
        else:
            kind = cast(ActorType, a.get("type") if a.get("type") in get_args(ActorType) else "other")
            out.append(
                Actor(
                    id=actor_id(a["name"]), name=a["name"], type=kind, country=a.get("country"), in_kb=False
                )
            )
    return out


def gold_event(article: dict[str, Any], k: int, kb: Any = None) -> Event:
    e = article["events"][k]
    text = e.get("evidence") or ""
    day = e.get("date")
    start = max(0, article["text"].find(text))
    return Event(
        id=f"{article['id']}-{k}",
        event=e["type"],
        mode=e.get("mode"),
        actor=_participants(e.get("source"), kb),
        recipient=_participants(e.get("target"), kb),
        eventText=text,
        trigger=TextSpan(start=start, end=start, text=""),
        sentence=Span(start=start, end=start + len(text)),
        certainty=e.get("modality") or "asserted",
        date=When(start=day, end=day, granularity="day", text=day) if day else None,
        location=_gold_place(e),
        dead=e.get("dead"),
        injured=e.get("injured"),
    )


def gold_documents(
    articles: Iterable[dict[str, Any]], kb: Any = None
) -> tuple[list[Document], dict[str, tuple[str, str]]]:
    """The gold events as Documents, and the truth: event id -> (article id, incident key). With a
    knowledge base, gold actor names it knows get its ids and parents, as resolution would give."""
    docs, truth = [], {}
    for article in articles:
        events = [gold_event(article, k, kb) for k in range(len(article["events"]))]
        for ev, e in zip(events, article["events"], strict=True):
            truth[ev.id] = (article["id"], e.get("incident") or ev.id)
        published = datetime.fromisoformat(article["published"]) if article.get("published") else None
        docs.append(
            Document(
                id=article["id"],
                source=article["id"],
                url=article.get("url"),
                published=published,
                text=article["text"],
                actors=_actors(article, kb),
                events=events,
            )
        )
    return docs, truth


def cross_pairs(clusters: dict[str, str], truth: dict[str, tuple[str, str]]) -> PRF:
    """Pairwise P/R over pairs of events from different documents. `truth`: id -> (doc, key)."""
    ids = sorted(truth)
    prf = PRF()
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if truth[a][0] == truth[b][0]:
                continue
            same, gold = clusters[a] == clusters[b], truth[a][1] == truth[b][1]
            prf.tp += same and gold
            prf.fp += same and not gold
            prf.fn += gold and not same
    return prf


def clustered(docs: list[Document], options: Any = None) -> dict[str, str]:
    from ..incidents import cluster, options_from_documents

    options = options or options_from_documents(docs)
    return {m.event.id: inc.id for inc in cluster(docs, options) for m in inc.mentions}


ODD_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009]")


def _copies(text: str, needle: str | None) -> list[tuple[int, int]]:
    """Where a gold sentence lies in the system's clean text: every copy of its first (else its
    last) 80 characters, odd spaces read as plain ones, as the official scorer locates it."""
    text, needle = ODD_SPACES.sub(" ", text), ODD_SPACES.sub(" ", needle or "")
    for frag in (needle[:80], needle[-80:]) if needle else ():
        found, i = [], text.find(frag)
        while i >= 0:
            found.append((i, i + len(frag)))
            i = text.find(frag, i + 1)
        if found:
            return found
    return []


def align(scorer: ModuleType | None, article: dict[str, Any], doc: dict[str, Any]) -> dict[str, int]:
    """Extracted event id -> index of the gold event it reports: same category (the scorer's
    `same_type` where it has one), a sentence overlapping the gold evidence or an `also` sentence;
    among several, the one whose participants match (the scorer's `event_ok`), then the primary."""
    same_type = getattr(scorer, "same_type", lambda ge, label: ge["type"] == label)
    event_ok = getattr(scorer, "event_ok", None)

    def participants_match(ge: dict[str, Any], se: dict[str, Any]) -> bool:
        if event_ok is None or scorer is None:
            return True
        return bool(event_ok(ge, se, scorer.gold_names(article), scorer.sys_actor_forms(doc), True))

    text = doc.get("text") or ""
    spans = [
        [
            (k, c)
            for k, sentence in enumerate([ge.get("evidence")] + list(ge.get("also", [])))
            for c in _copies(text, sentence)
        ]
        for ge in article.get("events", [])
    ]
    out = {}
    for se in doc.get("events") or []:
        sent = se.get("sentence") or {}
        lo, hi = sent.get("start", -1), sent.get("end", -1)
        best = None
        for g, ge in enumerate(article.get("events", [])):
            on = [k for k, (a, b) in spans[g] if a < hi and lo < b]
            if not on or not same_type(ge, se.get("event")):
                continue
            rank = (not participants_match(ge, se), min(on) != 0, g)
            best = min(best, rank) if best else rank
        if best is not None:
            out[se["id"]] = best[2]
    return out


def extracted_truth(
    scorer: ModuleType | None, articles: list[dict[str, Any]], documents: list[dict[str, Any]]
) -> tuple[list[Document], dict[str, tuple[str, str]]]:
    by_url = {d.get("url"): d for d in documents}
    docs, truth = [], {}
    for article in articles:
        doc = by_url.get(article.get("url"))
        if doc is None:
            continue
        for ev_id, g in align(scorer, article, doc).items():
            truth[ev_id] = (doc["id"], article["events"][g].get("incident") or f"{article['id']}-{g}")
        docs.append(Document.model_validate(doc))
    return docs, truth


def parts(files: list[Path], tune: str) -> dict[str, list[Path]]:
    tuning = [f for f in files if fnmatch.fnmatch(f.name, tune)]
    return {"tune": tuning, "measure": [f for f in files if f not in tuning]}


def evaluate(
    path: Path,
    scorer: Path | None = None,
    limit: int | None = None,
    pipeline: Any = None,
    tune: str = DEFAULT_TUNE,
    documents: list[dict[str, Any]] | None = None,
) -> Report:
    """Cluster gold and extracted events of the gold articles in `path`; pairwise figures per part.
    `documents`: already extracted documents (extract's JSON), instead of running the pipeline."""
    path = Path(path)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    files = files[:limit] if limit is not None else files
    if not files:
        raise FileNotFoundError(f"no gold article files (*.json) in {path}")
    scorer_path = Path(scorer) if scorer else default_scorer(files[0].parent)
    # the official scorer gives the codebook's double readings and participant matching; without
    # it, alignment asks for the very same category
    scorer_module = load_scorer(scorer_path) if scorer or scorer_path.is_file() else None
    articles = {f: json.loads(f.read_text(encoding="utf-8")) for f in files}
    notes: list[str] = []
    if documents is None:
        if pipeline is None:
            from ..pipeline import Pipeline

            pipeline = Pipeline()
        with tempfile.TemporaryDirectory(prefix="allegiance-eval-") as tmp:
            rows = [input_row(a) for a in articles.values()]
            documents, notes = extract_all(rows, Path(tmp), pipeline)
    kb = getattr(pipeline, "kb", None)
    if kb is None:
        from ..actors import load_kb

        kb = load_kb()
    report = Report(name="incidents", notes=notes)
    total = PRF()
    for part, part_files in parts(files, tune).items():
        golds = [articles[f] for f in part_files]
        gold_docs, gold_truth = gold_documents(golds, kb)
        gold_prf = cross_pairs(clustered(gold_docs), gold_truth)
        sys_docs, sys_truth = extracted_truth(scorer_module, golds, documents)
        # every extracted event is clustered (unaligned ones can bridge too); aligned ones are scored
        sys_prf = cross_pairs(clustered(sys_docs), sys_truth)
        report.per_category[f"{part}: gold events"] = gold_prf
        report.per_category[f"{part}: extracted events"] = sys_prf
        report.metrics[f"{part}_files"] = len(part_files)
        report.metrics[f"{part}_aligned_events"] = len(sys_truth)
        total.tp, total.fp, total.fn = total.tp + sys_prf.tp, total.fp + sys_prf.fp, total.fn + sys_prf.fn
    report.overall = total
    report.notes.append(
        "pairs of events from different articles; overall = extracted events, both parts; "
        f"tune part = files matching {tune!r}, measure part = the rest, each clustered on its own"
    )
    return report
