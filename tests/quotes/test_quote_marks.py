"""Quotation-mark scanning on plain strings (no parse needed)."""

from allegiance.quotes import find_quote_spans


def inner(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text)]


def test_straight_and_curly_double_quotes():
    text = 'He said "we will stay" and she replied “we will go,” then left.'
    assert inner(text) == ["we will stay", "we will go,"]


def test_apostrophes_are_not_quotes():
    text = "The Taliban’s leader and the groups' fighters don't agree, it's said."
    assert inner(text) == []


def test_single_quotes_used_as_quotation_marks():
    text = "The minister’s aide said the army ‘will not retreat’ from the border."
    assert inner(text) == ["will not retreat"]


def test_nested_quote_inside_a_quote_has_depth_one():
    text = '"They shouted ‘leave now’ at us," said a farmer.'
    spans = find_quote_spans(text)
    by_text = {text[q.start : q.end]: q.depth for q in spans}
    assert by_text == {"They shouted ‘leave now’ at us,": 0, "leave now": 1}


def test_quote_running_over_paragraphs_is_one_quote():
    text = '"The first paragraph of the statement.\n"And the second one," he said.\nNext paragraph.'
    spans = find_quote_spans(text)
    assert len(spans) == 1
    q = spans[0]
    assert text[q.start : q.end].startswith("The first paragraph")
    assert text[q.start : q.end].endswith("second one,")


def test_unclosed_quote_ends_at_its_paragraph():
    text = 'He said "the talks are over\nA new paragraph without marks.'
    assert inner(text) == ["the talks are over"]


def test_multi_sentence_quote_is_one_quote():
    text = '"We fought. We lost. We will return," the commander said.'
    assert inner(text) == ["We fought. We lost. We will return,"]
