"""The parse: a line without a verb (credit, byline, dateline) never joins the next sentence."""

from allegiance.nlp import PARAGRAPHS
from allegiance.records import RawInput


def sentences(pipeline, text):
    return [s.text.strip() for s in pipeline.nlp(text).sents]


def assaults(pipeline, content, published):
    doc = pipeline.process(RawInput(source="t", format="text", content=content, published=published))
    return doc, [e for e in doc.events if e.event == "ASSAULT"]


def preset_starts(pipeline, text):
    """The sentence starts the component sets before the parser (the parse itself left out)."""
    with pipeline.nlp.select_pipes(
        disable=[n for n in pipeline.nlp.pipe_names if n not in {"tok2vec", "tagger", PARAGRAPHS}]
    ):
        doc = pipeline.nlp(text)
    return [t.text for t in doc if t.is_sent_start and t.i > 0]


def test_a_credit_line_is_its_own_sentence(pipeline):
    text = "Photo: AFP\nGunmen attacked a police convoy near the border on Monday."
    assert sentences(pipeline, text) == [
        "Photo: AFP",
        "Gunmen attacked a police convoy near the border on Monday.",
    ]


def test_only_lines_without_a_verb_force_a_sentence_start(pipeline):
    # a headline with a verb is left to the parser; a credit line always ends its sentence
    text = "Rebels seize the port\n\nPhoto: AFP\nTroops withdrew from the town after the talks ended."
    assert preset_starts(pipeline, text) == ["Troops"]


def test_a_credit_line_gives_the_lead_no_participant(pipeline):
    text = "Riverside Herald\nGunmen attacked a police convoy near Lakeside on Monday, officials said.\n"
    doc, found = assaults(pipeline, text, "2024-03-05")
    assert found and all("Herald" not in p.text for e in found for p in e.actor + e.recipient)
    assert all(e.sentence.start >= doc.text.index("Gunmen") for e in found)


def test_a_wire_dateline_is_cut_from_the_lead(pipeline):
    lead = "Gunmen attacked a police convoy on Monday, officials said."
    for dateline in ("LAKESIDE (Herald) -", "Lakeside, Northland (HNA) —", "Lakeside, (HNA - 3rd May, 2024)"):
        assert sentences(pipeline, f"{dateline} {lead}") == [dateline, lead]


def test_a_body_sentence_opening_with_names_is_not_a_dateline(pipeline):
    for text in (
        "NATO, the EU and the US condemned the attack.",
        "Islamic State (IS) Commander Ali Omar said it.",
    ):
        assert sentences(pipeline, text) == [text]


def test_the_agency_of_a_dateline_is_no_participant(pipeline):
    text = "GARISSA (Reuters) - Gunmen attacked a police convoy on Monday, officials said.\n"
    _, found = assaults(pipeline, text, "2024-05-03")
    assert found and all(p.id != "reuters" for e in found for p in e.actor + e.recipient)


def test_a_caption_ending_on_its_photo_credit_ends_its_sentence(pipeline):
    caption = "Families return to their homes in the north yesterday. Photo: HNA"
    lead = "A ceasefire took hold in the region yesterday."
    assert sentences(pipeline, f"{caption}\n\n{lead}")[-1] == lead
