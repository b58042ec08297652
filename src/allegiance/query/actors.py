"""Actors: one way to turn what a person typed into a stored actor id, the listing, the profile.

A reference is tried against, in turn: the id, the canonical name, a knowledge-base alias, a
surface form seen in the text (all case-insensitive), then a unique prefix of an id, name or alias.
The first kind that matches decides; two actors matching at the same kind is `Ambiguous`, none at
all is `NotFound` — both carry the closest stored names as candidates.
"""

from __future__ import annotations

import difflib
from typing import Any

from .base import Base, Where, like, marks
from .errors import Ambiguous, NotFound
from .filters import Filters, Page, check_page, checked

ACTOR_SORTS = {
    "mentions": "mentions",
    "name": "a.name",
    "id": "a.id",
    "type": "a.type",
    "country": "a.country",
    "events": "events",
}
CANDIDATES = 8

# Each kind of match, most specific first; `?` is the lower-cased reference.
EXACT = [
    ("id", "SELECT id AS actor_id FROM actors WHERE lower(id) = ?"),
    ("name", "SELECT id AS actor_id FROM actors WHERE lower(name) = ?"),
    ("alias", "SELECT DISTINCT actor_id FROM aliases WHERE lower(alias) = ?"),
    ("surface form", "SELECT DISTINCT actor_id FROM mentions WHERE lower(text) = ?"),
]
PREFIX = (
    "SELECT id AS actor_id FROM actors WHERE lower(id) LIKE ? ESCAPE '\\' OR lower(name) LIKE ? ESCAPE '\\' "
    "UNION SELECT actor_id FROM aliases WHERE lower(alias) LIKE ? ESCAPE '\\'"
)


class ActorQueries(Base):
    def resolve_actor(self, reference: str, field: str = "actor") -> str:
        """The one stored actor `reference` names; `NotFound` / `Ambiguous` with candidates.
        A reference that resolved is remembered until the store changes."""
        return self.memo(("actor", reference.strip().lower(), field), lambda: self._resolve(reference, field))

    def _resolve(self, reference: str, field: str) -> str:
        key = reference.strip().lower()
        if not key:
            raise NotFound("an actor reference is empty", field)
        for _, sql in EXACT:
            ids = sorted({r["actor_id"] for r in self.rows(sql, [key])})
            if len(ids) == 1:
                return ids[0]
            if ids:
                return self._ambiguous(reference, ids, field)
        prefix = like(key)[1:]  # 'key%': escaped, anchored at the start
        ids = sorted({r["actor_id"] for r in self.rows(PREFIX, [prefix] * 3)})
        if len(ids) == 1:
            return ids[0]
        if ids:
            return self._ambiguous(reference, ids, field)
        raise NotFound(
            f"no stored actor matches {reference!r}" + self._suggest(self._close(key)),
            field,
            self._close(key),
        )

    def _ambiguous(self, reference: str, ids: list[str], field: str) -> str:
        names = self.names(ids)
        shown = [f"{i} ({names[i]})" if names.get(i, i) != i else i for i in ids[:CANDIDATES]]
        more = f" and {len(ids) - CANDIDATES} more" if len(ids) > CANDIDATES else ""
        raise Ambiguous(
            f"{reference!r} matches several actors: {', '.join(shown)}{more}; use an id",
            field,
            ids[:CANDIDATES],
        )

    def _close(self, key: str) -> list[str]:
        """Stored actor ids whose id, name or alias is closest to `key` (difflib ratio)."""
        known: dict[str, str] = {}
        for r in self.rows("SELECT id, name FROM actors UNION ALL SELECT actor_id, alias FROM aliases"):
            known.setdefault(r["name"].lower(), r["id"])
            known.setdefault(r["id"].lower(), r["id"])
        close = difflib.get_close_matches(key, list(known), n=CANDIDATES * 2, cutoff=0.5)
        return list(dict.fromkeys(known[c] for c in close))[:CANDIDATES]

    @staticmethod
    def _suggest(candidates: list[str]) -> str:
        return f"; did you mean {', '.join(candidates)}?" if candidates else ""

    def actors(self, f: Filters, page: Page) -> tuple[int, list[dict[str, Any]]]:
        """Canonical actors, most mentioned first, with counts and the surface forms seen
        (filters: q on id/name/alias, type, country)."""
        f = checked(f)
        key, descending = check_page(page, ACTOR_SORTS, "-mentions")
        where = Where().equal("a.type", f.type).equal("upper(a.country)", f.country)
        if f.q:
            where.add(
                "(a.id ILIKE ? ESCAPE '\\' OR a.name ILIKE ? ESCAPE '\\' OR a.id IN "
                "(SELECT actor_id FROM aliases WHERE alias ILIKE ? ESCAPE '\\'))",
                *[like(f.q)] * 3,
            )
        base = (
            "SELECT a.id, a.name, a.type, a.country, a.parent, a.in_kb, "
            "coalesce(m.mentions, 0) AS mentions, coalesce(m.documents, 0) AS documents, "
            "coalesce(p.events, 0) AS events FROM actors a "
            "LEFT JOIN (SELECT actor_id, count(*) AS mentions, count(DISTINCT document_id) AS documents "
            "FROM mentions GROUP BY actor_id) m ON m.actor_id = a.id "
            "LEFT JOIN (SELECT actor_id, count(*) AS events FROM event_participants GROUP BY actor_id) p "
            "ON p.actor_id = a.id" + where.sql()
        )
        order = f" ORDER BY {ACTOR_SORTS[key]} {'DESC' if descending else 'ASC'} NULLS LAST, a.id"
        total, found = self.listing("actors", f, base, where.params, order, page)
        self._attach_seen(found)
        return total, found

    def _attach_seen(self, actors: list[dict[str, Any]]) -> None:
        """Each actor's surface forms, most frequent first: one statement for the whole page."""
        ids = [a["id"] for a in actors]
        seen: dict[str, list[str]] = {i: [] for i in ids}
        if ids:
            for r in self.rows(
                f"SELECT actor_id, text, count(*) AS n FROM mentions WHERE actor_id IN ({marks(ids)}) "
                "GROUP BY actor_id, text ORDER BY actor_id, n DESC, text",
                ids,
            ):
                seen[r["actor_id"]].append(r["text"])
        for a in actors:
            a["aliases_seen"] = seen[a["id"]]

    def actor(self, reference: str) -> dict[str, Any]:
        """One actor's profile: description, aliases, surface forms, counts, events by category
        and role, parent and children, and the actors it shares events with."""
        actor_id = self.resolve_actor(reference)
        profile = self.rows("SELECT * FROM actors WHERE id = ?", [actor_id])[0]
        profile["aliases"] = [
            r["alias"]
            for r in self.rows("SELECT alias FROM aliases WHERE actor_id = ? ORDER BY seq", [actor_id])
        ]
        self._attach_seen([profile])
        counts = self.rows(
            "SELECT count(*) AS n, count(DISTINCT document_id) AS docs FROM mentions WHERE actor_id = ?",
            [actor_id],
        )[0]
        profile["mentions"], profile["documents"] = counts["n"], counts["docs"]
        profile["events"] = self.rows(
            "SELECT p.role, e.event, count(*) AS n FROM event_participants p JOIN events e "
            "ON e.document_id = p.document_id AND e.seq = p.event_seq WHERE p.actor_id = ? "
            "GROUP BY p.role, e.event ORDER BY n DESC, e.event, p.role",
            [actor_id],
        )
        counterparts = self.rows(
            "SELECT o.actor_id AS id, count(DISTINCT (o.document_id, o.event_seq)) AS events "
            "FROM event_participants p JOIN event_participants o "
            "ON o.document_id = p.document_id AND o.event_seq = p.event_seq AND o.actor_id <> p.actor_id "
            "WHERE p.actor_id = ? GROUP BY o.actor_id ORDER BY events DESC, id LIMIT 10",
            [actor_id],
        )
        names = self.names([c["id"] for c in counterparts] + [profile.get("parent") or ""])
        for c in counterparts:
            c["name"] = names.get(c["id"], c["id"])
        profile["counterparts"] = counterparts
        profile["parent_name"] = names.get(profile["parent"]) if profile.get("parent") else None
        profile["children"] = self.rows(
            "SELECT id, name, type FROM actors WHERE parent = ? ORDER BY name, id", [actor_id]
        )
        return profile
