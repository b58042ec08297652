"""Actor-pair relation timelines, alerts on status changes, and their chart.

Pure functions over `records.Incident` (see incidents.py); weights are data in
data/relations/scores.yaml (`weights.load_weights`).
"""

from __future__ import annotations

from .alerts import alerts
from .timeline import Contribution, Pair, contributions, current_scores, pairs_of, period_of, timelines
from .weights import Weights, load_weights

__all__ = [
    "Contribution",
    "Pair",
    "Weights",
    "alerts",
    "contributions",
    "current_scores",
    "load_weights",
    "pairs_of",
    "period_of",
    "timelines",
]
