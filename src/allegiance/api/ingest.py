"""POST /api/ingest: analyse one page (HTML or text) or a JSON Lines batch into the store.

Off unless the server was started with --allow-ingest (403 otherwise); only then is the store
opened writable. The work is `runner.run_batch`, the same path as `allegiance run`, so duplicates
are skipped and failures recorded in the same way.
"""

from __future__ import annotations

import re
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from ..query import Query as Reader
from ..query import check_day
from ..records import Failure, RawInput
from .errors import ApiError

router = APIRouter(prefix="/api")
Format = Literal["html", "text", "jsonl"]
FORMAT_BY_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json-lines": "jsonl",
    "application/jsonlines": "jsonl",
}
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class LockedStore:
    """The store methods `run_batch` uses, each under the query layer's lock, so that readers can
    keep browsing while the (slow) pipeline runs between saves. Saving goes through the store's
    `save_many`, which links the documents into the incidents in the same transaction."""

    def __init__(self, query: Reader) -> None:
        self.query = query

    def has(self, doc_id: str) -> bool:
        with self.query.lock:
            return self.query.store.has(doc_id)

    def save(self, document: Any, replace: bool = False) -> bool:
        with self.query.lock:
            return self.query.store.save(document, replace=replace)

    def save_many(self, documents: list[Any], replace: bool = False) -> list[Any]:
        with self.query.lock:
            return self.query.store.save_many(documents, replace=replace)

    def set_link_options(self, options: Any) -> None:
        self.query.store.set_link_options(options)

    def link_uncovered(self) -> None:
        with self.query.lock:
            self.query.store.link_uncovered()

    def record_failure(self, failure: Failure) -> None:
        with self.query.lock:
            self.query.store.record_failure(failure)


_pipeline_lock = threading.Lock()


def _pipeline(request: Request) -> Any:
    """The pipeline given to create_app, else one loaded (once: spaCy is slow) on first ingest."""
    state = request.app.state
    with _pipeline_lock:
        if state.pipeline is None:
            from ..pipeline import Pipeline

            state.pipeline = Pipeline()
        return state.pipeline


def _format(request: Request, given: str | None) -> str:
    if given:
        return given
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in FORMAT_BY_TYPE:
        raise ApiError(
            415,
            "unsupported media type",
            "send text/html, text/plain or application/x-ndjson, or set ?format=",
        )
    return FORMAT_BY_TYPE[kind]


def _inputs(body: bytes, fmt: str, name: str, meta: dict[str, str | None]) -> Iterator[RawInput | Failure]:
    from ..ingest import DecodeError, decode, read_inputs

    source = f"api:{name}"
    if fmt != "jsonl":
        try:
            content = decode(body, is_html=fmt == "html")
        except (DecodeError, ValueError) as exc:
            yield Failure(source=source, stage="ingest", reason=str(exc))
            return
        yield RawInput(source=source, format=fmt, content=content, **meta)  # type: ignore[arg-type]
        return
    # JSON Lines rows are parsed by the ingest module from a file; the temporary path is replaced
    # by the upload's name in every source so that failures stay readable.
    with tempfile.TemporaryDirectory(prefix="allegiance-ingest-") as tmp:
        path = Path(tmp) / f"{name}.jsonl"
        path.write_bytes(body)
        for item in read_inputs([path], meta.get("published")):
            yield item.model_copy(update={"source": item.source.replace(str(path), source)})


@router.post("/ingest", summary="Analyse a page or a JSON Lines batch into the store (needs --allow-ingest)")
async def ingest(
    request: Request,
    format: Annotated[
        Format | None, Query(description="html, text or jsonl; default from Content-Type")
    ] = None,
    name: Annotated[str, Query(max_length=100, description="Name used as the source")] = "upload",
    url: Annotated[str | None, Query(max_length=2000)] = None,
    title: Annotated[str | None, Query(max_length=500)] = None,
    published: Annotated[str | None, Query(max_length=40, description="YYYY-MM-DD")] = None,
) -> dict[str, Any]:
    if not request.app.state.allow_ingest:
        raise ApiError(403, "forbidden", "ingest is off; start the server with --allow-ingest")
    fmt = _format(request, format)
    body = await request.body()
    if not body.strip():
        raise ApiError(422, "invalid request", "empty body")
    safe = SAFE_NAME.sub("_", name).strip("._") or "upload"
    meta = {"url": url or None, "title": title or None, "published": check_day(published, "published")}
    outcomes: list[dict[str, Any]] = []

    def work() -> dict[str, Any]:
        from ..runner import run_batch

        def reader(_paths: Iterable[Path | str], _published: str | None) -> Iterator[RawInput | Failure]:
            return _inputs(body, fmt, safe, meta)

        result = run_batch(
            [],
            LockedStore(request.app.state.query),  # type: ignore[arg-type]
            _pipeline(request),
            reader=reader,
            progress=lambda o: outcomes.append(
                {
                    "source": o.source,
                    "status": o.status,
                    "document": o.document_id,
                    "stage": o.stage,
                    "reason": o.reason,
                }
            ),
        )
        return result.as_dict() | {"outcomes": outcomes}

    return await run_in_threadpool(work)
