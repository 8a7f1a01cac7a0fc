"""bench/pages.py --quick runs end to end, as CI runs it, and measures real pages."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXPORT_FORMATS = {"application/pdf": ".pdf", DOCX: ".docx", "text/calendar": ".ics"}


@pytest.mark.slow
def test_quick_benchmark_reports_pages_exports_and_report_checks(db, tmp_path) -> None:
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
        timeout=240,
        check=False,
    )

    assert finished.returncode == 0, finished.stdout + finished.stderr
    figures = json.loads(out.read_text())
    _assert_pages_are_timed_against_the_minimal_view(finished.stdout, figures)
    _assert_every_export_is_timed_and_printed_with_its_size(finished.stdout, figures)
    _assert_a_batch_of_report_checks_is_timed(finished.stdout, figures)
    assert figures["evidence_pack"] is None  # a full run only
    assert "Evidence pack: not timed in a quick run." in finished.stdout


def _assert_pages_are_timed_against_the_minimal_view(
    stdout: str, figures: dict
) -> None:
    targets = {t["name"]: t for t in figures["targets"]}

    dashboard = targets["schools:dashboard"]
    assert (dashboard["status"], dashboard["kind"]) == (200, "page")
    assert dashboard["ratio"] > 1
    assert len(dashboard["timings"]) == 3
    assert "Minimal view through the same middleware" in stdout
    assert "schools:team-list" in stdout


def _assert_every_export_is_timed_and_printed_with_its_size(
    stdout: str, figures: dict
) -> None:
    exports = [t for t in figures["targets"] if t["kind"] == "export"]

    formats = {EXPORT_FORMATS.get(t["content_type"]) for t in exports}
    assert {".pdf", ".docx", ".ics"} <= formats
    # Only some versions of a document offer it: found by reading more than one.
    assert "compliance:statement-pdf" in {t["name"] for t in exports}
    for export in exports:
        assert export["status"] == 200, export
        assert export["size"] > 0 and len(export["timings"]) == 1
        assert export["median_ms"] > 0
        row = rf"^{re.escape(export['name'])} +200 +\S+ +([\d.]+) +([\d.]+)$"
        printed = re.search(row, stdout, re.MULTILINE)
        assert printed, f"{export['name']} is not in the exports table"
        assert float(printed[1]) == round(export["size"] / 1024, 1)
        assert float(printed[2]) == round(export["median_ms"], 1)
    pdfs = [t for t in exports if t["content_type"] == "application/pdf"]
    assert min(t["size"] for t in pdfs) > 1000


def _assert_a_batch_of_report_checks_is_timed(stdout: str, figures: dict) -> None:
    labels = json.loads((ROOT / "bench" / "sir_corpus" / "labels.json").read_text())
    corpus_size = len(labels["documents"])

    checks = figures["checks"]
    assert (checks["documents"], checks["rounds"]) == (corpus_size, 1)
    assert checks["seconds"] > 0
    assert checks["per_second"] == pytest.approx(corpus_size / checks["seconds"])
    printed = re.search(
        r"^SEN Information Report checks .*: (\d+) documents in ([\d.]+) s, "
        r"([\d.]+) documents/s\.$",
        stdout,
        re.MULTILINE,
    )
    assert printed, stdout
    assert int(printed[1]) == corpus_size
    assert float(printed[2]) == round(checks["seconds"], 2) > 0
    assert float(printed[3]) == round(checks["per_second"], 1) > 0
