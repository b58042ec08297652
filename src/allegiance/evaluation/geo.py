"""Geoparsing: toponym recognition and resolution on the corpora of Gritta et al. (TR-News,
GeoVirus, LGL, GeoWebNews — ../shared/data/geoparsing/*.xml).

Recognition: a system toponym matches a gold one when their character ranges overlap (lenient
matching: "the Kunar province" vs "Kunar"); precision, recall, F1. Resolution, on matched pairs
whose gold and system both have coordinates: accuracy within 161 km (100 miles), mean and median
error in km — the usual figures of the field. GeoWebNews toponyms marked non-locational are not
counted as gold. Every toponym use is scored, metonymic ones included ("Moscow said").
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine.batch import BATCH_TEXTS
from .report import Report

EARTH_KM = 6371.0088
ACCURACY_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    lat: float | None
    lon: float | None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _number(node: ET.Element, *names: str) -> float | None:
    for name in names:
        found = node.find(name)
        if found is not None and found.text and found.text.strip():
            try:
                return float(found.text)
            except ValueError:
                return None
    return None


def read_corpus(path: Path, limit: int | None = None) -> list[tuple[str, list[GoldToponym]]]:
    """(text, gold toponyms) per article, whichever of the four corpus layouts the file uses."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        text_node = article.find("text")
        if text_node is None or not text_node.text:
            continue
        gold = []
        for top in [*article.iter("toponym"), *article.iter("location")]:
            if (top.findtext("nonLocational") or "").strip().lower() == "yes":
                continue
            start, end = _number(top, "start"), _number(top, "end")
            if start is None or end is None:
                continue
            lat = _number(top, "gaztag/lat", "lat", "latitude")
            lon = _number(top, "gaztag/lon", "lon", "longitude")
            gold.append(GoldToponym(int(start), int(end), lat, lon))
        articles.append((text_node.text, gold))
        if limit is not None and len(articles) >= limit:
            break
    return articles


def evaluate(path: Path, limit: int | None = None, pipeline: Any = None) -> Report:
    """Score the first `limit` articles; `pipeline` reuses an already loaded `Pipeline`."""
    from ..pipeline import Pipeline  # heavy: spaCy and the gazetteer load only when scoring
    from ..where import find_places

    pipeline = pipeline or Pipeline()
    report = Report(name=f"geo:{path.stem}")
    errors: list[float] = []
    finer: list[float] = []  # below country level: a country's point is a convention, not a place
    articles = read_corpus(path, limit)
    for (_text, gold), doc in zip(articles, pipeline.nlp.pipe((t for t, _ in articles), batch_size=BATCH_TEXTS), strict=True):
        system = find_places(doc, [], pipeline.gazetteer, all_uses=True)
        used: set[int] = set()
        for g in gold:
            match = next(
                (i for i, s in enumerate(system) if i not in used and s.start < g.end and g.start < s.end),
                None,
            )
            if match is None:
                report.overall.fn += 1
                continue
            used.add(match)
            report.overall.tp += 1
            place = system[match].place
            if g.lat is not None and g.lon is not None and place is not None and place.lat is not None:
                errors.append(haversine_km(g.lat, g.lon, place.lat, place.lon or 0.0))
                if place.kind != "country":
                    finer.append(errors[-1])
        report.overall.fp += len(system) - len(used)
    report.metrics["articles"] = len(articles)
    report.metrics["resolved_pairs"] = len(errors)
    if errors:
        report.metrics["acc_at_161km"] = round(sum(e <= ACCURACY_KM for e in errors) / len(errors), 4)
        report.metrics["mean_error_km"] = round(statistics.fmean(errors), 1)
        report.metrics["median_error_km"] = round(statistics.median(errors), 1)
    if finer:
        report.metrics["below_country_pairs"] = len(finer)
        report.metrics["below_country_acc_at_161km"] = round(
            sum(e <= ACCURACY_KM for e in finer) / len(finer), 4
        )
    report.notes.append(
        "recognition: overlapping spans; resolution: matched toponyms with coordinates on both sides"
    )
    return report
