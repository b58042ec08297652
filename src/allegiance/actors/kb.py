"""The actor knowledge base: YAML files under data/actors/, plus user files that extend them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import jsonschema
import yaml

from ..errors import AllegianceError
from ..records import ActorInfo

SHIPPED = resources.files("allegiance") / "data" / "actors"


class KBError(AllegianceError):
    stage = "actors"


def _schema() -> dict:
    return json.loads((SHIPPED / "schema.json").read_text(encoding="utf-8"))


def read_entries(text: str, origin: str) -> list[ActorInfo]:
    try:
        rows = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise KBError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(rows, list):
        raise KBError(f"{origin}: expected a list of actor entries")
    schema = _schema()
    out = []
    for i, row in enumerate(rows):
        try:
            jsonschema.validate(row, schema)
        except jsonschema.ValidationError as exc:
            raise KBError(f"{origin}: entry {i} ({row.get('id', '?') if isinstance(row, dict) else row}): {exc.message}") from exc
        out.append(ActorInfo(**row))
    return out


@dataclass
class KnowledgeBase:
    actors: dict[str, ActorInfo] = field(default_factory=dict)

    def add(self, entries: Iterable[ActorInfo]) -> None:
        for e in entries:
            self.actors[e.id] = e  # later files override earlier ones by id

    def get(self, actor_id: str) -> ActorInfo | None:
        return self.actors.get(actor_id)

    def __len__(self) -> int:
        return len(self.actors)

    def check(self) -> None:
        for a in self.actors.values():
            if a.parent and a.parent not in self.actors:
                raise KBError(f"actor {a.id!r}: parent {a.parent!r} is not in the knowledge base")


def load_kb(extra: Iterable[Path] = ()) -> KnowledgeBase:
    kb = KnowledgeBase()
    for f in sorted(SHIPPED.iterdir(), key=lambda p: p.name):
        if f.name.endswith((".yaml", ".yml")):
            kb.add(read_entries(f.read_text(encoding="utf-8"), f"data/actors/{f.name}"))
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise KBError(f"cannot read knowledge-base file {path}: {exc.strerror}") from exc
        kb.add(read_entries(text, str(path)))
    kb.check()
    return kb
