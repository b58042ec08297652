"""Direct quotes and reported-speech clauses of one document, each with its speaker.

Direct quotes come from the quotation marks (marks.py); the speech verb that attributes one is
looked for right after its closing mark (`"…," X said`) and then right before its opening mark
(`X said: "…"`, `X said the group "violated the truce"`), in the same sentence. A quote with no
speech verb takes the speaker of the nearest quote of its paragraph, or, when it opens a
paragraph, of the last quote of the previous one (the news convention for running quotes).
Reported speech is the clausal complement of a speech verb (`X said that …`, `…, X added`,
`saying that …`) and the clause that "according to X" modifies.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..records import Actor, Quote
from ..syntax import text_of, token_starts
from .lexicon import QuoteLexicon, load_lexicon
from .marks import QuoteSpan, find_quote_spans
from .speakers import Speaker, SpeakerResolver, inverted_subject

# an attribution tag after a quote is short: `," said Michael Kugelman, an analyst at …`
MAX_TAG_TOKENS = 8
SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’']|$)")
TRIM = " \t\n\u00a0.,;:—–-"


@dataclass
class _Found:
    start: int
    end: int
    direct: bool
    verb: Token | None
    span: QuoteSpan | None = None
    speaker: Speaker | None = None


def find_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    lex = load_lexicon()
    resolver = SpeakerResolver(doc, actors, lex)
    spans = find_quote_spans(text_of(doc))
    found = [_Found(q.start, q.end, True, _attribution_verb(doc, q, spans, lex), q) for q in spans]
    found += [_Found(s, e, False, v) for s, e, v in reported_clauses(doc, spans, lex)]
    found.sort(key=lambda f: (f.start, not f.direct))
    for item in found:  # text order, so pronouns and role nouns see the speakers before them
        if item.verb is not None:
            item.speaker = resolver.speaker_of_verb(item.verb)
            if item.speaker is None or item.speaker.id is None:
                # "It was noted that …": no one named, so the body last quoted is still speaking
                recent = [s for pos, s in resolver.history if pos < item.start]
                item.speaker = recent[-1] if recent else item.speaker
        elif item.direct:
            item.speaker = _adjacent_speaker(item, found, text_of(doc))
        resolver.remember(item.start, item.speaker)
    for item in found:  # second pass: quotes whose neighbour is attributed only after them
        if item.direct and item.speaker is None:
            item.speaker = _adjacent_speaker(item, found, text_of(doc)) or _sentence_subject(doc, item, resolver, lex)
    return [_record(doc, f) for f in found]


def _sentence_subject(doc: Doc, item: _Found, resolver: SpeakerResolver, lex: QuoteLexicon) -> Speaker | None:
    """Last resort for a partial quote in narration ("Baku drew attention to … “for another
    attack”"): the subject of the sentence the quote sits in, when it lies outside the quote."""
    assert item.span is not None
    tokens = _tokens_between(doc, item.span.open_at, item.span.open_at + 1)
    if not tokens:
        return None
    # the subject of the nearest speech verb or "with X doing" clause that governs the quote ("…,
    # with ministers calling for an “immediate truce”": the ministers), else of the sentence (not
    # of a clause it reports: "Baku noted that the Armenian side is preparing “another attack”")
    node, root = tokens[0], tokens[0].sent.root
    for _ in range(12):
        outside = [
            c
            for c in node.children
            if c.dep_ in ("nsubj", "nsubjpass") and not item.span.open_at <= c.idx <= item.span.close_at
        ]
        if outside and (_is_speech_verb(node, lex) or node.dep_ == "pcomp" or node.i == root.i):
            found = resolver.resolve_phrase(outside[0])
            return found if found.id is not None else None
        if node.i == root.i:
            break
        node = node.head
    return None


def _record(doc: Doc, f: _Found) -> Quote:
    s = f.speaker
    return Quote(
        speaker=s.id if s else None,
        speakerText=s.text if s else None,
        speakerStart=s.start if s else None,
        speakerEnd=s.end if s else None,
        text=text_of(doc)[f.start : f.end],
        start=f.start,
        end=f.end,
        direct=f.direct,
    )


# --- direct quotes ------------------------------------------------------------------------------


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    starts = token_starts(doc)
    return list(doc[bisect_left(starts, start) : bisect_left(starts, end)])


def _inside_other(pos: int, quote: QuoteSpan, spans: list[QuoteSpan]) -> bool:
    return any(q is not quote and q.open_at <= pos <= q.close_at and q.depth >= quote.depth for q in spans)


def _bounds(quote: QuoteSpan, spans: list[QuoteSpan], text: str) -> tuple[int, int]:
    """The stretch of text a quote's attribution may sit in: its paragraph, or its parent quote."""
    parents = [
        p for p in spans if p.depth < quote.depth and p.start <= quote.open_at and quote.close_at < p.end
    ]
    if parents:
        parent = max(parents, key=lambda p: p.start)
        return parent.start, parent.end
    end = text.find("\n", quote.close_at)
    return quote.paragraph_start, len(text) if end < 0 else end


def _attribution_verb(doc: Doc, quote: QuoteSpan, spans: list[QuoteSpan], lex: QuoteLexicon) -> Token | None:
    text = text_of(doc)
    lo, hi = _bounds(quote, spans, text)
    # after the closing mark, up to the end of that sentence or the next quote
    stop = SENTENCE_END.search(text, quote.close_at + 1, hi)
    after_end = stop.start() if stop else hi
    later = [q.open_at for q in spans if q.depth == quote.depth and quote.close_at < q.open_at < after_end]
    after_end = min([after_end, *later])
    after = [
        t
        for t in _tokens_between(doc, quote.close_at + 1, after_end)
        if not _inside_other(t.idx, quote, spans) and not t.is_space
    ][:MAX_TAG_TOKENS]
    for tok in after:
        if _is_speech_verb(tok, lex):
            return tok
    # before the opening mark, back to the start of that sentence or the previous quote
    begin = lo
    for m in SENTENCE_END.finditer(text, lo, quote.open_at):
        if not any(q.open_at < m.start() < q.close_at for q in spans):
            begin = m.end()
    earlier = [
        q.close_at + 1 for q in spans if q.depth == quote.depth and begin <= q.close_at < quote.open_at
    ]
    begin = max([begin, *earlier])
    before = [t for t in _tokens_between(doc, begin, quote.open_at) if not _inside_other(t.idx, quote, spans)]
    for tok in reversed(before):
        if _is_speech_verb(tok, lex):
            return tok
    return None


def _is_speech_verb(tok: Token, lex: QuoteLexicon) -> bool:
    return tok.lemma_.lower() in lex.speech_verbs and tok.pos_ in ("VERB", "AUX")


def _adjacent_speaker(item: _Found, found: list[_Found], text: str) -> Speaker | None:
    """The speaker of the nearest attributed quote in the same paragraph (earlier first), else of
    the last quote of the previous paragraph when this one opens its paragraph."""
    assert item.span is not None
    same = [
        f
        for f in found
        if f.direct
        and f is not item
        and f.speaker is not None
        and f.span is not None
        and f.span.depth == item.span.depth
        and f.span.paragraph_start == item.span.paragraph_start
    ]
    before = [f for f in same if f.start < item.start]
    if before:
        return before[-1].speaker
    after = [f for f in same if f.start > item.start]
    if after:
        return after[0].speaker
    para = item.span.paragraph_start
    if item.span.depth == 0 and text[para : item.span.open_at].strip() == "" and para > 0:
        earlier = [
            f
            for f in found
            if f.direct and f.span is not None and f.span.depth == 0 and f.span.paragraph_start < para
        ]
        if earlier and earlier[-1].speaker is not None:
            previous_para = text.rfind("\n", 0, para - 1) + 1
            if earlier[-1].span is not None and earlier[-1].span.paragraph_start >= previous_para:
                return earlier[-1].speaker
    return None


# --- reported speech ----------------------------------------------------------------------------


def reported_clauses(doc: Doc, spans: list[QuoteSpan], lex: QuoteLexicon) -> list[tuple[int, int, Token]]:
    """(start, end, speech verb) of every reported-speech clause outside a direct quote's own
    text (a clause that is just a direct quote is left to the direct quote)."""
    out: list[tuple[int, int, Token]] = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        if lemma == "accord":
            span = _according_clause(verb)
        elif lemma in lex.clause_verbs and verb.pos_ in ("VERB", "AUX"):
            span = _complement_clause(verb)
        else:
            continue
        if span is None:
            continue
        text = text_of(doc)
        # a clause never runs past its verb's paragraph (the parse may glue the next one on)
        para_start = text.rfind("\n", 0, verb.idx) + 1
        para_end = text.find("\n", verb.idx)
        span = (max(span[0], para_start), min(span[1], para_end if para_end >= 0 else len(text)))
        start, end = _trim(text, *span)
        if end - start < 3:
            continue
        if any(q.open_at <= start and end <= q.close_at + 1 for q in spans):
            continue  # the clause is (part of) a direct quote
        out.append((start, end, verb))
    return out


def _complement_clause(verb: Token) -> tuple[int, int] | None:
    if inverted_subject(verb) is not None:  # "<clause>, reported Reuters …"
        tokens = [t for t in verb.sent if t.i < verb.i - 1]
        return _char_range(tokens) if tokens else None
    comps = [c for c in verb.children if c.dep_ == "ccomp" and _is_finite_clause(c)]
    if comps:
        tokens = [t for c in comps for t in c.subtree]
        return _char_range(tokens)
    that = _that_after(verb)
    if that is not None:
        # "confirmed to dpa that …", "noted during the briefing that …" (the small parser often
        # hangs such clauses elsewhere): the rest of the sentence after "that"
        tokens = [t for t in verb.sent if t.i > that.i]
        return _char_range(tokens) if tokens else None
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    hanging = verb.dep_ == "parataxis" or (verb.dep_ == "conj" and own_subject)
    if hanging and verb.head.i < verb.i:
        # "The group attacked the base, officials said." / "…, reported Reuters citing witnesses."
        tokens = [t for t in verb.head.subtree if t.i < verb.left_edge.i]
        return _char_range(tokens) if tokens else None
    return None


def _that_after(verb: Token) -> Token | None:
    """A complementiser "that" within a few words after the verb, in its sentence."""
    for tok in verb.doc[verb.i + 1 : min(verb.i + 7, verb.sent.end)]:
        if tok.lower_ == "that" and tok.dep_ == "mark" and tok.i + 1 < verb.sent.end:
            return tok
        if tok.is_punct and tok.text != ",":
            return None
    return None


def _is_finite_clause(head: Token) -> bool:
    """A reported clause has a subject or a finite verb ("citing witnesses" is not one)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in head.children):
        return True
    return head.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _according_clause(verb: Token) -> tuple[int, int] | None:
    """ "According to X, <clause>" / "<clause>, according to X": the clause it modifies."""
    head = verb.head
    if head.i == verb.i:
        return None
    own = {t.i for t in verb.subtree}
    rest = [t for t in head.subtree if t.i not in own]
    after = [t for t in rest if t.i > verb.right_edge.i]
    before = [t for t in rest if t.i < verb.left_edge.i]
    side = after if len(after) >= len(before) else before
    return _char_range(side) if side else None


def _char_range(tokens: list[Token]) -> tuple[int, int]:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (
        tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "mark" and tokens[0].lower_ == "that"
    ):
        tokens = tokens[1:]
    if not tokens:
        return 0, 0
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    # a clause that ends on a closing mark it never opened (`…, "X did Y,"` cut by the parse)
    clause = text[start:end]
    unbalanced = clause.count("”") > clause.count("“") or clause.count('"') % 2 == 1
    if end > start and text[end - 1] in '"”' and unbalanced:
        end -= 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
    return start, end
