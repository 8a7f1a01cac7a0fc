"""The checker's result: one stable JSON shape (saved by the app, printed by check-sir)."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .details import Claim
from .items import ITEM_KEYS

CHECKER_VERSION = "2"  # 2: quotes whole sentences, the best one for each item
DISCLAIMER = (
    "The checker looks for evidence of each item in the report's wording. It cannot "
    "tell whether the wording is accurate or enough: a person reads the report and decides."
)


@dataclass(frozen=True)
class ItemResult:
    found: bool
    evidence: str | None = None
    where: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"found": self.found, "evidence": self.evidence, "where": self.where}


@dataclass
class CheckResult:
    """Everything the checker found in one report."""

    file: str
    school_name: str
    school_type: str
    checked_on: date
    format: str
    items: dict[str, ItemResult]
    not_applicable: list[str] = field(default_factory=list)
    senco_name: str | None = None
    senco_email: str | None = None
    senco_phone: str | None = None
    local_offer_url: str | None = None
    report_date: date | None = None
    next_review_date: date | None = None
    stale: bool = True
    other_schools: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def found_count(self) -> int:
        return sum(
            1
            for key, item in self.items.items()
            if item.found and key not in self.not_applicable
        )

    @property
    def applicable_count(self) -> int:
        return len(self.items) - len(self.not_applicable)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; `from_json` reads it back unchanged."""

        return {
            "file": self.file,
            "checker_version": CHECKER_VERSION,
            "school_name": self.school_name,
            "school_type": self.school_type,
            "checked_on": self.checked_on.isoformat(),
            "format": self.format,
            "pages": self.pages,
            "items": {key: self.items[key].to_json() for key in ITEM_KEYS},
            "not_applicable": list(self.not_applicable),
            "senco_name": self.senco_name,
            "senco_email": self.senco_email,
            "senco_phone": self.senco_phone,
            "local_offer_url": self.local_offer_url,
            "report_date": _iso(self.report_date),
            "next_review_date": _iso(self.next_review_date),
            "stale": self.stale,
            "other_schools": list(self.other_schools),
            "claims": [
                {"name": c.name, "evidence": c.evidence, "where": c.where}
                for c in self.claims
            ],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "CheckResult":
        """Rebuild a result saved with `to_json` (a KeyError means it was not one)."""

        return cls(
            file=data["file"],
            school_name=data["school_name"],
            school_type=data["school_type"],
            checked_on=date.fromisoformat(data["checked_on"]),
            format=data["format"],
            pages=data.get("pages"),
            items={
                key: ItemResult(
                    bool(value["found"]), value.get("evidence"), value.get("where")
                )
                for key, value in data["items"].items()
            },
            not_applicable=list(data.get("not_applicable", [])),
            senco_name=data.get("senco_name"),
            senco_email=data.get("senco_email"),
            senco_phone=data.get("senco_phone"),
            local_offer_url=data.get("local_offer_url"),
            report_date=_from_iso(data.get("report_date")),
            next_review_date=_from_iso(data.get("next_review_date")),
            stale=bool(data["stale"]),
            other_schools=list(data.get("other_schools", [])),
            claims=[
                Claim(c["name"], c["evidence"], c["where"])
                for c in data.get("claims", [])
            ],
            warnings=list(data.get("warnings", [])),
        )


def error_entry(file: str, message: str, *, kind: str) -> dict[str, Any]:
    """What check-sir prints for a file it could not read (the rest go on)."""

    return {"file": file, "error": message, "error_kind": kind}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _from_iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# --- CSV ------------------------------------------------------------------------------

CSV_FIELDS = [
    "file", "error", "error_kind", "school_name", "school_type", "checked_on", "format",
    "report_date", "stale", "next_review_date", "senco_name", "senco_email",
    "senco_phone", "local_offer_url", "items_found", "items_applicable",
    *[f"item_{key}{suffix}" for key in ITEM_KEYS for suffix in ("", "_where", "_evidence")],
    "other_schools", "claims", "warnings",
]  # fmt: skip


def csv_row(entry: dict[str, Any]) -> dict[str, str]:
    """Flatten one `to_json` object (or an error entry) into a row of CSV_FIELDS."""

    if "error" in entry:
        return {name: _cell(entry.get(name)) for name in CSV_FIELDS}
    row = {
        name: _cell(entry.get(name))
        for name in CSV_FIELDS
        if not name.startswith("item")
    }
    items = entry["items"]
    for key in ITEM_KEYS:
        item = items[key]
        if key in entry["not_applicable"]:
            row[f"item_{key}"] = "not applicable"
        else:
            row[f"item_{key}"] = "found" if item["found"] else "not found"
        row[f"item_{key}_where"] = _cell(item["where"])
        row[f"item_{key}_evidence"] = _cell(item["evidence"])
    row["items_found"] = str(CheckResult.from_json(entry).found_count)
    row["items_applicable"] = str(len(ITEM_KEYS) - len(entry["not_applicable"]))
    row["claims"] = _cell([claim["name"] for claim in entry["claims"]])

    return row


def to_csv(entries: list[dict[str, Any]]) -> str:
    """A whole CSV file with a header row, one row per report."""

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        writer.writerow(csv_row(entry))

    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        value = "; ".join(str(part) for part in value)
    text = str(value)
    # Spreadsheets run cells starting with these as formulas; a quote keeps them text.
    if text[:1] in ("=", "+", "-", "@"):
        text = "'" + text

    return text
