"""Accuracy and speed of the SEN Information Report checker on the labelled corpus.

    .venv/bin/python bench/sir_checker_bench.py [--rounds N] [--show-errors]

Prints precision and recall per item (special schools' items 2 and 4 are left out, as
they do not apply), how often the SENCO, link, date and copying signs were right, the
unreadable files reported correctly, and documents per second. bench/pages.py imports
`time_checks` to time a batch of checks in its own run.
"""

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
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


@dataclass(frozen=True)
class CheckBatch:
    documents: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds


def load_labels() -> list[dict]:
    """Every labelled document of the corpus: its file, school and the expected outcome."""

    return json.loads((CORPUS / "labels.json").read_text())["documents"]


def run(label: dict) -> dict:
    """One document through check_report, the function the app's report check calls."""

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

    labels = load_labels()
    outputs = {label["file"]: run(label) for label in labels}
    counts, details, errors = evaluate(labels, outputs)

    print_items(counts)
    hand = [label for label in labels if label.get("hand_written")]
    hand_counts = sum(evaluate(hand, outputs)[0].values(), Counter())
    print(
        f"hand-written reports only ({len(hand)}, other voices): precision "
        f"{_ratio(hand_counts['tp'], hand_counts['tp'] + hand_counts['fp'])}, recall "
        f"{_ratio(hand_counts['tp'], hand_counts['tp'] + hand_counts['fn'])}\n"
    )
    readable = sum(label["readable"] for label in labels)
    for name, right in details.items():
        print(f"{name:<16} right in {right} of {readable} readable reports")
    unreadable = [label for label in labels if not label["readable"]]
    right_errors = sum(
        outputs[label["file"]].get("error_kind") == label["error_kind"]
        for label in unreadable
    )
    print(f"unreadable files with the right error: {right_errors} of {len(unreadable)}")
    print_speed(labels, options.rounds)
    if options.show_errors:
        print("\n" + ("\n".join(errors) or "no misses"))


def evaluate(labels: list[dict], outputs: dict) -> tuple[dict, Counter, list[str]]:
    """Confusion counts per item, right answers per detail, and each miss."""

    counts = {key: Counter() for key in ITEM_KEYS}
    details: Counter = Counter()
    errors = []
    for label in (label for label in labels if label["readable"]):
        output = outputs[label["file"]]
        if "error_kind" in output:
            errors.append(f"{label['file']}: unreadable ({output['error_kind']})")
            continue
        for key in ITEM_KEYS:
            truth, found = label["items"][key], output["items"][key]["found"]
            if truth is None:
                continue
            counts[key][OUTCOME[(truth, found)]] += 1
            if truth != found:
                errors.append(f"{label['file']}: item {key} found={found}")
        for name in (*DETAILS, "stale"):
            details[name] += output[name] == label[name]
        others = set(output["other_schools"]) == set(label["other_schools"])
        details["other_schools"] += others
        names = {claim["name"].lower() for claim in output["claims"]}
        details["claims"] += all(claim.lower() in names for claim in label["claims"])

    return counts, details, errors


OUTCOME = {
    (True, True): "tp",
    (False, True): "fp",
    (True, False): "fn",
    (False, False): "tn",
}


def print_items(counts: dict) -> None:
    print(
        f"{'item':<9}{'TP':>4}{'FP':>4}{'FN':>4}{'TN':>4}{'precision':>11}{'recall':>8}"
    )
    for key, c in [*counts.items(), ("all", sum(counts.values(), Counter()))]:
        print(
            f"{key:<9}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}{c['tn']:>4}"
            f"{_ratio(c['tp'], c['tp'] + c['fp']):>11}{_ratio(c['tp'], c['tp'] + c['fn']):>8}"
        )
    print()


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def time_checks(labels: list[dict], rounds: int) -> CheckBatch:
    """Check every labelled document `rounds` times, one after another."""

    started = time.perf_counter()
    for _ in range(rounds):
        for label in labels:
            run(label)

    return CheckBatch(rounds * len(labels), time.perf_counter() - started)


def print_speed(labels: list[dict], rounds: int) -> None:
    batch = time_checks(labels, rounds)
    print(
        f"speed: {batch.per_second:.1f} documents per second "
        f"({batch.documents} documents in {batch.seconds:.2f} s, all formats and errors)"
    )


if __name__ == "__main__":
    main()
