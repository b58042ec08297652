"""The per-document time budget: a document that takes longer than `max_seconds()` (120 s unless
ALLEGIANCE_MAX_DOC_SECONDS says otherwise; 0 turns it off) fails with that reason, and the batch
goes on with the next one.

Where the document runs on its process's main thread (one process, or the --workers pool) a
SIGALRM timer interrupts it wherever it is: the handler raises `BudgetError`, and goes on raising
every half second until the document gives up, so code that swallows exceptions cannot outlast
the budget. Elsewhere (a Dask worker runs tasks on a thread; a platform without SIGALRM) signals
cannot be used: `Budget.check` is called between the stages instead, so an over-long document
fails at the next stage boundary.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import AllegianceError

DEFAULT_MAX_SECONDS = 120.0
REPEAT_SECONDS = 0.5


class BudgetError(AllegianceError):
    stage = "pipeline"


def max_seconds() -> float:
    return float(os.environ.get("ALLEGIANCE_MAX_DOC_SECONDS", DEFAULT_MAX_SECONDS))


def _clock() -> float:
    return time.monotonic()


class Budget:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started = _clock()

    def message(self) -> str:
        return f"time budget exceeded: over {self.seconds:g} s for one document (ALLEGIANCE_MAX_DOC_SECONDS)"

    def check(self) -> None:
        """Raise `BudgetError` when the budget is spent (the check between stages)."""
        if self.seconds > 0 and _clock() - self.started > self.seconds:
            raise BudgetError(self.message())


@contextmanager
def time_budget(seconds: float | None = None) -> Iterator[Budget]:
    """Run the block under a budget of `seconds` (default `max_seconds()`)."""
    budget = Budget(max_seconds() if seconds is None else seconds)
    usable = (
        budget.seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield budget
        return

    def expire(signum: int, frame: Any) -> None:
        raise BudgetError(budget.message())

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, budget.seconds, REPEAT_SECONDS)
    try:
        yield budget
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
