"""The analyst's desk: a JSON API (and, through allegiance.web, HTML pages) over the store.

    from allegiance.api import create_app
    app = create_app("allegiance.duckdb", token=None, allow_ingest=False)

Run it with `allegiance serve --db allegiance.duckdb` (see docs/api.md).
"""

from .app import create_app

__all__ = ["create_app"]
