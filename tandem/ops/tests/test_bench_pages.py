"""bench/pages.py --quick runs end to end, as CI runs it, and measures real pages."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
def test_quick_page_benchmark_measures_the_demo_school(db, tmp_path) -> None:
    out = tmp_path / "pages.json"
    env = dict(os.environ)
    if connection.vendor == "postgresql":  # its own throwaway database, not this run's
        env["DATABASE_TEST_NAME"] = f"{connection.settings_dict['NAME']}_bench"

    finished = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "pages.py"),
            "--quick",
            "--json",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert finished.returncode == 0, finished.stdout + finished.stderr
    figures = json.loads(out.read_text())
    targets = {t["name"]: t for t in figures["targets"]}
    dashboard = targets["schools:dashboard"]
    assert (dashboard["status"], dashboard["kind"]) == (200, "page")
    assert dashboard["ratio"] > 1
    assert len(dashboard["timings"]) == 3
    pdfs = [t for t in figures["targets"] if t["content_type"] == "application/pdf"]
    assert pdfs[0]["kind"] == "export"
    timed = [t for t in pdfs if t["timings"]]
    assert timed and timed[0]["size"] > 1000 and timed[0]["median_ms"] > 0
    assert "Minimal view through the same middleware" in finished.stdout
    assert "schools:team-list" in finished.stdout
