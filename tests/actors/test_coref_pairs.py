"""Plural definites ("the two groups", "both sides") point back to a pair set up by coordination."""

from allegiance.actors import resolve


def referents(pipeline, text: str, phrase: str) -> set[str]:
    doc = pipeline.nlp(text)
    start = text.index(phrase)
    return {
        m.actor
        for a in resolve(doc, pipeline.kb)
        for m in a.mentions
        if m.start <= start < m.end and m.kind == "coreference"
    }


def test_two_groups_prefers_the_coordinated_pair_over_the_latest_name(pipeline):
    text = (
        "Hamas and Islamic Jihad fired rockets at border towns on Friday. "
        "Hezbollah, which is based in Lebanon, did not comment. "
        "The two groups have coordinated attacks for years."
    )
    assert referents(pipeline, text, "The two groups") == {"hamas", "palestinian-islamic-jihad"}


def test_two_groups_without_coordination_takes_the_two_latest(pipeline):
    text = (
        "Hamas fired rockets at border towns on Friday. "
        "Hezbollah said it would respond to any attack. "
        "The two groups have coordinated attacks for years."
    )
    assert referents(pipeline, text, "The two groups") == {"hamas", "hezbollah"}
