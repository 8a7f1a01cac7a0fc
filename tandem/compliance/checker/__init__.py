"""The SEN Information Report checker: pure Python, no Django.

    result = check_report(data, "report.pdf", school_name=..., school_type="mainstream",
                          on=date.today())
    result.to_json()  # the shape `tandem check-sir --json` prints and the app saves

Files it cannot read raise UnreadableReport (a CheckerError) with a clear message and a
`kind` ("empty", "wrong_type", "damaged", "password", "no_text_layer", "too_large").

The saved shape is a contract: `CheckResult.from_json(result.to_json()) == result`, keys
are only ever added, and CHECKER_VERSION goes up when the rules change, so a saved check
can always be read back and told apart from one made by newer rules.
"""

from .check import STALE_AFTER, check_report
from .errors import CheckerError, UnreadableReport
from .items import ITEM_KEYS, ITEMS, ITEMS_BY_KEY, MAINSTREAM, SCHOOL_TYPES, SPECIAL
from .result import (
    CHECKER_VERSION,
    CSV_FIELDS,
    DISCLAIMER,
    CheckResult,
    ItemResult,
    csv_row,
    error_entry,
    to_csv,
)

__all__ = [
    "CHECKER_VERSION",
    "CSV_FIELDS",
    "DISCLAIMER",
    "ITEMS",
    "ITEMS_BY_KEY",
    "ITEM_KEYS",
    "MAINSTREAM",
    "SCHOOL_TYPES",
    "SPECIAL",
    "STALE_AFTER",
    "CheckResult",
    "CheckerError",
    "ItemResult",
    "UnreadableReport",
    "check_report",
    "csv_row",
    "error_entry",
    "to_csv",
]
