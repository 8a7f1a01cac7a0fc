"""The statutory duties catalogue: a TOML file in the repository, read and checked here.

Pure Python (no Django), so the catalogue can be validated and queried anywhere.
Each duty entry is one duty as the law stood between two dates; an amendment is a
second entry with the same code, so `in_force_on(d)` gives the wording that applied
on `d`.
"""

import datetime as dt
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CATALOGUE_PATH = Path(__file__).parent / "data" / "catalogue.toml"

HOLDERS = {
    "gb": "Governing body",
    "senco": "SENCO",
    "slt": "Senior leadership",
}
BODIES = {
    "appropriate_authority": "Governing body or proprietor",
    "local_authority": "Local authority",
    "headteacher": "Headteacher",
    "school": "The school",
}

_CODE = re.compile(r"D\d{2}")
_QUESTION_CODE = re.compile(r"Q\d+")
_REQUIRED = {
    "code": str,
    "title": str,
    "summary": str,
    "citation": str,
    "url": str,
    "placed_on": list,
    "holders": list,
    "in_force_from": dt.date,
}
_OPTIONAL = {"in_force_to": dt.date, "unconfirmed": bool}


class CatalogueError(ValueError):
    """The catalogue file is malformed; the message names the file, entry and field."""


@dataclass(frozen=True)
class Duty:
    code: str
    title: str
    summary: str
    citation: str
    url: str
    placed_on: tuple[str, ...]
    holders: frozenset[str]
    in_force_from: dt.date
    in_force_to: dt.date | None = None
    unconfirmed: bool = False

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force_from <= day and (
            self.in_force_to is None or day <= self.in_force_to
        )

    @property
    def placed_on_names(self) -> list[str]:
        return [BODIES[body] for body in self.placed_on]


@dataclass(frozen=True)
class Question:
    code: str
    text: str


@dataclass(frozen=True)
class Catalogue:
    duties: tuple[Duty, ...]
    questions: tuple[Question, ...]

    @property
    def codes(self) -> list[str]:
        return sorted({duty.code for duty in self.duties})

    def in_force_on(self, day: dt.date) -> list[Duty]:
        """The duties in force on `day`, one entry per code, in code order."""

        return sorted(
            (duty for duty in self.duties if duty.in_force_on(day)),
            key=lambda duty: duty.code,
        )

    def versions(self, code: str) -> list[Duty]:
        """Every dated entry for `code`, oldest first."""

        return sorted(
            (duty for duty in self.duties if duty.code == code),
            key=lambda duty: duty.in_force_from,
        )


def load(path: Path = CATALOGUE_PATH) -> Catalogue:
    """Read and validate a catalogue file. Raises CatalogueError naming the problem."""

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{path.name}: not valid TOML ({error}).") from error

    duties = tuple(
        _parse_duty(entry, f"{path.name}: duty {index}")
        for index, entry in enumerate(data.get("duty", []), start=1)
    )
    questions = tuple(
        _parse_question(entry, f"{path.name}: question {index}")
        for index, entry in enumerate(data.get("question", []), start=1)
    )
    _check_versions(duties, path.name)
    _check_unique((question.code for question in questions), path.name, "question")

    return Catalogue(duties=duties, questions=questions)


@cache
def default_catalogue() -> Catalogue:
    """The catalogue shipped with Tandem, read once per process."""

    return load()


def _parse_duty(entry: dict, where: str) -> Duty:
    _check_fields(entry, where)
    if not _CODE.fullmatch(entry["code"]):
        raise CatalogueError(f"{where}: code {entry['code']!r} is not like D01.")
    where = f"{where} ({entry['code']})"
    for field, allowed in (("holders", HOLDERS), ("placed_on", BODIES)):
        unknown = sorted(set(entry[field]) - set(allowed))
        if unknown or not entry[field]:
            raise CatalogueError(
                f"{where}: {field} must list some of {', '.join(allowed)}"
                f" (found {', '.join(map(str, unknown)) or 'none'})."
            )
    in_force_to = entry.get("in_force_to")
    if in_force_to is not None and in_force_to < entry["in_force_from"]:
        raise CatalogueError(f"{where}: in_force_to is before in_force_from.")

    return Duty(
        code=entry["code"],
        title=entry["title"],
        summary=entry["summary"],
        citation=entry["citation"],
        url=entry["url"],
        placed_on=tuple(entry["placed_on"]),
        holders=frozenset(entry["holders"]),
        in_force_from=entry["in_force_from"],
        in_force_to=in_force_to,
        unconfirmed=entry.get("unconfirmed", False),
    )


def _check_fields(entry: dict, where: str) -> None:
    for field, kind in _REQUIRED.items():
        if field not in entry:
            raise CatalogueError(f"{where}: {field} is missing.")
        if not _is_kind(entry[field], kind) or entry[field] in ("", []):
            raise CatalogueError(f"{where}: {field} must be a {kind.__name__}.")
    for field, kind in _OPTIONAL.items():
        if field in entry and not _is_kind(entry[field], kind):
            raise CatalogueError(f"{where}: {field} must be a {kind.__name__}.")
    unknown = sorted(set(entry) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise CatalogueError(f"{where}: unknown field {unknown[0]}.")


def _is_kind(value: object, kind: type) -> bool:
    if kind is dt.date:
        # TOML datetimes are dates too in Python; a duty is in force from a day.
        return type(value) is dt.date
    return isinstance(value, kind)


def _parse_question(entry: dict, where: str) -> Question:
    code, text = entry.get("code"), entry.get("text")
    if not isinstance(code, str) or not _QUESTION_CODE.fullmatch(code):
        raise CatalogueError(f"{where}: code must be like Q1.")
    if not isinstance(text, str) or not text.strip():
        raise CatalogueError(f"{where} ({code}): text is missing.")

    return Question(code=code, text=text)


def _check_versions(duties: tuple[Duty, ...], filename: str) -> None:
    """Entries sharing a code must cover separate date ranges, oldest closed first."""

    by_code: dict[str, list[Duty]] = {}
    for duty in duties:
        by_code.setdefault(duty.code, []).append(duty)
    for code, versions in by_code.items():
        versions.sort(key=lambda duty: duty.in_force_from)
        for older, newer in zip(versions, versions[1:], strict=False):
            if older.in_force_to is None or older.in_force_to >= newer.in_force_from:
                raise CatalogueError(
                    f"{filename}: duty {code} has entries in force at the same time"
                    f" (from {older.in_force_from} and from {newer.in_force_from})."
                )


def _check_unique(codes: Iterable[str], filename: str, kind: str) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise CatalogueError(f"{filename}: {kind} {code} appears twice.")
        seen.add(code)
