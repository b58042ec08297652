"""PNG chart of one relation timeline (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen before pyplot loads)

from ..records import RelationPeriod  # noqa: E402

STATUS_COLOURS = {
    "hostile": "#c0392b",
    "truce": "#f39c12",
    "allied": "#27ae60",
    "neutral": "#7f8c8d",
    "unknown": "#bdc3c7",
}


def runs(periods: list[RelationPeriod]) -> list[list[int]]:
    """Indexes of `periods` grouped into runs where each period starts the day after the previous
    one ends (the timeline lists only periods that have events)."""
    out: list[list[int]] = []
    for i, p in enumerate(periods):
        if out and date.fromisoformat(periods[i - 1].end) + timedelta(days=1) == date.fromisoformat(p.start):
            out[-1].append(i)
        else:
            out.append([i])
    return out


def relation_png(periods: list[RelationPeriod], path: str | Path, title: str | None = None) -> Path:
    path = Path(path)
    fig, ax = plt.subplots(figsize=(8, 3.5))
    try:
        # matplotlib plots dates natively; its stubs only declare numeric arrays, hence Any
        days: list[Any] = [date.fromisoformat(p.start) for p in periods]
        scores = [p.score for p in periods]
        ax.axhline(0, color="black", linewidth=0.6)
        # one line per run of adjacent periods: a period without events is a gap, not a slope
        for run in runs(periods):
            ax.plot([days[i] for i in run], [scores[i] for i in run], color="#34495e", linewidth=1)
        ax.scatter(days, scores, c=[STATUS_COLOURS[p.status] for p in periods], zorder=3)
        for day, p in zip(days, periods, strict=True):
            if p.changed_from:
                ax.annotate(p.status, (day, p.score), textcoords="offset points", xytext=(0, 8), ha="center")
        # each period that has events gets its own labelled tick, so none hides between two others
        ax.set_xticks(days, [p.period for p in periods])
        ax.set_ylabel("conflict (−) / cooperation (+)")
        if periods:
            ax.set_title(title or f"{periods[0].a} – {periods[0].b}")
        fig.autofmt_xdate()
        fig.tight_layout()
        fig.savefig(path, format="png", dpi=100)
    finally:
        plt.close(fig)
    return path
