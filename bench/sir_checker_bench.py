"""Accuracy and speed of the SEN Information Report checker on the labelled corpus.

    /work/venv/bin/python bench/sir_checker_bench.py [--rounds N] [--show-errors]

Prints precision and recall per item (special schools' items 2 and 4 are left out, as
they do not apply), how often the SENCO, link, date and copying signs were right, the
unreadable files reported correctly, and documents per second.
"""

import argparse
import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tandem.compliance.checker import (  # noqa: E402 - after the path is set
    ITEM_KEYS,
    UnreadableReport,
    check_report,
)

CORPUS = ROOT / "bench" / "sir_corpus"
DETAILS = ("senco_name", "senco_email", "senco_phone", "local_offer_url", "report_date")


def run(label: dict) -> dict:
    data = (CORPUS / "files" / label["file"]).read_bytes()
    try:
        result = check_report(
            data,
            label["file"],
            school_name=label["school_name"],
            school_type=label["school_type"],
            on=date.fromisoformat(label["on"]),
        )
    except UnreadableReport as error:
        return {"error_kind": error.kind}

    return result.to_json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rounds", type=int, default=3, help="timed passes (default 3)"
    )
    parser.add_argument("--show-errors", action="store_true", help="list each miss")
    options = parser.parse_args()

    labels = json.loads((CORPUS / "labels.json").read_text())["documents"]
    outputs = {label["file"]: run(label) for label in labels}

    counts = {key: Counter() for key in ITEM_KEYS}
    details = Counter()
    errors = []
    readable = [label for label in labels if label["readable"]]
    for label in readable:
        output = outputs[label["file"]]
        if "error_kind" in output:
            errors.append(f"{label['file']}: unreadable ({output['error_kind']})")
            continue
        for key in ITEM_KEYS:
            truth = label["items"][key]
            if truth is None:
                continue
            found = output["items"][key]["found"]
            outcome = {(True, True): "tp", (False, True): "fp", (True, False): "fn"}
            counts[key][outcome.get((truth, found), "tn")] += 1
            if truth != found:
                errors.append(f"{label['file']}: item {key} found={found}")
        for name in DETAILS:
            details[name] += output[name] == label[name]
        details["stale"] += output["stale"] == label["stale"]
        details["other_schools"] += set(output["other_schools"]) == set(
            label["other_schools"]
        )
        names = {claim["name"].lower() for claim in output["claims"]}
        details["claims"] += all(claim.lower() in names for claim in label["claims"])

    unreadable = [label for label in labels if not label["readable"]]
    right_errors = sum(
        outputs[label["file"]].get("error_kind") == label["error_kind"]
        for label in unreadable
    )

    print(
        f"{'item':<9}{'TP':>4}{'FP':>4}{'FN':>4}{'TN':>4}{'precision':>11}{'recall':>8}"
    )
    for key in ITEM_KEYS:
        c = counts[key]
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
        print(
            f"{key:<9}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}{c['tn']:>4}"
            f"{precision:>11.2f}{recall:>8.2f}"
        )
    total = sum(counts.values(), Counter())
    print(
        f"{'all':<9}{total['tp']:>4}{total['fp']:>4}{total['fn']:>4}{total['tn']:>4}"
        f"{total['tp'] / (total['tp'] + total['fp']):>11.2f}"
        f"{total['tp'] / (total['tp'] + total['fn']):>8.2f}"
    )
    print()
    for name, right in details.items():
        print(f"{name:<16} right in {right} of {len(readable)} readable reports")
    print(
        f"unreadable files reported with the right kind: {right_errors} of {len(unreadable)}"
    )

    started = time.perf_counter()
    for _ in range(options.rounds):
        for label in labels:
            run(label)
    elapsed = time.perf_counter() - started
    documents = options.rounds * len(labels)
    print(
        f"speed: {documents / elapsed:.1f} documents per second "
        f"({documents} documents in {elapsed:.2f} s, all formats and errors)"
    )

    if options.show_errors:
        print()
        print("\n".join(errors) or "no misses")


if __name__ == "__main__":
    main()
