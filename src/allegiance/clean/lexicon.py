"""Load the chrome patterns and section labels (data/clean/*.yaml), checked against their schemas."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..lexicons import load_data

BULLET = re.compile(r"^[-–—•·*]\s+")


def _load(name: str, schema: str) -> Any:
    return load_data("clean", name, schema)


@cache
def chrome_patterns() -> dict[str, re.Pattern[str]]:
    """group name → one compiled whole-line pattern (the group's expressions as alternatives)."""
    groups = _load("chrome.yaml", "schema.json")
    return {
        # trailing punctuation and menu separators ("News|", "Share »") do not change what a line is
        group: re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + r")[\s:.!|»>•·-]*", re.IGNORECASE)
        for group, patterns in groups.items()
    }


@cache
def section_labels() -> frozenset[str]:
    return frozenset(label.casefold() for label in _load("sections.yaml", "sections.schema.json")["sections"])


def chrome_group(line: str) -> str | None:
    """The chrome group a whole stripped line belongs to, or None for a line that may be body."""
    # a widget listed as a menu item ("- Print Article", "• Share") is the same widget
    bare = BULLET.sub("", line)
    for group, pattern in chrome_patterns().items():
        if pattern.fullmatch(line) or (bare != line and pattern.fullmatch(bare)):
            return group
    return None
