"""A person or body outside the knowledge base takes the country its own title phrase names."""

from allegiance import actors


def countries(pipeline, text):
    doc = pipeline.nlp(text)
    return {a.name: a.country for a in actors.resolve(doc, pipeline.kb)}


def test_a_title_places_a_person(pipeline):
    found = countries(pipeline, "Brazilian President Maria Souza met the envoy on Monday.")
    assert any(c == "BRA" for name, c in found.items() if "Souza" in name)


def test_an_apposition_places_a_person(pipeline):
    found = countries(pipeline, "Ahmed Karimi, Algeria's foreign minister, met the envoy on Monday.")
    assert any(c == "DZA" for name, c in found.items() if "Karimi" in name)


def test_two_countries_in_a_title_place_nobody(pipeline):
    found = countries(pipeline, "Jonas Berg, a Swedish-Norwegian mediator, arrived in Oslo.")
    assert all(c is None for name, c in found.items() if "Berg" in name)
