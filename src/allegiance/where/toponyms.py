"""Find the place mentions of a document and resolve each to a gazetteer entry using the context.

A mention is a GPE/LOC/FAC entity used as a place: an actor's name ("Russia and Turkey called…")
or a city standing for its government as a subject ("Moscow announced") is not a place, but the
object of a locative preposition ("fighting in Russia") or a name before a feature word is.
Resolution scores every same-name candidate by feature kind ("X province" → a first-level region),
the document's countries (named places, actors' home countries, nationality adjectives), the
other places named in the same sentence ("Goma, North Kivu") and prominence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..records import Actor
from ..syntax import text_of
from .gazetteer import Gazetteer, Place
from .names import fold

PLACE_LABELS = {"GPE", "LOC", "FAC"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent"}
# A name that is a country is nearly always the country ("Cuba", not Cuba, New York); a
# first-level region outranks a same-name town unless the town is a capital (prominence > 1).
KIND_PRIOR = {"country": 5.0, "region": 2.0, "admin1": 2.0, "district": 0.7, "city": 1.0}


@dataclass
class Toponym:
    span: Span  # the name's tokens, without a following feature word
    name: str  # as written, with a direction adjective ("eastern Ukraine")
    start: int  # character offsets of `name` in the document text
    end: int
    feature: str | None = None  # kind announced by a feature word: admin1 | district | city
    place: Place | None = None

    @property
    def sentence(self) -> Span:
        return self.span.sent


@dataclass
class Context:
    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[tuple[str | None, str]] = field(default_factory=Counter)


def _next_word(doc: Doc, i: int) -> Token | None:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def _prev_word(doc: Doc, i: int) -> Token | None:
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def speaks_for_government(root: Token, gaz: Gazetteer) -> bool:
    """ "calls from Moscow", "a delegation from Kyiv": the name stands for a government."""
    words = gaz.words
    assert words is not None
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "from" and head.head.lower_ in words.from_not_place_heads


def is_locative(root: Token, gaz: Gazetteer) -> bool:
    """The name is grammatically a location: "in X", "the outskirts of X", "X province"."""
    words = gaz.words
    assert words is not None
    head = root.head
    if speaks_for_government(root, gaz):
        return False
    if root.dep_ == "pobj" and head.lower_ in words.locative_preps:
        return True
    if root.dep_ == "dobj" and head.lemma_.lower() in words.place_object_verbs:
        return True
    if root.dep_ == "appos" and head.dep_ == "dobj" and head.head.lemma_.lower() in words.place_object_verbs:
        return True  # "to capture the capital Tripoli"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in words.of_heads:
        return True
    return root.dep_ in {"compound", "amod", "nmod"} and head.lower_ in words.features


def _overlaps(span: Span, intervals: list[tuple[int, int]]) -> bool:
    return any(span.start_char < end and start < span.end_char for start, end in intervals)


def _people_region(ent: Span, gaz: Gazetteer) -> bool:
    """ "the Amhara region", "Tigray state": a people's name (an actor) before a feature word that
    the gazetteer knows as a region of that name is the region."""
    words = gaz.words
    after = _next_word(ent.doc, ent.end)
    if not ent.ent_id_ or words is None or after is None or after.lower_ not in words.features:
        return False
    return any(p.kind in {"admin1", "region"} for p in gaz.exact(ent.text))


def find(doc: Doc, actors: list[Actor], gaz: Gazetteer, all_uses: bool = False) -> list[Toponym]:
    """Place mentions; `all_uses` keeps metonymic ones too ("Moscow announced"), as geoparsing
    corpora annotate every toponym."""
    words = gaz.words
    assert words is not None
    actor_spans = [(m.start, m.end) for a in actors for m in a.mentions]
    found = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and not _people_region(ent, gaz):
            continue
        start, end = ent.start, ent.end
        while start < end and (doc[start].is_space or doc[start].lower_ == "the"):
            start += 1
        feature = None
        last = doc[end - 1]
        if end - start > 1 and last.lower_ in words.features:
            feature, end = words.features[last.lower_], end - 1
        else:
            after = _next_word(doc, end)
            if after is not None and after.lower_ in words.features:
                feature = words.features[after.lower_]
        if start >= end:
            continue
        begin = doc[start].idx
        if end - start > 1 and doc[start].lower_ in words.directions and not gaz.knows(doc[start:end].text):
            start += 1  # "Eastern Afghanistan": resolve the name, keep the direction as written
        while start < end and doc[start].is_space:
            start += 1
        span = doc[start:end]
        if fold(span.text) in words.directions:
            continue  # "South" alone ("South and Southeast Asia")
        actor_like = bool(ent.ent_id_) or _overlaps(span, actor_spans)
        locative = feature is not None or is_locative(span.root, gaz)
        role = span.root
        while role.dep_ == "conj" and role.head != role:
            role = role.head  # "Russia and Turkey called": Turkey shares Russia's role
        metonymy = role.dep_ in SUBJECT_DEPS or speaks_for_government(span.root, gaz)
        if metonymy and not locative and not all_uses:
            continue  # "Moscow announced": the government, not the place
        if actor_like and not locative and not all_uses:
            continue
        if gaz.country_of_adjective(span.text) and not gaz.knows(span.text):
            continue  # "Afghan" mislabelled GPE
        before = _prev_word(doc, start - 1)
        if (
            begin == span.start_char
            and before is not None
            and before.lower_ in words.directions
            and before.dep_ in {"amod", "compound"}
            and before.is_lower
        ):
            begin = before.idx
        found.append(Toponym(span, text_of(doc)[begin : span.end_char], begin, span.end_char, feature))
    return found


def capital_mentions(doc: Doc, places: list[Toponym], ctx: Context, gaz: Gazetteer) -> list[Toponym]:
    """ "the capital" (not "the capital of X", not inside a name) stands for the capital of the
    country the document is most about: the one its places lie in most, else its actors'."""
    named = Counter(t.place.country for t in places if t.place is not None and t.place.country)
    if not named and not ctx.countries:
        return []
    country = (named or ctx.countries).most_common(1)[0][0]
    capital = gaz.capitals.get(country)
    if capital is None:
        return []
    found = []
    for tok in doc:
        if tok.lower_ != "capital" or tok.ent_type_ or tok.i == 0:
            continue
        after = _next_word(doc, tok.i + 1)
        if after is not None and (
            after.lower_ == "of" or after.ent_type_ in PLACE_LABELS or after.text[:1].isupper()
        ):
            continue  # "the capital of Darfur", "the capital Tripoli" (the name itself is found)
        det = _prev_word(doc, tok.i - 1)
        if det is None or det.lower_ != "the":
            continue
        top = Toponym(doc[tok.i : tok.i + 1], tok.text, tok.idx, tok.idx + len(tok.text), "city", capital)
        found.append(top)
    return found


def context(doc: Doc, actors: list[Actor], gaz: Gazetteer) -> Context:
    """Countries the document is about: actors' homes, nationality adjectives, country names."""
    ctx = Context()
    for actor in actors:
        if actor.country and actor.mentions:
            ctx.countries[actor.country] += 1
    for ent in doc.ents:
        if ent.label_ == "NORP" or ent.label_ in PLACE_LABELS:
            country = gaz.country_of_adjective(ent.text)
            if country:
                ctx.countries[country] += 1
            for place in gaz.exact(ent.text):
                if place.kind == "country" and place.country:
                    ctx.countries[place.country] += 1
    return ctx


def score(place: Place, top: Toponym, ctx: Context, nearby: set[str], loose: bool) -> float:
    value = KIND_PRIOR.get(place.kind, 0.5) + (place.prominence if place.kind == "city" else 0.0)
    if top.feature:
        if top.feature == place.kind or (top.feature == "admin1" and place.kind == "region"):
            value += 3.0
        elif top.feature == "district" and place.kind == "city":
            value += 1.0
    if place.country and ctx.countries[place.country]:
        total = sum(ctx.countries.values())
        value += 2.0 + 2.0 * ctx.countries[place.country] / total
    if place.admin1 and ctx.admin1s[place.country, place.admin1]:
        value += 1.0
    if place.country in nearby or (place.admin1 and fold(place.admin1) in nearby):
        value += 1.5
    return value - (1.0 if loose else 0.0)


def _nearby(top: Toponym, others: list[Toponym], gaz: Gazetteer) -> set[str]:
    """Countries (ISO3) and folded region names named in the same sentence as `top`."""
    near: set[str] = set()
    for other in others:
        if other is top or other.span.sent != top.span.sent:
            continue
        for place in gaz.exact(other.span.text):
            if place.kind == "country" and place.country:
                near.add(place.country)
            elif place.kind in {"admin1", "region"}:
                near.add(fold(place.name))
    return near


def resolve_one(top: Toponym, others: list[Toponym], ctx: Context, gaz: Gazetteer) -> Place | None:
    text = top.span.text
    candidates, loose = gaz.exact(text), False
    if not candidates:
        candidates, loose = gaz.loose(text), True
        if ctx.countries:
            # a spelling guess ("Snake Island" ~ "Sunk Island", "Kremlin" ~ "Krmelin") only
            # within the countries the article is about: no place is better than a far-off one
            candidates = [p for p in candidates if p.country in ctx.countries]
    if not candidates:
        return None
    near = _nearby(top, others, gaz)
    best = max(candidates, key=lambda p: score(p, top, ctx, near, loose))
    return _article_country(best, top, ctx, gaz) if best.kind == "country" else best


def _article_country(best: Place, top: Toponym, ctx: Context, gaz: Gazetteer) -> Place:
    """A short country name that is part of the name of the country the article is more about
    ("Congo" in an article about DR Congo) is that country. The name's own mentions, which voted
    for its first reading (once in `context`, once more in the second pass when unambiguous), do
    not count for it here."""
    words = f" {fold(top.span.text)} "
    own = sum(fold(e.text) == fold(top.span.text) for e in top.span.doc.ents)
    own *= 2 if len(gaz.exact(top.span.text)) == 1 else 1
    votes = max(0, (ctx.countries[best.country] if best.country else 0) - own)
    for iso, n in ctx.countries.most_common():
        other = gaz.countries.get(iso)
        if n > votes and other is not None and other is not best and words in f" {fold(other.name)} ":
            return other
    return best


def resolve(toponyms: list[Toponym], ctx: Context, gaz: Gazetteer) -> None:
    """Two passes: the first pass's unambiguous answers join the context of the second."""
    for top in toponyms:
        top.place = resolve_one(top, toponyms, ctx, gaz)
    for top in toponyms:
        if top.place and len(gaz.exact(top.span.text)) == 1:
            if top.place.country:
                ctx.countries[top.place.country] += 1
            if top.place.admin1:
                ctx.admin1s[top.place.country, top.place.admin1] += 1
    for top in toponyms:
        top.place = resolve_one(top, toponyms, ctx, gaz)
