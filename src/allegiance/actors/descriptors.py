"""Descriptor noun phrases → typed actors ("Afghan forces", "government troops", "militants").

The head noun's class comes from the lexicon; the referent from its modifiers: a named group
("Taliban fighters"), a nationality or country ("Afghan and US officials" → two governments), a side
("pro-government militia"), else the article's main country (state roles) or the nearest armed group
(militants). Unknown attackers ("gunmen") and civilians get unnamed actors of their own.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from spacy.tokens import Token

from .leaders import forces_of_leader
from .lexicon import Lexicon
from .mentions import DocActors, is_locative
from .scope import scoped_id

MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod", "nn"}
STATE_TYPES = {"country", "government", "military", "police"}
ARMED_TYPES = {"rebels", "militia"}
SENTENCE_WINDOW = 80  # tokens: how far back "the militants" looks for the group it stands for


def main_country(state: DocActors) -> str | None:
    """The country id the article is mostly about: the most frequent country among its state actors,
    nationality words and country names (as actors or places). It must recur across sentences and
    lead outright; one demonym in one sentence ("an Israeli army post") says nothing about who
    "officials" are."""
    votes: Counter[str] = Counter()
    sentences: dict[str, set[int]] = {}

    starts = [sent.start_char for sent in state.doc.sents]

    def vote(iso: str | None, char: int) -> None:
        if iso:
            votes[iso] += 1
            sentences.setdefault(iso, set()).add(bisect_right(starts, char))

    for actor in state.actors.values():
        if actor.type in STATE_TYPES and actor.country:
            for m in actor.mentions:
                vote(actor.country, m.start)
    # the country names already counted as actors; the rest are places or descriptor modifiers
    # ("Nigeria's government", read after this vote) and count as nationality words do
    acting = {m.start for a in state.actors.values() for m in a.mentions}
    for ent in state.doc.ents:
        cid = state.kb.by_demonym(ent.text) if ent.label_ == "NORP" else None
        if ent.label_ == "GPE" and not ent.ent_id_:
            cid = state.kb.by_metonym(ent.text)
        if (
            ent.label_ == "GPE"
            and ent.ent_id_
            and (info := state.kb.get(ent.ent_id_))
            and info.type == "country"
        ) and (is_locative(ent.root) or ent.start_char not in acting):
            cid = info.id
        if cid and (info := state.kb.get(cid)):
            vote(info.country, ent.start_char)
    ranked = votes.most_common(2)
    if not ranked:
        return None
    top, count = ranked[0]
    if count < 2 or len(sentences[top]) < 2 or (len(ranked) == 2 and ranked[1][1] == count):
        return None
    return state.kb.country_id(top)


def dominant_armed_group(state: DocActors) -> str | None:
    counts = Counter({a.id: len(a.mentions) for a in state.actors.values() if a.type in ARMED_TYPES})
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def modifiers(head: Token) -> list[Token]:
    out = []
    doc = head.doc
    for child in head.lefts:
        if any("\n" in t.text for t in doc[child.i : head.i]):
            continue  # a caption above the line ("[Reuters]\n\nTroops …") is parsed into the phrase
        if child.dep_ in MODIFIER_DEPS:
            out.append(child)
            out.extend(c for c in child.children if c.dep_ == "conj")
    return out


def is_modifier(token: Token) -> bool:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in {"amod", "compound"}


def backed(token: Token, lex: Lexicon) -> bool:
    """ "US-backed", "Washington-trained": the country is the backer, not the referent."""
    doc = token.doc
    nxt = token.i + 1
    return (
        nxt + 1 < len(doc)
        and doc[nxt].text == "-"
        and doc[nxt + 1].lower_ in lex.backer_suffixes
        or (token.head.lower_ in lex.backer_suffixes and token.dep_ in {"npadvmod", "compound"})
    )


def referents_from_modifiers(
    state: DocActors, head: Token, lex: Lexicon
) -> tuple[list[str], list[str], set[str]]:
    """(named actors, country ids, side/other cue words) among the head's modifiers."""
    named: list[str] = []
    countries: list[str] = []
    cues: set[str] = set()
    led: list[str] = []
    for mod in modifiers(head):
        if backed(mod, lex):
            # "Vietnamese-led forces" are the leader's own forces when nothing else names them
            if (cid := state.kb.by_demonym(mod.text) or country_of_name(state, mod)) and leads(mod):
                led.append(cid)
            continue
        if mod.lower_ in lex.backer_suffixes:  # "Vietnamese-led" parsed with "led" as the head
            leader = [c for c in mod.children if c.dep_ in {"npadvmod", "compound", "nmod", "amod"}]
            cid = next((state.kb.by_demonym(c.text) or country_of_name(state, c) for c in leader), None)
            if cid and mod.lower_ == "led":
                led.append(cid)
            continue
        words = {t.lower_ for t in mod.subtree}
        if words & lex.side_prefixes:
            cues.add("side")
            continue
        cues.add(mod.lower_)
        cid = state.kb.by_demonym(mod.text)
        if cid is None and mod.ent_id_ and state.kb.get(mod.ent_id_):
            info = state.kb.get(mod.ent_id_)
            if info is not None and info.type == "country":
                cid = info.id
            elif info is not None:
                named.append(state.ensure(info))
                continue
        if cid is None and mod.ent_type_ == "GPE":
            cid = state.kb.by_metonym(mod.text)
        if cid is not None:
            countries.append(cid)
        elif mod.ent_type_ == "NORP" and not mod.ent_id_ and mod.text[:1].isupper():
            cues.add("nationality")  # "Serb forces": a people the KB has no state for
        elif mod.ent_type_ in {"ORG", "NORP"} and not mod.ent_id_:
            owner = next((a.actor for a in state.anchors if a.token == mod.i), None)
            if owner:
                named.append(owner)
    return named, countries or led, cues


def country_of_name(state: DocActors, token: Token) -> str | None:
    info = state.kb.get(token.ent_id_) if token.ent_id_ else None
    return info.id if info is not None and info.type == "country" else state.kb.by_metonym(token.text)


def leads(token: Token) -> bool:
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 2].lower_ == "led" or token.head.lower_ == "led"


def phrase_bounds(head: Token) -> tuple[int, int]:
    start = head.i
    for mod in modifiers(head):
        start = min(start, mod.left_edge.i)
    doc = head.doc
    # a caption or line break before the head ("[Getty]\n\nForces …") is never part of the phrase
    for i in range(head.i - 1, start - 1, -1):
        if "\n" in doc[i].text or doc[i].text in {"]", ")", "|"}:
            start = i + 1
            break
    while start < head.i and (
        doc[start].is_space or doc[start].dep_ in {"det", "nummod", "quantmod", "predet"}
    ):
        start += 1
    return doc[start].idx, head.idx + len(head.text)


def resolve_descriptors(state: DocActors, lex: Lexicon) -> None:
    country = main_country(state)
    dominant = dominant_armed_group(state)
    for head in state.doc:
        if head.pos_ not in {"NOUN", "PROPN"} or head.i in state.covered or is_modifier(head):
            continue  # a modifier ("civilian and government targets") is read with its own head
        if head.dep_ == "dobj" and head.head.lemma_ == "join":
            continue  # "join forces with": an idiom, not the armed forces
        word = head.lower_
        if word in lex.branch_nouns:
            resolve_branch(state, head)
            continue
        role = lex.state_role(word)
        kinds = [role] if role else []
        if not kinds and word not in lex.armed | lex.unknown_attackers | lex.civilians:
            continue
        named, countries, cues = referents_from_modifiers(state, head, lex)
        start, end = phrase_bounds(head)
        led = forces_of_leader(state, head) if (role == "military" or word in lex.armed) else None
        if led is not None and not countries:
            named, end = led
        targets = list(named)
        if not targets and role:
            targets = state_targets(state, head, role, countries, cues, country, lex)
        elif not targets and word in lex.armed:
            targets = armed_targets(state, head, countries, cues, dominant)
        elif not targets and word in lex.unknown_attackers:
            targets = [state.ensure_new(plural(head), "rebels", actor_id="x-" + plural(head))]
            state.collective.setdefault(targets[0], countries[0] if countries else None)
        elif not targets and word in lex.civilians:
            protest = word.startswith(("protest", "demonstr")) or word == "crowd"
            name = "protesters" if protest else "civilians"
            # one id per country: "Afghan civilians" and "Armenian civilians" are not one party
            cid = countries[0] if countries else None
            iso = state.kb.actors[cid].country if cid else None
            actor_id = scoped_id(f"x-{name}", iso)
            targets = [state.ensure_new(name, "civilians", country=iso, actor_id=actor_id)]
            state.collective.setdefault(targets[0], cid)
        for target in targets:
            state.add(target, start, end, "descriptor", head)


def state_targets(
    state: DocActors,
    head: Token,
    role: str,
    countries: list[str],
    cues: set[str],
    country: str | None,
    lex: Lexicon,
) -> list[str]:
    if not countries and "nationality" in cues:
        # a nationality the KB does not know is still not the article's main country
        start, end = phrase_bounds(head)
        label = " ".join(head.doc.text[start:end].split())
        return [state.ensure_new(label, role)]  # type: ignore[arg-type]
    if not countries:
        if head.lower_ in lex.needs_country or cues & lex.foreign_modifiers or "side" in cues:
            return []
        # "The Sudanese army … the army": the nearest actor of that role first, then the main country
        recent = state.before(head.i, lambda a: state.type_of(a) == role, SENTENCE_WINDOW * 3)
        if recent:
            return [recent.actor]
        if country is None:
            return []
        countries = [country]
    targets = []
    for cid in countries:
        child = state.kb.child(cid, role)
        if child and state.ensure_kb(child):
            targets.append(child)
    return targets


def armed_targets(
    state: DocActors, head: Token, countries: list[str], cues: set[str], dominant: str | None
) -> list[str]:
    name = plural(head)
    if "side" in cues or countries:
        # "pro-Russian separatists", "Syrian rebels": an unnamed group named by its phrase
        start, end = phrase_bounds(head)
        label = " ".join(head.doc.text[start:end].split())
        iso = state.kb.actors[countries[0]].country if countries else None
        found = state.ensure_new(label, "militia" if "side" in cues else "rebels", country=iso)
        state.collective.setdefault(found, countries[0] if countries else None)
        return [found]
    if not several(head):
        # "three militias", "rival groups": several parties, so none of the named ones in particular
        recent = state.before(head.i, lambda a: state.type_of(a) in ARMED_TYPES, SENTENCE_WINDOW)
        if recent:
            return [recent.actor]
        if dominant:
            return [dominant]
    found = state.ensure_new(name, "rebels", actor_id="x-" + name)
    state.collective.setdefault(found, None)
    return [found]


SEVERAL_WORDS = {"several", "various", "rival", "other", "many", "numerous", "multiple", "some", "both", "different"}


def several(head: Token) -> bool:
    """The phrase counts more than one party: a number above one or a word of plurality."""
    from ..events.casualties import number_value

    for child in head.children:
        if child.dep_ in {"nummod", "quantmod"} and (number_value(child) or 0) > 1:
            return True
        if child.dep_ in {"amod", "det", "predet"} and child.lower_ in SEVERAL_WORDS:
            return True
    return False


def plural(head: Token) -> str:
    word = head.lower_
    return (
        word
        if head.tag_ in {"NNS", "NNPS"}
        or word.endswith("s")
        or word in {"police", "people", "crowd", "militia"}
        else head.lemma_.lower() + "s"
    )


def resolve_branch(state: DocActors, head: Token) -> None:
    """ "the Afghan wing of Daesh" → the group's branch in that country (ISKP), or a new one."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group_tok = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if group_tok is None:
        return
    group = next((a.actor for a in state.anchors if a.token == group_tok.i), None)
    if group is None or state.type_of(group) not in ARMED_TYPES | {"political_party", "igo"}:
        return
    countries = [
        c
        for c in (
            state.kb.by_demonym(m.text) or (m.ent_id_ if state.kb.get(m.ent_id_ or "-") else None)
            for m in modifiers(head)
        )
        if c
    ]
    if not countries:
        return
    iso = state.kb.actors[countries[0]].country
    branch = next((a.id for a in state.kb.actors.values() if a.parent == group and a.country == iso), None)
    if branch:
        state.ensure_kb(branch)
    else:
        parent = state.actors[group]
        branch = state.ensure_new(
            f"{parent.name} ({iso} {head.lower_})", parent.type, country=iso, parent=group
        )
    start, _ = phrase_bounds(head)
    state.add(branch, start, group_tok.right_edge.idx + len(group_tok.right_edge.text), "descriptor", head)
