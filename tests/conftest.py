"""Shared fixtures: one pipeline per test session (spaCy loads once) and the ../shared data dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = Path(os.environ.get("ALLEGIANCE_SHARED", ROOT.parent / "shared"))
    if not path.is_dir():
        pytest.skip(f"shared evaluation data not found at {path}")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from allegiance.pipeline import Pipeline

    return Pipeline()
