"""A person's parent actor (actors/parents.py): the state whose office the person holds, or the
group the knowledge base says the person commands. Sentences are written for these tests."""

from __future__ import annotations


def person(found, surname):
    return next(a for a in found.values() if a.type == "person" and surname in a.name)


def test_a_state_office_title_makes_the_government_the_parent(resolved):
    found = resolved("Turkish President Kemal Ozturk warned Damascus on Monday.")
    assert person(found, "Ozturk").parent == "tur-government"


def test_an_untitled_foreign_minister_belongs_to_the_articles_country(resolved):
    text = (
        "Kenya's army said it had repelled an attack near Mandera. Kenyan police confirmed four "
        "deaths. Foreign Minister Ruth Achieng said Nairobi would ask for help."
    )
    assert person(resolved(text), "Achieng").parent == "ken-government"


def test_a_commander_the_kb_links_to_a_group_has_that_group_as_parent(resolved):
    found = resolved("Khalifa Haftar ordered an advance on Tripoli.")
    assert person(found, "Haftar").parent == "lna"


def test_a_spokesman_is_no_state_office(resolved):
    found = resolved("Spokesman Peter Olang said the talks would resume.")
    assert person(found, "Olang").parent is None


def test_the_prime_minister_is_the_person_with_that_title(resolved):
    found = resolved("Israeli Prime Minister Avi Sharon met Foreign Minister Dan Levi. The prime minister said it would hold.")
    assert any(m.text == "The prime minister" for m in person(found, "Sharon").mentions)
