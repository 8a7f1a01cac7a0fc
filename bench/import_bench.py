"""Benchmark the SEN import: a 2,000-pupil export as CSV and as .xlsx.

Run: python bench/import_bench.py [--pupils 2000] [--repeat 3]
Prints, for each file shape, its size, the best parse time and the peak memory
Python allocated while parsing (tracemalloc).
"""

import argparse
import csv
import datetime
import io
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook  # noqa: E402

from tandem.reports.imports import parse_sen_file  # noqa: E402

HEADINGS = (
    "UPN", "Legal Surname", "Legal Forename", "DOB", "Admission Date", "Reg Group",
    "NC Year", "SEN Status", "Primary Need", "Secondary Need", "Notes",
)  # fmt: skip
YEARS = ("N2", "R", *(f"Y{n}" for n in range(1, 12)))
STATUSES = (
    ("No Special Educational Need",) * 80 + ("SEN Support",) * 15 + ("EHC Plan",) * 5
)
NEEDS = ("ASD", "SLCN", "SEMH", "SPLD", "MLD", "HI", "VI", "PD", "OTH", "DS")


def pupil_rows(count: int, seed: int = 2026) -> list[tuple]:
    rng = random.Random(seed)
    rows = [HEADINGS]
    for n in range(count):
        status = rng.choice(STATUSES)
        need = rng.choice(NEEDS) if status != STATUSES[0] else ""
        born = datetime.date(2010, 9, 1) + datetime.timedelta(days=rng.randrange(4000))
        rows.append(
            (
                f"A{n:012d}", f"Surname{n}", f"Forename {n}", born.strftime("%d/%m/%Y"),
                str(45000 + n % 900), f"{rng.randrange(1, 12)}{'ABC'[n % 3]}",
                rng.choice(YEARS), status, need, "", "Seen by EP, \"ok\"" if n % 50 == 0
                else "",
            )
        )  # fmt: skip

    return rows


def as_csv(rows: list[tuple]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)

    return buffer.getvalue().encode("utf-8-sig")


def as_xlsx(rows: list[tuple]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["SEN register"])
    sheet.append([])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)

    return buffer.getvalue()


def measure(data: bytes, filename: str, repeat: int) -> tuple[float, int, int]:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        result = parse_sen_file(data, filename)
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    parse_sen_file(data, filename)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    return best, peak, result.rows_read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pupils", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    rows = pupil_rows(args.pupils)
    files = {"CSV (UTF-8, BOM)": as_csv(rows), ".xlsx (title row)": as_xlsx(rows)}
    print(f"SEN import, {args.pupils} pupils, best of {args.repeat}")
    print(f"{'File':<20} {'Size':>10} {'Rows':>6} {'Parse':>10} {'Peak memory':>12}")
    for name, data in files.items():
        seconds, peak, read = measure(data, name, args.repeat)
        print(
            f"{name:<20} {len(data) / 1024:>7.0f} KB {read:>6} "
            f"{seconds * 1000:>7.0f} ms {peak / 1024 / 1024:>9.1f} MB"
        )


if __name__ == "__main__":
    main()
