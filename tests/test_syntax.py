"""The shared parse walk that `when` and `where` use to attach a phrase to a trigger."""

from allegiance.syntax import climb


def token(doc, word):
    return next(t for t in doc if t.text == word)


def test_phrase_on_the_trigger_crosses_no_clause(pipeline):
    doc = pipeline.nlp("Rebels attacked the base on Monday.")
    path = climb(token(doc, "Monday"), token(doc, "attacked"))
    assert path.reached and path.clauses == 0


def test_relative_clause_on_another_noun_is_flagged(pipeline):
    doc = pipeline.nlp("The army broke the truce, which was extended on Monday.")
    path = climb(token(doc, "Monday"), token(doc, "broke"))
    assert path.reached and path.clauses >= 1 and path.other_noun_clause


def test_phrase_in_another_sentence_part_is_not_reached(pipeline):
    doc = pipeline.nlp("Officials met in Kabul. Rebels attacked the base.")
    assert not climb(token(doc, "Kabul"), token(doc, "attacked")).reached
