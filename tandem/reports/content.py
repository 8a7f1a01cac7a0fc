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
    """One intervention with every input of its yearly cost, each shown as text.

    A year = per_session x sessions + resources; a pupil = a year / group_size.
    """

    name: str
    area: str
    delivered_by: str
    session_cell: str  # "£14.50 an hour × 0.5 hours × 1 adult = £7.25", "£450.00 fee"
    per_session: str  # "£7.25", "£4.46 (445.67p before rounding)"
    sessions_working: str  # "3 a week × 38 weeks"
    sessions: str  # "114"
    resources: str  # "£60.00"
    per_year: str
    group_size: str
    per_pupil: str
    pk: int = 0

    @property
    def sessions_cell(self) -> str:
        return f"{self.sessions_working} = {self.sessions}"


PROVISION_SUM = (
    "How each year is costed: a session's cost × the sessions in a year + one-off "
    "resources = a year. A session costs the hourly cost of the staff (including "
    "on-costs) × the session's length × the adults running it, plus any fee for a "
    "visiting professional. A pupil's share is the year ÷ the pupils in the group. "
    "Amounts are worked out exactly and rounded to the penny once, at the end; a "
    "session that costs part of a penny also shows its cost before rounding."
)


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
    provision_sum: str = PROVISION_SUM
    narrative: tuple[Field, ...] = ()
    questions: tuple[Answered, ...] = ()
    charts: tuple[Chart, ...] = field(default=())
    small_numbers_note: str = ""
