from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from when_helpers import make_event

from allegiance.when import find_expressions, resolve

THURSDAY = datetime(2024, 2, 1)


def test_expression_attached_to_the_trigger_wins(pipeline):
    doc = pipeline.nlp("Gunmen attacked a convoy on Monday, officials said on Wednesday.")
    [event] = resolve(doc, [make_event(doc, "attacked")], THURSDAY)
    assert (event.date.start, event.date.granularity) == ("2024-01-29", "day")
    assert doc.text[event.date.span.start : event.date.span.end] == event.date.text


def test_a_deed_dated_only_by_its_report_falls_on_that_day_or_the_night_before(pipeline):
    doc = pipeline.nlp("Gunmen attacked a convoy near the border, officials said on Wednesday.")
    [event] = resolve(doc, [make_event(doc, "attacked")], THURSDAY)
    assert (event.date.start, event.date.end) == ("2024-01-30", "2024-01-31")
    # the statement itself is dated by its own day
    doc = pipeline.nlp("The ministry said on Wednesday that it rejected the plan.")
    [event] = resolve(doc, [make_event(doc, "rejected", "REJECT")], THURSDAY)
    assert (event.date.start, event.date.end) == ("2024-01-31", "2024-01-31")


def test_an_event_told_as_coming_before_its_clause_falls_in_the_days_before_it(pipeline):
    doc = pipeline.nlp("The rebels on Wednesday announced a truce following calls from the envoys for calm.")
    [event] = resolve(doc, [make_event(doc, "calls", "REQUEST")], THURSDAY)
    assert (event.date.start, event.date.end) == ("2024-01-28", "2024-01-31")
    doc = pipeline.nlp("The army withdrew on Wednesday after the rebels attacked the base.")
    [event] = resolve(doc, [make_event(doc, "attacked")], THURSDAY)
    assert (event.date.start, event.date.end) == ("2024-01-28", "2024-01-31")
    # its own time wins
    doc = pipeline.nlp("The army withdrew on Wednesday after the rebels attacked the base on Monday.")
    [event] = resolve(doc, [make_event(doc, "attacked")], THURSDAY)
    assert (event.date.start, event.date.end) == ("2024-01-29", "2024-01-29")


def test_duration_interval_ends_at_publication(pipeline):
    doc = pipeline.nlp("The two militias have clashed for more than a year.")
    [event] = resolve(doc, [make_event(doc, "clashed")], THURSDAY)
    assert event.date.granularity == "interval"
    assert event.date.end == "2024-02-01" and event.date.start < "2023-02-02"


def test_vague_or_missing_time_leaves_the_event_undated(pipeline):
    doc = pipeline.nlp("Rebels have recently attacked several villages. The army shelled the town.")
    events = resolve(doc, [make_event(doc, "attacked"), make_event(doc, "shelled")], THURSDAY)
    assert [e.date for e in events] == [None, None]


def test_predicted_event_takes_the_coming_weekday(pipeline):
    doc = pipeline.nlp("The truce will take effect on Saturday.")
    [event] = resolve(doc, [make_event(doc, "take", "CONCEDE", certainty="predicted")], THURSDAY)
    assert event.date.start == "2024-02-03"


def test_founding_year(pipeline):
    doc = pipeline.nlp("The movement was founded in 2011 by former soldiers.")
    [event] = resolve(doc, [make_event(doc, "founded", "MOBILIZE")], THURSDAY)
    assert (event.date.start, event.date.end) == ("2011-01-01", "2011-12-31")


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "on Friday",
                "yesterday",
                "for two years",
                "in 2015",
                "the army",
                "said",
                "\u00a0",
                ".",
                "last night",
                "Kabul",
            ]
        ),
        max_size=12,
    )
)
def test_expression_spans_lie_inside_the_text(pipeline, words):
    text = " ".join(words)
    for expr in find_expressions(pipeline.nlp(text)):
        assert 0 <= expr.start <= expr.end <= len(text)
        assert text[expr.start : expr.end] == expr.text


def test_date_in_a_relative_clause_belongs_to_another_event(pipeline):
    doc = pipeline.nlp("The rebels said on Tuesday they would leave the town, which they seized in March.")
    [event] = resolve(doc, [make_event(doc, "leave", "RETREAT")], THURSDAY)
    assert event.date.start == "2024-01-30"
