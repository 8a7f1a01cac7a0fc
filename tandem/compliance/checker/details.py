"""Details beyond the items: the SENCO's contact, the local offer link, the report's date,
other schools named (a sign of copying) and partnerships claimed (for governors to confirm).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .blocks import Block
from .items import SENCO
from .text import excerpt

# --- the SENCO ------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
# A capitalised word (McDonald, O'Neill, Smith-Jones, Zoë) or an initial.
_NAME_WORD = (
    rf"(?:[{_UPPER}]\.?(?=[\s,.)])"
    rf"|[{_UPPER}][{_LOWER}]+(?:['-]?[{_UPPER}][{_LOWER}]*|['-][{_LOWER}]+)*)"
)
TITLED_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?(?:\s+" + _NAME_WORD + r"){1,3}"
)
_UNTITLED_AFTER = re.compile(
    "(?i:"
    + SENCO.pattern
    + ")"
    + r"(?:\s+is|:|,|\s+-)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z'-]+){1,2})"
)
_UNTITLED_BEFORE = re.compile(
    r"([A-Z][a-z]+(?:\s+[A-Z][a-z'-]+){1,2})(?:,|\s+\(|\s+is)\s+(?:our|the)?\s*"
    + "(?i:"
    + SENCO.pattern
    + ")"
)
_NOT_NAME_WORDS = {
    "Email", "E-mail", "Tel", "Telephone", "Phone", "Our", "The", "Who", "She", "He",
    "They", "Contact", "SENCO", "SENDCo", "SENCo", "SENDCO", "You", "If", "Please",
    "Head", "Headteacher", "Deputy", "Assistant", "Inclusion", "Lead", "Manager",
}  # fmt: skip
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(
    r"(?<![\w/.])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/])"
)


@dataclass(frozen=True)
class Senco:
    name: str | None
    email: str | None
    phone: str | None
    evidence: str | None
    where: str | None


def find_senco(blocks: list[Block]) -> Senco:
    """The SENCO's name from a passage naming the role, and contacts near it."""

    for index, block in enumerate(blocks):
        role = SENCO.search(block.text)
        if role is None:
            continue
        found = _name_near(block.text, role.start())
        if found is None:
            continue
        name, start, end = found
        nearby = blocks[index : index + 3]

        return Senco(
            name=name,
            email=_first(EMAIL, nearby) or _senco_email(blocks),
            phone=_first_phone(nearby),
            evidence=excerpt(
                block.text, min(start, role.start()), max(end, role.end())
            ),
            where=block.where,
        )

    return Senco(None, _senco_email(blocks), None, None, None)


def _name_near(text: str, position: int) -> tuple[str, int, int] | None:
    candidates = []
    for match in TITLED_NAME.finditer(text):
        name = _trim_name(match.group(0))
        if " " in name:
            candidates.append((abs(match.start() - position), name, match.span()))
    for pattern in (_UNTITLED_AFTER, _UNTITLED_BEFORE):
        for match in pattern.finditer(text):
            name = _trim_name(match.group(1))
            if " " in name:
                candidates.append(
                    (abs(match.start() - position) + 40, name, match.span())
                )
    if not candidates:
        return None
    _, name, (start, end) = min(candidates)

    return name, start, end


def _trim_name(name: str) -> str:
    words = name.split()
    while words and words[-1].strip(".,") in _NOT_NAME_WORDS:
        words.pop()
    while words and words[0] in _NOT_NAME_WORDS:
        words.pop(0)

    return " ".join(words)


def _first(pattern: re.Pattern[str], blocks: list[Block]) -> str | None:
    for block in blocks:
        match = pattern.search(block.text)
        if match:
            return match.group(0).rstrip(".")

    return None


def _first_phone(blocks: list[Block]) -> str | None:
    for block in blocks:
        for match in PHONE.finditer(block.text):
            digits = re.sub(r"\D", "", match.group(0)).removeprefix("44")
            if len(digits.lstrip("0")) in (9, 10):
                number = match.group(0).strip()
                return (
                    number[1:]
                    if number.startswith("(") and ")" not in number
                    else number
                )

    return None


def _senco_email(blocks: list[Block]) -> str | None:
    for block in blocks:
        for match in EMAIL.finditer(block.text):
            local = match.group(0).split("@")[0].lower()
            if any(word in local for word in ("senco", "send", "inclusion")):
                return match.group(0).rstrip(".")

    return None


# --- the local offer ------------------------------------------------------------------

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
_LOCAL_OFFER = re.compile(r"local[ -]?offer", re.IGNORECASE)
_LOCAL_OFFER_URL = re.compile(r"local[-_]?offer", re.IGNORECASE)


def find_local_offer_url(blocks: list[Block]) -> str | None:
    """A link that names the local offer, else the first link beside the words."""

    urls = [
        (block, match.group(0))
        for block in blocks
        for match in URL.finditer(block.text)
    ]
    for _, url in urls:
        if _LOCAL_OFFER_URL.search(url):
            return url.rstrip(".,;:")
    for block, url in urls:
        if _LOCAL_OFFER.search(block.text):
            return url.rstrip(".,;:")

    return None


# --- dates ----------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_TERM_MONTHS = {"autumn": 9, "spring": 1, "summer": 4}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
DATE = re.compile(
    r"(?<!\d)(?P<d1>\d{1,2})[/.-](?P<m1>\d{1,2})[/.-](?P<y1>\d{4})(?!\d)"
    r"|(?<!\d)(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})(?!\d)"
    r"|(?:(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<m3>"
    + _MONTH
    + r")\.?,?\s+(?P<y3>\d{4})"
    r"|(?P<term>autumn|spring|summer)(?: term)?,?\s+(?P<y4>\d{4})",
    re.IGNORECASE,
)
_REPORT_LABEL = re.compile(
    r"(?:dated?|updated|reviewed|published|approved|written|agreed|adopted|revised"
    r"|ratified|last review)\b[^.]{0,30}$",
    re.IGNORECASE,
)
_NEXT_LABEL = re.compile(
    r"(?:next review|review due|due for review|to be reviewed|review by|renewal"
    r"|next update|reviewed again)\b[^.]{0,30}$",
    re.IGNORECASE,
)
_ACADEMIC_YEAR = re.compile(r"(?<!\d)(20\d\d)\s?[/-]\s?(?:20)?(\d\d)(?!\d)")


@dataclass(frozen=True)
class ReportDates:
    report_date: date | None
    next_review: date | None


def find_dates(blocks: list[Block], *, on: date) -> ReportDates:
    """The latest labelled report date not after `on`; the academic year as a fallback."""

    dated: list[date] = []
    next_review: list[date] = []
    for block in blocks:
        for when, before in _dates(block.text):
            if _NEXT_LABEL.search(before):
                next_review.append(when)
            elif _REPORT_LABEL.search(before) and when <= on:
                dated.append(when)
    if not dated:
        dated = _academic_year_starts(blocks, on=on)

    return ReportDates(
        report_date=max(dated) if dated else None,
        next_review=max(next_review) if next_review else None,
    )


def _dates(text: str) -> Iterator[tuple[date, str]]:
    for match in DATE.finditer(text):
        when = _to_date(match)
        if when is not None:
            yield when, text[max(0, match.start() - 60) : match.start()]


def _to_date(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    try:
        if parts["y1"]:
            return date(int(parts["y1"]), int(parts["m1"]), int(parts["d1"]))
        if parts["y2"]:
            return date(int(parts["y2"]), int(parts["m2"]), int(parts["d2"]))
        if parts["term"]:
            # A term counts from its first month (domain.md: Sep, Jan and Apr).
            month = _TERM_MONTHS[parts["term"].lower()]
            return date(int(parts["y4"]), month, 1)
        month = _MONTHS[parts["m3"].lower()]
        # A month without a day counts from its first day: the earlier reading, so an
        # old report is never made to look newer than it is.
        return date(int(parts["y3"]), month, int(parts["d3"] or 1))
    except ValueError:
        return None


def _academic_year_starts(blocks: list[Block], *, on: date) -> list[date]:
    starts = []
    for block in blocks[:5]:
        for match in _ACADEMIC_YEAR.finditer(block.text):
            first, second = int(match.group(1)), int(match.group(2))
            if (first + 1) % 100 == second and date(first, 9, 1) <= on:
                starts.append(date(first, 9, 1))

    return starts


# --- other schools and claims ---------------------------------------------------------

_CAP = r"(?:[A-Z][\w'.&-]*|of|and|the|upon|on|in|le|de)"
SCHOOL_NAME = re.compile(
    r"((?:" + _CAP + r"\s+){1,7})(School|Academy|College|Primary|Infants|Juniors)\b"
    r"(?!\s+(?:of|Trust)\b)"
)
_LEADING = {
    "At", "In", "Visit", "Contact", "Like", "When", "Before", "After", "From", "To",
    "With", "As", "Both", "Many", "Some", "Most", "Pupils", "Children", "Staff",
    "Parents", "We", "Our", "The", "This", "That", "These", "Those", "Each", "Every",
    "All", "Any", "If", "For", "On", "By", "Of", "Its", "A", "An", "Your", "Their",
    "and", "of", "the", "upon", "on", "in", "le", "de", "Attend", "Join", "Joining",
    "Moving", "Move", "Leaving", "Welcome", "Why", "How", "What", "Where", "Who",
    "Which", "Once", "While", "Whilst", "Other", "Local", "Nearby", "Feeder", "Partner",
}  # fmt: skip
_GENERIC = {
    "mainstream", "special", "specialist", "secondary", "primary", "infant", "infants",
    "junior", "juniors", "nursery", "independent", "high", "grammar", "middle", "upper",
    "lower", "first", "free", "state", "maintained", "sixth", "form", "further",
    "education", "forest", "virtual", "hospital", "sunday", "summer", "holiday",
    "church", "new", "next", "previous", "whole", "current", "residential", "day",
    "boarding", "village", "community", "school", "academy", "college", "c", "e",
    "ce", "of", "and", "the", "english", "england", "uk", "royal", "open", "pre",
}  # fmt: skip


def find_other_schools(blocks: list[Block], *, school_name: str) -> list[str]:
    """School-like names that are not the school's own, in order of first mention."""

    own = core_words(school_name)
    found: dict[str, str] = {}
    for block in blocks:
        for match in SCHOOL_NAME.finditer(block.text):
            words = match.group(1).split()
            while words and words[0] in _LEADING:
                words.pop(0)
            name = " ".join([*words, match.group(2)])
            core = core_words(name)
            if not core or core <= own or (own and own <= core):
                continue
            found.setdefault(" ".join(sorted(core)), name)

    return list(found.values())


def core_words(name: str) -> set[str]:
    """The distinctive words of a school's name ("Oakfield" in "Oakfield Primary School")."""

    words = re.findall(r"[a-z0-9']+", name.lower().replace("st.", "st"))

    return {word.strip("'") for word in words if word not in _GENERIC}


_SERVICE_NOUNS = (
    r"Service|Services|Team|Trust|Partnership|Hub|Network|Foundation|Clinic|Centre"
    r"|Center|Charity|Project|Alliance|Federation|Consortium|Association|Society"
    r"|Award|Quality Mark|Accreditation"
)
NAMED_SERVICE = re.compile(
    r"((?:[A-Z][\w'&-]*,?\s+(?:(?:and|for|of|the|&)\s+)?){1,6}(?:"
    + _SERVICE_NOUNS
    + r"))\b"
)
_ACRONYM_SERVICES = re.compile(r"\b(CAMHS|SENDIASS|SENDIAS|IASS)\b")
_CLAIM_LEADING = _LEADING | {"Through", "Using", "Via", "Specialist", "Support"}


@dataclass(frozen=True)
class Claim:
    name: str
    evidence: str
    where: str


def find_claims(blocks: list[Block], *, school_name: str) -> list[Claim]:
    """Named services and partnerships the report says the school uses or belongs to."""

    own = core_words(school_name)
    claims: dict[str, Claim] = {}
    for block in blocks:
        if block.is_heading:
            continue
        for match in _claim_matches(block.text):
            for name in _claim_names(match.group(1)):
                _add_claim(claims, name, block, match, own=own)

    return list(claims.values())


def _add_claim(
    claims: dict[str, Claim], name: str, block: Block, match: re.Match[str], *, own: set
) -> None:
    words = name.split()
    while words and words[0] in _CLAIM_LEADING:
        words.pop(0)
    name = " ".join(words)
    if len(words) < 2 and not _ACRONYM_SERVICES.fullmatch(name):
        return
    if core_words(name) and core_words(name) <= own:
        return
    evidence = excerpt(block.text, match.start(1), match.end(1), limit=300)
    claims.setdefault(name.lower(), Claim(name, evidence, block.where))


def _claim_names(text: str) -> list[str]:
    """Split a run of names: "CAMHS, Oak Outreach Team and Elm Speech Service" is three,
    but "Information, Advice and Support Service" and "Speech and Language Service" are one.
    """

    names, current = [], ""
    for part in re.split(r"(, | and )", text):
        if part in (", ", " and "):
            if current.isupper() or re.search(rf"(?:{_SERVICE_NOUNS})$", current):
                names.append(current)
                current = ""
            else:
                current += part
        else:
            current += part

    return [*names, current] if current else names


# A named body after words that claim a working relationship.
PARTNERSHIP = re.compile(
    r"(?i:in partnership with|partnership with|partners with|commissioned from"
    r"|service level agreement with|(?:are|is) members? of|accredited by"
    r"|buy (?:in )?(?:\w+ )?(?:time|support|services?) from)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'&-]*(?:\s+(?:of|for|and|the|&)(?=\s+[A-Z]))?\s*){1,6})"
)


def _claim_matches(text: str) -> Iterator[re.Match[str]]:
    yield from NAMED_SERVICE.finditer(text)
    yield from _ACRONYM_SERVICES.finditer(text)
    yield from PARTNERSHIP.finditer(text)
