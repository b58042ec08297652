"""Load the PLOVER data files (data/plover/*.yaml), validate them against their schemas, and answer
look-ups: which trigger entries a lemma has, which word class a lemma is in, a category's score."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..lexicons import load_data


def _load(name: str, schema: str | None = None) -> Any:
    return load_data("plover", name, schema)


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # "VERB" or "NOUN"
    category: str
    mode: str | None = None
    prep: str | None = None
    particle: str | None = None
    object: frozenset[str] = frozenset()
    not_object: frozenset[str] = frozenset()
    object_ent: frozenset[str] = frozenset()
    reciprocal: bool = False
    recipient_preps: frozenset[str] = frozenset()
    host: bool = False
    from_complement: bool = False
    needs_modifier: frozenset[str] = frozenset()

    @property
    def specificity(self) -> int:
        """More constraints → more specific: "call for <truce>" beats "call for" beats "call"."""
        return sum(
            bool(x)
            for x in (
                self.prep,
                self.particle,
                self.object,
                self.object_ent,
                self.not_object,
                self.needs_modifier,
            )
        )


@dataclass
class Lexicon:
    verbs: dict[str, list[Trigger]]
    nouns: dict[str, list[Trigger]]
    light_verbs: dict[str, list[dict[str, Any]]]
    classes: dict[str, frozenset[str]]
    instruments: dict[str, str | None]
    assault_modes: list[tuple[frozenset[str], str]]
    default_recipient_preps: frozenset[str]
    categories: dict[str, dict[str, Any]]
    contexts: dict[str, frozenset[str]]
    symmetric: frozenset[str] = field(default_factory=frozenset)
    thing_words: frozenset[str] = frozenset()
    agent_nouns: frozenset[str] = frozenset()
    agent_suffixes: tuple[str, ...] = ()
    platform_nouns: frozenset[str] = frozenset()
    claim_verbs: frozenset[str] = frozenset()
    claim_content: frozenset[str] = frozenset()
    blame_words: frozenset[str] = frozenset()

    def is_agent_noun(self, lemma: str) -> bool:
        return lemma in self.agent_nouns or lemma.endswith(self.agent_suffixes)

    def words(self, spec: str | list[str] | None) -> frozenset[str]:
        """A class name expands to its members; a list is taken literally (each item may itself
        be a class name)."""
        if not spec:
            return frozenset()
        items = [spec] if isinstance(spec, str) else spec
        out: set[str] = set()
        for item in items:
            out |= self.classes.get(item, {item})
        return frozenset(out)

    def score(self, category: str, mode: str | None) -> float:
        info = self.categories[category]
        mode_info = (info.get("modes") or {}).get(mode or "", {})
        return float(mode_info.get("score", info["score"]))

    def cameo(self, category: str, mode: str | None) -> str:
        info = self.categories[category]
        return str((info.get("modes") or {}).get(mode or "", {}).get("cameo", info["cameo"]))

    def assault_mode(self, lemmas: set[str]) -> str | None:
        for words, mode in self.assault_modes:
            if words & lemmas:
                return mode
        return None


def lemma_candidates(lemma: str, text: str) -> list[str]:
    """spaCy's lemma first, then regular inflections undone by rule: the small model's lemmatiser
    sometimes errs ("staged" → "stag"), and the data files only list base forms."""
    out = [lemma.lower()]
    w = text.lower()
    if w.endswith("ied") or w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("ed"):
        out += [w[:-1], w[:-2], w[:-3] if len(w) > 4 and w[-3] == w[-4] else w[:-2]]
    elif w.endswith("ing"):
        out += [w[:-3] + "e", w[:-3], w[:-4] if len(w) > 5 and w[-4] == w[-5] else w[:-3]]
    elif w.endswith("es"):
        out += [w[:-1], w[:-2]]
    elif w.endswith("s"):
        out.append(w[:-1])
    out.append(w)
    return list(dict.fromkeys(out))


def lookup(table: dict, lemma: str, text: str) -> tuple[str, list] | None:
    for cand in lemma_candidates(lemma, text):
        if cand in table:
            return cand, table[cand]
    return None


@cache
def load() -> Lexicon:
    raw = _load("triggers.yaml", "triggers.schema.json")
    categories = _load("categories.yaml", "categories.schema.json")
    classes = {k: frozenset(v) for k, v in raw["classes"].items()}
    lex = Lexicon(
        verbs={},
        nouns={},
        light_verbs={},
        classes=classes,
        instruments=raw["instruments"],
        assault_modes=[(frozenset(r["words"]), r["mode"]) for r in raw["assault_modes"]],
        default_recipient_preps=frozenset(raw["defaults"]["recipient_preps"]),
        categories=categories,
        contexts={k: frozenset(v) for k, v in _load("contexts.yaml").items()},
        symmetric=frozenset(k for k, v in categories.items() if v.get("symmetric")),
        agent_nouns=frozenset(raw["participants"]["agent_nouns"]),
        agent_suffixes=tuple(raw["participants"]["agent_suffixes"]),
        platform_nouns=frozenset(raw["participants"].get("platform_nouns", [])),
        claim_verbs=frozenset(raw.get("claims", {}).get("verbs", [])),
        claim_content=frozenset(raw.get("claims", {}).get("content", [])),
        blame_words=frozenset(raw.get("claims", {}).get("blame", [])),
    )
    lex.thing_words = lex.words(raw["participants"]["thing_classes"])
    for pos, key, table in (("VERB", "verbs", lex.verbs), ("NOUN", "nouns", lex.nouns)):
        for row in raw[key]:
            trig = Trigger(
                lemma=row["lemma"],
                pos=pos,
                category=row["category"],
                mode=row.get("mode"),
                prep=row.get("prep"),
                particle=row.get("particle"),
                object=lex.words(row.get("object")),
                not_object=lex.words(row.get("not_object")),
                object_ent=frozenset(row.get("object_ent", [])),
                reciprocal=row.get("reciprocal", False),
                recipient_preps=frozenset(row.get("recipient_preps", [])) or lex.default_recipient_preps,
                host=row.get("host", False),
                from_complement=row.get("from_complement", False),
                needs_modifier=frozenset(row.get("needs_modifier", [])),
            )
            table.setdefault(trig.lemma, []).append(trig)
    for table in (lex.verbs, lex.nouns):
        for entries in table.values():
            entries.sort(key=lambda t: -t.specificity)
    for row in raw["light_verbs"]:
        row = dict(row)
        row["object"] = lex.words(row.get("object"))
        lex.light_verbs.setdefault(row["lemma"], []).append(row)
    for rows in lex.light_verbs.values():
        rows.sort(key=lambda r: -(bool(r["object"]) + bool(r.get("particle"))))
    for table in (lex.verbs, lex.nouns):
        for entries in table.values():
            for trig in entries:
                if trig.mode and trig.mode not in (categories[trig.category].get("modes") or {}):
                    raise ValueError(f"trigger {trig.lemma!r}: mode {trig.mode!r} not a {trig.category} mode")
    return lex
