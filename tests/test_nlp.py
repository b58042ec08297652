"""The parse: a line without a verb (credit, byline, dateline) never joins the next sentence."""

from allegiance.records import RawInput


def sentences(pipeline, text):
    return [s.text.strip() for s in pipeline.nlp(text).sents]


def test_a_credit_line_is_its_own_sentence(pipeline):
    text = "Photo: AFP\nGunmen attacked a police convoy near the border on Monday."
    assert sentences(pipeline, text) == ["Photo: AFP", "Gunmen attacked a police convoy near the border on Monday."]


def test_lines_with_a_verb_keep_the_parser_boundaries(pipeline):
    one = "Troops withdrew from the town after the talks ended."
    assert sentences(pipeline, f"Rebels seize the port\n\n{one}")[-1].endswith(one)


def test_a_credit_line_gives_the_lead_no_participant(pipeline):
    raw = RawInput(
        source="t",
        format="text",
        content="Riverside Herald\nGunmen attacked a police convoy near Lakeside on Monday, officials said.\n",
        published="2024-03-05",
    )
    doc = pipeline.process(raw)
    assaults = [e for e in doc.events if e.event == "ASSAULT"]
    assert assaults and all("Herald" not in p.text for e in assaults for p in e.actor + e.recipient)
    assert all(e.sentence.start >= doc.text.index("Gunmen") for e in assaults)


def test_a_wire_dateline_is_cut_from_the_lead(pipeline):
    lead = "Gunmen attacked a police convoy on Monday, officials said."
    for dateline in ("LAKESIDE (Herald) -", "Lakeside, Northland (HNA) —", "Lakeside, (HNA - 3rd May, 2024)"):
        assert sentences(pipeline, f"{dateline} {lead}") == [dateline, lead]


def test_a_body_sentence_opening_with_names_is_not_a_dateline(pipeline):
    for text in ("NATO, the EU and the US condemned the attack.", "Islamic State (IS) Commander Ali Omar said it."):
        assert sentences(pipeline, text) == [text]


def test_the_agency_of_a_dateline_is_no_participant(pipeline):
    raw = RawInput(
        source="t",
        format="text",
        content="GARISSA (Reuters) - Gunmen attacked a police convoy on Monday, officials said.\n",
        published="2024-05-03",
    )
    doc = pipeline.process(raw)
    assaults = [e for e in doc.events if e.event == "ASSAULT"]
    assert assaults and all(p.id != "reuters" for e in assaults for p in e.actor + e.recipient)


def test_a_caption_ending_on_its_photo_credit_ends_its_sentence(pipeline):
    caption = "Families return to their homes in the north yesterday. Photo: HNA"
    lead = "A ceasefire took hold in the region yesterday."
    assert sentences(pipeline, f"{caption}\n\n{lead}")[-1] == lead
