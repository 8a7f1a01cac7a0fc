"""Column headings: the common systems' wordings, or the user's own choice.

Headings are compared after folding case and turning spaces, underscores, hyphens
and dots into single spaces, so "NC_Year", "nc year" and "NC-Year" match.
"""

import re
from dataclasses import dataclass

from . import codes
from .codes import NEED_CODES

YEAR, PROVISION, NEED, COUNT, URN = "year", "provision", "need", "count", "urn"

ROLE_LABELS = {
    YEAR: "year group",
    PROVISION: "SEN provision",
    NEED: "primary need",
    COUNT: "number of pupils",
    URN: "school URN",
}

ROLE_EXAMPLES = {
    YEAR: "“NC Year” or “Year Group”",
    PROVISION: "“SEN Status” or “SEN Provision”",
    NEED: "“Primary Need” or “Primary SEN Need”",
    COUNT: "“Count” or “Number of pupils”",
    URN: "“URN”",
}

# Earlier wordings win when a file has several matching columns ("NC Year" over
# "Year", which some exports use for the academic year).
SYNONYMS = {
    YEAR: (
        "nc year",
        "ncy",
        "nc year group",
        "national curriculum year",
        "curriculum year",
        "year group",
        "yeargroup",
        "year grp",
        "yr group",
        "year",
    ),
    PROVISION: (
        "sen provision",
        "sen status",
        "send status",
        "send provision",
        "sen provision type",
        "sen stage",
        "sen code",
        "sen",
        "provision",
        "pupil sen status",
    ),
    NEED: (
        "primary need",
        "primary sen need",
        "sen primary need",
        "primary sen type",
        "primary type of need",
        "primary need type",
        "sen need type rank 1",
        "sen need 1",
        "sen need",
        "sen type",
        "type of need",
        "need",
    ),
    COUNT: (
        "pupil count",
        "count",
        "number of pupils",
        "no of pupils",
        "headcount",
        "number",
        "pupils",
    ),
    URN: ("urn", "school urn"),
}

WIDE_TOTAL = ("total pupils",)
WIDE_SUPPORT = ("sen support",)
WIDE_EHC = ("ehc plan", "ehc plans", "statement or ehc plan", "statements ehc plans")
_WIDE_NEED = re.compile(r"^(ehc|sup) primary need (\w+)$")


def heading_key(text: str) -> str:
    text = text.lstrip("\ufeff").casefold()
    text = re.sub(r"[\s_\-.()/#:]+", " ", text)

    return text.strip()


@dataclass
class Columns:
    """Where each role sits in the heading row (0-based), and its heading."""

    index: dict[str, int]
    headings: tuple[str, ...]

    def heading(self, role: str) -> str:
        return self.headings[self.index[role]]


def find_roles(headings: tuple[str, ...]) -> dict[str, int]:
    keys = [heading_key(h) for h in headings]
    found: dict[str, int] = {}
    for role, wordings in SYNONYMS.items():
        for wording in wordings:
            if wording in keys:
                found[role] = keys.index(wording)
                break

    return found


def mapped_roles(headings: tuple[str, ...], mapping: dict[str, str]) -> dict[str, int]:
    """Columns the user chose: {role: heading}; a missing heading is left out."""

    keys = [heading_key(h) for h in headings]

    return {
        role: keys.index(heading_key(chosen))
        for role, chosen in mapping.items()
        if heading_key(chosen) in keys
    }


def wide_columns(headings: tuple[str, ...]) -> dict[str, int] | None:
    """The DfE wide school-level layout: "Total pupils", "SEN support", "EHC plan",
    "EHC_Primary_need_asd"… Returns {"total"|"K"|"E"|"E:ASD"|"K:ASD": index}."""

    keys = [heading_key(h) for h in headings]
    columns: dict[str, int] = {}
    for label, wordings in (
        ("total", WIDE_TOTAL),
        ("K", WIDE_SUPPORT),
        ("E", WIDE_EHC),
    ):
        for wording in wordings:
            if wording in keys:
                columns[label] = keys.index(wording)
                break
    for index, key in enumerate(keys):
        match = _WIDE_NEED.match(key)
        if match and match.group(2).upper() in NEED_CODES:
            provision = "E" if match.group(1) == "ehc" else "K"
            columns[f"{provision}:{match.group(2).upper()}"] = index
    if not {"K", "E"} <= columns.keys():
        return None
    if "urn" in keys:
        columns["urn"] = keys.index("urn")

    return columns


_NUMBER = re.compile(r"^[-+£]?\d[\d,]*(\.\d+)?%?$")
_DATE = re.compile(
    r"^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}([ T][\d:.]+)?|\d{1,2}:\d{2}(:\d{2})?)$"
)
_KNOWN_HEADINGS = frozenset(
    wording
    for wordings in (*SYNONYMS.values(), WIDE_TOTAL, WIDE_SUPPORT, WIDE_EHC)
    for wording in wordings
)


def is_data_value(cell: str) -> bool:
    """True for a cell that reads as a pupil's data rather than a heading: a year
    group, a provision code or wording, a need code or label, a number or a date.

    Heading wordings Tandem knows ("SEN support" heads a column in the DfE wide
    file) are headings, not data.
    """

    text = cell.strip()
    if not text or heading_key(text) in _KNOWN_HEADINGS:
        return False
    if _NUMBER.match(text) or _DATE.match(text):
        return True
    if codes.year_group(text) in codes.YEAR_GROUPS:
        return True
    if codes.provision_code(text) in (
        codes.EHC_PLAN,
        codes.SEN_SUPPORT,
        codes.NO_SEN,
        codes.STATEMENT,
    ):
        return True

    return codes.need_code(text) in NEED_CODES


def looks_like_data(cells: tuple[str, ...]) -> bool:
    """A row that cannot be a heading row, as one of its cells is a data value."""

    return any(is_data_value(cell) for cell in cells)


def mapping_looks_like_data(mapping: dict[str, str]) -> bool:
    """A column choice whose headings are data values (a pupil's cells, not headings)."""

    return any(is_data_value(heading) for heading in mapping.values())


def repeated_columns(
    headings: tuple[str, ...], columns: dict[str, int]
) -> dict[str, list[int]]:
    """{role: [indexes]} for each role whose heading appears in more than one column
    (two "SEN Status" columns): which one holds the figures is anyone's guess."""

    keys = [heading_key(h) for h in headings]
    repeated = {}
    for role, index in columns.items():
        same = [i for i, key in enumerate(keys) if key and key == keys[index]]
        if len(same) > 1:
            repeated[role] = same

    return repeated
