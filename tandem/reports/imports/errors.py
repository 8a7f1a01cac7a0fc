"""The one exception a bad SEN file raises, carrying every problem found."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an import file.

    `row` is the row number a person sees in Excel (the heading row included);
    `field` is the column heading as written in the file. `message` describes the
    problem in a whole sentence and never repeats a cell's contents, so it cannot
    carry a pupil's name even when columns are muddled.
    """

    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"column “{self.field}”")

        return f"{', '.join(where)}: {self.message}"


class SenImportError(Exception):
    """A file that cannot be imported. Nothing from it should be saved."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The file could not be imported ({count} {noun}):"]
        lines += [f"  {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))

    @classmethod
    def single(
        cls,
        file: str,
        message: str,
        *,
        row: int | None = None,
        field: str | None = None,
    ) -> "SenImportError":
        return cls([Problem(file=file, row=row, field=field, message=message)])
