"""parse_sen_file: a school's SEN export in, aggregate counts out.

Three shapes are read: pupil-level exports (one row per pupil), aggregated tables
(provision, optional year and need, and a count, including the DfE long
school-level file), and the DfE wide school-level file. Pupil rows are counted
as they stream past and dropped; only `Tally` cells survive the function.
"""

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator

from . import codes
from .codes import (
    ALL_PUPILS,
    ALL_SEN,
    EHC_PLAN,
    NOT_RECORDED,
    SEN_SUPPORT,
    STATEMENT,
    TOTAL,
)
from .errors import Problem, SenImportError
from .headings import (
    COUNT,
    NEED,
    PROVISION,
    ROLE_EXAMPLES,
    ROLE_LABELS,
    URN,
    YEAR,
    find_roles,
    looks_like_data,
    mapped_roles,
    mapping_looks_like_data,
    repeated_columns,
    wide_columns,
)
from .reading import Row, read_rows
from .result import ImportResult, Tally

HEADER_SEARCH_ROWS = 30
PROGRESS_EVERY = 1000
PUPIL_LEVEL, AGGREGATED, DFE_WIDE = "pupil-level", "aggregated", "dfe-wide"

_NOT_APPLICABLE = ("x",)
_NOT_AVAILABLE = ("z", "c", ":", "..", "low", "u")
_WHOLE = re.compile(r"^\d+(\.0+)?$")
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$")

_STATEMENT = "the retired status “Statement” was counted as an EHC plan."
_NURSERY = "“Nursery” without N1 or N2 was counted as N2."
_UNAVAILABLE = "the number of pupils is marked as not available and was left out."
# (heading row, {role: column index}, DfE wide-file columns or None)
Header = tuple[Row, dict[str, int], dict[str, int] | None]

_SKIPPED = "left out, as there is no year group, provision or need."


def parse_sen_file(
    data: bytes,
    filename: str,
    *,
    mapping: dict[str, str] | None = None,
    urn: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Read a CSV or .xlsx SEN export and return counts only.

    `mapping` is the user's own choice of columns, {role: heading}, with roles from
    `headings.ROLE_LABELS`; it overrides recognition for those roles. `urn` picks
    one school from a DfE file that holds many. `progress`, if given, is called
    with the number of rows read every PROGRESS_EVERY rows. Raises SenImportError
    carrying every problem found; nothing identifying a pupil appears in it.
    """

    unknown = sorted((mapping or {}).keys() - ROLE_LABELS.keys())
    if unknown:
        raise ValueError(f"Unknown column roles in mapping: {unknown}")
    if mapping and mapping_looks_like_data(mapping):
        mapping = None  # a pupil's cells saved as headings: recognise columns instead

    reader = _Reader(filename, mapping or {}, urn, progress)

    return reader.parse(read_rows(data, filename))


def parse_count(text: str) -> tuple[int | None, str | None]:
    """(count, None), or (None, message) for a cell that is not a count.

    DfE's "x" (not applicable) reads as nothing at all; "z", "c" and the like
    (not available) return the _UNAVAILABLE note so the caller can warn.
    """

    key = text.strip().casefold()
    if key in _NOT_APPLICABLE:
        return None, None
    if key in _NOT_AVAILABLE:
        return None, _UNAVAILABLE
    if not key:
        return None, "The number of pupils is missing."
    if _THOUSANDS.match(key):
        key = key.replace(",", "")
    if key.startswith("-") and _WHOLE.match(key[1:]):
        return None, "The number of pupils cannot be negative."
    if not _WHOLE.match(key):
        return None, "The number of pupils must be a whole number, such as 12."

    return int(key.split(".")[0]), None


def column_letter(index: int) -> str:
    """Excel's letter for a 0-based column: 0 is A, 26 is AA."""

    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters

    return letters


def no_heading_row(filename: str, row: int) -> SenImportError:
    """A file whose first row of cells is a pupil's: it has no headings at all.

    The message never repeats a cell, as the row may hold a pupil's name."""

    return SenImportError.single(
        filename,
        "No heading row was found: the first row looks like pupil data (it holds a "
        "year group, SEN provision, need, number or date), so the file seems to "
        "have no column headings. Export it again with headings, or add a row of "
        "headings at the top, and upload it again.",
        row=row,
    )


def rows_phrase(numbers: list[int], *, limit: int = 8) -> str:
    """ "Row 4", "Rows 4, 7 and 9" or "Rows 4, 7, 9 … and 12 more"."""

    if len(numbers) == 1:
        return f"Row {numbers[0]}"
    shown = ", ".join(str(n) for n in numbers[:limit])
    if len(numbers) > limit:
        return f"Rows {shown} and {len(numbers) - limit} more"
    head, last = shown.rsplit(", ", 1)

    return f"Rows {head} and {last}"


class _Reader:
    """One pass over one file; collects problems instead of stopping at the first."""

    def __init__(
        self,
        filename: str,
        mapping: dict[str, str],
        urn: str | None,
        progress: Callable[[int], None] | None,
    ) -> None:
        self.filename = filename
        self.progress = progress
        self.mapping = mapping
        self.urn = urn.strip() if urn else None
        self.problems: list[Problem] = []
        self.notes: dict[str, list[int]] = defaultdict(list)
        self.tally = Tally()
        self.rows_read = 0
        self.urns_seen: set[str] = set()

    def parse(self, rows: Iterator[Row]) -> ImportResult:
        (header, columns, wide), rows = self._find_header(rows)
        self.header = header
        self._refuse_repeated(columns)
        if wide is not None:
            shape = DFE_WIDE
            self._read_wide(rows, wide)
        elif COUNT in columns:
            shape = AGGREGATED
            self._require(columns, (PROVISION, COUNT))
            self._read_aggregated(rows, columns)
        else:
            shape = PUPIL_LEVEL
            self._require(columns, (PROVISION, YEAR))
            self._read_pupils(rows, columns)
        self._finish(has_urn=URN in columns or "urn" in (wide or {}))
        if shape == PUPIL_LEVEL and NEED not in columns:
            self.tally.warnings.append(
                "The file has no primary need column, so needs were not counted."
            )

        return self.tally.result(source_format=shape, rows_read=self.rows_read)

    def _finish(self, *, has_urn: bool) -> None:
        if self.problems:
            raise SenImportError(self.problems)
        if has_urn and self.urn and not self.urns_seen:
            raise SenImportError.single(
                self.filename,
                f"The file has no rows for the school with URN {self.urn}.",
            )
        if len(self.urns_seen) > 1:
            raise SenImportError.single(
                self.filename,
                f"The file holds figures for {len(self.urns_seen)} schools; choose "
                "the school by its URN.",
            )
        if self.rows_read == 0:
            raise SenImportError.single(
                self.filename, "The file has headings but no rows of figures."
            )
        self.tally.warnings = [
            f"{rows_phrase(numbers)}: {note}" for note, numbers in self.notes.items()
        ] + self.tally.warnings

    # Finding the heading row

    def _find_header(self, rows: Iterator[Row]) -> tuple[Header, Iterator[Row]]:
        """The heading row and the rows after it.

        The user's saved column choices are tried first; if no early row has
        those headings, recognition by the usual wordings gets its turn, so a
        mapping made for one system's export does not block another file.
        """

        early: list[Row] = []
        for row in rows:
            if row.is_blank:
                continue
            early.append(row)
            header = self._header_in(row, use_mapping=bool(self.mapping))
            if header is not None:
                return header, rows
            if len(early) >= HEADER_SEARCH_ROWS:
                break
        if not early:
            raise SenImportError.single(self.filename, "The file is empty.")
        first = next((r for r in early if sum(1 for c in r.cells if c) >= 2), None)
        if self.mapping:
            for index, row in enumerate(early):
                header = self._header_in(row, use_mapping=False)
                if header is not None:
                    self.tally.warnings.append(
                        "The saved column choices do not match this file's headings, "
                        "so its columns were recognised from their wording."
                    )
                    return header, itertools.chain(early[index + 1 :], rows)

        if first is not None and looks_like_data(first.cells):
            raise no_heading_row(self.filename, first.number)
        raise self._no_header()

    def _header_in(self, row: Row, *, use_mapping: bool) -> Header | None:
        columns = find_roles(row.cells)
        if use_mapping:
            # A row of data values is a pupil's row, whatever a mapping says.
            chosen = mapped_roles(row.cells, self.mapping)
            if len(chosen) == len(self.mapping) and not looks_like_data(row.cells):
                return row, columns | chosen, None
            return None
        if PROVISION in columns:
            return row, columns, None
        wide = wide_columns(row.cells)

        return (row, {}, wide) if wide is not None else None

    def _no_header(self) -> SenImportError:
        if self.mapping:
            return SenImportError(
                [
                    Problem(
                        self.filename,
                        None,
                        heading,
                        f"The column chosen for {ROLE_LABELS[role]} was not found in "
                        f"the first {HEADER_SEARCH_ROWS} rows.",
                    )
                    for role, heading in self.mapping.items()
                ]
            )

        return SenImportError.single(
            self.filename,
            f"No heading row was found in the first {HEADER_SEARCH_ROWS} rows: the "
            "file needs a column for SEN provision (for example “SEN Status” or "
            "“SEN Provision”), or choose the columns yourself.",
        )

    def _refuse_repeated(self, columns: dict[str, int]) -> None:
        repeated = repeated_columns(self.header.cells, columns)
        for role, indexes in repeated.items():
            places = [f"column {column_letter(i)}" for i in indexes]
            self.problems.append(
                Problem(
                    self.filename,
                    self.header.number,
                    self.header.cells[indexes[0]],
                    f"The {ROLE_LABELS[role]} is in more than one column "
                    f"({', '.join(places[:-1])} and {places[-1]}, both with this "
                    "heading); remove or rename all but one and upload it again.",
                )
            )
        if self.problems:
            raise SenImportError(self.problems)

    def _require(self, columns: dict[str, int], roles: tuple[str, ...]) -> None:
        for role in roles:
            if role in columns:
                continue
            self.problems.append(
                Problem(
                    self.filename,
                    self.header.number,
                    None,
                    f"The file has no {ROLE_LABELS[role]} column (for example "
                    f"{ROLE_EXAMPLES[role]}).",
                )
            )
        if self.problems:
            raise SenImportError(self.problems)

    # The three shapes

    def _read_pupils(self, rows: Iterator[Row], columns: dict[str, int]) -> None:
        for row in rows:
            cells = _Cells(row, self.header, columns)
            if row.is_blank or not self._wanted(cells):
                continue
            if not any(cells.get(role) for role in (YEAR, PROVISION, NEED)):
                self.notes[_SKIPPED].append(row.number)
                continue
            self._count_row()
            provision = self._provision(cells, pupil_level=True)
            year = self._year(cells, pupil_level=True)
            need: str | None = NOT_RECORDED
            if NEED in columns and provision in (SEN_SUPPORT, EHC_PLAN):
                need = self._need(cells, pupil_level=True)
            if provision and year and need is not None:
                self.tally.add(year, need, provision)

    def _read_aggregated(self, rows: Iterator[Row], columns: dict[str, int]) -> None:
        for row in rows:
            cells = _Cells(row, self.header, columns)
            if row.is_blank or not self._wanted(cells):
                continue
            self._count_row()
            provision = self._provision(cells, pupil_level=False)
            year = self._year(cells, pupil_level=False) if YEAR in columns else TOTAL
            need = self._need(cells, pupil_level=False) if NEED in columns else TOTAL
            count = self._count(cells)
            if not provision or not year or need is None or count is None:
                continue
            if provision == ALL_SEN or (provision == ALL_PUPILS and need != TOTAL):
                continue  # subtotals the importer works out for itself
            self.tally.add(year, need, provision, count)

    def _read_wide(self, rows: Iterator[Row], wide: dict[str, int]) -> None:
        for row in rows:
            if row.is_blank:
                continue
            if "urn" in wide:
                school = _cell(row, wide["urn"])
                if self.urn and school != self.urn:
                    continue
                self.urns_seen.add(school)
            self._count_row()
            for label, index in wide.items():
                if label != "urn":
                    self._read_wide_cell(row, label, index)

    def _read_wide_cell(self, row: Row, label: str, index: int) -> None:
        text = _cell(row, index)
        if not text and ":" in label:
            return  # an empty need column in the wide file means none
        count, message = parse_count(text)
        if message == _UNAVAILABLE:
            self.notes[_UNAVAILABLE].append(row.number)
        elif message:
            heading = _cell(self.header, index)
            self.problems.append(Problem(self.filename, row.number, heading, message))
        if count is None:
            return
        if label == "total":
            self.tally.add(TOTAL, TOTAL, ALL_PUPILS, count)
        elif ":" in label:
            provision, need = label.split(":")
            self.tally.add(TOTAL, need, provision, count)
        else:
            self.tally.add(TOTAL, TOTAL, label, count)

    def _count_row(self) -> None:
        self.rows_read += 1
        if self.progress and self.rows_read % PROGRESS_EVERY == 0:
            self.progress(self.rows_read)

    # Cells

    def _problem(self, cells: "_Cells", role: str, message: str) -> None:
        self.problems.append(
            Problem(self.filename, cells.row.number, cells.heading(role), message)
        )

    def _wanted(self, cells: "_Cells") -> bool:
        if URN not in cells.columns:
            return True
        school = cells.get(URN)
        if self.urn and school != self.urn:
            return False
        self.urns_seen.add(school)

        return True

    def _provision(self, cells: "_Cells", *, pupil_level: bool) -> str | None:
        text = cells.get(PROVISION)
        code = codes.provision_code(text) if text or pupil_level else None
        if pupil_level and code in (ALL_PUPILS, ALL_SEN):
            self._problem(
                cells,
                PROVISION,
                "This row looks like a total; a pupil-level file has one row per "
                "pupil.",
            )
            return None
        if code is None:
            self._problem(cells, PROVISION, _provision_message(text))
            return None
        if code == STATEMENT:
            self.notes[_STATEMENT].append(cells.row.number)
            return EHC_PLAN

        return code

    def _year(self, cells: "_Cells", *, pupil_level: bool) -> str | None:
        text = cells.get(YEAR)
        if not text and not pupil_level:
            return TOTAL
        if not text:
            self._problem(cells, YEAR, "The year group is missing.")
            return None
        year = codes.year_group(text)
        if year is None or (pupil_level and year == TOTAL):
            self._problem(
                cells,
                YEAR,
                "The year group is not recognised; use N1, N2, R or Y1 to Y14.",
            )
            return None
        if codes.is_bare_nursery(text):
            self.notes[_NURSERY].append(cells.row.number)

        return year

    def _need(self, cells: "_Cells", *, pupil_level: bool) -> str | None:
        text = cells.get(NEED)
        if not text and not pupil_level:
            return TOTAL
        need = codes.need_code(text)
        if need is None or (pupil_level and need == TOTAL):
            message = (
                "The primary need is not recognised; use a census code such as ASD, "
                "SEMH, SLCN or SPLD."
            )
            suggestion = codes.suggest_need(text)
            if suggestion:
                message += f" Did you mean “{suggestion}”?"
            self._problem(cells, NEED, message)
            return None

        return need

    def _count(self, cells: "_Cells") -> int | None:
        count, message = parse_count(cells.get(COUNT))
        if message == _UNAVAILABLE:
            self.notes[_UNAVAILABLE].append(cells.row.number)
        elif message:
            self._problem(cells, COUNT, message)

        return count


def _provision_message(text: str) -> str:
    if not text:
        return "The SEN provision is missing."
    message = (
        "The SEN provision is not recognised; use EHC plan, SEN support or No SEN "
        "(E, K or N)."
    )
    suggestion = codes.suggest_provision(text)
    if suggestion:
        message += f" Did you mean “{suggestion}”?"

    return message


def _cell(row: Row, index: int) -> str:
    return row.cells[index] if index < len(row.cells) else ""


class _Cells:
    """The cells of one data row, looked up by role."""

    def __init__(self, row: Row, header: Row, columns: dict[str, int]) -> None:
        self.row = row
        self.header = header
        self.columns = columns

    def get(self, role: str) -> str:
        return _cell(self.row, self.columns[role]) if role in self.columns else ""

    def heading(self, role: str) -> str:
        return _cell(self.header, self.columns[role])
