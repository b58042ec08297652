"""The per-document time budget: a document that runs too long fails with that reason, the batch
goes on. Timings are never asserted: a spinning test double is stopped by the budget or, if the
budget failed, gives up by itself so the test fails instead of hanging."""

from __future__ import annotations

import threading
import time

import pytest

from allegiance.engine import budget as budget_module
from allegiance.engine import serial_map
from allegiance.engine.budget import BudgetError, time_budget
from allegiance.engine.guard import process_checked
from allegiance.records import CleanDoc, Document, Failure, RawInput

GIVE_UP_SECONDS = 60  # only if the budget never fires


class Spinner:
    """`analyse` loops on pages that say "spin", swallowing the first interruption as careless
    code might; other pages analyse to an empty document."""

    def clean(self, raw: RawInput) -> CleanDoc:
        return CleanDoc(id=raw.source, source=raw.source, text=raw.content, language="en")

    def analyse(self, cdoc: CleanDoc) -> Document:
        if "spin" in cdoc.text:
            swallowed = False
            end = time.monotonic() + GIVE_UP_SECONDS
            while time.monotonic() < end:
                try:
                    sum(range(1000))
                except BudgetError:
                    if swallowed:
                        raise
                    swallowed = True
        return Document(id=cdoc.id, source=cdoc.source, text=cdoc.text)

    def process(self, raw: RawInput) -> Document:
        return self.analyse(self.clean(raw))


def raw(source: str, text: str) -> RawInput:
    return RawInput(source=source, format="text", content=text)


def test_a_document_over_its_time_budget_fails_and_the_batch_goes_on(monkeypatch):
    monkeypatch.setenv("ALLEGIANCE_MAX_DOC_SECONDS", "0.2")
    results = dict(serial_map([raw("slow.txt", "spin forever"), raw("fast.txt", "Troops left.")], Spinner()))
    assert isinstance(results["slow.txt"], Failure) and results["slow.txt"].stage == "pipeline"
    assert results["slow.txt"].reason.startswith("time budget exceeded: over 0.2 s")
    assert isinstance(results["fast.txt"], Document)


def test_the_budget_is_checked_between_stages_off_the_main_thread(monkeypatch):
    # a Dask worker runs tasks on a thread, where no signal can interrupt them: a fake clock jumps
    # past the budget during cleaning, and the document fails before it is analysed
    ticks = iter([0.0, 1000.0])
    monkeypatch.setattr(budget_module, "_clock", lambda: next(ticks))
    outcome: list[object] = []

    def work() -> None:
        try:
            outcome.append(process_checked(Spinner(), raw("t.txt", "Troops left.")))
        except BudgetError as err:
            outcome.append(err)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    [error] = outcome
    assert isinstance(error, BudgetError) and "ALLEGIANCE_MAX_DOC_SECONDS" in str(error)


def test_a_zero_budget_means_none(monkeypatch):
    monkeypatch.setenv("ALLEGIANCE_MAX_DOC_SECONDS", "0")
    with time_budget() as budget:
        budget.check()
    assert budget.seconds == 0


def test_the_timer_is_disarmed_after_the_document():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with time_budget(30):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before
    with pytest.raises(BudgetError), time_budget(0.05):
        end = time.monotonic() + GIVE_UP_SECONDS
        while time.monotonic() < end:
            time.sleep(0.01)
