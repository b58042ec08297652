"""`allegiance run --engine dask`: the per-document stages on a Dask cluster (issue 13).

Why Dask rather than Ray: it is pure pip (no daemon, no extra binary), a local cluster starts in
seconds on a laptop, and the same code runs on many machines by pointing `--scheduler` (or
DASK_SCHEDULER) at a `dask scheduler` address.

The inputs are cut into partitions; each task runs `batch.process_stream` on one partition
(the parse batched, a page that fails retried and failed alone). The
pipeline is built once per worker, when the worker joins (a `WorkerPlugin`, so a worker that joins
late builds its own), never per task. Results come back one of two ways:
- `shards=None`: the task returns its rows to the client through the scheduler (no shared storage
  needed; fine while a partition's documents are a few MB);
- `shards=URL`: the task writes a Parquet shard (pyarrow) to URL, a folder or any fsspec URL that
  every machine reaches (s3://…, a shared mount), and returns only its path; the client reads it
  back and deletes it. Each run writes under a folder of its own, so runs sharing URL do not mix.
Either way the client reads results in partition order and the caller's process writes the store,
as the in-process engine does.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from distributed.diagnostics.plugin import WorkerPlugin

from ..records import Document, Failure, RawInput
from ..settings import Settings
from .batch import process_stream
from .guard import Processor, failure_from_exception

log = logging.getLogger(__name__)
PARTITION_SIZE = 16
PLUGIN = "allegiance-pipeline"
SHARD_SCHEMA = pa.schema([("source", pa.string()), ("kind", pa.string()), ("record", pa.large_string())])
Rows = list[tuple[str, str, str]]  # (source, "document" | "failure", the record as JSON)


def build_pipeline(settings: Settings) -> Processor:
    from ..pipeline import Pipeline

    return Pipeline(settings)


class PipelinePlugin(WorkerPlugin):
    """Builds the worker's pipeline once, as the worker starts. A pipeline that cannot be built
    (a missing model) is kept as its error, and each input reports it, as the local pool does."""

    name = PLUGIN

    def __init__(self, settings: Settings, factory: Callable[[Settings], Processor] = build_pipeline) -> None:
        self.settings, self.factory = settings, factory
        self.pipeline: Processor | None = None
        self.error: Exception | None = None

    def setup(self, worker: Any) -> None:
        try:
            self.pipeline = self.factory(self.settings)
        except Exception as exc:
            self.error = exc


def _worker_plugin() -> PipelinePlugin:
    from distributed import get_worker

    return get_worker().plugins[PLUGIN]  # type: ignore[return-value]


def analyse_partition(raws: list[RawInput]) -> Rows:
    """Run on a worker: analyse `raws` with the worker's pipeline."""
    plugin = _worker_plugin()
    out: Rows = []
    results: Iterable[tuple[RawInput | Failure, Document | Failure]]
    if plugin.error is not None:
        error = plugin.error
        results = [(raw, failure_from_exception(raw.source, error)) for raw in raws]
    else:  # the parse batched; a page that fails is retried and fails alone
        results = process_stream(raws, plugin.pipeline)
    for raw, result in results:
        kind = "document" if isinstance(result, Document) else "failure"
        out.append((raw.source, kind, result.model_dump_json()))
    return out


def write_partition(raws: list[RawInput], shard: str) -> str:
    """Run on a worker: analyse `raws` and write them as the Parquet file `shard` (any fsspec
    URL); return `shard`."""
    import fsspec

    sources, kinds, records = zip(*analyse_partition(raws), strict=True) if raws else ((), (), ())
    table = pa.table({"source": sources, "kind": kinds, "record": records}, schema=SHARD_SCHEMA)
    with fsspec.open(shard, "wb", auto_mkdir=True) as out:
        pq.write_table(table, out)
    return shard


def read_shard(shard: str) -> Rows:
    """The rows of a shard written by `write_partition`; the shard is deleted once read."""
    import fsspec

    with fsspec.open(shard, "rb") as src:
        table = pq.read_table(src)
    fs, path = fsspec.core.url_to_fs(shard)
    fs.rm(path)
    return list(zip(*(table.column(c).to_pylist() for c in SHARD_SCHEMA.names), strict=True))


def _records(rows: Rows) -> Iterator[tuple[str, Document | Failure]]:
    for source, kind, record in rows:
        model = Document if kind == "document" else Failure
        yield source, model.model_validate_json(record)


def _partitions(items: Iterable[RawInput], size: int) -> Iterator[list[RawInput]]:
    source = iter(items)
    while batch := list(islice(source, size)):
        yield batch


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """A client of the cluster at `scheduler` (else DASK_SCHEDULER), or of a local cluster of
    `workers` single-threaded processes; and that local cluster, to close afterwards."""
    from dask.distributed import Client, LocalCluster

    address = scheduler or os.environ.get("DASK_SCHEDULER")
    if address:
        return Client(address), None
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",  # a local cluster listens on loopback only
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def dask_map(
    items: Iterable[RawInput],
    settings: Settings,
    workers: int,
    partition_size: int = PARTITION_SIZE,
    scheduler: str | None = None,
    shards: str | None = None,
    factory: Callable[[Settings], Processor] = build_pipeline,
) -> Iterator[tuple[str, Document | Failure]]:
    """Yield `(source, Document | Failure)` in input order, computed on a Dask cluster (see the
    module's docstring for `scheduler` and `shards`). `factory` builds each worker's pipeline.
    At most two partitions per worker are in flight, so the client never holds the whole corpus."""
    client, cluster = _client(scheduler, workers)
    run_folder = f"{shards.rstrip('/')}/run-{uuid.uuid4().hex[:12]}" if shards else None
    try:
        client.register_plugin(PipelinePlugin(settings, factory), name=PLUGIN)
        slots = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending: deque[Any] = deque()

        def collect() -> Iterator[tuple[str, Document | Failure]]:
            done = pending.popleft().result()
            yield from _records(read_shard(done) if run_folder else done)

        for index, batch in enumerate(_partitions(items, partition_size)):
            if run_folder:
                shard = f"{run_folder}/part-{index:06d}.parquet"
                pending.append(client.submit(write_partition, batch, shard, pure=False))
            else:
                pending.append(client.submit(analyse_partition, batch, pure=False))
            if len(pending) >= slots:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        if run_folder:
            _remove(run_folder)
        client.close()
        if cluster is not None:
            cluster.close()


def _remove(folder: str) -> None:
    import fsspec

    fs, path = fsspec.core.url_to_fs(folder)
    if fs.exists(path):
        fs.rm(path, recursive=True)
