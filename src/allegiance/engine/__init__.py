"""How per-document work is spread: in this process, over a local worker pool, or over Dask.

Every engine turns a stream of `RawInput` into `(RawInput, Document | Failure)` pairs with the same
per-document code (`batch.process_stream`, which batches the parse and falls back to
`guard.process_checked` for a document alone), so the store ends the same whichever engine ran.
The store itself is always written by the caller's process, a batch of documents per transaction.
"""

from .batch import process_stream
from .budget import BudgetError, time_budget
from .guard import LanguageError, LimitError, failure_from_exception, process_checked
from .local import parallel_map, serial_map

ENGINES = ("local", "dask")

__all__ = [
    "ENGINES",
    "BudgetError",
    "LanguageError",
    "LimitError",
    "failure_from_exception",
    "parallel_map",
    "process_checked",
    "process_stream",
    "serial_map",
    "time_budget",
]
