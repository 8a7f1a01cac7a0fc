"""Benchmark rendering the termly report PDF (and .docx) of the demo school.

Run: python bench/report_pdf_bench.py [--repeat 3]
Builds the demo school in a throwaway SQLite database, then renders the latest
report (six terms of history, three charts) as the governors' PDF and .docx,
printing the best time and the peak memory Python allocated (tracemalloc).
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def measure(label: str, render, repeat: int) -> None:  # noqa: ANN001
    best = None
    size = 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(render())
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    tracemalloc.start()
    render()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<22} {size / 1024:8.0f} KiB  best {best:6.2f} s  peak {peak / 2**20:6.1f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="tandem-bench-")
    os.environ.setdefault("TANDEM_DEBUG", "true")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.settings")

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)

    from tandem.reports import exports
    from tandem.reports.models import TermlyReport
    from tandem.reports.presenting import Audience
    from tandem.schools import demo

    seeded = demo.seed_demo()
    report = (
        TermlyReport.objects.filter(school=seeded.school).order_by("-period").first()
    )
    audience = Audience(suppress=True, threshold=5, drafts=False)
    today = datetime.datetime.now(tz=datetime.UTC).date()
    print(f"Report: {report.key.label}, {report.interventions.count()} interventions")
    measure(
        "PDF (governors)",
        lambda: exports.report_pdf(report, audience, today=today),
        args.repeat,
    )
    measure(
        "Word (governors)",
        lambda: exports.report_docx(report, audience, today=today),
        args.repeat,
    )


if __name__ == "__main__":
    main()
