"""Print the load test's figures from the samples the locustfile kept; exit 1 on any error.

    python bench/load/summary.py SAMPLES.json --users N --seconds S --workers W

Latency percentiles are exact (from every request, not merged from locust's buckets).
Throughput and latency count the pages and exports; signing in is reported on its own line,
since it is deliberately slow (Argon2) and happens once per user, but its errors count too.
"""

import argparse
import json
import statistics
import sys
from collections import defaultdict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("samples")
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--seconds", type=int, required=True)
    parser.add_argument("--workers", type=int, required=True)
    args = parser.parse_args(argv)
    with open(args.samples, encoding="utf-8") as samples_file:
        samples = json.load(samples_file)

    work = [s for s in samples if s["kind"] != "sign-in"]
    errors = [s for s in samples if s["error"]]
    print(
        f"Load test: {args.users} users for {args.seconds} s against gunicorn with "
        f"{args.workers} workers on PostgreSQL"
    )
    _table(samples)
    if work:
        elapsed = max(s["at"] for s in work) - min(s["at"] for s in work)
        ms = [s["ms"] for s in work]
        print(
            f"\nPages and exports: {len(work)} requests, throughput "
            f"{len(work) / max(elapsed, 1):.1f} requests/s, median {_pct(ms, 50):.0f} ms, "
            f"95th percentile {_pct(ms, 95):.0f} ms."
        )
    signing_in = [s["ms"] for s in samples if s["name"] == "POST sign in"]
    if signing_in:
        print(
            f"Signing in: {len(signing_in)} times, median {_pct(signing_in, 50):.0f} ms, "
            f"95th percentile {_pct(signing_in, 95):.0f} ms."
        )
    print(f"Errors: {len(errors)}.")
    for sample in errors[:20]:
        print(f"  {sample['name']}: {sample['error']}")

    return 1 if errors or not work else 0


def _table(samples: list[dict]) -> None:
    by_name: dict[str, list[dict]] = defaultdict(list)
    for sample in samples:
        by_name[sample["name"]].append(sample)
    print(f"{'Request':<50} {'Count':>6} {'Errors':>6} {'Median ms':>9} {'95% ms':>7}")
    for name, rows in sorted(by_name.items(), key=lambda item: -len(item[1])):
        ms = [row["ms"] for row in rows]
        failed = sum(1 for row in rows if row["error"])
        print(
            f"{name:<50.50} {len(rows):>6} {failed:>6} {_pct(ms, 50):>9.0f} "
            f"{_pct(ms, 95):>7.0f}"
        )


def _pct(values: list[float], percent: int) -> float:
    if len(values) == 1:
        return values[0]
    if percent == 50:
        return statistics.median(values)
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


if __name__ == "__main__":
    sys.exit(main())
