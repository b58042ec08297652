"""`allegiance check`: a store damaged the ways a crash, an older version or a partial restore can
damage it is reported, repaired in one go, and then found healthy; the repaired incidents are the
ones clustering the stored documents gives."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from allegiance.actors import load_kb
from allegiance.cli import app
from allegiance.incidents import cluster
from allegiance.store import open_store
from allegiance.store.check import inspect, repair
from allegiance.store.upkeep import options_from_kb
from export.synthetic import multi_outlet_corpus


@pytest.fixture(scope="module")
def options():
    return options_from_kb(load_kb())


@pytest.fixture()
def damaged(backend_target, options):
    """A store of a multi-outlet corpus, then: one document row gone (its rows orphaned), one
    event of another document gone (its incident stale), one document's incident members gone."""
    docs, _ = multi_outlet_corpus(seed=5, happenings=8)
    path = backend_target
    with open_store(path) as store:
        store.set_link_options(options)
        assert all(store.save_many(docs))
        store.con.execute("DELETE FROM documents WHERE id = ?", [docs[0].id])
        store.con.execute("DELETE FROM events WHERE document_id = ? AND seq = 0", [docs[1].id])
        store.con.execute("DELETE FROM incident_members WHERE document_id = ?", [docs[2].id])
    return path, docs


def counts(report) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in report.findings:
        out[f.kind] = out.get(f.kind, 0) + f.count
    return out


def test_damage_is_reported_then_repaired_and_gone(damaged, options):
    path, docs = damaged
    with open_store(path) as store:
        found = counts(inspect(store))
        assert found["orphans"] > 0 and found["stale-incidents"] >= 1 and found["uncovered-events"] >= 1
        assert found["dangling"] >= 1  # the deleted event's participants
        store.set_link_options(options)
        assert repair(store).repaired
        assert inspect(store).healthy
        kept = [d for d in (store.load_document(doc.id) for doc in docs) if d is not None]
        assert docs[0].id not in {d.id for d in kept}
        want = {frozenset(m.event.id for m in inc.mentions) for inc in cluster(kept, options)}
        got = {frozenset(m.event.id for m in inc.mentions) for inc in store.load_incidents()}
        assert got == want
        assert not repair(store).repaired  # idempotent: nothing left to do


def test_cli_exit_status_says_whether_the_store_is_healthy(damaged, tmp_path):
    path, _ = damaged
    runner = CliRunner()
    assert runner.invoke(app, ["check", "--store", str(path)]).exit_code == 1
    fixed = runner.invoke(app, ["check", "--store", str(path), "--repair", "--json"])
    assert fixed.exit_code == 0 and '"repaired": true' in fixed.stdout
    assert runner.invoke(app, ["check", "--store", str(path)]).exit_code == 0
    assert runner.invoke(app, ["check", "--db", str(tmp_path / "missing.duckdb")]).exit_code == 2
