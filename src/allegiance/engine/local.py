"""In-process engines: `serial_map` (one pipeline, this process) and `parallel_map` (a pool of worker
processes, each loading its own pipeline once).

Why a process pool running the whole per-document pipeline, not ``nlp.pipe(n_process=N)``: after the
spaCy parse, the actor, quote, event, certainty, date and place stages are pure Python and take as
long as the parse, so only a worker that runs them all uses both cores; a worker also sends back a
small `Document` instead of a pickled spaCy `Doc`.

Each task is a few inputs, run with `batch.process_stream` (the one per-document path, parsing with
`nlp.pipe`). Results come back in input order, and at most `window` inputs are in flight, so memory stays bounded
however large the corpus. Workers start with "spawn": forking a parent that holds a DuckDB
connection and spaCy's thread pools is not safe.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..records import Document, Failure, RawInput
from ..settings import Settings
from .batch import process_stream
from .guard import Processor, failure_from_exception

log = logging.getLogger(__name__)
Result = tuple[str, Document | Failure]  # (input source, what became of it)
# Inputs per pool task. Smaller than a parse batch (`batch.BATCH_TEXTS`) so that a few dozen pages
# still spread over every worker; a task's documents are still parsed as one spaCy batch.
POOL_CHUNK = 8

# The worker's pipeline, loaded once per process by `_start_worker` (the pool's initializer), or
# the error that prevented loading it: raised from the initializer it would break the pool and every
# input would read "worker died"; kept, each input reports the real cause (e.g. a missing model).
_worker_pipeline: Any = None
_worker_error: Exception | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_pipeline, _worker_error
    try:
        from ..pipeline import Pipeline

        _worker_pipeline = Pipeline(settings)
    except Exception as exc:
        _worker_error = exc


def _work(raws: list[RawInput]) -> list[Document | Failure]:
    try:
        if _worker_error is not None:
            raise _worker_error
        return [result for _, result in process_stream(raws, _worker_pipeline)]
    except Exception as exc:  # returned, not raised: one page must not stop the batch
        return [failure_from_exception(raw.source, exc) for raw in raws]


def serial_map(items: Iterable[RawInput], pipeline: Processor) -> Iterator[Result]:
    for raw, result in process_stream(items, pipeline):
        yield raw.source, result


def parallel_map(
    items: Iterable[RawInput],
    settings: Settings,
    workers: int,
    window: int | None = None,
    chunk: int = POOL_CHUNK,
    while_starting: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """Process `items` on `workers` processes, `chunk` inputs per task (each worker parses a task's
    documents as spaCy batches); yield results in input order. `while_starting` is called once
    the first tasks are submitted: this process's own preparation (the caller's) then overlaps the
    workers' start-up (each loads its pipeline, seconds) instead of delaying it.

    A worker that dies (killed for memory, a crash in native code) breaks the pool: the inputs that
    were in flight are then re-run one at a time on a fresh pool, so only the input that kills its
    worker again is recorded as failed."""
    window = window or workers * 2 * chunk
    context = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(settings,)
        )

    source = iter(items)
    waiting: deque[RawInput] = deque()  # taken from `source`, to be (re)submitted
    in_flight: deque[tuple[list[RawInput], Future[list[Document | Failure]]]] = deque()
    isolate = 0  # inputs still to run one at a time after a worker died
    pool = new_pool()

    def take(size: int) -> list[RawInput]:
        taken: list[RawInput] = []
        while len(taken) < size:
            raw = waiting.popleft() if waiting else next(source, None)
            if raw is None:
                break
            taken.append(raw)
        return taken

    try:
        while True:
            tasks, size = (1, 1) if isolate else (max(1, -(-window // chunk)), chunk)
            while len(in_flight) < tasks and (raws := take(size)):
                in_flight.append((raws, pool.submit(_work, raws)))
            if while_starting is not None:
                while_starting()
                while_starting = None
            if not in_flight:
                return
            raws, future = in_flight.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                if not isolate:
                    suspects = [*raws, *(r for task, _ in in_flight for r in task)]
                    waiting.extendleft(reversed(suspects))
                    isolate = len(suspects)
                    in_flight.clear()
                    continue
                results = [
                    Failure(
                        source=raws[0].source,
                        stage="pipeline",
                        reason="worker process died on this input (killed for memory, or a crash)",
                    )
                ]
            if isolate:
                isolate -= 1
            for raw, result in zip(raws, results, strict=True):
                yield raw.source, result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
