"""Batch orchestration: inputs → pipeline → store, with every input accounted for.

Each input ends in exactly one of three states: stored, skipped as a duplicate (same document id,
the sha256 of its content, already in the store — so re-running a folder is cheap and changes
nothing), or recorded in the store's `failures` table with the stage and reason. One bad page never
stops the batch: expected errors (`AllegianceError`, which carries its `.stage`) and unexpected
exceptions alike become failures.

Before parsing, the engine's guards (`engine.guard`) refuse texts too long to parse in bounded memory
and texts that are not English, with the reason. With `workers > 1` the documents are analysed on a
pool of worker processes (`engine.local.parallel_map`) and saved here, by this process only, in input
order — so the store ends the same as with one worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal, Protocol

from .engine import failure_from_exception, parallel_map, process_stream, serial_map
from .records import Document, Failure, Incident, RawInput
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
) -> BatchResult:
    """Ingest `paths` (files, folders, JSON Lines), process new documents and save them.

    `reader` defaults to `allegiance.ingest.read_inputs`; `progress` is called once per input.
    With `workers > 1`, each worker builds its own pipeline from `settings` (default: the
    `pipeline`'s settings, else the environment) and `pipeline` may be None. `engine="dask"` runs
    the documents on a local Dask cluster of `workers` processes (`engine.dask_engine`).
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
        results: Iterator[tuple[str, Document | Failure]] = dask_map(new_inputs(), settings, workers)
    elif workers > 1:
        settings = settings or getattr(pipeline, "settings", None) or Settings.from_env()
        results = parallel_map(new_inputs(), settings, workers)
    else:
        if pipeline is None:
            from .pipeline import Pipeline

            pipeline = Pipeline(settings)
        results = serial_map(new_inputs(), pipeline)
    folder = _IncidentFolder(store, settings, pipeline)
    for source, processed in results:
        if isinstance(processed, Failure):
            fail(processed)
            continue
        try:
            saved = store.save(processed)
        except Exception as exc:  # one page must not stop the batch
            log.debug("saving %s failed", source, exc_info=True)
            fail(failure_from_exception(source, exc))
            continue
        finish(Outcome(source, "stored" if saved else "duplicate", document_id=processed.id))
        if saved:
            folder.add(processed)
    folder.close()
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


INCIDENT_CHUNK = 500  # documents held in memory before they are folded into the incidents


class _IncidentFolder:
    """Folds newly stored documents into the stored cross-article incidents (`incidents.update`:
    the same result as clustering everything at once, whatever the order documents arrive in),
    a chunk at a time; the incidents are written once, at the end of the batch. Stores without
    an incidents table (test doubles) are left alone."""

    def __init__(self, store: Any, settings: Settings | None, pipeline: Any) -> None:
        self.store, self.settings, self.pipeline = store, settings, pipeline
        self.enabled = hasattr(store, "load_incidents")
        self.fresh: list[Document] = []
        self.incidents: list[Incident] | None = None
        self.options: Any = None

    def add(self, document: Document) -> None:
        if self.enabled:
            self.fresh.append(document)
            if len(self.fresh) >= INCIDENT_CHUNK:
                self._fold()

    def close(self) -> None:
        if self.fresh:
            self._fold()
        if self.incidents is not None:
            self.store.save_incidents(self.incidents)

    def _fold(self) -> None:
        from .incidents import update

        if self.incidents is None:
            self.incidents = self.store.load_incidents()
            self.options = self._link_options()
        self.incidents = update(self.incidents, self.fresh, self.options)
        self.fresh = []

    def _link_options(self) -> Any:
        """The actor hierarchy and media outlets of the knowledge base the documents were resolved
        with, so that every batch links with the same options (loaded once per batch)."""
        from .incidents.link import LinkOptions

        kb = getattr(self.pipeline, "kb", None)
        if kb is None:
            from .actors import load_kb

            kb = load_kb((self.settings or Settings.from_env()).extra_kb)
        return LinkOptions(
            parents={a.id: a.parent for a in kb.actors.values() if a.parent},
            media_ids=frozenset(a.id for a in kb.actors.values() if a.type == "media"),
        )
