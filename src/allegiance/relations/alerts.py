"""Alerts: a relation's status changed from one period to the next ("Taliban–Islamic State:
hostile → truce, reported, 2 outlets")."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..records import Alert, RelationPeriod
from .timeline import Pair


def _name(actor_id: str, names: Mapping[str, str] | None) -> str:
    return (names or {}).get(actor_id, actor_id)


def alerts(
    lines: Mapping[Pair, list[RelationPeriod]],
    since: date | str | None = None,
    threshold: float = 0.0,
    min_outlets: int = 0,
    names: Mapping[str, str] | None = None,
) -> list[Alert]:
    """Every status change whose new period starts on/after `since`, with |score| >= `threshold`
    and at least `min_outlets` independent sources. Periods of unknown status are skipped over:
    a change is measured against the last known status. Newest first."""
    since_day = date.fromisoformat(since) if isinstance(since, str) else since
    out: list[Alert] = []
    for (a, b), periods in lines.items():
        previous: RelationPeriod | None = None
        for period in periods:
            if period.status == "unknown":
                continue
            if previous is not None and period.status != previous.status:
                strong = abs(period.score) >= threshold and period.outlets >= min_outlets
                recent = since_day is None or date.fromisoformat(period.end) >= since_day
                if strong and recent:
                    outlets = f"{period.outlets} outlet{'s' if period.outlets != 1 else ''}"
                    message = (
                        f"{_name(a, names)}–{_name(b, names)}: {previous.status} → {period.status}"
                        f" ({period.period}), {period.certainty or 'unknown certainty'}, {outlets}"
                    )
                    out.append(
                        Alert(
                            a=a,
                            b=b,
                            period=period.period,
                            previous=previous.status,
                            status=period.status,
                            certainty=period.certainty,
                            outlets=period.outlets,
                            strength=abs(period.score),
                            events=period.events,
                            message=message,
                        )
                    )
            previous = period
    return sorted(out, key=lambda al: (al.period, al.a, al.b), reverse=True)
