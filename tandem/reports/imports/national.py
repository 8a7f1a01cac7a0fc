"""National SEN benchmarks, read from tandem/reports/data/national_sen.toml."""

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "national_sen.toml"


@dataclass(frozen=True)
class NationalFigures:
    academic_year: str  # "2024/25"
    census: str
    published: str
    ehc_plan_percent: Decimal
    sen_support_percent: Decimal
    all_sen_percent: Decimal
    ehc_plan_pupils: int | None
    sen_support_pupils: int | None
    confirmed: bool
    sources: tuple[str, ...]


@cache
def load_national_figures(path: Path = DATA_FILE) -> tuple[NationalFigures, ...]:
    """Every year in the file, oldest first."""

    with path.open("rb") as handle:
        years = tomllib.load(handle)["year"]
    figures = [
        NationalFigures(
            academic_year=year["academic_year"],
            census=year["census"],
            published=year["published"],
            ehc_plan_percent=Decimal(year["ehc_plan_percent"]),
            sen_support_percent=Decimal(year["sen_support_percent"]),
            all_sen_percent=Decimal(year["all_sen_percent"]),
            ehc_plan_pupils=year.get("ehc_plan_pupils"),
            sen_support_pupils=year.get("sen_support_pupils"),
            confirmed=year["confirmed"],
            sources=tuple(year["sources"]),
        )
        for year in years
    ]

    return tuple(sorted(figures, key=lambda f: f.academic_year))


def national_figures_for(academic_year: str) -> NationalFigures | None:
    """The latest figures published for `academic_year` or earlier ("2024/25")."""

    earlier = [f for f in load_national_figures() if f.academic_year <= academic_year]

    return earlier[-1] if earlier else None
