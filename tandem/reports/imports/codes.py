"""Census vocabularies: SEN provision, primary need and year group.

Management-system exports and DfE files word these differently; each function here
turns one cell into a census code or says it cannot (returns None). The caller
decides whether that is an error, a warning or a total row.
"""

import difflib
import re

EHC_PLAN = "E"
SEN_SUPPORT = "K"
NO_SEN = "N"
ALL_PUPILS = "ALL"  # an aggregated file's "All pupils" or "Total" row
ALL_SEN = "ALL_SEN"  # "All SEN provision": a subtotal the importer recomputes
STATEMENT = "S"  # retired in 2018; imported as an EHC plan with a warning

TOTAL = "*"  # a total over year groups or needs in an aggregated file
NOT_RECORDED = ""  # a pupil with SEN whose primary need is blank or "Missing"

NEED_CODES = (
    "SPLD",
    "MLD",
    "SLD",
    "PMLD",
    "SLCN",
    "ASD",
    "SEMH",
    "HI",
    "VI",
    "MSI",
    "PD",
    "OTH",
    "NSA",
    "DS",
)

NEED_LABELS = {
    "SPLD": "Specific learning difficulty",
    "MLD": "Moderate learning difficulty",
    "SLD": "Severe learning difficulty",
    "PMLD": "Profound and multiple learning difficulty",
    "SLCN": "Speech, language and communication needs",
    "ASD": "Autistic spectrum disorder",
    "SEMH": "Social, emotional and mental health",
    "HI": "Hearing impairment",
    "VI": "Visual impairment",
    "MSI": "Multi-sensory impairment",
    "PD": "Physical disability",
    "OTH": "Other difficulty or disability",
    "NSA": "SEN support but no specialist assessment of type of need",
    "DS": "Down syndrome",
}

# "X" is the census code for a pupil not following a National Curriculum year (common in
# special schools): counted in every total, shown in its own row of the year table.
NOT_FOLLOWED = "X"
YEAR_GROUPS = ("N1", "N2", "R", *(f"Y{n}" for n in range(1, 15)), NOT_FOLLOWED)

YEAR_LABELS = {
    "N1": "Nursery 1",
    "N2": "Nursery 2",
    "R": "Reception",
    **{f"Y{n}": f"Year {n}" for n in range(1, 15)},
    NOT_FOLLOWED: "No National Curriculum year",
}

_PROVISION_WORDS = {
    EHC_PLAN: (
        "e",
        "ehc",
        "ehcp",
        "ehc plan",
        "ehc plans",
        "education health and care plan",
        "education health and care plans",
        "education health and care plan ehcp",
        "ehcp education health and care plan",
    ),
    SEN_SUPPORT: (
        "k",
        "sen support",
        "send support",
        "sen support sen without an ehc plan",
        "sen without an ehc plan",
    ),
    NO_SEN: (
        "n",
        "no sen",
        "no send",
        "no identified sen",
        "no special educational need",
        "no special educational needs",
        "not sen",
        "none",
        "monitoring",
        "sen monitoring",
        "",
    ),
    STATEMENT: (
        "s",
        "statement",
        "statemented",
        "statement of sen",
        "statement of special educational needs",
    ),
    ALL_PUPILS: ("all pupils", "all", "total", "total pupils", "all provision"),
    ALL_SEN: ("all sen provision", "all sen", "total sen", "sen total", "all send"),
}

_NEED_WORDS = {
    "SPLD": ("specific learning difficulty", "specific learning difficulties"),
    "MLD": ("moderate learning difficulty", "moderate learning difficulties"),
    "SLD": ("severe learning difficulty", "severe learning difficulties"),
    "PMLD": (
        "profound and multiple learning difficulty",
        "profound and multiple learning difficulties",
    ),
    "SLCN": (
        "speech language and communication needs",
        "speech language and communication need",
        "speech language and communication",
    ),
    "ASD": (
        "autistic spectrum disorder",
        "autism spectrum disorder",
        "autistic spectrum condition",
        "autism spectrum condition",
        "autism",
        "asc",
    ),
    "SEMH": (
        "social emotional and mental health",
        "social emotional and mental health difficulties",
        "social emotional and mental health needs",
    ),
    "HI": ("hearing impairment",),
    "VI": ("visual impairment",),
    "MSI": ("multi sensory impairment", "multisensory impairment"),
    "PD": ("physical disability",),
    "OTH": ("other difficulty disability", "other difficulty or disability", "other"),
    "NSA": (
        "sen support but no specialist assessment of type of need",
        "no specialist assessment of type of need",
        "no specialist assessment",
    ),
    "DS": ("down syndrome", "downs syndrome"),
    TOTAL: ("total", "all", "all needs", "all pupils", "all sen provision"),
    NOT_RECORDED: ("", "missing", "unknown", "not recorded", "not known", "none"),
}


def word_key(text: str) -> str:
    """Fold a cell for lookup: lower case, punctuation to spaces, single spaces."""

    text = text.casefold().replace("&", " and ").replace("'", "").replace("’", "")
    text = re.sub(r"[^0-9a-z]+", " ", text)

    return text.strip()


def _lookup(words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {word: code for code, wordings in words.items() for word in wordings}


_PROVISION_LOOKUP = _lookup(_PROVISION_WORDS)
_NEED_LOOKUP = _lookup(_NEED_WORDS) | {code.casefold(): code for code in NEED_CODES}
_CODE_PREFIX = re.compile(r"^\s*([A-Za-z]{1,4})\s*[-–:]\s*\S")
_CODE_SUFFIX = re.compile(r"\(\s*([A-Za-z]{1,4})\s*\)\s*$")


def _code_hint(text: str) -> str | None:
    """The code in "K - SEN Support" or "Autistic spectrum disorder (ASD)"."""

    for pattern in (_CODE_PREFIX, _CODE_SUFFIX):
        match = pattern.search(text)
        if match:
            return match.group(1).casefold()

    return None


def provision_code(text: str) -> str | None:
    """E, K, N, S, ALL or ALL_SEN for a provision cell; None if not recognised."""

    code = _PROVISION_LOOKUP.get(word_key(text))
    if code is None:
        hint = _code_hint(text)
        if hint in ("e", "k", "n", "s"):
            code = hint.upper()

    return code


def need_code(text: str) -> str | None:
    """A census need code, TOTAL or NOT_RECORDED; None if not recognised."""

    code = _NEED_LOOKUP.get(word_key(text))
    if code is None:
        hint = _code_hint(text)
        if hint is not None and hint.upper() in NEED_CODES:
            code = hint.upper()

    return code


_YEAR_NUMBER = re.compile(
    r"^(?:y|yr|year|ncy|nc|ncyear|yeargroup)?0?(\d{1,2})(?:\.0+)?$"
)
_YEAR_WORDS = {
    "x": NOT_FOLLOWED,
    "ncnotfollowed": NOT_FOLLOWED,
    "notfollowed": NOT_FOLLOWED,
    "notfollowingnc": NOT_FOLLOWED,
    "nonc": NOT_FOLLOWED,
    "nonationalcurriculumyear": NOT_FOLLOWED,
    "n1": "N1",
    "nursery1": "N1",
    "nur1": "N1",
    "n2": "N2",
    "nursery2": "N2",
    "nur2": "N2",
    "nursery": "N2",
    "n": "N2",
    "r": "R",
    "rec": "R",
    "reception": "R",
    "yr": "R",
    "yearr": "R",
    "total": TOTAL,
    "all": TOTAL,
    "allyears": TOTAL,
    "allyeargroups": TOTAL,
}


def year_group(text: str) -> str | None:
    """N1, N2, R, Y1..Y14, X (no NC year) or TOTAL for a year cell; None if not
    recognised.

    "Nursery" without a 1 or 2 is read as N2, the usual nursery year in schools;
    the caller warns about it (see `is_bare_nursery`).
    """

    key = re.sub(r"[\s_]+", "", text.casefold())
    if key in _YEAR_WORDS:
        return _YEAR_WORDS[key]

    match = _YEAR_NUMBER.match(key)
    if match and 1 <= int(match.group(1)) <= 14:
        return f"Y{int(match.group(1))}"

    return None


def is_bare_nursery(text: str) -> bool:
    """True for "Nursery" or "N": a nursery pupil with no N1 or N2 given."""

    return re.sub(r"[\s_]+", "", text.casefold()) in ("nursery", "n")


def year_order(year: str) -> int:
    return YEAR_GROUPS.index(year)


def need_order(code: str) -> int:
    return NEED_CODES.index(code)


PROVISION_LABELS = {
    EHC_PLAN: "EHC plan",
    SEN_SUPPORT: "SEN support",
    NO_SEN: "No SEN",
    STATEMENT: "Statement",
}


def suggest_provision(text: str) -> str | None:
    """Our own wording closest to a misspelt provision ("Sen Suport"), if any.

    Only Tandem's vocabulary is returned, never the cell itself, so a message built
    from it cannot carry what was typed in the file.
    """

    words = [word for word in _PROVISION_LOOKUP if len(word) > 3]
    close = difflib.get_close_matches(word_key(text), words, n=1, cutoff=0.75)
    if not close:
        return None

    return PROVISION_LABELS.get(_PROVISION_LOOKUP[close[0]])


def suggest_need(text: str) -> str | None:
    """The need label closest to a misspelt one, if any (our wording only)."""

    words = [word for word in _NEED_LOOKUP if len(word) > 4]
    close = difflib.get_close_matches(word_key(text), words, n=1, cutoff=0.8)
    if not close:
        return None

    return NEED_LABELS.get(_NEED_LOOKUP[close[0]])
