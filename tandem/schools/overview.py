"""The "Your schools" overview: one row per school, columns from every app's `overview.py`.

An app's module offers `columns(ctx) -> list[Column]`. A provider reads every school at
once, so the page runs the same number of queries for 2 schools as for 200, and fills a
cell only where the reader's role at that school may read what the cell shows; any other
school's cell reads "Not shown for your role". A provider whose capability the reader
has at none of their schools offers no column at all.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from tandem.schools.permissions import Capability, SchoolAccess
from tandem.schools.plugins import app_modules

NOT_FOR_ROLE = "Not shown for your role"


@dataclass(frozen=True)
class Cell:
    """What one school shows in one column. `tag` is a word in a box, never colour alone;
    `tag_level` is ok, due, overdue or info."""

    text: str
    url: str = ""
    notes: tuple[str, ...] = ()
    tag: str = ""
    tag_level: str = ""


@dataclass(frozen=True)
class Column:
    heading: str
    cells: Mapping[int, Cell]  # by school pk
    order: int = 50
    numeric: bool = False
    notes: tuple[str, ...] = ()  # shown below the table, e.g. why numbers are hidden

    def cell_for(self, access: SchoolAccess) -> Cell:
        return self.cells.get(access.school.pk) or Cell(NOT_FOR_ROLE)


@dataclass(frozen=True)
class OverviewContext:
    accesses: tuple[SchoolAccess, ...]
    today: dt.date

    def readers(self, capability: Capability) -> list[SchoolAccess]:
        """The schools at which the reader's role may read this."""

        return [access for access in self.accesses if access.can(capability)]


@dataclass(frozen=True)
class Row:
    access: SchoolAccess
    cells: tuple[tuple[Column, Cell], ...] = field(default=())
    locked: bool = False  # the second sign-in step comes first


@dataclass(frozen=True)
class Overview:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def notes(self) -> list[str]:
        return [note for column in self.columns for note in column.notes]


def columns(ctx: OverviewContext) -> list[Column]:
    found: list[Column] = []
    for module in app_modules("overview"):
        found.extend(module.columns(ctx))

    return sorted(found, key=lambda column: column.order)


def overview(
    accesses: list[SchoolAccess], *, locked: set[int], today: dt.date
) -> Overview:
    """Schools by name. A school in `locked` (pks) needs the second sign-in step before
    anything of it is shown, so no app is asked about it."""

    ordered = sorted(accesses, key=lambda access: access.school.name)
    open_ones = tuple(a for a in ordered if a.school.pk not in locked)
    found = tuple(columns(OverviewContext(open_ones, today))) if open_ones else ()
    rows = tuple(
        Row(access, locked=True)
        if access.school.pk in locked
        else Row(access, tuple((column, column.cell_for(access)) for column in found))
        for access in ordered
    )

    return Overview(found, rows)
