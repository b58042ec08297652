from allegiance.records import RawInput


def test_pipeline_offsets_point_into_clean_text(pipeline):
    raw = RawInput(source="t", format="text", content="The Taliban attacked a police post in Kabul on Monday.")
    doc = pipeline.process(raw)
    assert any(a.id == "taliban" for a in doc.actors)
    for actor in doc.actors:
        for m in actor.mentions:
            assert doc.text[m.start : m.end] == m.text
