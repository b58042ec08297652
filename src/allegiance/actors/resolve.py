"""Turn the entities of a parsed document into canonical actors with their mentions.

Passes, in order (each adds mentions to one `DocActors`):
1. names — ruler/NER entities: knowledge-base ids, capitals and country names used as agents (not as
   places), unknown organisations, persons (surname and title forms merged), in-text acronym
   definitions "Libyan National Army (LNA)";
2. descriptors — "Afghan forces", "government troops", "militants", "civilians", "the Afghan wing of
   Daesh" (descriptors.py);
3. coreference — pronouns, "the group", "the former/latter", "both groups", "the expert" (coref.py).
"""

from __future__ import annotations

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span

from ..records import Actor, ActorType
from .collectives import resolve_collectives, titled_type
from .coref import resolve_coreference
from .descriptors import resolve_descriptors
from .junk import is_junk_entity
from .kb import KnowledgeBase
from .lexicon import load_lexicon
from .mentions import DocActors, is_locative, slug
from .notactor import prune as prune_not_actors
from .parents import assign_parents
from .scope import new_organisation, scope_collectives
from .titles import place_by_title

ORG_TYPE_WORDS: list[tuple[ActorType, tuple[str, ...]]] = [
    ("media", ("news", "agency", "times", "post", "tv", "television", "radio", "press", "journal", "herald")),
    ("police", ("police", "gendarmerie")),
    ("military", ("army", "forces", "force", "navy", "brigade", "battalion", "command", "guard", "corps")),
    ("government", ("ministry", "government", "council", "parliament", "assembly", "department", "office")),
    ("political_party", ("party",)),
    ("business", ("company", "corporation", "corp", "inc", "ltd", "plc", "airlines", "airways", "petroleum")),
    ("rebels", ("front", "movement", "liberation", "mujahideen", "jihad", "brigades")),
    ("ngo", ("committee", "watch", "foundation", "institute", "center", "centre", "observatory")),
]


def org_type(text: str, titled: ActorType | None = None) -> ActorType:
    words = set(text.lower().replace("-", " ").split())
    for actor_type, cues in ORG_TYPE_WORDS:
        if words & set(cues):
            return actor_type
    return titled or "other"


def resolve(doc: Doc, kb: KnowledgeBase) -> list[Actor]:
    state = DocActors(doc, kb)
    persons = [e for e in doc.ents if e.label_ == "PERSON" and not e.ent_id_]
    surnames = person_surnames(persons)
    for ent in doc.ents:
        resolve_entity(state, ent, surnames)
    resolve_acronym_definitions(state)
    prune_not_actors(state)  # places, things and bylines NER took for names
    resolve_descriptors(state, load_lexicon())
    resolve_collectives(state, load_lexicon())
    resolve_coreference(state, load_lexicon())
    fold_governments(state)
    return scope_collectives(state, assign_parents(state, place_by_title(doc, state.result(), kb)))


def fold_governments(state: DocActors) -> None:
    """Within one article, a country acting ("Colombia suspended talks") and its government ("the
    Colombian government") are one participant: the government's mentions join the country."""
    for actor in list(state.actors.values()):
        if actor.type != "country" or not actor.mentions:
            continue
        government = state.actors.get(state.kb.child(actor.id, "government") or "")
        if government is None or not government.mentions:
            continue
        for m in government.mentions:
            state.add(actor.id, m.start, m.end, m.kind)
        government.mentions.clear()
        actor.note = "; ".join(filter(None, [actor.note, f"includes {government.id}"]))


NAME_PARTICLES = {
    "al",
    "el",
    "ad",
    "ud",
    "bin",
    "ibn",
    "abu",
    "van",
    "von",
    "de",
    "da",
    "del",
    "der",
    "la",
    "le",
}


def name_key(word: str) -> str:
    """Comparable form of a surname: "al-Hadiri", "Al Hadiri" and "al Haderi" → "hadiri"/"haderi"."""
    parts = [p for p in word.lower().replace("-", " ").split() if p not in NAME_PARTICLES]
    return parts[-1] if parts else word.lower()


def person_surnames(persons: list[Span]) -> dict[str, str]:
    """Surname key of each full name → the full name, so that "Kugelman", "Putin" and "Al Hadiri"
    join "Michael Kugelman", "Vladimir Putin" and "Youssef al-Hadiri"."""
    names: dict[str, str] = {}
    for ent in sorted(persons, key=lambda e: -len(e)):
        words = [t.text for t in ent if not t.is_space and not t.is_punct]
        content = [w for w in " ".join(words).replace("-", " ").split() if w.lower() not in NAME_PARTICLES]
        if len(content) >= 2:  # "al Haderi" is a surname form, not a full name
            full = " ".join(words)
            names.setdefault(name_key(full), full)  # the longest name with this surname wins
            names.setdefault(full, names[name_key(full)])
    return names


def full_name_for(text: str, surnames: dict[str, str]) -> str:
    """The full name a short form belongs to: same surname key, or a spelling variant of it
    (transliterations: Haderi/Hadiri), judged with rapidfuzz."""
    if text in surnames:
        return surnames[text]
    key = name_key(text)
    if key in surnames:
        return surnames[key]
    best = process.extractOne(key, [k for k in surnames if " " not in k], scorer=fuzz.ratio, score_cutoff=80)
    if best and best[0][:1] == key[:1] and len(text.split()) <= 2:
        return surnames[best[0]]
    return text


def resolve_entity(state: DocActors, ent: Span, surnames: dict[str, str]) -> None:
    kb = state.kb
    actor_id = ent.ent_id_ or None
    if actor_id is None and ent.label_ in {"ORG", "GPE", "NORP", "PERSON", "FAC"}:
        ids = kb.by_alias(ent.text)
        actor_id = ids[0] if ids else None
    if actor_id is not None and kb.get(actor_id):
        info = kb.get(actor_id)
        if (
            info is not None
            and info.type == "country"
            and (is_locative(ent.root) or is_descriptor_modifier(ent) or inside_other_name(ent, kb))
        ):
            return
        state.ensure_kb(actor_id)
        state.add_span(actor_id, ent, "name")
        return
    text = " ".join(t.text for t in ent if not t.is_space)
    metonym_of = kb.by_metonym(ent.text)
    if ent.label_ == "GPE" or metonym_of or kb.by_demonym(ent.text):
        # capitals and nationality words are never persons or new organisations, whatever NER says
        if metonym_of and not is_locative(ent.root) and not is_descriptor_modifier(ent):
            state.ensure_kb(metonym_of)
            state.add_span(metonym_of, ent, "name")
        return
    if ent.label_ in {"PERSON", "ORG"} and len(ent) == 1 and is_locative(ent.root):
        return  # "in Goma", "near Axum": a place the model took for a person
    if is_junk_entity(ent) and full_name_for(text, surnames) == text:
        return  # "22:01 GMT", "POLICE RAID", a lone headline word (a headline surname still joins)
    if ent.label_ == "PERSON" or (
        ent.label_ == "ORG" and len(text.split()) <= 2 and full_name_for(text, surnames) != text
    ):
        resolve_person(state, ent, surnames)
        return
    if ent.label_ == "ORG":
        name = strip_article(text)
        if name and looks_like_name(ent):
            new = new_organisation(state, ent, name, org_type(name, titled_type(ent)))
            state.add_span(new, ent, "name")
        return
    if ent.label_ == "NORP":
        # only a people used as a noun ("the Ukrainians", "Shiites") is an actor; adjectives are
        # read by the descriptor pass ("Afghan forces")
        if ent.root.dep_ in {"amod", "compound"} or kb.by_demonym(ent.text):
            return
        new = state.ensure_new(text, "other")
        state.add_span(new, ent, "name")


def inside_other_name(ent: Span, kb: KnowledgeBase) -> bool:
    """One-word country names that are also given names, surnames or features ("Michael Jordan",
    "Chad Smith", "the Niger River") or a US state after its city ("Atlanta, Georgia"): the small
    parse links them by `compound` to an adjacent unknown proper noun."""
    if len(ent) != 1:
        return False
    tok, doc = ent.root, ent.doc
    lexicon = load_lexicon()

    def unknown_proper(t) -> bool:
        return t.pos_ == "PROPN" and t.is_title and not t.ent_id_ and t.ent_type_ not in {"GPE", "NORP"}

    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if before is not None and before.head.i == tok.i and before.dep_ == "compound" and unknown_proper(before):
        return True  # "Michael Jordan"
    if (
        after is not None
        and tok.head.i == after.i
        and tok.dep_ == "compound"
        and unknown_proper(after)
        and after.lemma_.lower() not in lexicon.person_roles
        and lexicon.state_role(after.lower_) is None
    ):
        return True  # "Chad Smith", "Niger River"
    if tok.i >= 2 and doc[tok.i - 1].text == "," and doc[tok.i - 2].ent_type_ == "GPE":
        city = doc[tok.i - 2]
        # a capital the KB knows ("Kabul, Afghanistan") is a dateline, not a US state's city
        return not city.ent_id_ and kb.by_metonym(city.text) is None
    return False


def looks_like_name(ent: Span) -> bool:
    """NER on Title Case headlines yields fragments ("Surrender to", "Anti-"): a name ends in a
    content word."""
    words = [t for t in ent if not t.is_space]
    return bool(words) and not words[-1].is_stop and not words[-1].is_punct and words[-1].is_alpha


def strip_article(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)


def is_descriptor_modifier(ent: Span) -> bool:
    """A country inside a descriptor phrase ("US forces", "Afghanistan's army") is read there."""
    lexicon = load_lexicon()
    head = ent.root.head
    return ent.root.dep_ in {"compound", "poss", "amod", "nmod"} and (
        lexicon.state_role(head.lower_) is not None or head.lower_ in lexicon.armed | lexicon.civilians
    )


def resolve_person(state: DocActors, ent: Span, surnames: dict[str, str]) -> None:
    words = [t.text for t in ent if not t.is_space and not t.is_punct]
    if not words:
        return
    full = full_name_for(" ".join(words), surnames)
    if len(words) == 1 and full == words[0] and ent.root.dep_ in {"pobj", "compound", "appos"}:
        # news introduces people by full name; a lone word after a preposition or before a noun
        # ("from Goma", "Tigray region") is a place NER took for a person
        return
    person = state.ensure_new(full, "person")
    state.add_span(person, ent, "name")
    add_title_form(state, person, ent)


def add_title_form(state: DocActors, person: str, ent: Span) -> None:
    """ "LNA spokesperson Ahmed Mismari", "Turkish President Recep Tayyip Erdogan": the title words
    before the name (compound/amod modifiers of its head) form one more mention, and give the
    person a role (and an affiliation when an organisation is among them)."""
    lexicon = load_lexicon()
    doc = ent.doc
    start = ent.start
    while start > 0:
        prev = doc[start - 1]
        if (prev.is_space and "\n" not in prev.text) or (
            prev.dep_ in {"compound", "amod", "nmod", "poss", "case"}
            and prev.head.i >= ent.start - 1
            and prev.i >= ent.sent.start
            and not prev.is_punct
        ):
            start -= 1
            continue
        break
    while start < ent.start and doc[start].is_space:
        start += 1
    if start < ent.start:
        title = doc[start : ent.end]
        state.add(person, title.start_char, title.end_char, "descriptor", ent.root)
        title_tokens = doc[start : ent.start]
        roles = title_roles(title_tokens, lexicon.person_roles)
        orgs = [t.ent_id_ for t in title_tokens if t.ent_id_ and t.ent_type_ == "ORG"]
        country = title_country(state, title_tokens)
        if country and not orgs and roles and roles[-1] in STATE_OFFICE_ROLES:
            # "Israeli Prime Minister Ehud Barak": the office belongs to that state's government
            orgs = [state.kb.child(country, "government") or country]
        note_role(state, person, roles[-1] if roles else None, orgs[0] if orgs else None)
        if country and not state.actors[person].country:
            state.actors[person].country = state.kb.actors[country].country
    introduced_after_comma(state, person, ent)
    # apposition: "a senior associate at the Wilson Center, Michael Kugelman" / "X, an expert at Y"
    root = ent.root
    for noun in [root.head] if root.dep_ == "appos" else [c for c in root.children if c.dep_ == "appos"]:
        if noun.lemma_.lower() in lexicon.person_roles:
            orgs = [t.ent_id_ for t in noun.subtree if t.ent_id_ and t.ent_type_ == "ORG"]
            note_role(state, person, noun.lemma_.lower(), orgs[0] if orgs else None)


STATE_OFFICE_ROLES = {
    "president",
    "prime minister",
    "premier",
    "minister",
    "chancellor",
    "king",
    "emir",
    "ambassador",
    "envoy",
    "diplomat",
    "governor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "secretary",
    "deputy",
}


def title_roles(tokens: Span, roles: frozenset[str]) -> list[str]:
    """Role words of a title, two-word roles first ("Prime Minister", "foreign minister" reads as
    "minister")."""
    lemmas = [t.lemma_.lower() for t in tokens]
    found = []
    for i, lemma in enumerate(lemmas):
        pair = f"{lemma} {lemmas[i + 1]}" if i + 1 < len(lemmas) else ""
        if pair in roles:
            found.append(pair)
        elif lemma in roles and not (i > 0 and f"{lemmas[i - 1]} {lemma}" in roles):
            found.append(lemma)
    return found


def title_country(state: DocActors, tokens: Span) -> str | None:
    """The state a title names by a nationality or country word ("Israeli", "Kenya's")."""
    for t in tokens:
        cid = state.kb.by_demonym(t.text) or state.kb.by_metonym(t.text)
        info = state.kb.get(t.ent_id_) if t.ent_id_ else None
        if cid is None and info is not None and info.type == "country":
            cid = info.id
        if cid:
            return cid
    return None


def introduced_after_comma(state: DocActors, person: str, ent: Span) -> None:
    """ "Senior Associate … at the Wilson Center, Michael Kugelman, said": the small model often
    misses this apposition, so read the role noun and organisation of the clause before the comma."""
    doc = ent.doc
    before = [t for t in doc[ent.sent.start : ent.start] if not t.is_space]
    if not before or before[-1].text != ",":
        return
    lexicon = load_lexicon()
    roles = [t for t in before if t.lemma_.lower() in lexicon.person_roles]
    if roles:
        orgs = [t.ent_id_ for t in before if t.i > roles[-1].i and t.ent_id_ and t.ent_type_ == "ORG"]
        note_role(state, person, roles[-1].lemma_.lower(), orgs[0] if orgs else None)


def note_role(state: DocActors, person: str, role: str | None, affiliation: str | None) -> None:
    actor = state.actors[person]
    parts = [p for p in (actor.note or "").split("; ") if p]
    if role and not any(p.startswith("role:") for p in parts):
        parts.append(f"role: {role}")
    if affiliation and not any(p.startswith("affiliation:") for p in parts):
        parts.append(f"affiliation: {affiliation}")
        if affiliation in state.kb.actors and state.kb.actors[affiliation].country and not actor.country:
            actor.country = state.kb.actors[affiliation].country
    actor.note = "; ".join(parts) or None


def resolve_acronym_definitions(state: DocActors) -> None:
    """ "Libyan National Army (LNA)": the bracketed acronym names the same actor, everywhere."""
    doc = state.doc
    defined: dict[str, str] = {}
    for ent in doc.ents:
        i = ent.end
        while i < len(doc) and doc[i].is_space:
            i += 1
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            acronym = doc[i + 1].text
            owner = next(
                (
                    m.actor
                    for a in state.actors.values()
                    for m in a.mentions
                    if m.start == ent.start_char and m.end == ent.end_char
                ),
                None,
            )
            if owner and acronym.isupper() and len(acronym) >= 2 and acronym[0] == first_letter(ent):
                defined[acronym] = owner
    for token in doc:
        owner = defined.get(token.text)
        if owner:
            stray = "x-" + slug(token.text)  # the acronym's own stand-alone actor joins its owner
            if stray != owner and stray in state.actors:
                state.actors[stray].mentions.clear()
                for anchor in state.anchors:
                    anchor.actor = owner if anchor.actor == stray else anchor.actor
            state.add(owner, token.idx, token.idx + len(token.text), "name", token)


def first_letter(ent: Span) -> str:
    words = [t.text for t in ent if t.text[:1].isupper() and t.lower_ not in {"the", "a", "an"}]
    return words[0][0] if words else ""
