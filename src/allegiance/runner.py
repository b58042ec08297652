"""Batch orchestration: inputs → pipeline → store, with every input accounted for.

Each input ends in exactly one of three states: stored, skipped as a duplicate (same document id,
the sha256 of its content, already in the store — so re-running a folder is cheap and changes
nothing), or recorded in the store's `failures` table with the stage and reason. One bad page never
stops the batch: expected errors (`AllegianceError`, which carries its `.stage`) and unexpected
exceptions alike become failures.

Before parsing, the engine's guards (`engine.guard`) refuse texts too long to parse in bounded memory
and texts that are not English, with the reason. With `workers > 1` the documents are analysed on a
pool of worker processes (`engine.local.parallel_map`) and saved here, by this process only, in input
order — so the store ends the same as with one worker. Documents are saved a batch per store
transaction (`Store.save_many`), and the store links them into the incidents as it saves them.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal, Protocol

from .engine import failure_from_exception, parallel_map, process_stream, serial_map
from .records import Document, Failure, RawInput
from .settings import Settings
from .store import Store

__all__ = ["BatchResult", "Outcome", "failure_from_exception", "process_inputs", "run_batch", "store_files"]

log = logging.getLogger(__name__)

Status = Literal["stored", "duplicate", "failed"]
Reader = Callable[[Iterable[Path | str], str | None], Iterable[RawInput | Failure]]


class Processor(Protocol):
    def process(self, raw: RawInput) -> Document: ...


@dataclass(frozen=True)
class Outcome:
    """What happened to one input; passed to the progress callback as soon as it is known."""

    source: str
    status: Status
    document_id: str | None = None
    stage: str | None = None
    reason: str | None = None


@dataclass
class BatchResult:
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.stored + self.duplicates + self.failed

    def as_dict(self) -> dict[str, int]:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "total": self.total,
        }


def content_id(raw: RawInput) -> str:
    """The id the document will get (sha256 of its content), known before any processing."""
    from .ingest import document_id

    return document_id(raw.content)


def process_inputs(
    inputs: Iterable[RawInput | Failure], pipeline: Processor
) -> Iterator[tuple[RawInput | Failure, Document | Failure]]:
    """The inputs through the one per-document path (`engine.process_stream`: guards, time budget,
    batched parse), every exception a `Failure` — for callers without a store (`allegiance
    extract`, `allegiance eval`), which so refuse and fail exactly what `run` does."""
    return process_stream(inputs, pipeline)


def run_batch(
    paths: Iterable[Path | str],
    store: Store,
    pipeline: Processor | None = None,
    published: str | None = None,
    progress: Callable[[Outcome], None] | None = None,
    reader: Reader | None = None,
    workers: int = 1,
    settings: Settings | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    shards: str | None = None,
) -> BatchResult:
    """Ingest `paths` (files, folders, JSON Lines), process new documents and save them.

    `reader` defaults to `allegiance.ingest.read_inputs`; `progress` is called once per input.
    With `workers > 1`, each worker builds its own pipeline from `settings` (default: the
    `pipeline`'s settings, else the environment) and `pipeline` may be None. `engine="dask"` runs
    the documents on Dask (`engine.dask_engine`): the cluster at `scheduler`, else a local one of
    `workers` processes; workers return results directly, or through Parquet shards at `shards`.
    """
    if reader is None:
        from .ingest import read_inputs

        reader = partial(read_inputs, exclude=store_files(getattr(store, "path", "")))
    result = BatchResult()

    def finish(outcome: Outcome) -> None:
        if outcome.status == "stored":
            result.stored += 1
        elif outcome.status == "duplicate":
            result.duplicates += 1
        else:
            result.failed += 1
        if progress is not None:
            progress(outcome)

    def fail(failure: Failure) -> None:
        store.record_failure(failure)
        result.failures.append(failure)
        finish(Outcome(failure.source, "failed", stage=failure.stage, reason=failure.reason))

    def new_inputs() -> Iterator[RawInput]:
        # read lazily, so only the engine's window of pages is ever held in memory
        for item in _guarded(reader(paths, published)):
            if isinstance(item, Failure):
                fail(item)
                continue
            doc_id = content_id(item)
            if store.has(doc_id):
                finish(Outcome(item.source, "duplicate", document_id=doc_id))
                continue
            yield item

    if engine == "dask":
        from .engine.dask_engine import dask_map

        settings = settings or getattr(pipeline, "settings", None) or Settings.from_env()
        results: Iterator[tuple[str, Document | Failure]] = dask_map(
            new_inputs(), settings, workers, scheduler=scheduler, shards=shards
        )
    elif workers > 1:
        settings = settings or getattr(pipeline, "settings", None) or Settings.from_env()
        # the store's preparation (the KB loaded for its link options) while the workers start
        ready = partial(_prepare_incidents, store, settings, pipeline)
        results = parallel_map(new_inputs(), settings, workers, while_starting=ready)
    else:
        if pipeline is None:
            from .pipeline import Pipeline

            pipeline = Pipeline(settings)
        results = serial_map(new_inputs(), pipeline)
    if engine == "dask" or workers <= 1:
        _prepare_incidents(store, settings, pipeline)
    saver = _BatchSaver(store, finish, fail)
    for source, processed in results:
        saver.add(source, processed)
    saver.flush()
    return result


def store_files(target: str | Path) -> list[Path]:
    """A DuckDB store's own files (database, write-ahead log, spill folder): never inputs, even
    when the store lies inside a folder being read. None for PostgreSQL or an in-memory store."""
    text = str(target)
    if not text or text == ":memory:" or "://" in text:
        return []
    return [Path(text), Path(f"{text}.wal"), Path(f"{text}.tmp")]


def _guarded(items: Iterable[RawInput | Failure]) -> Iterator[RawInput | Failure]:
    """A reader that raises (a custom reader; `ingest.read_inputs` never does) ends the reading
    with a recorded failure, not the batch: what was read before it is processed and saved."""
    reached = "the inputs"
    try:
        for item in items:
            reached = item.source
            yield item
    except Exception as exc:
        log.debug("reading after %s failed", reached, exc_info=True)
        failure = failure_from_exception(reached, exc)
        yield Failure(source=reached, stage="ingest", reason=f"reading stopped after it: {failure.reason}")


# documents per store transaction (write.py: one statement per table per batch);
# ALLEGIANCE_SAVE_BATCH changes it (smaller: less work lost to a crash, more transactions)
SAVE_BATCH = max(1, int(os.environ.get("ALLEGIANCE_SAVE_BATCH") or 256))
SAVE_SECONDS = 2.0  # ... or fewer, so that a slow pipeline still reports progress every few seconds


class _BatchSaver:
    """Saves analysed documents a batch at a time (`Store.save_many`), then reports each outcome
    (failures of the pipeline included, so progress stays in input order). The store links each
    batch into the incidents in the same transaction."""

    def __init__(
        self, store: Any, finish: Callable[[Outcome], None], fail: Callable[[Failure], None]
    ) -> None:
        self.store, self.finish, self.fail = store, finish, fail
        self.batch: list[tuple[str, Document | Failure]] = []
        self.started = 0.0

    def add(self, source: str, processed: Document | Failure) -> None:
        if not self.batch:
            self.started = time.monotonic()
        self.batch.append((source, processed))
        if len(self.batch) >= SAVE_BATCH or time.monotonic() - self.started >= SAVE_SECONDS:
            self.flush()

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        if not batch:
            return
        documents = [d for _, d in batch if isinstance(d, Document)]
        save_many = getattr(self.store, "save_many", None)
        if save_many is not None:
            outcomes: list[bool | Exception] = list(save_many(documents))
        else:  # a store without batches (a test double): one save per document
            outcomes = [self._save_one(d) for d in documents]
        saved_as = iter(outcomes)
        for source, document in batch:
            if isinstance(document, Failure):
                self.fail(document)
                continue
            saved = next(saved_as)
            if isinstance(saved, Exception):
                self.fail(failure_from_exception(source, saved))
            else:
                self.finish(Outcome(source, "stored" if saved else "duplicate", document_id=document.id))

    def _save_one(self, document: Document) -> bool | Exception:
        try:
            return bool(self.store.save(document))
        except Exception as exc:  # one page must not stop the batch
            log.debug("saving %s failed", document.source, exc_info=True)
            return exc


def _prepare_incidents(store: Any, settings: Settings | None, pipeline: Any) -> None:
    """Tell the store the knowledge base the documents were resolved with, so that it links
    incidents with that actor hierarchy (the KB is loaded here only when no pipeline holds it),
    and have it link any stored document an earlier, interrupted run left out of the incidents."""
    setter = getattr(store, "set_link_options", None)
    if setter is None:  # a store that keeps no incidents (a test double)
        return
    from .store.upkeep import options_from_kb

    kb = getattr(pipeline, "kb", None)
    if kb is None:
        from .actors import load_kb

        kb = load_kb((settings or Settings.from_env()).extra_kb)
    setter(options_from_kb(kb))
    store.link_uncovered()
