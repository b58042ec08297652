"""Two processes on one DuckDB file: the second gets a clear error that names the lock, the
process holding it and what to do (exit 2), never a traceback."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from allegiance.cli import app
from robustness.corpus import news_text

HOLD = (
    "import sys\n"
    "from allegiance.store import open_store\n"
    "with open_store(sys.argv[1]):\n"
    "    print('ready', flush=True)\n"
    "    sys.stdin.read()\n"  # holds the write lock until the test closes stdin
)


def test_a_second_run_on_a_locked_store_is_a_clear_error(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(news_text(1), encoding="utf-8")
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        for command in (["run", str(page), "--db", str(db)], ["events", "--db", str(db)]):
            result = CliRunner().invoke(app, command)
            message = "".join(result.stderr.split())  # Rich folds long paths anywhere
            assert result.exit_code == 2, result.output
            for part in (f"database {db} is locked by another process", f"(PID {holder.pid})", "wait for it"):
                assert "".join(part.split()) in message, result.stderr
            assert "Traceback" not in result.output
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
