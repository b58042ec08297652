"""Mentions of one incident inside one article share place and date (incidents/within.py)."""

from allegiance.incidents.within import share_context
from allegiance.records import Event, Participant, Span, TextSpan, When, Where


def event(start, category="ASSAULT", actor=("rebels",), where=None, day=None, certainty="asserted"):
    return Event(
        id=f"e{start}",
        event=category,
        actor=[Participant(id=a, text=a, start=start, end=start + 1) for a in actor],
        eventText="s",
        trigger=TextSpan(start=start, end=start + 1, text="t"),
        sentence=Span(start=start, end=start + 10),
        certainty=certainty,
        location=Where(name=where, admin1="North", country="XYZ", kind="city") if where else None,
        date=When(start=day, end=day, granularity="day", text=day) if day else None,
    )


def test_a_mention_without_place_or_date_takes_them_from_the_same_incident():
    lead = event(0, where="Riverside", day="2024-03-01")
    recap = event(100)
    out = share_context([lead, recap])
    assert out[1].location.name == "Riverside"
    assert out[1].date.start == "2024-03-01"


def test_the_nearest_mention_wins():
    far, near = event(0, where="Riverside"), event(150, where="Hilltown")
    out = share_context([far, event(200), near])
    assert out[1].location.name == "Hilltown"


def test_other_categories_and_other_actors_are_other_incidents():
    placed = event(0, where="Riverside", day="2024-03-01")
    other_category = event(50, category="PROTEST")
    other_actor = event(80, actor=("army",))
    out = share_context([placed, other_category, other_actor])
    assert out[1].location is None and out[2].location is None


def test_stated_values_are_never_replaced_and_conflicts_block_sharing():
    a = event(0, where="Riverside", day="2024-03-01")
    b = event(50, day="2024-05-09")  # a different day: a different attack by the same group
    out = share_context([a, b])
    assert out[1].location is None
    assert out[1].date.start == "2024-05-09"


def test_hypothetical_events_neither_give_nor_take():
    a = event(0, where="Riverside", certainty="hypothetical")
    b = event(50)
    c = event(90, certainty="predicted")
    out = share_context([a, b, c])
    assert out[1].location is None and out[2].location is None


def test_a_mention_naming_nobody_takes_the_context_of_the_same_category():
    # "Rebels stormed Riverside on Friday. ... The attack killed seven." — the recap names nobody
    lead = event(0, where="Riverside", day="2024-03-01")
    recap = event(100, actor=("x-gunmen",))
    other_group = event(200, actor=("army",))  # a named actor of its own: another incident
    out = share_context([lead, recap, other_group])
    assert out[1].location.name == "Riverside" and out[1].date.start == "2024-03-01"
    assert out[2].location is None and out[2].date is None
