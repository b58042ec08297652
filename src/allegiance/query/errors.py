"""What a query can refuse, with the reason a person can act on.

Every front end maps these the same way: the CLI prints the message and exits 2, the API answers
422 (bad value, ambiguous reference) or 404 (unknown reference) with the same message and the
allowed values or close candidates in JSON, and a web page shows the message as text.
"""

from __future__ import annotations

from typing import Any

from ..errors import AllegianceError


class QueryError(AllegianceError):
    """A filter, sort or cursor value that cannot be used; `allowed` lists what can."""

    stage = "query"
    status = 422

    def __init__(self, message: str, field: str | None = None, allowed: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.allowed = allowed

    def detail(self) -> dict[str, Any]:
        out: dict[str, Any] = {"message": self.message}
        if self.field is not None:
            out["field"] = self.field
        if self.allowed is not None:
            out["allowed"] = self.allowed
        return out


class NotFound(QueryError):
    """No stored record answers to a reference; `candidates` are the closest stored ones."""

    status = 404

    def __init__(self, message: str, field: str | None = None, candidates: list[str] | None = None) -> None:
        super().__init__(message, field)
        self.candidates = candidates or []

    def detail(self) -> dict[str, Any]:
        return super().detail() | {"candidates": self.candidates}


class Ambiguous(NotFound):
    """A reference that fits more than one stored record equally well."""

    status = 422
