"""The one query layer: every read of the store by the CLI, the API and the web pages.

    from allegiance.query import Filters, Page, Query
    from allegiance.store import open_store
    q = Query(open_store("allegiance.duckdb", read_only=True))
    total, events, cursor = q.events(Filters(actor="Taliban", since="2021-01-01"), Page(limit=20))

`Query` wraps any `store.Store` and is the only code outside `store/` that sends SQL to it (through
`Store.rows`); front ends only parse arguments and render. Filters are validated here
(filters.py), actor references resolved here (actors.py), and failures are `QueryError`,
`NotFound` or `Ambiguous` (errors.py) with allowed values or close candidates.

Modules: base.py (lock, store version, memo), actors.py, events.py, records.py (documents, quotes,
failures, counts), analysis.py (incidents, relations, alerts, network, export).
"""

from __future__ import annotations

from .analysis import PERIODS, Analysis, AnalysisQueries, incident_summary
from .errors import Ambiguous, NotFound, QueryError
from .filters import CERTAINTIES, MAX_LIMIT, Filters, Page, categories, check_day


class Query(AnalysisQueries):
    """Every read of one store (see the module docstring); the caller closes the store."""


__all__ = [
    "CERTAINTIES",
    "MAX_LIMIT",
    "PERIODS",
    "Ambiguous",
    "Analysis",
    "Filters",
    "NotFound",
    "Page",
    "Query",
    "QueryError",
    "categories",
    "check_day",
    "incident_summary",
]
