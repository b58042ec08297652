"""PNG chart of one relation timeline (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from datetime import date
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


def relation_png(periods: list[RelationPeriod], path: str | Path, title: str | None = None) -> Path:
    path = Path(path)
    fig, ax = plt.subplots(figsize=(8, 3.5))
    try:
        # matplotlib plots dates natively; its stubs only declare numeric arrays, hence Any
        days: list[Any] = [date.fromisoformat(p.start) for p in periods]
        scores = [p.score for p in periods]
        ax.axhline(0, color="black", linewidth=0.6)
        ax.plot(days, scores, color="#34495e", linewidth=1)
        ax.scatter(days, scores, c=[STATUS_COLOURS[p.status] for p in periods], zorder=3)
        for day, p in zip(days, periods, strict=True):
            if p.changed_from:
                ax.annotate(p.status, (day, p.score), textcoords="offset points", xytext=(0, 8), ha="center")
        ax.set_ylabel("conflict (−) / cooperation (+)")
        if periods:
            ax.set_title(title or f"{periods[0].a} – {periods[0].b}")
        fig.autofmt_xdate()
        fig.tight_layout()
        fig.savefig(path, format="png", dpi=100)
    finally:
        plt.close(fig)
    return path
