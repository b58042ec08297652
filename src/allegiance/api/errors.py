"""Every error leaves the API as JSON `{"error": "...", "detail": ...}` with its status code; pages
(paths outside /api/ asked for by a browser) get the same message as a small HTML page."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..query import QueryError
from .security import BodyTooLarge

REASONS = {
    400: "bad request",
    401: "unauthorized",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
    413: "request body too large",
    415: "unsupported media type",
    422: "invalid request",
}


class ApiError(Exception):
    def __init__(self, status: int, error: str, detail: Any = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.detail = detail


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


def readable(detail: Any) -> str | None:
    """A detail as a sentence for a page: messages, not dicts or lists in Python's notation."""
    if detail is None or isinstance(detail, str):
        return detail
    if isinstance(detail, dict):
        text = str(detail.get("message") or detail.get("msg") or "")
        more = detail.get("candidates") and f" Candidates: {', '.join(detail['candidates'])}."
        return (text + (more or "")) or None
    if isinstance(detail, list):
        parts = []
        for item in detail:
            if isinstance(item, dict) and item.get("loc"):
                parts.append(f"{item['loc'][-1]}: {item.get('msg')}")
            else:
                parts.append(readable(item) or "")
        return "; ".join(p for p in parts if p) or None
    return str(detail)


def error_response(request: Request, status: int, error: str, detail: Any = None) -> Response:
    if _wants_html(request):
        templates = getattr(request.app.state, "templates", None)
        if templates is not None:
            return templates.TemplateResponse(
                request,
                "error.html",
                {"status": status, "error": error, "detail": readable(detail)},
                status_code=status,
            )
    return JSONResponse({"error": error, "detail": jsonable_encoder(detail)}, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.error, exc.detail)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return error_response(request, exc.status, REASONS.get(exc.status, "error"), exc.detail())

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        # Only the location, message and type: the raw input may be large or hostile.
        detail = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()
        ]
        return error_response(request, 422, "invalid request", detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        error = REASONS.get(exc.status_code, "error")
        detail = exc.detail if exc.detail != error and not isinstance(exc.detail, type(None)) else None
        if isinstance(detail, str) and detail.lower() == error:
            detail = None
        return error_response(request, exc.status_code, error, detail)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        return error_response(request, 413, "request body too large", None)
