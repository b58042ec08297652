"""The fast path of incident linking gives exactly what comparing every pair with the rule gives.

`incidents._link` compares a report only with reports of the families its occasion holds whose
window starts near its own (blocking), and `link.linked` reads the sentences' words only when they
can decide. Both may only leave out work whose answer is "no link". Here random reports, drawn
from small pools so that many pairs meet every test of the rule (one day, one place, one actor,
statements and sanctions by one speaker, undated reports, generic collectives, shared words), are
clustered by the fast path and by a reference that asks `link.compatible` (the whole evidence)
about every pair; the groups must be the same, and so must every pair's answer. The draws must
link pairs of each kind a part of the blocking keeps (another family of one occasion, no common
participant, windows of other widths meeting at the edge of the bounds; contested blame apart),
so that cutting any part fails here.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from allegiance.incidents import LinkOptions, Report, cluster, mentions_from, update
from allegiance.incidents.link import compatible, linked
from allegiance.records import Document, Where
from allegiance.relations.weights import load_weights
from export.synthetic import document, event, region, town

CATEGORIES = [
    "ASSAULT",
    "COERCE",
    "FIGHT",
    "PROTEST",
    "SANCTION",
    "ACCUSE",
    "THREATEN",
    "CONSULT",
    "AID",
    "MOBILIZE",
]
ACTORS = ["north_front", "state_army", "river_union", "x-gunmen", "civilians", "lna", "lna_7th", "haftar"]
PLACES: list[Where | None] = [
    None,
    town("Ardale", "Mirrow", 10.0, 20.0),
    town("Ardale West", "Mirrow", 10.05, 20.02),
    town("Corvin", "Easthold", 12.0, 24.0),
    region("Mirrow"),
    Where(name="Tessa", country="ZZA"),
    Where(name="Tessa", country="ZZB"),
]
WORDS = ["convoy", "bridge", "Rafah", "crossing", "prisoners", "39", "1,200", "market", "drone", "Kessel"]
OPTIONS = LinkOptions(parents={"lna_7th": "lna", "haftar": "lna"}, media_ids=frozenset({"wire"}))


def random_documents(seed: int, n: int = 70, days: int = 20) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for k in range(n):
        day = rng.choice([None, *(f"2030-05-{d:02d}" for d in range(1, days + 1))])
        # windows of a week (the widest that links) meet the edge of the blocking's reach
        end = day and f"2030-05-{int(day[-2:]) + rng.choice([0, 0, 0, 2, 7, 7, 9]):02d}"
        events = [
            event(
                f"e{k}-{i}",
                category=rng.choice(CATEGORIES),
                actor=tuple(rng.sample(ACTORS, rng.randint(0, 2))),
                recipient=tuple(rng.sample(ACTORS, rng.randint(0, 2))),
                day=day,
                end=end or None,
                place=rng.choice(PLACES),
                dead=rng.choice([None, None, 3, 7]),
                text=" ".join(rng.sample(WORDS, rng.randint(0, 4))) + ".",
            )
            for i in range(rng.randint(1, 3))
        ]
        headline = " ".join(rng.sample(WORDS, rng.choice([0, 2, 5, 7])))
        doc = document(
            f"d{k}",
            f"https://outlet{k % 6}.example/{k}",
            events,
            published=f"2030-05-{rng.randint(1, 22):02d}",
        )
        docs.append(doc.model_copy(update={"title": headline or None}))
    return docs


def every_pair_groups(docs: list[Document], options: LinkOptions, new_from: int = 0) -> set[frozenset[str]]:
    """Connected components of `compatible` over every pair, asked the way round the fast path
    asks it (the rule is not symmetric in every case): in `cluster`, report i of j > i; in
    `update`, each new report (from document `new_from` on) of the stored ones and of the later
    new ones, the stored ones linked among themselves as `cluster` links them."""
    weights = load_weights()
    mentions = mentions_from(docs)
    first_new = len(mentions_from(docs[:new_from]))
    reports = [Report(m, weights, options) for m in mentions]
    group = list(range(len(reports)))

    def find(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i in range(len(reports)):
        for j in range(len(reports)):
            in_order = i < j and (i >= first_new or j < first_new)  # cluster, or new with later new
            if (in_order or j < first_new <= i) and compatible(reports[i], reports[j], options):
                group[max(find(i), find(j))] = min(find(i), find(j))
    found: dict[int, set[str]] = {}
    for i, r in enumerate(reports):
        found.setdefault(find(i), set()).add(r.mention.event.id)
    return {frozenset(g) for g in found.values()}


def groups(incidents) -> set[frozenset[str]]:
    return {frozenset(m.event.id for m in inc.mentions) for inc in incidents}


def linked_kinds(docs: list[Document], options: LinkOptions) -> set[str]:
    """Which of the pairs each part of the blocking must keep the draw links: a report of another
    family of the occasion (indexed by speaker), reports naming no common participant (empty
    sides), windows of other widths that meet only within the slack at the edge of the bounds."""
    weights = load_weights()
    reports = [Report(m, weights, options) for m in mentions_from(docs)]
    kinds = set()
    for i, a in enumerate(reports):
        for b in reports[i + 1 :]:
            if not compatible(a, b, options):
                continue
            if a.family != b.family:
                kinds.add("another family")
            if not a.sides & b.sides:
                kinds.add("no common participant")
            assert a.start and a.end and b.start and b.end
            at_edge = options.date_slack_days in ((b.start - a.end).days, (a.start - b.end).days)
            if at_edge and a.end - a.start != b.end - b.start:
                kinds.add("other widths at the edge")
    return kinds


DRAWS = [(0, 20), (1, 20), (2, 20), (3, 20), (0, 3), (1, 6)]


def test_the_draws_link_every_kind_of_pair_the_blocking_must_keep():
    found = set().union(*(linked_kinds(random_documents(seed, days=days), OPTIONS) for seed, days in DRAWS))
    assert found == {"another family", "no common participant", "other widths at the edge"}


@pytest.mark.parametrize(("seed", "days"), DRAWS)
def test_blocking_and_bounds_leave_out_only_pairs_the_rule_refuses(seed, days):
    docs = random_documents(seed, days=days)
    expected = every_pair_groups(docs, OPTIONS)
    assert any(len(g) > 2 for g in expected)  # the draw links reports, or the test proves nothing
    assert groups(cluster(docs, OPTIONS)) == expected
    # `update` blocks the same way: new reports against stored ones and against each other
    half = len(docs) // 2
    old = cluster(docs[:half], OPTIONS)
    assert groups(update(old, docs[half:], OPTIONS)) == every_pair_groups(docs, OPTIONS, new_from=half)


@pytest.mark.parametrize(
    "options", [OPTIONS, LinkOptions(min_evidence=1.5), LinkOptions(text_evidence=False)]
)
def test_linked_answers_as_the_whole_rule_for_every_pair(options):
    weights = load_weights()
    reports = [Report(m, weights, options) for m in mentions_from(random_documents(11, n=60, days=6))]
    without_words = dataclasses.replace(options, text_evidence=False)
    pairs = [(a, b) for a in reports for b in reports]
    assert [linked(a, b, options) for a, b in pairs] == [compatible(a, b, options) for a, b in pairs]
    # the draw holds pairs that link on other evidence alone, and pairs that the words decide
    assert any(compatible(a, b, without_words) for a, b in pairs)
    if options.text_evidence:
        assert any(compatible(a, b, options) and not compatible(a, b, without_words) for a, b in pairs)


@pytest.mark.parametrize("seed", range(3))
def test_the_rule_does_not_depend_on_which_report_is_asked_first(seed):
    # an asymmetric rule makes `update` in another order give other incidents than `cluster`
    weights = load_weights()
    reports = [Report(m, weights, OPTIONS) for m in mentions_from(random_documents(seed, n=60, days=6))]
    pairs = [(a, b) for i, a in enumerate(reports) for b in reports[i + 1 :]]
    assert [compatible(a, b, OPTIONS) for a, b in pairs] == [compatible(b, a, OPTIONS) for a, b in pairs]


def test_the_same_victims_blamed_on_others_are_compared():
    # contested blame: the two sides share no participant, only the (generic) victims
    place = town("Ardale", "Mirrow", 10.0, 20.0)
    docs = [
        document(f"d{k}", f"https://outlet{k}.example/1", [event(f"e{k}", actor=(who,), recipient=("civilians",), place=place, dead=4)])
        for k, who in enumerate(["north_front", "state_army"])
    ]
    weights = load_weights()
    a, b = (Report(m, weights, OPTIONS) for m in mentions_from(docs))
    assert compatible(a, b, OPTIONS) and not a.sides & b.sides
    assert groups(cluster(docs, OPTIONS)) == {frozenset({"e0", "e1"})}
    assert groups(update(cluster(docs[:1], OPTIONS), docs[1:], OPTIONS)) == {frozenset({"e0", "e1"})}
