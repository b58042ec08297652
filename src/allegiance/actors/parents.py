"""A person's parent actor: whom the person acts for, so that cross-article incident linking
(incidents/, which reads `Actor.parent`) can treat a president's or commander's statements as
those of the state or group.

In order: the organisation the person's own title or apposition names ("LNA spokesperson Ahmed
Mismari"; "Turkish President X" → `tur-government`, noted as the affiliation by resolve.py); the
armed group the knowledge base says the person leads (a group's note "commanded by X",
leaders.group_led_by); the government of the person's country for a state office ("foreign
minister X" placed by titles.py), else of the article's main country.
"""

from __future__ import annotations

from ..records import Actor
from .descriptors import main_country
from .leaders import group_led_by
from .mentions import DocActors

# offices only a state has: a "spokesman" or "secretary" may speak for any body, a "minister" not
STATE_OFFICES = {"president", "prime minister", "premier", "minister", "chancellor", "king", "emir"}


def note_field(actor: Actor, key: str) -> str | None:
    for part in (actor.note or "").split("; "):
        if part.startswith(f"{key}: "):
            return part[len(key) + 2 :]
    return None


def assign_parents(state: DocActors, actors: list[Actor]) -> list[Actor]:
    fallback: list[str | None] = []  # the main country, computed once when first needed
    out = []
    for actor in actors:
        if actor.type != "person" or actor.parent or actor.in_kb:
            out.append(actor)
            continue
        parent = note_field(actor, "affiliation")
        if parent not in state.kb.actors:
            parent = group_of(state, actor)
        if parent is None and note_field(actor, "role") in STATE_OFFICES:
            country = state.kb.country_id(actor.country) if actor.country else None
            if country is None:
                if not fallback:
                    fallback.append(main_country(state))
                country = fallback[0]
            parent = state.kb.child(country, "government") if country else None
        out.append(actor.model_copy(update={"parent": parent}) if parent else actor)
    return out


def group_of(state: DocActors, actor: Actor) -> str | None:
    if actor.id not in state.actors:
        return None
    return group_led_by(state, actor.id)
