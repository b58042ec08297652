"""The one data loader (allegiance/lexicons.py): every shipped data file loads and validates
through it, and a broken file fails with a message that names the file and the failing value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allegiance import lexicons
from allegiance.lexicons import DataFileError, load_data
from allegiance.where.lexicon import LEXICONS as PLACE_LEXICONS

# (folder under data/, file) → (schema, $defs definition); None: no schema of its own
SCHEMAS: dict[tuple[str, str], tuple[str, str | None] | None] = {
    ("common", "words.yaml"): ("schema.json", None),
    ("certainty", "cues.yaml"): ("schema.json", None),
    ("clean", "chrome.yaml"): ("schema.json", None),
    ("clean", "sections.yaml"): ("sections.schema.json", None),
    ("plover", "triggers.yaml"): ("triggers.schema.json", None),
    ("plover", "categories.yaml"): ("categories.schema.json", None),
    ("plover", "contexts.yaml"): None,
    ("plover", "sectors.yaml"): None,
    ("quotes", "speech_verbs.yaml"): ("schema.json", "speech_verbs.yaml"),
    ("quotes", "roles.yaml"): ("schema.json", "roles.yaml"),
    ("relations", "scores.yaml"): ("schema.json", None),
    ("relations", "acled.yaml"): ("acled.schema.json", None),
    ("time", "expressions.yaml"): ("schema.json", None),
    ("actors/lexicon", "descriptors.yaml"): ("schema.json", None),
    ("actors/lexicon", "collectives.yaml"): ("collectives.schema.json", None),
    ("actors/lexicon", "not_actors.yaml"): ("not_actors.schema.json", None),
    ("actors/lexicon", "not_actor_phrases.yaml"): ("not_actor_phrases.schema.json", None),
    # the knowledge base: actors/kb.py checks each entry against data/actors/schema.json (and
    # reads user files the same way), so here they are only parsed
    **{
        ("actors", name): None
        for name in ("armed_groups.yaml", "media.yaml", "organisations.yaml", "peoples.yaml", "states.yaml")
    },
    **{("places", name): ("schema.json", name) for name in PLACE_LEXICONS},
}


def shipped_files() -> set[tuple[str, str]]:
    root = Path(str(lexicons.DATA))
    return {(str(p.parent.relative_to(root)), p.name) for p in root.rglob("*.yaml")}


def test_every_data_file_is_listed_here():
    assert shipped_files() == set(SCHEMAS)


@pytest.mark.parametrize(("folder", "name"), sorted(SCHEMAS))
def test_every_data_file_loads_through_the_loader(folder, name):
    schema = SCHEMAS[(folder, name)]
    data = load_data(folder, name, *(schema or ()))
    assert data
    assert load_data(folder, name, *(schema or ())) is data  # cached


def test_shared_word_lists_have_one_source():
    from allegiance.certainty.lexicon import load_cues
    from allegiance.events import casualties, folding, wordclasses
    from allegiance.when.lexicon import load

    assert load_cues().speech_act_categories == load().speech_acts == lexicons.speech_act_categories()
    assert folding.FUTURE_AUX is wordclasses.FUTURE_AUX == lexicons.future_auxiliaries()
    assert lexicons.number_words() == casualties.NUMBER_WORDS
    assert all(load().numbers[word] == value for word, value in lexicons.number_words().items())


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicons, "DATA", tmp_path)
    load_data.cache_clear()
    lexicons.load_schema.cache_clear()
    lexicons._validator.cache_clear()
    yield tmp_path
    load_data.cache_clear()
    lexicons.load_schema.cache_clear()
    lexicons._validator.cache_clear()


def test_a_schema_error_names_the_file_and_the_failing_path(data_dir):
    (data_dir / "common").mkdir()
    (data_dir / "common" / "words.yaml").write_text(
        "speech_act_categories: [ACCUSE]\nfuture_auxiliaries: [will]\nnumbers: {one: 1, two: zwei}\n"
    )
    schema = Path(__file__).parents[1] / "src" / "allegiance" / "data" / "common" / "schema.json"
    (data_dir / "common" / "schema.json").write_text(schema.read_text())
    with pytest.raises(DataFileError) as err:
        load_data("common", "words.yaml", "schema.json")
    message = str(err.value)
    assert "data/common/words.yaml" in message
    assert "numbers/two" in message
    assert "'zwei' is not of type 'integer'" in message


def test_a_schema_error_in_a_definition_names_the_row(data_dir):
    (data_dir / "quotes").mkdir()
    (data_dir / "quotes" / "speech_verbs.yaml").write_text("- {lemma: say, kind: say}\n- {lemma: tell}\n")
    (data_dir / "quotes" / "schema.json").write_text(
        json.dumps(
            {
                "$defs": {
                    "speech_verbs.yaml": {"type": "array", "items": {"$ref": "#/$defs/verb"}},
                    "verb": {"type": "object", "required": ["lemma", "kind"]},
                }
            }
        )
    )
    with pytest.raises(
        DataFileError, match=r"data/quotes/speech_verbs\.yaml: at 1: 'kind' is a required property"
    ):
        load_data("quotes", "speech_verbs.yaml", "schema.json", "speech_verbs.yaml")


def test_invalid_yaml_names_the_file(data_dir):
    (data_dir / "time").mkdir()
    (data_dir / "time" / "expressions.yaml").write_text("vague: [unclosed\n")
    with pytest.raises(DataFileError, match=r"data/time/expressions\.yaml: not valid YAML"):
        load_data("time", "expressions.yaml")
