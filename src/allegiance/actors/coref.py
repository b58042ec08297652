"""In-document coreference, rule-based and recency-driven: enough for event arguments and quote
speakers, not a general coreference system.

- "he/she/his/her" → the nearest person before; "it/its" → the nearest non-person actor (not the
  pleonastic "it is true that", "it seems"); "they/their" → the nearest collective actor, or both
  members of a coordination ("the Taliban and Daesh … they");
- "the group", "the organisation", "the militant outfit" → the nearest armed group or organisation;
- "both groups", "the two jihadist groups", "both sides" → the two most recent distinct collective
  actors (one Mention per referent over the same span);
- "the former" / "the latter" → first / second of the two most recent collective actors;
- "the expert", "the spokesman" → the person introduced with that role, else the nearest person;
- any other definite noun → the nearest named or described actor with that head noun ("the
  ministry" after "Azerbaijan's foreign ministry", "the coalition" after "the Saudi-led coalition").
"""

from __future__ import annotations

from spacy.tokens import Token

from .collectives import load_collectives
from .lexicon import Lexicon
from .mentions import Anchor, DocActors

PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
IT_PRONOUNS = {"it", "its", "itself"}
THEY_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
PLEONASTIC_HEADS = {"be", "seem", "appear", "take", "look", "remain", "become", "matter", "happen"}
NOT_AGENTS = {"country", "civilians"}  # "the group" never means a country or the civilians
# "it was noted/reported/believed (…) that": the clause often hangs elsewhere in a small parse
PASSIVE_REPORTING = {
    "note",
    "report",
    "say",
    "believe",
    "expect",
    "understand",
    "know",
    "claim",
    "fear",
    "think",
    "estimate",
    "announce",
    "state",
    "suggest",
    "allege",
    "emphasize",
    "emphasise",
    "stress",
    "add",
    "decide",
    "agree",
    "confirm",
}
PRONOUN_REACH = 120  # tokens (a few sentences)
ARMED = {"rebels", "militia"}
STATE = {"government", "military", "police", "country"}
DEFINITE = {"the", "this", "that", "these", "those", "both"}


def resolve_coreference(state: DocActors, lex: Lexicon) -> None:
    for token in state.doc:
        if token.i in state.covered:
            continue
        word = token.lower_
        bound = binding_subject(token) if word in PERSON_PRONOUNS | IT_PRONOUNS | THEY_PRONOUNS else None
        owner = next((a for a in state.anchors if a.token == bound.i), None) if bound is not None else None
        if owner is not None:
            # "Hamas denied that its fighters …", "the ministry said it had not …": the pronoun of a
            # reported clause is its speaker, ahead of any nearer actor
            link(state, token, [owner.actor], "pronoun")
        elif word in PERSON_PRONOUNS:
            link(state, token, [nearest(state, token, lambda a: state.type_of(a) == "person")], "pronoun")
        elif word in IT_PRONOUNS and not pleonastic(token):
            link(
                state,
                token,
                [nearest(state, token, lambda a: state.type_of(a) not in {"person", "civilians"})],
                "pronoun",
            )
        elif word in THEY_PRONOUNS:
            link(state, token, they_referents(state, token), "pronoun")
        elif (
            word in {"former", "latter"}
            and token.head.pos_ not in {"NOUN", "PROPN"}
            or (word in {"former", "latter"} and token.dep_ in {"nsubj", "dobj", "pobj", "nsubjpass"})
        ):
            pair = last_two(state, token)
            if len(pair) == 2:
                link(state, token, [pair[0] if word == "former" else pair[1]], "coreference")
        elif token.pos_ == "NOUN" and definite(token):
            if word in lex.group_nouns:
                group_noun(state, token)
            elif token.lemma_.lower() in lex.person_roles and not any(
                c.ent_type_ == "PERSON" for c in token.subtree
            ):
                role_noun(state, token, lex)
            elif (kind := load_collectives().kind_nouns.get(token.lemma_.lower())) is not None:
                # "the company" after "Shell said": the nearest actor of that kind
                found = nearest(state, token, lambda a, kind=kind: state.type_of(a) == kind, PRONOUN_REACH * 3)
                link(state, token, [found], "coreference", phrase_start(token))
            else:
                same_head(state, token)


def binding_subject(token: Token) -> Token | None:
    """The noun subject of the verb whose clausal complement holds a pronoun, when it agrees with
    the pronoun in number and kind ("it/its" a singular non-person noun, "they" a plural one,
    "he/she" a person)."""
    node = token
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ == "ccomp" and head.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None or subject.i > token.i or subject.pos_ not in {"NOUN", "PROPN"}:
                return None
            return subject if _agrees(token.lower_, subject) else None
        node = head
    return None


def _agrees(pronoun: str, subject: Token) -> bool:
    person = subject.ent_type_ == "PERSON"
    plural = subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children)
    if pronoun in PERSON_PRONOUNS:
        return person and not plural
    if pronoun in IT_PRONOUNS:
        return not person and not plural and subject.pos_ == "NOUN"
    return plural


def nearest(state: DocActors, token: Token, accept, reach: int = PRONOUN_REACH) -> Anchor | None:
    return state.before(token.i, lambda a: accept(a), reach, skip=quote_filter(state, token))


def quote_filter(state: DocActors, token: Token):
    """A pronoun in the narrative never points into a quotation ("… prevent 'a second Syria' as
    they met"): anchors inside quotes are skipped unless the pronoun is itself quoted."""
    if state.in_quote(token.idx):
        return lambda anchor: False
    return lambda anchor: state.in_quote(state.doc[anchor.token].idx)


def link(
    state: DocActors,
    token: Token,
    anchors: list[Anchor | None] | list[str],
    kind: str,
    start: int | None = None,
) -> None:
    start_char = token.idx if start is None else start
    for anchor in anchors:
        if anchor is None:
            continue
        actor = anchor if isinstance(anchor, str) else anchor.actor
        state.add(actor, start_char, token.idx + len(token.text), kind, token)


def pleonastic(token: Token) -> bool:
    """ "it is true that …", "it seems …": no referent."""
    if token.lower_ != "it" or token.dep_ not in {"nsubj", "expl", "nsubjpass"}:
        return False
    # "it said that …" has a referent; only copulas and raising verbs are read as pleonastic, and
    # passives with a clause ("it was noted that", "it is believed the attack …")
    head = token.head
    if token.dep_ == "nsubjpass" and (
        any(c.dep_ in {"ccomp", "xcomp"} for c in head.children) or head.lemma_ in PASSIVE_REPORTING
    ):
        return True
    return head.lemma_ in PLEONASTIC_HEADS


def collective(state: DocActors, actor_id: str) -> bool:
    return state.type_of(actor_id) not in {"person", "country"} | NOT_AGENTS


def they_referents(state: DocActors, token: Token) -> list[Anchor | None]:
    pair = coordinated_subjects(state, token)
    if pair:
        return list(pair)
    anchor = nearest(state, token, lambda a: state.type_of(a) != "person")
    if anchor is None:
        return []
    partners = coordinated(state, anchor)
    return [anchor, *partners]


def coordinated_subjects(state: DocActors, token: Token) -> list[Anchor]:
    """ "Germany and Russia said … as they met": a coordinated subject of this or the previous
    sentence is the likeliest referent of a plural pronoun, ahead of nearer singular actors."""
    sent = token.sent
    first = sent.start
    if first > 0:
        first = state.doc[first - 1].sent.start
    skip = quote_filter(state, token)
    for anchor in sorted(state.anchors, key=lambda a: -a.token):
        if not first <= anchor.token < token.i or skip(anchor):
            continue
        tok = state.doc[anchor.token]
        if tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        partners = [p for p in coordinated(state, anchor) if not skip(p)]
        if partners:
            return [anchor, *partners]
        if tok.tag_ in {"NNS", "NNPS"}:
            # a plural subject in between ("Officials … said they") is a likelier referent than
            # an older pair; a singular one ("Berlin has warned") cannot be "they"
            return []
    return []


def coordinated(state: DocActors, anchor: Anchor) -> list[Anchor]:
    """Anchors joined to this one by "and" ("the Taliban and Daesh")."""
    doc = state.doc
    tok = doc[anchor.token]
    linked = {c.i for c in tok.children if c.dep_ == "conj"} | ({tok.head.i} if tok.dep_ == "conj" else set())
    return [a for a in state.anchors if a.token in linked and a.actor != anchor.actor]


def last_two(state: DocActors, token: Token, armed_only: bool = False) -> list[str]:
    """The pair a plural definite ("the two jihadist groups", "both sides") points back to: the
    most recent pair introduced together by coordination ("Hamas and Islamic Jihad"), which is how
    news text sets up a pair it later refers to as one; else the two most recent distinct
    collective actors, in text order (armed groups only when asked)."""

    def wanted(actor: str) -> bool:
        return state.type_of(actor) in ARMED if armed_only else collective(state, actor)

    for anchor in sorted(state.anchors, key=lambda a: -a.token):
        if anchor.token >= token.i or token.i - anchor.token > PRONOUN_REACH * 2:
            continue
        if not wanted(anchor.actor):
            continue
        partners = [p for p in coordinated(state, anchor) if wanted(p.actor)]
        if partners:
            first, second = sorted([anchor, partners[0]], key=lambda a: a.token)
            return [first.actor, second.actor]
    found: list[str] = []
    for anchor in sorted(state.anchors, key=lambda a: -a.token):
        if anchor.token >= token.i or token.i - anchor.token > PRONOUN_REACH * 2:
            continue
        if wanted(anchor.actor) and anchor.actor not in found:
            found.append(anchor.actor)
        if len(found) == 2:
            break
    return list(reversed(found)) if len(found) == 2 else []


def definite(token: Token) -> bool:
    return any(c.lower_ in DEFINITE or c.dep_ == "nummod" for c in token.lefts)


def phrase_start(token: Token) -> int:
    return min([token.idx] + [c.idx for c in token.lefts])


def group_noun(state: DocActors, token: Token) -> None:
    start = phrase_start(token)
    plural = token.tag_ in {"NNS", "NNPS"} or any(c.lower_ in {"both", "two"} for c in token.lefts)
    if plural:
        pair = last_two(state, token, armed_only=True)
        if not pair and token.lower_ in {"sides", "side"}:  # "both sides" may be governments
            pair = last_two(state, token)
        if len(pair) == 2:
            link(state, token, pair, "coreference", start)
        return
    anchor = nearest(state, token, lambda a: collective(state, a) and state.type_of(a) not in STATE)
    link(state, token, [anchor], "coreference", start)


def role_noun(state: DocActors, token: Token, lex: Lexicon) -> None:
    role = token.lemma_.lower()
    # "the prime minister" is the person titled Prime Minister, not the latest "minister"
    pair = next((f"{c.lower_} {role}" for c in token.lefts if f"{c.lower_} {role}" in lex.person_roles), None)
    role = pair or role
    with_role = [a for a in state.actors.values() if a.type == "person" and f"role: {role}" in (a.note or "")]
    before = [a for a in with_role if a.mentions and a.mentions[0].start < token.idx]
    if before:
        link(state, token, [before[-1].id], "coreference", phrase_start(token))
        return
    # "the opposition leader", "the UN envoy": a role told with what it belongs to introduces
    # someone new; only a bare one ("the spokesman") takes up the latest person
    if pair is None and any(c.dep_ in {"compound", "amod", "nmod", "poss"} for c in token.children):
        return

    def fits(actor_id: str) -> bool:
        # "the minister" never takes up a person introduced as "the opposition leader"; "the
        # expert" may take up an analyst (both describe a commentator, neither an office)
        actor = state.actors.get(actor_id)
        note = (actor.note or "") if actor is not None else ""
        introduced = note.split("role: ", 1)[1].split(";")[0].strip() if "role: " in note else None
        commentators = lex.commentator_roles
        same_kind = introduced in commentators and role in commentators
        return state.type_of(actor_id) == "person" and (introduced in (None, role) or same_kind)

    anchor = nearest(state, token, fits, PRONOUN_REACH * 3)
    link(state, token, [anchor], "coreference", phrase_start(token))


def same_head(state: DocActors, token: Token) -> None:
    """ "the ministry" after "Azerbaijan's foreign ministry": a definite noun left unresolved by the
    descriptor classes refers back to the nearest actor whose own phrase has that head noun, so a
    body named once in full keeps its identity when the text shortens it."""
    lemma = token.lemma_.lower()
    skip = quote_filter(state, token)

    def same(anchor: Anchor) -> bool:
        head = state.doc[anchor.token]
        return (
            anchor.kind in {"name", "descriptor"}
            and head.lemma_.lower() == lemma
            and head.i != token.i
            and state.type_of(anchor.actor) != "person"
        )

    found = state.before(token.i, lambda a: True, PRONOUN_REACH * 3, skip=lambda a: skip(a) or not same(a))
    link(state, token, [found], "coreference", phrase_start(token))
