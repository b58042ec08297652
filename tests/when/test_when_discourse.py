"""Dates read from the discourse when the event's own sentence gives none (when/discourse.py)."""

from datetime import datetime

from when_helpers import make_event

from allegiance.when import resolve, resolve_text

THURSDAY = datetime(2024, 2, 1)
NEWS_CYCLE = ("2024-01-31", "2024-02-01")


def dated(pipeline, text, trigger, category, certainty="asserted"):
    doc = pipeline.nlp(text)
    [event] = resolve(doc, [make_event(doc, trigger, category, certainty)], THURSDAY)
    return event.date


def test_follow_up_statement_takes_the_day_of_the_previous_sentence(pipeline):
    text = (
        "The interior ministry announced on Tuesday a curfew in the northern districts. "
        '"Anyone who breaks it will be arrested," a spokesman warned.'
    )
    when = dated(pipeline, text, "warned", "THREATEN")
    assert (when.start, when.granularity) == ("2024-01-30", "day")
    assert text[when.span.start : when.span.end] == when.text  # points at the day it borrowed


def test_undated_statement_falls_in_the_news_cycle(pipeline):
    text = "Flooding closed the main road. The governor accused the militia of blocking aid convoys."
    when = dated(pipeline, text, "accused", "ACCUSE")
    assert (when.start, when.end, when.granularity) == (*NEWS_CYCLE, "interval")
    assert when.text == "accused"


def test_reported_attack_does_not_take_the_day_of_its_report(pipeline):
    text = "The police said on Monday. Officials said gunmen raided a village near the border."
    assert dated(pipeline, text, "raided", "ASSAULT") is None


def test_time_of_a_relative_clause_dates_another_event(pipeline):
    text = "Mediators held talks. Rebels broke the ceasefire, which was signed on Sunday, the army said."
    assert dated(pipeline, text, "broke", "ASSAULT") is None
    when = dated(pipeline, text, "said", "ACCUSE")
    assert when.start != "2024-01-28"


def test_present_perfect_is_hot_news_only_in_the_lead(pipeline):
    lead = "The government has imposed a curfew on the port city. Shops closed early."
    assert dated(pipeline, lead, "imposed", "SANCTION").end == "2024-02-01"
    body = (
        "Shops closed early in the port city. Schools stayed shut. "
        "Residents have accused the militia of looting homes."
    )
    assert dated(pipeline, body, "accused", "ACCUSE") is None


def test_vague_adverb_and_predictions_stay_undated(pipeline):
    assert (
        dated(
            pipeline,
            "Flooding closed roads. The cabinet has repeatedly denied arming the militia.",
            "denied",
            "REJECT",
        )
        is None
    )
    assert (
        dated(
            pipeline,
            "The rebels said they would withdraw from the town.",
            "withdraw",
            "RETREAT",
            certainty="predicted",
        )
        is None
    )


def test_lengths_of_time_are_no_dates():
    for text in ("a 48-hour", "36 hours", "the 12-hour"):
        assert resolve_text(text, THURSDAY) is None
    assert resolve_text("two days ago", THURSDAY).start.isoformat() == "2024-01-30"


def test_news_cycle_of_a_placeholder_publication_date_is_no_date(pipeline):
    # Gannett pages print 0001-01-01 as their date: the day before it is outside the calendar
    text = "Flooding closed the main road. The governor accused the militia of blocking aid convoys."
    doc = pipeline.nlp(text)
    for published in (datetime.min, datetime.max):
        [event] = resolve(doc, [make_event(doc, "accused", "ACCUSE")], published)
        assert event.date is None or event.date.start <= event.date.end
    [event] = resolve(doc, [make_event(doc, "accused", "ACCUSE")], datetime.min)
    assert event.date is None
