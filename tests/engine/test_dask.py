"""The Dask engine on a real cluster of separate processes, reached by its scheduler's address:
results in input order, through the client or through shards, one pipeline per worker."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from allegiance.engine.dask_engine import dask_map
from allegiance.ingest import document_id
from allegiance.records import Document, Failure, RawInput
from allegiance.settings import Settings

LOADS = 0  # pipelines built by this process (a worker's own copy of the module)


class WorkerProbe:
    """A pipeline that tells, in each document's `section`, which process analysed it and how
    many pipelines that process had built by then."""

    def process(self, raw: RawInput) -> Document:
        if "BROKEN" in raw.content:
            raise ValueError("cannot analyse this page")
        return Document(
            id=document_id(raw.content),
            source=raw.source,
            text=raw.content,
            section=f"{os.getpid()}:{LOADS}",
        )


def probe(settings: Settings) -> WorkerProbe:
    global LOADS
    LOADS += 1
    return WorkerProbe()


def no_pipeline(settings: Settings) -> WorkerProbe:
    raise OSError("model not installed on this worker")


@pytest.fixture(scope="module")
def scheduler():
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def pages(n: int) -> list[RawInput]:
    return [
        RawInput(source=f"p{i:03d}.txt", format="text", content=f"Page {i}" + (" BROKEN" if i == 7 else ""))
        for i in range(n)
    ]


def test_results_come_back_in_input_order_with_one_pipeline_per_worker(scheduler):
    results = list(dask_map(pages(40), Settings(), 2, partition_size=3, scheduler=scheduler, factory=probe))
    assert [s for s, _ in results] == [f"p{i:03d}.txt" for i in range(40)]
    failure = results[7][1]
    assert isinstance(failure, Failure) and "cannot analyse this page" in failure.reason
    docs = [d for _, d in results if isinstance(d, Document)]
    assert [d.text for d in docs] == [f"Page {i}" for i in range(40) if i != 7]
    # 14 tasks ran on at most 2 worker processes, and each built its pipeline once
    seen = Counter(d.section for d in docs)
    assert 1 <= len({s.split(":")[0] for s in seen}) <= 2
    assert all(s.endswith(":1") for s in seen), seen
    assert all(os.getpid() != int(s.split(":")[0]) for s in seen)  # analysed elsewhere


@pytest.mark.parametrize("as_url", [False, True])
def test_shards_in_a_shared_folder_give_the_same_results_and_are_cleaned_up(scheduler, tmp_path, as_url):
    shared = tmp_path / "shared"
    url = f"file://{shared}" if as_url else str(shared)
    direct = list(dask_map(pages(20), Settings(), 2, partition_size=4, scheduler=scheduler, factory=probe))
    sharded = list(
        dask_map(pages(20), Settings(), 2, partition_size=4, scheduler=scheduler, shards=url, factory=probe)
    )

    def comparable(results):
        return [(s, r.model_dump(exclude={"section"})) for s, r in results]

    assert comparable(sharded) == comparable(direct)
    assert not any(Path(shared).rglob("*.parquet"))  # read, then deleted


def test_a_worker_that_cannot_build_its_pipeline_reports_why(scheduler):
    results = list(dask_map(pages(5), Settings(), 2, scheduler=scheduler, factory=no_pipeline))
    assert [s for s, _ in results] == [f"p{i:03d}.txt" for i in range(5)]
    for _, failure in results:
        assert isinstance(failure, Failure) and "model not installed" in failure.reason


@pytest.mark.slow
def test_run_batch_on_a_cluster_stores_what_one_process_stores(scheduler, pipeline, tmp_path):
    from allegiance.runner import run_batch
    from allegiance.store import open_store
    from robustness.corpus import write_news_folder

    folder = tmp_path / "pages"
    folder.mkdir()
    write_news_folder(folder, 5)

    def dump(path):
        with open_store(path, read_only=True) as store:
            events = store.con.execute("SELECT * FROM events ORDER BY ALL").fetchall()
            return events, {frozenset(m.event.id for m in i.mentions) for i in store.load_incidents()}

    with open_store(tmp_path / "one.duckdb") as store:
        run_batch([folder], store, pipeline)
    with open_store(tmp_path / "dask.duckdb") as store:
        result = run_batch(
            [folder],
            store,
            None,
            engine="dask",
            scheduler=scheduler,
            shards=str(tmp_path / "shards"),
            settings=pipeline.settings,
        )
    assert result.stored == 5 and result.failed == 0
    one, on_cluster = dump(tmp_path / "one.duckdb"), dump(tmp_path / "dask.duckdb")
    assert one[0] and one == on_cluster


def test_scheduler_and_shards_need_the_dask_engine(tmp_path):
    from typer.testing import CliRunner

    from allegiance.cli import app

    done = CliRunner().invoke(
        app, ["run", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--scheduler", "tcp://h:8786"]
    )
    assert done.exit_code == 2 and "need --engine dask" in done.output
    assert not (tmp_path / "x.duckdb").exists()
