"""In-process engines: `serial_map` (one pipeline, this process) and `parallel_map` (a pool of worker
processes, each loading its own pipeline once).

Why a process pool running the whole per-document pipeline, not ``nlp.pipe(n_process=N)``: after the
spaCy parse, the actor, quote, event, certainty, date and place stages are pure Python and take as
long as the parse, so only a worker that runs them all uses both cores; a worker also sends back a
small `Document` instead of a pickled spaCy `Doc`.

Results come back in input order, and at most `window` inputs are in flight, so memory stays bounded
however large the corpus. Workers start with "spawn": forking a parent that holds a DuckDB
connection and spaCy's thread pools is not safe.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..records import Document, Failure, RawInput
from ..settings import Settings
from .guard import Processor, failure_from_exception, process_checked

log = logging.getLogger(__name__)
Result = tuple[str, Document | Failure]  # (input source, what became of it)

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


def _work(raw: RawInput) -> Document | Failure:
    try:
        if _worker_error is not None:
            raise _worker_error
        return process_checked(_worker_pipeline, raw)
    except Exception as exc:  # returned, not raised: one page must not stop the batch
        return failure_from_exception(raw.source, exc)


def serial_map(items: Iterable[RawInput], pipeline: Processor) -> Iterator[Result]:
    for raw in items:
        try:
            yield raw.source, process_checked(pipeline, raw)
        except Exception as exc:  # one page must not stop the batch
            log.debug("processing %s failed", raw.source, exc_info=True)
            yield raw.source, failure_from_exception(raw.source, exc)


def parallel_map(
    items: Iterable[RawInput], settings: Settings, workers: int, window: int | None = None
) -> Iterator[Result]:
    """Process `items` on `workers` processes; yield results in input order.

    A worker that dies (killed for memory, a crash in native code) breaks the pool: the inputs that
    were in flight are then re-run one at a time on a fresh pool, so only the input that kills its
    worker again is recorded as failed."""
    window = window or workers * 4
    context = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(settings,)
        )

    source = iter(items)
    waiting: deque[RawInput] = deque()  # taken from `source`, to be (re)submitted
    in_flight: deque[tuple[RawInput, Future[Document | Failure]]] = deque()
    isolate = 0  # inputs still to run one at a time after a worker died
    pool = new_pool()
    try:
        while True:
            limit = 1 if isolate else window
            while len(in_flight) < limit:
                raw = waiting.popleft() if waiting else next(source, None)
                if raw is None:
                    break
                in_flight.append((raw, pool.submit(_work, raw)))
            if not in_flight:
                return
            raw, future = in_flight.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                if not isolate:
                    suspects = [raw, *(r for r, _ in in_flight)]
                    waiting.extendleft(reversed(suspects))
                    isolate = len(suspects)
                    in_flight.clear()
                    continue
                result = Failure(
                    source=raw.source,
                    stage="pipeline",
                    reason="worker process died on this input (killed for memory, or a crash)",
                )
            if isolate:
                isolate -= 1
            yield raw.source, result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
