"""`allegiance run --engine dask`: the per-document stages on a Dask cluster, results via Parquet shards.

Why Dask rather than Ray: it is pure pip (no daemon, no extra binary), a local cluster starts in
seconds on a laptop, and the same code runs on many machines by pointing `DASK_SCHEDULER` at a
`dask scheduler` address. The inputs are cut into partitions; each task runs `batch.process_stream`
on one partition with a pipeline cached per worker process (spaCy loads once per worker, not once per
task) and writes one Parquet shard (pyarrow) of documents and failures as JSON. The caller's process
reads the shards back in partition order and writes the store, one transaction per document, exactly
as the in-process engine does — the cross-article stages (incidents, relations) then run from the
store as they always do.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..records import Document, Failure, RawInput
from ..settings import Settings
from .batch import process_stream

log = logging.getLogger(__name__)
PARTITION_SIZE = 16
SHARD_SCHEMA = pa.schema([("source", pa.string()), ("kind", pa.string()), ("record", pa.large_string())])

# One pipeline per worker process and settings, reused by every task that process runs.
_pipelines: dict[Settings, Any] = {}


def _worker_pipeline(settings: Settings) -> Any:
    if settings not in _pipelines:
        from ..pipeline import Pipeline

        _pipelines[settings] = Pipeline(settings)
    return _pipelines[settings]


def process_partition(raws: list[RawInput], settings: Settings, shard: str) -> str:
    """Run on a worker: analyse `raws` and write them to the Parquet file `shard`; return its path."""
    pipeline = _worker_pipeline(settings)
    sources, kinds, records = [], [], []
    for raw, result in process_stream(raws, pipeline):  # a page that fails fails alone
        sources.append(raw.source)
        kinds.append("document" if isinstance(result, Document) else "failure")
        records.append(result.model_dump_json())
    table = pa.table({"source": sources, "kind": kinds, "record": records}, schema=SHARD_SCHEMA)
    pq.write_table(table, shard)
    return shard


def read_shard(path: str | Path) -> Iterator[tuple[str, Document | Failure]]:
    table = pq.read_table(path)
    for source, kind, record in zip(*(table.column(c).to_pylist() for c in SHARD_SCHEMA.names), strict=True):
        model = Document if kind == "document" else Failure
        yield source, model.model_validate_json(record)


def _partitions(items: Iterable[RawInput], size: int) -> Iterator[list[RawInput]]:
    source = iter(items)
    while batch := list(islice(source, size)):
        yield batch


def dask_map(
    items: Iterable[RawInput],
    settings: Settings,
    workers: int,
    partition_size: int = PARTITION_SIZE,
    shard_dir: str | Path | None = None,
) -> Iterator[tuple[str, Document | Failure]]:
    """Yield `(source, Document | Failure)` in input order, computed on a Dask cluster: the one at
    DASK_SCHEDULER when set, else a local cluster of `workers` single-threaded processes. At most
    two partitions per worker are in flight, so the parent never holds the whole corpus."""
    from dask.distributed import Client, LocalCluster

    address = os.environ.get("DASK_SCHEDULER")
    cluster = None
    if address:
        client = Client(address)
    else:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",  # a local cluster listens on loopback only
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    own_dir = None if shard_dir else tempfile.TemporaryDirectory(prefix="allegiance-shards-")
    folder = Path(shard_dir or own_dir.name)  # type: ignore[union-attr]
    folder.mkdir(parents=True, exist_ok=True)
    try:
        pending: deque[Any] = deque()
        partitions = enumerate(_partitions(items, partition_size))
        for index, batch in partitions:
            shard = str(folder / f"part-{index:06d}.parquet")
            pending.append(client.submit(process_partition, batch, settings, shard, pure=False))
            if len(pending) >= 2 * max(1, workers):
                yield from read_shard(pending.popleft().result())
        while pending:
            yield from read_shard(pending.popleft().result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if own_dir is not None:
            own_dir.cleanup()
