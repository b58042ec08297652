"""An incident of one report is merged without counting (`merge._single`), and must be exactly
what the general merge gives for that one report: same id, values, sources and body."""

from __future__ import annotations

import itertools

from allegiance.incidents import LinkOptions, mentions_from
from allegiance.incidents.merge import _merge, _single, merge
from allegiance.records import When
from allegiance.relations.weights import load_weights
from export.synthetic import document, event, town

OPTIONS = LinkOptions(media_ids=frozenset({"wire_agency"}))


def reports():
    """One report per combination of what the merge counts or chooses among."""
    sides = [((), ()), (("a",), ()), ((), ("b",)), (("a", "z"), ("z", "c")), (("a", "a"), ("c", "b", "c"))]
    figures = [(None, None), (3, None), (None, 0), (5, 2)]
    certainties = ["asserted", "negated", "predicted"]
    sources = [(None, None), ("according to Reuters", None), (None, "wire_agency"), ("state television said", None)]
    urls = ["https://www.outlet.example/1", None]
    combinations = itertools.product(sides, figures, certainties, sources, urls)
    for k, ((actor, recipient), (dead, injured), certainty, (said, by), url) in enumerate(combinations, 1):
        ev = event(
            f"e{k}",
            actor=actor,
            recipient=recipient,
            mode=["airstrike", None, ""][k % 3],
            certainty=certainty,
            dead=dead,
            injured=injured,
            attributed=said,
            place=[None, town("Ardale", "Mirrow", 10.0, 20.0)][k % 2],
            day=[None, "2030-05-10"][k % 2 or k % 5 == 0],
        )
        if by:
            ev = ev.model_copy(update={"attributedTo": by})
        if k % 7 == 0:  # an end before its start: the merge keeps the report's own date
            ev = ev.model_copy(update={"date": When(start="2030-05-10", end="2030-05-08", granularity="interval", text="x")})
        doc = document(f"d{k}", url or "", [ev])
        yield from mentions_from([doc.model_copy(update={"url": url, "source": None if k % 4 else "feed"})])


def test_a_single_report_merges_as_the_general_merge_does():
    weights = load_weights()
    checked = 0
    for mention in reports():
        single, general = _single(mention, weights, OPTIONS), _merge([mention], weights, OPTIONS)
        assert single == general, mention.event.id
        assert single.model_dump_json() == general.model_dump_json()
        checked += 1
    assert checked > 400
    assert merge([mention], weights, OPTIONS) == _merge([mention], weights, OPTIONS)
