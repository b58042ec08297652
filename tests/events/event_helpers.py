"""Assertion helpers for the event-coder tests."""

from __future__ import annotations


def texts(participants) -> str:
    return " | ".join(p.text for p in participants).lower()


def one(events, category):
    found = [e for e in events if e.event == category]
    assert found, f"no {category} in {[(e.event, e.trigger.text) for e in events]}"
    return found[0]
