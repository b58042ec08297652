"""Crash safety: `allegiance run` killed with SIGKILL mid-batch, then run again, leaves every document
stored exactly once and no partial document (one transaction per document)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from allegiance.ingest import document_id
from allegiance.store import open_store
from robustness.corpus import news_text, write_news_folder

PAGES = 40
PER_DOCUMENT = ("events", "event_participants", "mentions", "quotes", "document_actors")


def start_run(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    # a transaction per few documents, so that a kill can land between commits
    env = {**os.environ, "ALLEGIANCE_SAVE_BATCH": "4"}
    return subprocess.Popen(
        [sys.executable, "-c", "from allegiance.cli import app; app()", "run", str(folder), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def kill_after_first_commits(process: subprocess.Popen[bytes], db: Path, timeout: float = 300) -> bool:
    """SIGKILL `process` as soon as DuckDB's write-ahead log shows committed documents. Returns
    whether it was still running (False: the batch finished first, nothing was interrupted)."""
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > 50_000:  # a few documents' rows are in the log
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.02)
    assert process.wait() == 0, "the run failed on its own"
    return False


@pytest.mark.slow
def test_sigkill_mid_run_then_rerun_stores_every_document_once(tmp_path):
    folder = tmp_path / "pages"
    write_news_folder(folder, PAGES)
    db = tmp_path / "store.duckdb"
    if not kill_after_first_commits(start_run(folder, db), db):
        pytest.skip("the batch finished before it could be killed (machine too fast for this corpus)")
    with open_store(db, read_only=True) as store:
        after_kill = store.counts()["documents"]
    assert 0 < after_kill < PAGES, "the kill should land mid-run"

    rerun = start_run(folder, db)
    assert rerun.wait(timeout=600) == 0
    with open_store(db, read_only=True) as store:
        ids = [r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()]
        expected = {document_id(news_text(i)) for i in range(PAGES)}
        assert sorted(ids) == sorted(expected)  # every page, each exactly once
        for table in PER_DOCUMENT:  # no row belongs to a document that is not stored
            orphans = store.con.execute(
                f"SELECT count(*) FROM {table} WHERE document_id NOT IN (SELECT id FROM documents)"
            ).fetchone()[0]
            assert orphans == 0, table
        # every stored document is complete: each has its actors, and events wherever the text has one
        empty = store.con.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM document_actors a WHERE a.document_id = d.id)"
        ).fetchone()[0]
        assert empty == 0
        assert store.counts()["failures"] == 0
