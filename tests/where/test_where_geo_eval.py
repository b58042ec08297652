"""The geoparsing scorer on a handful of real corpus articles (../shared; skipped when absent)."""

import pytest

from allegiance.evaluation.geo import evaluate, haversine_km, read_corpus


def test_haversine_known_distance():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)


@pytest.mark.shared
@pytest.mark.parametrize("corpus", ["GeoVirus.xml", "lgl.xml", "GWN.xml", "TR-News.xml"])
def test_every_corpus_layout_yields_offsets_and_coordinates(shared_dir, corpus):
    articles = read_corpus(shared_dir / "data" / "geoparsing" / corpus, limit=3)
    assert len(articles) == 3
    for text, gold in articles:
        assert gold and all(0 <= g.start < g.end <= len(text) for g in gold)
        assert any(g.lat is not None for g in gold)


@pytest.mark.shared
def test_geo_report_on_a_few_articles(shared_dir, pipeline):
    report = evaluate(shared_dir / "data" / "geoparsing" / "GeoVirus.xml", limit=3, pipeline=pipeline)
    assert report.overall.tp > 0
    assert 0.0 <= report.metrics["acc_at_161km"] <= 1.0
    assert report.metrics["median_error_km"] >= 0
