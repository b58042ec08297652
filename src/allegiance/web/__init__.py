"""Server-rendered pages of the analyst's desk (Jinja2 templates, autoescaped) and its static
files (our CSS/JS plus vendored builds of pinned npm packages under static/vendor/, see frontend/).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def templates() -> Jinja2Templates:
    # Jinja2Templates turns autoescape on for .html; say so explicitly anyway: article text is hostile.
    found = Jinja2Templates(directory=str(TEMPLATES))
    found.env.autoescape = True
    # Jinja's urlencode leaves "/" alone; ids placed in a URL path must not add path segments.
    found.env.filters["seg"] = lambda value: quote(str(value), safe="")
    return found


def install_web(app: FastAPI) -> None:
    from .pages import router

    app.state.templates = templates()
    # StaticFiles resolves every path inside STATIC and refuses anything outside it (no traversal).
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(router)


__all__ = ["install_web"]
