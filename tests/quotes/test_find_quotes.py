"""Direct quotes and reported speech with speakers, on sentences written for these tests."""

from __future__ import annotations

import pytest

from allegiance.actors import resolve
from allegiance.quotes import find_quotes
from allegiance.records import Quote


@pytest.fixture(scope="module")
def run(pipeline):
    def _run(text: str) -> tuple[list[Quote], dict[str, str]]:
        doc = pipeline.nlp(text)
        actors = resolve(doc, pipeline.kb)
        owner = {m.text: a.id for a in actors for m in a.mentions}
        return find_quotes(doc, actors), owner

    return _run


def one(quotes: list[Quote], text: str) -> Quote:
    hits = [q for q in quotes if q.text == text]
    assert hits, f"no quote {text!r} in {[q.text for q in quotes]}"
    return hits[0]


def assert_offsets(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speakerStart is not None:
            assert text[q.speakerStart : q.speakerEnd] == q.speakerText


def test_named_speaker_after_the_quote(run):
    text = '"We will not surrender," Maria Lopez told reporters in Bogota.'
    quotes, owner = run(text)
    q = one(quotes, "We will not surrender,")
    assert q.direct and q.speakerText == "Maria Lopez"
    assert q.speaker == owner.get("Maria Lopez", "x-maria-lopez")
    assert_offsets(text, quotes)


def test_speaker_before_the_quote_with_colon(run):
    text = "The army commander said on Friday: “Our troops are ready to defend the city.”"
    quotes, _ = run(text)
    q = one(quotes, "Our troops are ready to defend the city.")
    assert q.speakerText is not None and "commander" in q.speakerText


def test_pronoun_takes_the_person_named_before(run):
    text = 'Jane Whitfield met reporters in Nairobi on Monday. "The talks are over," she said.'
    quotes, owner = run(text)
    q = one(quotes, "The talks are over,")
    assert q.speakerText == "she"
    assert q.speaker is not None and q.speaker == owner.get("Jane Whitfield")


def test_role_noun_refers_back_to_the_previous_speaker(run):
    text = (
        'Jane Whitfield, a researcher in Nairobi, spoke about the truce. "It is fragile," Whitfield said.\n'
        '"Both sides are rearming," the analyst argued.'
    )
    quotes, _ = run(text)
    first, second = one(quotes, "It is fragile,"), one(quotes, "Both sides are rearming,")
    assert second.speakerText == "the analyst"
    assert second.speaker == first.speaker and first.speaker is not None


def test_a_role_noun_does_not_take_up_a_speaker_of_another_role(run):
    text = (
        'The governor said the road was closed, adding that "no one will pass".\n'
        'The minister visited the camp on Monday, warning that the rebels "will pay a heavy price".'
    )
    quotes, _ = run(text)
    governor, minister = one(quotes, "no one will pass"), one(quotes, "will pay a heavy price")
    assert governor.speaker is not None and minister.speaker is not None
    assert minister.speaker != governor.speaker and "minister" in (minister.speakerText or "")


def test_a_with_clause_speaker_owns_its_partial_quote(run):
    text = 'Pressure for talks had been growing, with Arab foreign ministers on Tuesday calling for an "immediate truce".'
    quotes, _ = run(text)
    assert "ministers" in (one(quotes, "immediate truce").speakerText or "")


def test_a_participle_after_a_preposition_takes_the_main_subject(run):
    text = 'Kenyan President William Ruto, after demanding that the rebels "lay down their arms", said he would go.'
    quotes, owner = run(text)
    ruto = owner.get("Kenyan President William Ruto", "x-william-ruto")
    reported = [q for q in quotes if not q.direct and q.text.startswith("the rebels")]
    assert reported and all(q.speaker == ruto for q in reported)


def test_an_indefinite_speaker_is_still_a_speaker(run):
    text = 'Villagers fled the area. "The militants came at night," a local elder told reporters.'
    quotes, _ = run(text)
    q = one(quotes, "The militants came at night,")
    assert q.speaker is not None and q.speakerText == "a local elder"


def test_a_platform_is_where_it_was_said_not_who_said_it(run):
    text = 'In a post on Telegram, the group said it had "liberated" the town.'
    quotes, _ = run(text)
    assert all("telegram" not in (q.speaker or "") for q in quotes)


def test_a_reported_clause_ends_with_its_paragraph(run):
    text = 'The ministry said in a statement: "Our forces repelled the attack."\n\n"We will not talk," Ali Hassan told reporters.'
    quotes, _ = run(text)
    assert all("\n" not in q.text for q in quotes), [q.text for q in quotes]


def test_one_of_a_collective_speaks_as_a_person(run):
    text = (
        'A spokesman for the UN, Jane Doe, said: "The situation is dire."\n'
        '"This is a massacre," said one resident, who asked not to be named.\nHe added: "They came at night."'
    )
    quotes, _ = run(text)
    first, second = one(quotes, "This is a massacre,"), one(quotes, "They came at night.")
    assert second.speaker is not None and second.speaker == first.speaker


def test_unattributed_quote_takes_the_adjacent_speaker(run):
    text = '"The convoy was hit twice," said Omar Haddad. "Nobody came to help us."'
    quotes, _ = run(text)
    first, second = one(quotes, "The convoy was hit twice,"), one(quotes, "Nobody came to help us.")
    assert first.speaker is not None
    assert second.speaker == first.speaker


def test_title_speaker_becomes_an_ad_hoc_actor(run):
    text = '"Three soldiers died in the blast," a provincial police spokesman said.'
    quotes, _ = run(text)
    q = one(quotes, "Three soldiers died in the blast,")
    assert q.speakerText == "a provincial police spokesman"
    assert q.speaker == "x-provincial-police-spokesman"


def test_nested_quote_is_found_inside_its_quote(run):
    text = '"The fighters shouted ‘leave now’ at us," said Amina Yusuf, a farmer.'
    quotes, _ = run(text)
    outer = one(quotes, "The fighters shouted ‘leave now’ at us,")
    inner = one(quotes, "leave now")
    assert outer.start < inner.start < inner.end < outer.end


def test_reported_speech_with_that_clause(run):
    text = "The army said that rebels attacked a convoy near the border on Sunday."
    quotes, _ = run(text)
    q = one(quotes, "rebels attacked a convoy near the border on Sunday")
    assert not q.direct and q.speakerText == "The army"
    assert_offsets(text, quotes)


def test_reported_speech_with_trailing_attribution(run):
    text = "Talks with the rebels will resume next week, the ministry added."
    quotes, _ = run(text)
    q = one(quotes, "Talks with the rebels will resume next week")
    assert not q.direct and q.speakerText == "the ministry"


def test_participle_saying_takes_the_clause_subject(run):
    text = "Omar Haddad backed the plan, saying that the ceasefire would hold."
    quotes, owner = run(text)
    q = one(quotes, "the ceasefire would hold")
    assert q.speakerText == "Omar Haddad"
    assert q.speaker == owner.get("Omar Haddad", "x-omar-haddad")


def test_according_to_introduces_reported_speech(run):
    text = "According to local officials, the militants burned two schools."
    quotes, _ = run(text)
    q = one(quotes, "the militants burned two schools")
    assert q.speakerText == "local officials" and q.speaker == "x-local-officials"


def test_partial_quote_inside_reported_speech_gets_the_reporting_speaker(run):
    text = 'The army also said that the paramilitary group "repeatedly violated the truce," which was extended on Monday.'
    quotes, _ = run(text)
    q = one(quotes, "repeatedly violated the truce,")
    assert q.speakerText == "The army"


def test_no_quotes_in_plain_narration(run):
    quotes, _ = run("Fighting broke out near the airport on Tuesday.")
    assert quotes == []


def test_inverted_attribution_after_the_clause(run):
    text = "Government troops were pulling out of two towns in the north, reported Reuters citing witnesses."
    quotes, _ = run(text)
    q = one(quotes, "Government troops were pulling out of two towns in the north")
    assert q.speakerText == "Reuters"


def test_group_pronoun_takes_the_previous_sentence_subject(run):
    text = 'The mediators extended the truce on Monday. They said the truce had been "imperfectly observed".'
    quotes, _ = run(text)
    q = one(quotes, "imperfectly observed")
    assert q.speaker.startswith("x-mediators")  # a collective, scoped to its document


def test_another_refers_to_the_previous_ad_hoc_speaker(run):
    text = "One of the aid workers said the soldiers had left, but another said that many had stayed."
    quotes, _ = run(text)
    q = one(quotes, "many had stayed")
    assert q.speakerText == "One of the aid workers"


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # the small parser hangs the name on the role's prepositional object ("of [Kunar, X]")
        (
            'The governor of Kunar, Mohammad Iqbal, said: "The Taliban attacked from three sides."',
            "The Taliban attacked from three sides.",
            "Mohammad Iqbal",
        ),
        # the role names an organisation the mention resolves to; the person beside it speaks
        (
            'The UN envoy, Hans Grundberg, told the council that "the truce remains fragile".',
            "the truce remains fragile",
            "Hans Grundberg",
        ),
    ],
)
def test_a_name_in_apposition_to_the_role_is_the_speaker(run, text, quote, name):
    quotes, owner = run(text)
    q = one(quotes, quote)
    assert q.speaker is not None and q.speaker == owner.get(name)
    assert_offsets(text, quotes)
