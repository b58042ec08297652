"""The common result of every scorer: precision/recall/F1 overall and per category, extra figures,
and an optional confusion table; printed as text (Rich) or JSON."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class PRF:
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Report:
    name: str
    overall: PRF = field(default_factory=PRF)
    per_category: dict[str, PRF] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)  # accuracy, counts, mean error, …
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted) → n
    notes: list[str] = field(default_factory=list)

    def category(self, name: str) -> PRF:
        return self.per_category.setdefault(name, PRF())

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "overall": self.overall.as_dict(),
            "per_category": {k: v.as_dict() for k, v in sorted(self.per_category.items())},
            **self.metrics,
            "confusion": [
                {"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(self.confusion.items())
            ],
            "notes": self.notes,
        }
