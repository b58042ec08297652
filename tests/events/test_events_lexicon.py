"""The PLOVER data files load, validate against their schemas and cover the codebook."""

from allegiance.events.lexicon import load

CATEGORIES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


def test_all_sixteen_categories_have_scores_cameo_and_triggers():
    lex = load()
    assert set(lex.categories) == CATEGORIES
    verbal = {t.category for ts in lex.verbs.values() for t in ts}
    nominal = {t.category for ts in lex.nouns.values() for t in ts}
    assert verbal == CATEGORIES
    assert nominal == CATEGORIES


def test_scores_follow_the_codebook_sign():
    lex = load()
    for name, info in lex.categories.items():
        cooperative = info["quad"].endswith("cooperation")
        if name != "REQUEST":
            assert (lex.score(name, None) > 0) == cooperative, name
    assert lex.score("ASSAULT", "aerial") < lex.score("ASSAULT", "beat")


def test_mode_changes_cameo_root():
    lex = load()
    assert lex.cameo("ASSAULT", "aerial") == "19"
    assert lex.cameo("ASSAULT", None) == "18"
    assert lex.cameo("ACCUSE", "investigate") == "09"


def test_specific_entries_win():
    lex = load()
    call = lex.verbs["call"]
    assert call[0].specificity >= call[-1].specificity
    assert any(t.category == "AGREE" and "truce" in t.object for t in call)
