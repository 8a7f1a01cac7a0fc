"""What a termly report says, ready to render as a page, a PDF or a .docx.

`build_content` (in `presenting.py`) fills these from the database for one
audience; the renderers only lay them out, so the SENCO's page, the governors'
page and both exports can never disagree about a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tandem.reports.charts import Chart
from tandem.reports.finance import Budget
from tandem.reports.send_numbers import SendView
from tandem.reports.suppression import Shown


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    current: str
    earlier: str
    change: str
    trend: str  # a comparison.Trend value, for an arrow or a word, never colour alone


@dataclass(frozen=True)
class ComparisonTable:
    caption: str
    earlier_label: str  # "Summer 2025/26" or "no report for that term"
    rows: tuple[ComparisonRow, ...]


@dataclass(frozen=True)
class NationalRow:
    label: str
    school: str
    national: str


@dataclass(frozen=True)
class EhcRow:
    reference: str
    kind: str
    year_group: str
    need: str
    stage: str
    requested: str
    final_due: str
    status: str  # "week 7 of 20", "final plan overdue by 3 days", "complete"
    pk: int = 0
    milestones: tuple[str, ...] = ()  # "Decision whether to assess: due 17/11/2025"


@dataclass(frozen=True)
class EhcSummary:
    """Governors' view of applications: counts in progress by stage, never a row
    per pupil, suppressed like every other count."""

    stages: tuple[tuple[str, Shown], ...]  # ("Request made", fewer than 5)
    in_progress: Shown
    past_deadline: Shown  # EHC needs assessments past the 20-week timescale
    timeline: tuple[str, ...]  # the statutory steps, in general terms


@dataclass(frozen=True)
class InterventionRow:
    name: str
    area: str
    delivered_by: str
    hourly_rate: str
    group_size: str
    minutes: str
    per_week: str
    weeks: str
    per_session: str
    per_pupil: str
    per_year: str
    pk: int = 0


@dataclass(frozen=True)
class WaveSection:
    title: str
    rows: tuple[InterventionRow, ...]
    total: str
    places: int


@dataclass(frozen=True)
class Answered:
    question: str
    asked: str  # "SEN governor, 03/02/2026"
    answer: str
    answered: str


@dataclass(frozen=True)
class ReportContent:
    school_name: str
    title: str  # "Termly SEND report: Autumn 2026/27"
    status: str  # "Draft" or "Submitted to governors on 03/12/2026 (version 2)"
    audience: str  # "senco" or "governors"
    header: tuple[Field, ...]
    budget: Budget | None  # None when the school has finance turned off
    financial_year: str
    send: SendView | None
    national: tuple[NationalRow, ...] = ()
    national_source: str = ""
    comparisons: tuple[ComparisonTable, ...] = ()
    ehc: tuple[EhcRow, ...] = ()  # the SENCO's and leaders' view only
    ehc_summary: EhcSummary | None = None  # governor-facing views instead of rows
    waves: tuple[WaveSection, ...] = ()
    provision_total: str = ""
    provision_against_budget: str = ""
    narrative: tuple[Field, ...] = ()
    questions: tuple[Answered, ...] = ()
    charts: tuple[Chart, ...] = field(default=())
    small_numbers_note: str = ""
