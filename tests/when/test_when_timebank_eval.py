"""The TimeBank scorer: TimeML reading on a document we write, and a run on two real files."""

import pytest

from allegiance.evaluation.timebank import evaluate, read_tml, timeml_value

TML = """<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-07">20010307</TIMEX3></DCT>
<TEXT>Rebels &amp; troops clashed <TIMEX3 tid="t1" type="DATE" value="2001-03-05">Monday</TIMEX3>.</TEXT></TimeML>"""


def test_read_tml_strips_tags_and_keeps_offsets():
    dct, body, gold = read_tml(TML)
    assert dct.date().isoformat() == "2001-03-07"
    assert body == "Rebels & troops clashed Monday."
    assert [body[g.start : g.end] for g in gold] == ["Monday"]
    assert gold[0].value == "2001-03-05"


def test_timeml_values_by_granularity():
    assert timeml_value("1998-10-01", "1998-10-31", "month") == "1998-10"
    assert timeml_value("1998-01-05", "1998-01-11", "week") == "1998-W2"
    assert timeml_value("1998-09-01", "1998-11-30", "season") == "1998-FA"


@pytest.mark.shared
def test_timebank_report_on_two_documents(shared_dir, pipeline):
    report = evaluate(shared_dir / "data" / "timebank", limit=2, nlp=pipeline.nlp)
    assert report.metrics["documents"] == 2
    assert report.overall.tp > 0
    assert 0.0 <= report.metrics["date_value_accuracy"] <= 1.0
