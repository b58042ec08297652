"""The FastAPI application factory: JSON API under /api/, server-rendered pages, static files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI

from ..query import Query
from ..store import Store, open_store
from .errors import install_error_handlers
from .security import DEFAULT_MAX_BODY, GuardMiddleware


def create_app(
    store_path_or_store: str | Path | Store,
    token: str | None = None,
    allow_ingest: bool = False,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    pipeline: Any = None,
) -> FastAPI:
    """The analyst's desk over a store.

    `store_path_or_store`: a DuckDB file or a postgresql:// URL (opened read-only unless
    `allow_ingest`), or an open store.
    `token`: when set, every request (API, pages, static files) must present it.
    `allow_ingest`: enables POST /api/ingest (403 otherwise).
    `max_body`: request body limit in bytes (413 above it).
    `pipeline`: the `Pipeline` ingest uses; loaded on first ingest when not given.
    """
    from ..web import install_web

    store: Store
    if isinstance(store_path_or_store, str | Path):
        store = open_store(store_path_or_store, read_only=not allow_ingest)
    else:
        store = store_path_or_store
    app = FastAPI(
        title="allegiance",
        summary="Evidence-linked PLOVER events, actors, quotes, incidents and relations.",
        version="0.1.0",
        docs_url=None,  # served by the web package from vendored Swagger UI (no CDN, no inline script)
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.query = Query(store)  # every read of the API and the pages goes through it
    app.state.allow_ingest = allow_ingest
    app.state.pipeline = pipeline
    install_error_handlers(app)

    from .ingest import router as ingest_router
    from .routes import router as api_router

    app.include_router(api_router)
    app.include_router(ingest_router)
    install_web(app)
    app.add_middleware(GuardMiddleware, token=token, max_body=max_body)
    return app
