"""The actor knowledge base: YAML files under data/actors/, plus user files that extend them.

Entries are `records.ActorInfo`; the KB-only fields (`demonyms`, `metonyms`, `affiliation`,
`role`) are kept in side tables so that the record type stays the pipeline's shared contract.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..errors import AllegianceError
from ..lexicons import load_schema
from ..records import ActorInfo

SHIPPED = resources.files("allegiance") / "data" / "actors"
KB_ONLY_FIELDS = ("demonyms", "metonyms", "affiliation", "role")


class KBError(AllegianceError):
    stage = "actors"


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    # one compiled validator: `jsonschema.validate` re-checks the schema on every call (slow on ~1000 rows)
    schema = load_schema("actors", "schema.json")
    return jsonschema.validators.validator_for(schema)(schema)


# the C loader when PyYAML was built with libyaml: the states file is large. The KB reads its files
# itself rather than through lexicons.load_data: user files too, checked and reported entry by entry
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def norm_alias(text: str) -> str:
    """Lookup key for a surface form: lowercase, curly quotes straightened, leading article dropped."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ").strip().lower()
    text = re.sub(r"^(the|a|an)\s+", "", text)
    return re.sub(r"\s+", " ", text)


@dataclass
class Entry:
    info: ActorInfo
    extra: dict[str, Any] = field(default_factory=dict)


def read_entries(text: str, origin: str) -> list[Entry]:
    try:
        rows = yaml.load(text, Loader=YAML_LOADER) or []  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise KBError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(rows, list):
        raise KBError(f"{origin}: expected a list of actor entries")
    validator = _validator()
    out = []
    for i, row in enumerate(rows):
        try:
            validator.validate(row)
        except jsonschema.ValidationError as exc:
            label = row.get("id", "?") if isinstance(row, dict) else row
            raise KBError(f"{origin}: entry {i} ({label}): {exc.message}") from exc
        extra = {k: row.pop(k) for k in KB_ONLY_FIELDS if k in row}
        out.append(Entry(ActorInfo(**row), extra))
    return out


@dataclass
class KnowledgeBase:
    actors: dict[str, ActorInfo] = field(default_factory=dict)
    extra: dict[str, dict[str, Any]] = field(default_factory=dict)
    _index: dict[str, dict[str, list[str]]] | None = field(default=None, repr=False)

    def add(self, entries: Iterable[Entry | ActorInfo]) -> None:
        for e in entries:
            entry = e if isinstance(e, Entry) else Entry(e)
            self.actors[entry.info.id] = entry.info  # later files override earlier ones by id
            self.extra[entry.info.id] = entry.extra
        self._index = None

    def get(self, actor_id: str) -> ActorInfo | None:
        return self.actors.get(actor_id)

    def __len__(self) -> int:
        return len(self.actors)

    def attr(self, actor_id: str, name: str, default: Any = None) -> Any:
        return self.extra.get(actor_id, {}).get(name, default)

    # --- lookups (built lazily, rebuilt after `add`) ---------------------------------------------

    def _lookups(self) -> dict[str, dict[str, list[str]]]:
        if self._index is None:
            index: dict[str, dict[str, list[str]]] = {"alias": {}, "demonym": {}, "metonym": {}}
            for aid, info in self.actors.items():
                for alias in {info.name, *info.aliases}:
                    index["alias"].setdefault(norm_alias(alias), []).append(aid)
                for kind in ("demonym", "metonym"):
                    for word in self.attr(aid, kind + "s", []):
                        index[kind].setdefault(norm_alias(word), []).append(aid)
            self._index = index
        return self._index

    def by_alias(self, text: str) -> list[str]:
        return self._lookups()["alias"].get(norm_alias(text), [])

    def by_demonym(self, text: str) -> str | None:
        """Country id for a nationality adjective ('Afghan', 'afghani'), or None."""
        ids = self._lookups()["demonym"].get(norm_alias(text), [])
        return ids[0] if ids else None

    def by_metonym(self, text: str) -> str | None:
        ids = self._lookups()["metonym"].get(norm_alias(text), [])
        return ids[0] if ids else None

    def child(self, parent_id: str, actor_type: str) -> str | None:
        """The id of `parent_id`'s child of that type (a country's government, military, police)."""
        candidate = f"{parent_id}-{actor_type}"
        if candidate in self.actors and self.actors[candidate].parent == parent_id:
            return candidate
        for aid, info in self.actors.items():
            if info.parent == parent_id and info.type == actor_type:
                return aid
        return None

    def country_id(self, iso3: str | None) -> str | None:
        """The country entry for an ISO alpha-3 code."""
        if iso3 and iso3.lower() in self.actors and self.actors[iso3.lower()].type == "country":
            return iso3.lower()
        return None

    def collisions(self) -> dict[str, list[str]]:
        """Surface forms shared by several actors (the ruler gives them to the first; review these)."""
        return {alias: ids for alias, ids in self._lookups()["alias"].items() if len(set(ids)) > 1}

    def check(self) -> None:
        for a in self.actors.values():
            if a.parent and a.parent not in self.actors:
                raise KBError(f"actor {a.id!r}: parent {a.parent!r} is not in the knowledge base")
            affiliation = self.attr(a.id, "affiliation")
            if affiliation and affiliation not in self.actors:
                raise KBError(f"actor {a.id!r}: affiliation {affiliation!r} is not in the knowledge base")


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
