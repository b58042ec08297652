"""A pipeline component, after "ner", that adds the place names the statistical model misses.

It only fills gaps and corrects plain mislabels; it never touches an entity the actor ruler made
(those carry `ent_id_`). Two patterns, both about the words around a name rather than the name:
- a capitalised name followed by a feature word ("the Kunar province", "Al-Durayhimi district"), or
  after one and "of" ("the town of Macomia");
- a capitalised name the gazetteer knows as a country, region or first-level division, or as a
  prominent city, right after a locative preposition ("fighting in Nangarhar"); any town it
  knows there when the model took the name for something else ("in Kaya" as a PERSON).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer

COMPONENT = "place_ruler"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# admin words strong enough to make an unknown capitalised name a place on their own
STRONG_FEATURES = {"province", "governorate", "district", "county", "oblast", "prefecture", "municipality"}
NAME_JOINERS = {"-", "al", "el", "de", "del", "da", "ad", "as", "ar", "ash", "bin", "ibn", "e"}
MIN_PROMINENCE = 0.6
# labels the small model gives a place name it misreads, whatever their extent ("Macomia in" as a
# WORK_OF_ART): a place pattern replaces them
MISREAD = {"WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}


def _words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_space]


def _name_before(doc: Doc, end: int) -> tuple[int, int] | None:
    """The capitalised name (up to four words, joined by hyphens/particles) ending at token `end`-1."""
    i = end - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    stop = i + 1
    start = None
    words = 0
    while i >= 0 and words < 4:
        tok = doc[i]
        if tok.is_space:
            i -= 1
            continue
        if tok.text[:1].isupper() and tok.is_alpha or tok.text[:1].isupper() and "-" in tok.text:
            if tok.is_sent_start and tok.lower_ in {"the", "a", "in", "on", "at"}:
                break
            start, words = i, words + 1
        elif tok.lower_ in NAME_JOINERS and start is not None:
            pass
        else:
            break
        i -= 1
    if start is None:
        return None
    while doc[start].lower_ in NAME_JOINERS and not doc[start].text[:1].isupper():
        start += 1
    return (start, stop) if start < stop else None


def _name_after(doc: Doc, start: int) -> Span | None:
    """The capitalised name (up to four words, hyphens and particles inside) starting at `start`."""
    end = start
    while (
        end < len(doc)
        and end - start < 4
        and (
            doc[end].text[:1].isupper()
            and doc[end].is_alpha
            or (end > start and doc[end].lower_ in NAME_JOINERS)
        )
    ):
        end += 1
    while end > start and doc[end - 1].lower_ in NAME_JOINERS:
        end -= 1
    return Span(doc, start, end, label="GPE") if end > start else None


def _is_determiner(tok: Token) -> bool:
    return tok.lower_ in {"the", "a", "an", "this", "that"}


class PlaceRuler:
    """Created empty by spaCy's factory; `install` hands it the gazetteer (not serialisable config)."""

    def __init__(self) -> None:
        self.gaz: Gazetteer | None = None
        self.features: dict[str, str] = {}
        self.preps: set[str] = set()

    def use(self, gazetteer: Gazetteer) -> None:
        assert gazetteer.words is not None
        self.gaz = gazetteer
        self.features = gazetteer.words.features
        self.preps = gazetteer.words.locative_preps

    def _known(self, span: Span, broad: bool) -> bool:
        assert self.gaz is not None
        places = self.gaz.exact(span.text)
        if broad:
            return bool(places)
        return any(
            p.kind in {"country", "region", "admin1"} or p.prominence >= MIN_PROMINENCE for p in places
        )

    @staticmethod
    def _model_named(doc: Doc, span: Span) -> bool:
        """A non-actor entity of the model covers exactly this name."""
        return any(e.start == span.start and e.end == span.end and not e.ent_id_ for e in doc.ents)

    def merge_split_names(self, ents: list[Span]) -> list[Span]:
        """Join two place entities with nothing but a space between them when the first is no
        place on its own: the model often splits a name whose last word is a known place
        ("Puerto | Jordan", "Port | Sudan" would be one name)."""
        assert self.gaz is not None
        merged: list[Span] = []
        for ent in sorted(ents, key=lambda e: e.start):
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and prev.end == ent.start
                and prev.label_ in PLACE_LABELS
                and ent.label_ in PLACE_LABELS
                and not prev.ent_id_
                and prev.doc[prev.end - 1].whitespace_ == " "
                and not self.gaz.knows(prev.text)
            ):
                merged[-1] = Span(prev.doc, prev.start, ent.end, label="GPE")
                continue
            merged.append(ent)
        return merged

    def candidates(self, doc: Doc) -> list[tuple[Span, bool]]:
        """(span, may_relabel) pairs: spans the ruler proposes as places."""
        found: list[tuple[Span, bool]] = []
        for tok in doc:
            feature = self.features.get(tok.lower_)
            if feature and tok.i > 0 and not tok.is_sent_start:
                bounds = _name_before(doc, tok.i)
                if bounds:
                    span = Span(doc, *bounds, label="GPE")
                    known = self._known(span, broad=True)
                    if known or tok.lower_ in STRONG_FEATURES:
                        found.append((span, known))
                    elif self._model_named(doc, span):
                        # the model saw a name and the feature word says it is a place
                        # ("escape the Xyz area" tagged ORG)
                        found.append((span, True))
            if feature and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of":
                # "the town of Macomia", "the province of Cabo Delgado": the feature word first
                name = _name_after(doc, tok.i + 2)
                if name is not None and (feature in {"city", "district"} or self._known(name, broad=True)):
                    found.append((name, True))  # the construction says place, whatever the model said
            if tok.lower_ in self.preps and tok.i + 1 < len(doc):
                nxt = [t for t in doc[tok.i + 1 : tok.i + 8] if not t.is_space and not _is_determiner(t)]
                if nxt and nxt[0].text[:1].isupper():
                    end = nxt[0].i + 1
                    while (
                        end < len(doc)
                        and end - nxt[0].i < 4
                        and doc[end].text[:1].isupper()
                        and doc[end].is_alpha
                    ):
                        end += 1
                    for stop in range(end, nxt[0].i, -1):  # longest known name first
                        span = Span(doc, nxt[0].i, stop, label="GPE")
                        if self._known(span, broad=False):
                            found.append((span, False))
                            break
                        # "fighting in Kaya", the small model saying PERSON: a town the gazetteer
                        # knows, right after a locative preposition, is the town
                        if self._known(span, broad=True) and self._model_named(doc, span):
                            found.append((span, True))
                            break
        return found

    def __call__(self, doc: Doc) -> Doc:
        if self.gaz is None:
            return doc
        ents = list(doc.ents)
        taken = {i: e for e in ents for i in range(e.start, e.end)}
        changed = False
        for span, may_relabel in self.candidates(doc):
            overlapping = {taken[i] for i in range(span.start, span.end) if i in taken}
            if not overlapping:
                ents.append(span)
            elif may_relabel and all(
                not e.ent_id_
                and e.label_ not in PLACE_LABELS
                and (span.start <= e.start and e.end <= span.end or e.label_ in MISREAD)
                for e in overlapping
            ):
                ents = [e for e in ents if e not in overlapping] + [span]  # "Kunar" PERSON → GPE
            else:
                continue
            taken.update({i: span for i in range(span.start, span.end)})
            changed = True
        joined = self.merge_split_names(ents)
        if changed or len(joined) != len(ents):
            doc.ents = joined
        return doc


@Language.factory(COMPONENT, default_config={})
def _make_place_ruler(nlp: Language, name: str) -> PlaceRuler:
    return PlaceRuler()


def install(nlp: Language, gazetteer: Gazetteer) -> None:
    """Add the place ruler right after "ner" (so after the actor ruler, which runs before it)."""
    if COMPONENT in nlp.pipe_names:
        nlp.remove_pipe(COMPONENT)
    ruler = nlp.add_pipe(COMPONENT, after="ner")
    assert isinstance(ruler, PlaceRuler)
    ruler.use(gazetteer)
