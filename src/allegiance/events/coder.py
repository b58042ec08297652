"""Find PLOVER events in a parsed document: verbal triggers with their subject/object arguments,
nominal triggers carried by light verbs or with their own arguments, and the control, coordination,
passive, relative-clause and reciprocal constructions that move arguments around."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..records import Actor, Event, Participant, TextSpan
from ..records import Span as SpanRecord
from . import agents, carriers, counterparts, holders, measures, patients, readings, recipients
from .arguments import PRONOUNS_RELATIVE, ArgumentFinder, MentionIndex, is_reciprocal
from .casualties import casualties
from .claims import accusations, responsibility
from .lexicon import Lexicon, Trigger, load
from .matching import (
    class_lemmas,
    entries_for,
    has_dependent,
    misread_noun,
    select_trigger,
    trigger_objects,
    verb_like,
)
from .partners import of_carried, of_signing
from .sentence import CONTENT_OF, Found, context_of, directed, drop_contents, merge
from .wordclasses import (
    CLAUSE_RECIPIENT,
    CONFLICT,
    GIVE_TO,
    GIVE_VERBS,
    OBJECT_ACTS_PREPS,
    PLACE_RECIPIENT,
    POSSIBILITY_MODALS,
    REFLEXIVES,
    SELF_DIRECTED_NONE,
    SUBJECT_DOES_PREPS,
    SUBJECTS,
    TO_RECIPIENT,
)

# the slots where a gerund tagged VERB reads as the event noun it names ("Fighting … killed 20")
NOUN_SLOTS = {"nsubj", "nsubjpass", "dobj", "pobj"}


class Coder:
    def __init__(self, doc: Doc, actors: list[Actor], lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.index = MentionIndex(doc, actors)
        self.args = ArgumentFinder(doc, self.index, lex)

    # --- arguments ------------------------------------------------------------------------------
    def subject(self, verb: Token, depth: int = 0) -> list[Participant]:
        """The agent of `verb`, following control, coordination, relative clauses and passives."""
        if depth > 4:
            return []
        for c in verb.children:
            if c.dep_ in SUBJECTS:
                if c.lower_ in {"who", "which", "that"} and verb.dep_ == "relcl":
                    return self.args.participants(verb.head)
                if c.lemma_.lower() in self.lex.instruments and not self.args.fielded(c):
                    return []  # "a bomb killed three": perpetrator unknown
                return self.args.participants(c)
            if c.dep_ == "agent":
                return [p for g in c.children for p in self.args.participants(g)]
        if verb.dep_ == "relcl":
            return self.args.participants(verb.head)
        if verb.dep_ == "acl" and verb.tag_ != "VBN":  # "militants fighting the army"
            found = self.args.participants(verb.head)
            if found or verb.head.dep_ not in {"dobj", "nsubj", "pobj"}:
                return found
            return self.subject(verb.head.head, depth + 1)  # "issued a statement calling for"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in OBJECT_ACTS_PREPS:
            # "accused Russia of sending", "blamed the group for attacking": the object acts;
            # not "detained X before launching" where the subject acts
            objs = [c for c in verb.head.head.children if c.dep_ in {"dobj", "nsubjpass"}]
            if objs and self.args.participants(objs[0]):
                return self.args.participants(objs[0])
        if verb.dep_ == "xcomp":
            # object control ("urged X to withdraw"), else subject control ("agreed to withdraw")
            objs = [c for c in verb.head.children if c.dep_ == "dobj"]
            if objs and verb.head.lemma_.lower() not in {"promise"}:
                return self.args.participants(objs[0])
            if verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
                return self.subject(verb.head.head, depth + 1)  # "X was due / ready to release"
            raised = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
            if raised and not any(c.dep_ in SUBJECTS for c in verb.head.children):
                # "X is set / expected / was forced to free": the passive's subject does the act
                return self.args.participants(raised[0])
            return self.subject(verb.head, depth + 1)
        if verb.dep_ in {"conj", "advcl", "pcomp", "ccomp"} or (
            verb.dep_ == "pobj" and verb.head.dep_ == "prep"
        ):
            head = verb.head.head if verb.dep_ == "pcomp" or verb.dep_ == "pobj" else verb.head
            if head.pos_ == "ADJ" and head.dep_ in {"acomp", "amod"}:
                head = head.head  # "are guilty of violating", "ready to fight"
            if head.pos_ in {"VERB", "AUX"}:
                return self.subject(head, depth + 1)
        return []

    def _patients(self, verb: Token) -> list[Token]:
        found = [c for c in verb.children if c.dep_ == "nsubjpass"]
        return found or ([verb.head] if verb.dep_ == "acl" else [])

    def _is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN"
        )

    def _prep_objects(self, tok: Token, preps: set[str] | frozenset[str]) -> list[Token]:
        return [
            g
            for c in tok.children
            if c.dep_ in {"prep", "dative"} and c.lower_ in preps
            for g in c.children
            if g.dep_ == "pobj"
        ]

    def _owner_of(self, things: list[Token]) -> list[Participant]:
        """Whose demand, offer or plan it is: "rejected North Korea's demand", "a U.S. request",
        "calls by Kofi Annan", "an offer from Kabul"."""
        out: list[Participant] = []
        for thing in things:
            if thing.lemma_.lower() not in self.lex.classes.get("plan", frozenset()):
                continue
            for c in thing.children:
                if c.dep_ == "poss" or (c.dep_ == "compound" and self.index.covering([c])):
                    out += self.args.participants(c)
            out += [p for o in self._prep_objects(thing, {"by", "from"}) for p in self.args.participants(o)]
        return out

    def _is_country(self, tok: Token) -> bool:
        return any(self.index.type_of.get(m.actor) == "country" for m in self.index.covering([tok]))

    def _participant_like(self, tok: Token) -> bool:
        if self.index.covering([tok]) or tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
            return True
        lemma = tok.lemma_.lower()
        return (
            lemma not in self.lex.thing_words
            and lemma not in self.lex.nouns
            and tok.pos_ in {"NOUN", "PROPN"}
        )

    # --- verbal triggers ------------------------------------------------------------------------
    def verbal(self, tok: Token, trig: Trigger) -> Found | None:
        if measures.measure_aiming(self, tok):
            return None  # "sanctions targeting Russian banks": the sanction's recipient, no attack
        passive_meeting = trig.reciprocal and trig.category == "CONSULT" and self._is_passive(tok)
        if passive_meeting and not any(c.dep_ == "agent" for c in tok.children):
            return None  # "will be met with a harsh response"
        if passive_meeting and not any(self.args.participants(p) for p in self._patients(tok)):
            return None  # "documents consulted by the agency": consulting a thing is no meeting
        if trig.category in SELF_DIRECTED_NONE and any(
            c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in tok.children
        ):
            return None  # "the group finances itself": no second party
        found = Found(tok, trig.category, trig.mode)
        if self._is_passive(tok):
            patients = [c for c in tok.children if c.dep_ == "nsubjpass"]
            if tok.dep_ == "xcomp" and not patients:
                # "50 hostages are to be freed": the controller is the patient, the agent needs "by"
                found.actor = [
                    p for c in tok.children if c.dep_ == "agent" for g in c.children for p in self.args.participants(g)
                ]
                found.recipient = self.subject(tok)
            else:
                relative = tok.dep_ == "relcl" and all(p.lower_ in PRONOUNS_RELATIVE for p in patients)
                # "civilians who were killed (by X)": the head noun suffered the act, it did not do it
                agent = any(c.dep_ == "agent" for c in tok.children)
                found.actor = [] if relative and not agent else self.subject(tok)
                if tok.dep_ == "acl" and not patients or relative:
                    patients = [tok.head]
                found.recipient = [p for c in patients for p in self.args.participants(c)]
            found.actor = found.actor or agents.of_circumstance(self, tok, trig.category)
        else:
            found.actor = self.subject(tok)
            objs = [
                c
                for c in tok.children
                if c.dep_ in {"dobj", "dative"}
                and self._participant_like(c)
                # "agreed a deal": the object class is the event's topic; "summoned the British
                # ambassador": an object the actors stage knows is still a recipient, as is a host's guest
                and (c.lemma_.lower() not in trig.object or trig.host or self.index.covering([c]))
                # "deployed troops": what is moved is the mode, not a recipient
                and not (trig.category == "MOBILIZE" and class_lemmas(c) & self.lex.classes.get("force", frozenset()))
            ]
            if not any(self.args.participants(o) for o in objs):
                # no object, or a thing ("fired tear gas at protesters"): the preposition names the target
                preps = set(trig.recipient_preps) | (
                    {"to", "for"} if trig.category in TO_RECIPIENT else set()
                )
                if trig.category == "REQUEST":
                    preps.add("from")  # "demanded autonomy from the government"
                objs = [o for o in self._prep_objects(tok, preps) if self._participant_like(o)] or objs
            found.recipient = holders.recipients(self, objs)  # "attacked a police convoy": the police
            if not found.recipient:  # "suspended talks with the rebels", "rejected Iraq's proposal"
                found.recipient = recipients.fallback(self, tok, trig, {p.id for p in found.actor})
            if not found.recipient and trig.category in CLAUSE_RECIPIENT:
                # "demanded that China drop its tariffs", "warned that Iran would pay"
                clauses = [c for c in tok.children if c.dep_ == "ccomp"]
                subjects = [g for c in clauses for g in c.children if g.dep_ in SUBJECTS | {"nsubjpass"}]
                found.recipient = [p for g in subjects[:1] for p in self.args.participants(g)]
            if not found.recipient and trig.category in PLACE_RECIPIENT:
                # "deployed troops to <country>", "imposed a curfew in <country>"
                places = [
                    o for o in self._prep_objects(tok, {"in", "to", "into", "from"}) if self._is_country(o)
                ]
                found.recipient = [p for o in places for p in self.args.participants(o)]
            if trig.reciprocal or trig.category in self.lex.symmetric:
                partners = self._prep_objects(tok, {"with"})
                found.actor += [p for o in partners for p in self.args.participants(o)]
            elif not found.recipient:
                found.actor += of_signing(self, tok)  # "signed a peace deal with the government"
        if trig.reciprocal and trig.category not in self.lex.symmetric and len(found.actor) > 1:
            # "X and Y traded blame": a one-directional category done both ways
            found.mutual = not found.recipient
        if trig.host:
            found.actor, found.recipient = found.recipient, found.actor
        if any(is_reciprocal(o) for o in trigger_objects(tok)):
            found.actor += found.recipient
            found.recipient = []
            found.mutual = trig.category not in self.lex.symmetric
        if trig.category == "THREATEN" and not found.recipient and self._warns_of_outcome(tok):
            return None
        if trig.from_complement:
            comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            comp_trig = select_trigger(entries_for(self.lex.verbs, comp), comp) if comp is not None else None
            if comp_trig is not None:
                found.category = "THREATEN" if comp_trig.category in CONFLICT else "AGREE"
        return found

    def _warns_of_outcome(self, tok: Token) -> bool:
        clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        return bool(clauses) and all(
            any(a.dep_ == "aux" and a.lower_ in POSSIBILITY_MODALS for a in c.children) for c in clauses
        )

    # --- nominal triggers -----------------------------------------------------------------------
    def nominal(self, tok: Token, trig: Trigger) -> Found | None:
        if tok.dep_ in {"compound", "amod", "nmod"}:
            return None  # "peace process", "attack helicopter": a modifier, not an event
        head = tok.head
        found = Found(tok, trig.category, trig.mode, verbal=False)
        carrier = carriers.carrier_of(tok, self.lex)  # "carried out (a wave of) arrests"
        if carrier is not None and carrier.pos_ == "VERB":
            verb_entries = entries_for(self.lex.verbs, carrier)
            if select_trigger(verb_entries, carrier) is not None and not entries_for(
                self.lex.light_verbs, carrier
            ):
                return None  # the verb is the event; this noun is its object ("agreed on a truce")
            row = self._light(carrier, tok)
            if row is not None:
                found.category = row.get("category") or found.category
                found.mode = row.get("mode") or (trig.mode if found.category == trig.category else None)
                found.actor = self.subject(carrier)
                # "gave a warm welcome to X", "extended an invitation to X": give-verbs' `to` is the recipient
                preps = trig.recipient_preps | (
                    GIVE_TO if carrier.lemma_.lower() in GIVE_VERBS else frozenset()
                )
                found.recipient = patients.of_noun(self, tok, trig) or [
                    p for o in self._prep_objects(carrier, preps) for p in self.args.participants(o)
                ]
                # "held talks with the rebels", "reached a deal with X": the other side
                sides = {p.id for p in found.actor + found.recipient}
                found.actor += [
                    p for p in of_carried(self, tok, carrier, trig, found.category) if p.id not in sides
                ]
                return self._finish_nominal(found, tok, trig)
        # the noun's own arguments: "X's attack on Y", "attack by X", "talks between X and Y"
        found.actor += agents.of_noun(self, tok, found.category, found.mode)
        partners = [p for o in self._prep_objects(tok, {"with"}) for p in self.args.participants(o)]
        # "clashes between X and Y"; "clashes erupted between X and Y": the parser hangs the sides
        # on the verb whose subject the event is
        sides_of = [tok] + ([head] if tok.dep_ == "nsubj" and head.pos_ == "VERB" else [])
        found.actor += [
            p for t in sides_of for o in self._prep_objects(t, {"between", "among"}) for p in self.args.participants(o)
        ]
        # "X is the main military backer of Y", "X became a key ally of Y": the copula's subject
        attr = head if tok.dep_ == "conj" and head.dep_ == "attr" else tok  # "key ally and military backer"
        done_by_subject = (tok.dep_ == "pobj" and head.lower_ in SUBJECT_DOES_PREPS) or (
            attr.dep_ == "attr" and attr.head.lemma_ in {"be", "become", "remain"}
        )
        if (partners or done_by_subject) and not found.actor:
            # "declared during a visit to the troops": the clause's subject makes the visit
            # "X withdrew after fighting with the army": the clause's subject is the other side
            found.actor = self._clause_subject(tok)
        found.actor += partners
        found.recipient = patients.of_noun(self, tok, trig)
        return self._finish_nominal(found, tok, trig)

    def _clause_subject(self, tok: Token) -> list[Participant]:
        head = tok.head
        for _ in range(4):
            if head.pos_ in {"VERB", "AUX"}:
                return self.subject(head)
            if head.head.i == head.i:
                break
            head = head.head
        return []

    def _light(self, verb: Token, noun: Token) -> dict | None:
        lemmas = class_lemmas(noun)
        for row in entries_for(self.lex.light_verbs, verb):
            if row.get("particle") and not (
                has_dependent(verb, "prt", row["particle"]) or has_dependent(verb, "prep", row["particle"])
            ):
                continue
            if row["object"] and not (row["object"] & lemmas):
                continue
            return row
        return None

    def _finish_nominal(self, found: Found, tok: Token, trig: Trigger) -> Found | None:
        if any(c.lower_ == "joint" for c in tok.children) and found.category in {"ASSAULT", "MOBILIZE"}:
            found.category, found.mode = "COOPERATE", None  # joint operations are cooperation
        return found if (found.actor or found.recipient) else None

    # --- driver ---------------------------------------------------------------------------------
    def sentence(self, sent: Span) -> list[Found]:
        out = []
        for tok in sent:
            found = None
            if self.index.covering([tok]):
                continue  # part of a name, like the "Accord" of "Government of National Accord"
            if verb_like(tok) and entries_for(self.lex.verbs, tok) and not misread_noun(tok):
                trig = select_trigger(entries_for(self.lex.verbs, tok), tok)
                if trig is not None:
                    found = self.verbal(tok, trig)
                if (found is None or not (found.actor or found.recipient)) and tok.dep_ in NOUN_SLOTS:
                    found = self._as_noun(tok)  # "Fighting between X and Y killed 20": a gerund as noun
            elif tok.pos_ in {"NOUN", "PROPN"} and entries_for(self.lex.nouns, tok):
                trig = select_trigger(entries_for(self.lex.nouns, tok), tok)
                if trig is not None:
                    found = self.nominal(tok, trig)
            if found is None and tok.pos_ == "VERB":
                found = readings.modal_demand(self, tok)
            if found is not None and (found.actor or found.recipient):
                for one in directed(found):
                    readings.adjust(self, one, sent)
                    out.append(one)
        coded = merge(drop_contents(out, CONTENT_OF))
        blamed = responsibility(sent, self.lex, self.args.participants, self.subject)
        return merge(coded + accusations(coded, self.lex, self.index, self.subject) + blamed)

    def _as_noun(self, tok: Token) -> Found | None:
        trig = select_trigger(entries_for(self.lex.nouns, tok), tok)
        return self.nominal(tok, trig) if trig is not None else None


def extract(doc: Doc, actors: list[Actor], doc_id: str) -> list[Event]:
    """Code every PLOVER event in `doc` with its actor/recipient participants (certainty left
    at 'asserted'; the certainty stage decides it)."""
    lex = load()
    coder = Coder(doc, actors, lex)
    events: list[Event] = []
    found = [(sent, coder.sentence(sent)) for sent in doc.sents]
    counterparts.fill(coder, found)  # "violated the truce": the truce's other side
    for sent, found_here in found:
        if not found_here:
            continue
        dead, injured = casualties(sent)
        for f in found_here:
            t = f.trigger
            named = sum(not p.id.startswith("x-") for p in f.actor + f.recipient)
            events.append(
                Event(
                    id=f"{doc_id[:12]}-{t.idx}-{f.category}",
                    event=f.category,
                    mode=f.mode,
                    context=context_of(lex, sent, f),
                    actor=f.actor,
                    recipient=f.recipient,
                    eventText=sent.text,
                    trigger=TextSpan(start=t.idx, end=t.idx + len(t.text), text=t.text),
                    sentence=SpanRecord(start=sent.start_char, end=sent.end_char),
                    dead=dead if f.category == "ASSAULT" else None,
                    injured=injured if f.category == "ASSAULT" else None,
                    confidence=round(min(0.95, 0.45 + 0.1 * f.verbal + 0.15 * min(named, 2)), 2),
                    cameo=lex.cameo(f.category, f.mode),
                    score=lex.score(f.category, f.mode),
                )
            )
    return events
