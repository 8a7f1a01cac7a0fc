"""What the column-mapping form needs: a file's headings and the roles we spotted."""

from dataclasses import dataclass

from .errors import SenImportError
from .headings import PROVISION, ROLE_LABELS, find_roles, looks_like_data, wide_columns
from .parse import HEADER_SEARCH_ROWS, no_heading_row
from .reading import read_rows


@dataclass(frozen=True)
class HeadingPreview:
    """The heading row (as Excel numbers it), its headings, and {role: heading}
    for every role recognised. `is_dfe_wide` needs no mapping at all."""

    row: int
    headings: tuple[str, ...]
    recognised: dict[str, str]
    is_dfe_wide: bool = False

    @property
    def missing(self) -> list[str]:
        """Roles a pupil-level file needs that were not recognised."""

        if self.is_dfe_wide:
            return []

        return [role for role in ("year", "provision") if role not in self.recognised]


def preview_headings(data: bytes, filename: str) -> HeadingPreview:
    """The likely heading row: the first with a provision column, else the first
    with two or more filled cells (a title row above has one), as long as it looks
    like headings. A row holding a data value (a year group, provision, need,
    number or date) is a pupil's row, never offered as headings: the file then
    has no heading row and the error says so without repeating any cell."""

    first = None
    seen = 0
    for row in read_rows(data, filename):
        if row.is_blank:
            continue
        roles = find_roles(row.cells)
        if PROVISION in roles or wide_columns(row.cells) is not None:
            recognised = {role: row.cells[i] for role, i in roles.items()}
            wide = PROVISION not in roles
            return HeadingPreview(row.number, row.cells, recognised, is_dfe_wide=wide)
        if first is None and sum(1 for cell in row.cells if cell) >= 2:
            first = row
        seen += 1
        if seen >= HEADER_SEARCH_ROWS:
            break
    if first is None:
        raise SenImportError.single(
            filename, "No row of column headings was found at the top of the file."
        )
    if looks_like_data(first.cells):
        raise no_heading_row(filename, first.number)
    roles = find_roles(first.cells)

    return HeadingPreview(
        first.number, first.cells, {role: first.cells[i] for role, i in roles.items()}
    )


__all__ = ["ROLE_LABELS", "HeadingPreview", "preview_headings"]
