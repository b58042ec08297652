"""The plumbing every query shares: one lock around the store's connection, the store version,
and results memoised per version.

DuckDB connections are not safe to share between threads, and the API runs handlers in a thread
pool, so every statement goes through `rows` under one lock (the API's ingest takes the same lock
around its writes). Counts and cross-article analyses are memoised until the store version
changes: the number of documents, the latest ingest time and the number of failures, read with
one cheap statement.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ..store import Store

T = TypeVar("T")
MEMO_SIZE = 256  # distinct (listing, filters) counts kept per store version


def marks(values: Sequence[Any]) -> str:
    """`?, ?, ?` for an IN list of `values` (never empty: callers check)."""
    return ", ".join("?" for _ in values)


def like(text: str) -> str:
    """An ILIKE pattern matching `text` literally anywhere (% and _ in the text are escaped)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Where:
    """WHERE terms and their parameters, built up in order; only given values add a term."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.params: list[Any] = []

    def add(self, term: str, *params: Any) -> Where:
        self.terms.append(term)
        self.params += params
        return self

    def equal(self, column: str, value: Any) -> Where:
        return self.add(f"{column} = ?", value) if value else self

    def text(self, value: str | None, *columns: str) -> Where:
        """`value` anywhere in any of `columns`, case-insensitive, % and _ taken literally."""
        if not value:
            return self
        term = " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in columns)
        return self.add(f"({term})", *[like(value)] * len(columns))

    def days(self, day: str, since: str | None, until: str | None) -> Where:
        """The day text `day` (YYYY-MM-DD…) within since..until, both inclusive."""
        if since:
            self.add(f"{day} >= ?", since)
        if until:
            self.add(f"{day} <= ?", until + "\uffff")  # inclusive of datetimes on that day
        return self

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.terms) if self.terms else ""


class Base:
    def __init__(self, store: Store) -> None:
        self.store = store
        # DuckDB's physical row id: a page's rows are fetched by it without scanning the table
        self.row_id: str | None = getattr(store, "ROW_ID", None)
        # the backend reads participants from the events row (query/events.py)
        self.store_inline: bool = getattr(store, "INLINE_PARTICIPANTS", False)
        self.lock = threading.RLock()
        self._memo: dict[Any, tuple[tuple[Any, ...], Any]] = {}
        self._fixed: tuple[Any, ...] | None = None

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.lock:
            return self.store.rows(sql, params)

    def version(self) -> tuple[Any, ...]:
        """Changes whenever a document is added or replaced or a failure recorded. A store that
        nobody else can write while it is open (a read-only DuckDB file: DuckDB's file lock keeps
        writers out) has one version, read once."""
        if self._fixed is not None:
            return self._fixed
        row = self.rows(
            "SELECT (SELECT count(*) FROM documents) AS n, (SELECT max(ingested_at) FROM documents) AS last, "
            "(SELECT count(*) FROM failures) AS failed"
        )[0]
        version = (row["n"], row["last"], row["failed"])
        if getattr(self.store, "read_only", False) and not getattr(self.store, "SHARED", True):
            self._fixed = version
        return version

    def memo(self, key: Any, compute: Callable[[], T], version: tuple[Any, ...] | None = None) -> T:
        """`compute()`, or its result from an earlier call with the same key and store version."""
        version = version if version is not None else self.version()
        hit = self._memo.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        # computed outside the lock: a slow analysis must not hold up other readers
        value = compute()
        with self.lock:
            if len(self._memo) >= MEMO_SIZE:  # keep this version's entries, then at most MEMO_SIZE
                kept = [(k, v) for k, v in self._memo.items() if v[0] == version]
                self._memo = dict(kept[-(MEMO_SIZE // 2) :])
            self._memo[key] = (version, value)
            return value

    def listing(
        self, name: str, f: Any, base: str, params: list[Any], order: str, page: Any
    ) -> tuple[int, list[dict[str, Any]]]:
        """(total, one page) of the statement `base`: the total memoised per filters and version."""

        def count() -> int:
            return int(self.rows(f"SELECT count(*) AS n FROM ({base}) AS counted", params)[0]["n"])

        total = self.memo((name, f), count)
        return total, self.rows(base + order + " LIMIT ? OFFSET ?", [*params, page.limit, page.offset])

    def names(self, ids: Sequence[str]) -> dict[str, str]:
        """Canonical names of actor ids (ids not stored are left out)."""
        wanted = sorted({i for i in ids if i})
        if not wanted:
            return {}
        found = self.rows(f"SELECT id, name FROM actors WHERE id IN ({marks(wanted)})", wanted)
        return {r["id"]: r["name"] for r in found}
