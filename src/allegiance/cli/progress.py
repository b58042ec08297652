"""Progress of a long batch: a bar with done/total and ETA on a terminal; without one (a log file,
a CI job, a pipe) a plain line on stderr every N documents, since a redrawn bar there is noise or
nothing at all."""

from __future__ import annotations

import os
import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

DEFAULT_EVERY = 25  # documents between two plain progress lines (ALLEGIANCE_PROGRESS_EVERY)


def every_from_env() -> int:
    try:
        return max(1, int(os.environ.get("ALLEGIANCE_PROGRESS_EVERY", DEFAULT_EVERY)))
    except ValueError:
        return DEFAULT_EVERY


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class BatchProgress:
    """`advance(label, failed)` once per input; `note(text)` prints above the bar (or as a line)."""

    def __init__(self, console: Console, total: int | None, every: int | None = None) -> None:
        self.console = console
        self.total = total
        self.every = every or every_from_env()
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()
        self.bar: Progress | None = None
        if console.is_terminal:
            self.bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            self.task = self.bar.add_task("starting", total=total)

    def __enter__(self) -> BatchProgress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.bar is not None:
            self.bar.__exit__(kind, exc, tb)
        elif self.done % self.every:  # the last line, unless the last step printed it
            self._line()

    def note(self, text: str) -> None:
        (self.bar.console if self.bar is not None else self.console).print(text, highlight=False)

    def advance(self, label: str, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=label)
        elif self.done % self.every == 0:
            self._line()

    def _line(self) -> None:
        elapsed = time.monotonic() - self.started
        of = f"/{self.total}" if self.total is not None else ""
        eta = ""
        if self.total and self.done and self.done < self.total:
            eta = f", ETA {clock(elapsed / self.done * (self.total - self.done))}"
        self.console.print(
            f"progress: {self.done}{of} documents ({self.failed} failed), {clock(elapsed)} elapsed{eta}",
            highlight=False,
            soft_wrap=True,
        )
