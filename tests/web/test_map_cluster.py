"""The map's pure helpers (static/mapcluster.js), run under Node: nearby points share a cluster,
far ones do not, and the period and category filters keep the right events (issue 16). Skipped
without Node; the browser test checks the drawn map."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "src" / "allegiance" / "web" / "static" / "mapcluster.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def run(expression: str):
    code = f"const M = require({json.dumps(str(SCRIPT))}); process.stdout.write(JSON.stringify({expression}));"
    out = subprocess.run([NODE, "-e", code], capture_output=True, text=True, check=True, timeout=30)
    return json.loads(out.stdout)


EVENTS = [
    {"id": "a", "event": "ASSAULT", "day": "2021-02-28", "x": 100.0, "y": 100.0},
    {"id": "b", "event": "ASSAULT", "day": "2021-02-27", "x": 104.0, "y": 103.0},
    {"id": "c", "event": "AGREE", "day": "2021-03-02", "x": 106.0, "y": 98.0},
    {"id": "d", "event": "ASSAULT", "day": "2021-03-05", "x": 400.0, "y": 300.0},
]


def test_nearby_points_share_a_cluster_and_far_ones_do_not():
    clusters = run(f"M.cluster({json.dumps(EVENTS)}, 14)")
    assert sorted(sorted(m["id"] for m in c["members"]) for c in clusters) == [["a", "b", "c"], ["d"]]
    # zoomed in (a smaller radius in map units) the cluster splits
    assert len(run(f"M.cluster({json.dumps(EVENTS)}, 2)")) == 4


def test_filters_by_period_and_category():
    assert [e["id"] for e in run(f"M.keep({json.dumps(EVENTS)}, '2021-03', 'month', {{}})")] == ["c", "d"]
    kept = run(f"M.keep({json.dumps(EVENTS)}, '', 'month', {{AGREE: true}})")
    assert [e["id"] for e in kept] == ["a", "b", "d"]
    assert run(f"M.periods({json.dumps(EVENTS)}, 'month')") == ["2021-03", "2021-02"]
    assert run("M.periodOf('2021-03-05', 'week')") == "2021-03-01"
