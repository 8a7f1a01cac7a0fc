"""From stored reports to `ReportContent`, for one audience.

The SENCO (and head or senior leaders) see every number; everyone else sees a
governor-facing version with small counts suppressed, in the page and in both
exports alike. Comparisons and charts use only the reports this reader may see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import prefetch_related_objects

from tandem.lib.calendar import LONDON, FinancialYearKind, financial_year
from tandem.reports import charts
from tandem.reports.comparison import NO_REPORT, Change, Trend, compare
from tandem.reports.content import (
    Answered,
    ComparisonRow,
    ComparisonTable,
    EhcRow,
    EhcSummary,
    Field,
    InterventionRow,
    NationalRow,
    ReportContent,
    WaveSection,
)
from tandem.reports.costing import Costing, ProvisionTotals
from tandem.reports.imports.codes import NEED_LABELS, YEAR_LABELS
from tandem.reports.imports.national import national_figures_for
from tandem.reports.models import EhcApplication, Intervention, TermlyReport
from tandem.reports.money import format_pence, format_pounds
from tandem.reports.send_numbers import SendView, send_view
from tandem.reports.services import numbers_of, report_settings
from tandem.reports.suppression import Line, Shown, protect, show
from tandem.reports.terms import TermKey
from tandem.reports.timeline import MILESTONES, timeline

CHART_TERMS = 6
ROLE_NAMES = {
    "senco": "SENCO",
    "sen_governor": "SEN governor",
    "governor": "Governor",
    "headteacher": "Headteacher",
    "senior_leader": "Senior leader",
    "clerk": "Clerk",
    "officer": "Trust or LA officer",
}


@dataclass(frozen=True)
class Audience:
    suppress: bool  # governor-facing: small counts hidden
    threshold: int
    drafts: bool  # may see draft reports (SENCO, head, senior leaders)

    @property
    def name(self) -> str:
        return "governors" if self.suppress else "senco"


def date_text(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "not given"
    if isinstance(value, dt.datetime):
        value = value.astimezone(LONDON).date()

    return value.strftime("%d/%m/%Y")


def visible_reports(report: TermlyReport, audience: Audience) -> list[TermlyReport]:
    """This school's reports the reader may see, oldest first, up to this one."""

    reports = TermlyReport.objects.filter(
        school=report.school, period__lte=report.period
    ).select_related("school")
    if not audience.drafts:
        reports = reports.filter(status=TermlyReport.Status.SUBMITTED)

    return sorted(
        reports.prefetch_related("counts", "interventions"), key=lambda r: r.period
    )


def view_of(report: TermlyReport, audience: Audience) -> SendView | None:
    numbers = numbers_of(report)
    if numbers is None:
        return None

    return send_view(numbers, threshold=audience.threshold, suppress=audience.suppress)


def build_content(
    report: TermlyReport, audience: Audience, *, today: dt.date
) -> ReportContent:
    finance = report_settings(report.school).finance_enabled
    # Fetched once here: the numbers, comparisons and charts all read them.
    prefetch_related_objects([report], "counts", "interventions")
    history = visible_reports(report, audience)
    views = {r.pk: view_of(r, audience) for r in history}
    if report.pk not in views:
        views[report.pk] = view_of(report, audience)
    current_view = views[report.pk]
    by_period = {r.period: r for r in history}
    interventions = list(report.interventions.all())
    waves = _waves(interventions)
    totals = ProvisionTotals.of([i.costing for i in interventions])

    return ReportContent(
        school_name=report.school.name,
        title=f"Termly SEND report: {report.key.label}",
        status=_status(report),
        audience=audience.name,
        header=_header(report),
        budget=report.budget if finance else None,
        financial_year=_financial_year(report),
        send=current_view,
        national=_national(report, current_view),
        national_source=_national_source(report),
        comparisons=_comparisons(report, by_period, views, finance),
        ehc=(
            ()
            if audience.suppress
            else tuple(_ehc_row(a, today) for a in report.applications.all())
        ),
        ehc_summary=(
            _ehc_summary(list(report.applications.all()), audience, today)
            if audience.suppress
            else None
        ),
        waves=waves,
        provision_total=format_pounds(totals.annual.pence),
        provision_against_budget=(
            totals.against(report.budget.total)[1]
            if finance and report.budget.total
            else ""
        ),
        narrative=(
            Field(
                "Challenges addressed this term, solutions and milestones",
                report.challenges,
            ),
            Field("Ongoing issues and concerns", report.ongoing_issues),
            Field("Training undertaken or delivered", report.training),
        ),
        questions=tuple(_answered(q) for q in report.questions.all()),
        charts=_charts(report, history, views, finance, totals, waves),
        small_numbers_note=(
            f"To protect pupils' privacy, numbers below {audience.threshold} show as "
            f"“fewer than {audience.threshold}”, and a number marked “not shown” is "
            "hidden so that a smaller one cannot be worked out from the totals."
            if audience.suppress
            else ""
        ),
    )


def _status(report: TermlyReport) -> str:
    if report.is_draft:
        if report.submissions:
            return f"Draft (reopened after version {report.submissions})"
        return "Draft"

    return (
        f"Submitted to governors on {date_text(report.submitted_at)} "
        f"(version {report.submissions})"
    )


def _header(report: TermlyReport) -> tuple[Field, ...]:
    contact = ", ".join(
        part for part in (report.senco_email, report.senco_phone) if part
    )
    best = (
        f" (best time to call: {report.senco_best_time})"
        if report.senco_best_time
        else ""
    )

    return (
        Field("Date of report", date_text(report.report_date)),
        Field("Academic year", report.academic_year),
        Field("Term", report.get_term_display()),
        Field("SENCO", report.senco_name or "not given"),
        Field("Contact", (contact or "not given") + best),
        Field("Allocated non-contact time", report.non_contact_time or "not given"),
        Field("SEN policy date", date_text(report.sen_policy_date)),
        Field(
            "Whole-school provision review (wave 1)",
            date_text(report.provision_review_date),
        ),
        Field("Outcome of the review", report.provision_review_outcome or "not given"),
    )


def _financial_year(report: TermlyReport) -> str:
    key = report.key
    # The financial year of the term itself (a day in December, March or July),
    # whatever day the report happens to be written.
    fallback = dt.date(key.start_year + (key.index > 0), (12, 3, 7)[key.index], 1)
    kind = report.school.financial_year_kind
    year = financial_year(fallback, kind)
    months = (
        "April to March" if kind == FinancialYearKind.APRIL else "September to August"
    )

    return f"{year.label} ({months})"


def _national(report: TermlyReport, view: SendView | None) -> tuple[NationalRow, ...]:
    figures = national_figures_for(report.academic_year)
    if figures is None or view is None:
        return ()

    return (
        NationalRow(
            "SEN support",
            view.headline("SEN support").percent,
            f"{figures.sen_support_percent}%",
        ),
        NationalRow(
            "EHC plans",
            view.headline("EHC plans").percent,
            f"{figures.ehc_plan_percent}%",
        ),
        NationalRow(
            "All SEN", view.headline("All SEN").percent, f"{figures.all_sen_percent}%"
        ),
    )


def _national_source(report: TermlyReport) -> str:
    figures = national_figures_for(report.academic_year)
    if figures is None:
        return ""
    caveat = "" if figures.confirmed else " (provisional: not yet checked against DfE)"

    return (
        f"England, {figures.census} census, DfE “Special educational needs in "
        f"England”{caveat}."
    )


def _count(view: SendView | None, label: str) -> Shown | None:
    if view is None:
        return None

    return view.headline(label).count


def _comparisons(report, by_period, views, finance) -> tuple[ComparisonTable, ...]:  # noqa: ANN001
    tables = []
    for caption, earlier_period in (
        ("Term on term", report.period - 1),
        ("Year on year", report.period - 3),
    ):
        earlier = by_period.get(earlier_period)
        label = _period_label(earlier_period) if earlier else NO_REPORT
        rows = _metric_rows(report, earlier, views, finance)
        tables.append(
            ComparisonTable(
                f"{caption}: compared with {_period_label(earlier_period)}", label, rows
            )
        )

    return tuple(tables)


def _period_label(period: int) -> str:
    return TermKey(period // 3, period % 3).label


YEAR_CHANGED = "not comparable: that term was in financial year {}"


def _metric_rows(report, earlier, views, finance) -> tuple[ComparisonRow, ...]:  # noqa: ANN001
    rows = []
    missing = NO_REPORT
    current_view = views.get(report.pk)
    earlier_view = views.get(earlier.pk) if earlier else None

    rows.append(
        _row(
            "Pupils on roll",
            report.pupils_on_roll,
            earlier.pupils_on_roll if earlier else None,
            missing,
        )
    )
    for label in ("SEN support", "EHC plans", "All SEN"):
        now, then = _count(current_view, label), _count(earlier_view, label)
        hidden = any(s is not None and not s.visible for s in (now, then))
        change = compare(
            now.value if now else None,
            then.value if then else None,
            hidden=hidden,
            missing_text=missing if earlier is None else "n/a",
        )
        rows.append(
            ComparisonRow(
                label,
                now.text if now else "n/a",
                then.text if then else "n/a",
                change.text,
                change.trend,
            )
        )
    if finance:
        other_year = earlier is not None and (
            _financial_year(earlier) != _financial_year(report)
        )
        for label, attr in (
            ("SEN budget", "total"),
            ("Spent to date", "expenditure"),
            ("Remaining", "remaining"),
        ):
            now_p = getattr(report.budget, attr)
            then_p = getattr(earlier.budget, attr) if earlier else None
            change = compare(now_p, then_p, money=True, missing_text=missing)
            if other_year and attr != "total":
                # Spending to date starts again each financial year: no like for like.
                change = Change(
                    Trend.MISSING,
                    YEAR_CHANGED.format(_financial_year(earlier)),
                    None,
                    None,
                )
            rows.append(
                ComparisonRow(
                    label,
                    format_pounds(now_p),
                    format_pounds(then_p) if then_p is not None else "n/a",
                    change.text,
                    change.trend,
                )
            )
    for wave in (2, 3):
        now_p = _wave_total(report, wave)
        then_p = _wave_total(earlier, wave) if earlier else None
        change = compare(now_p, then_p, money=True, missing_text=missing)
        rows.append(
            ComparisonRow(
                f"Wave {wave} provision (a year)",
                format_pounds(now_p),
                format_pounds(then_p) if then_p is not None else "n/a",
                change.text,
                change.trend,
            )
        )

    return tuple(rows)


def _row(label: str, now: int | None, then: int | None, missing: str) -> ComparisonRow:
    change = compare(now, then, missing_text=missing)

    return ComparisonRow(
        label,
        f"{now:,}" if now is not None else "n/a",
        f"{then:,}" if then is not None else "n/a",
        change.text,
        change.trend,
    )


def _wave_total(report: TermlyReport, wave: int) -> int:
    costings = [i.costing for i in report.interventions.all() if i.wave == wave]

    return ProvisionTotals.of(costings).annual.pence


def _ehc_summary(
    applications: Sequence[EhcApplication], audience: Audience, today: dt.date
) -> EhcSummary:
    """Counts of applications in progress by stage: each application is one pupil,
    so governors never see them one by one."""

    open_ones = [a for a in applications if a.is_open]
    stages = [s for s in EhcApplication.Stage if s not in EhcApplication.CLOSED]
    values: dict[str, int] = {
        stage.value: sum(1 for a in open_ones if a.stage == stage) for stage in stages
    }
    values["all"] = len(open_ones)
    shown = protect(
        values,
        [Line(parts=tuple(s.value for s in stages), total="all")],
        audience.threshold,
        suppress=audience.suppress,
    )
    overdue = sum(
        1
        for a in open_ones
        if a.kind == EhcApplication.Kind.EHC_ASSESSMENT
        and timeline(a.requested_on, today).overdue
    )

    return EhcSummary(
        stages=tuple((s.label, shown[s.value]) for s in stages),
        in_progress=shown["all"],
        past_deadline=show(overdue, audience.threshold, suppress=audience.suppress),
        timeline=tuple(
            f"Within {m.weeks} weeks of the request: {m.label[0].lower()}{m.label[1:]} "
            f"({m.citation})."
            for m in MILESTONES
        ),
    )


def _ehc_row(application: EhcApplication, today: dt.date) -> EhcRow:
    final_due = "n/a"
    status = application.get_stage_display()
    milestones: tuple[str, ...] = ()
    if application.kind == EhcApplication.Kind.EHC_ASSESSMENT:
        steps = timeline(application.requested_on, today)
        final_due = date_text(steps.final_due)
        milestones = tuple(
            f"Week {step.milestone.weeks}, {step.milestone.label.lower()}: "
            f"{'was due' if step.passed else 'due'} {date_text(step.due)} "
            f"({step.milestone.citation})"
            for step in steps.steps
        )
        if not application.is_open:
            status = f"Closed: {application.get_stage_display()}"
        elif steps.overdue:
            status = f"Final plan overdue by {-steps.days_left} days"
        else:
            status = f"Week {steps.weeks_elapsed} of 20"

    return EhcRow(
        reference=application.reference,
        kind=application.get_kind_display(),
        year_group=YEAR_LABELS.get(application.year_group, "not given"),
        need=NEED_LABELS.get(application.need, "not given"),
        stage=application.get_stage_display(),
        requested=date_text(application.requested_on),
        final_due=final_due,
        status=status,
        pk=application.pk,
        milestones=milestones if application.is_open else (),
    )


def _waves(interventions: Sequence[Intervention]) -> tuple[WaveSection, ...]:
    sections = []
    for wave, title in Intervention.Wave.choices:
        rows = [i for i in interventions if i.wave == wave]
        totals = ProvisionTotals.of([i.costing for i in rows])
        sections.append(
            WaveSection(
                title=title,
                rows=tuple(_intervention_row(i) for i in rows),
                total=format_pounds(totals.annual.pence),
                places=totals.pupil_places,
            )
        )

    return tuple(sections)


def _intervention_row(intervention: Intervention) -> InterventionRow:
    costing = intervention.costing

    return InterventionRow(
        name=intervention.name,
        area=intervention.get_area_display(),
        delivered_by=intervention.delivered_by,
        session_cell=session_cell(costing),
        per_session=session_cost(costing),
        sessions_working=(
            f"{costing.sessions_per_week} a week × {costing.weeks} "
            f"week{pluralize(costing.weeks)}"
        ),
        sessions=f"{costing.sessions:,}",
        resources=format_pounds(costing.resources),
        per_year=format_pounds(costing.annual.pence),
        group_size=str(costing.group_size),
        per_pupil=format_pounds(costing.per_pupil_annual.pence),
        pk=intervention.pk,
    )


def session_cell(costing: Costing) -> str:
    """How a session's cost is made, and what it comes to: staff time, a visiting
    professional's fee, or both ("£14.50 an hour × 0.5 hours × 1 adult = £7.25")."""

    cost = session_cost(costing)
    if not costing.hourly_rate:
        return f"{cost} fee" if costing.external_per_session else cost
    staff = (
        f"{format_pounds(costing.hourly_rate)} an hour × "
        f"{_length(costing.session_minutes)} × {costing.adults} "
        f"adult{pluralize(costing.adults)}"
    )
    if costing.external_per_session:
        staff += f" + {format_pounds(costing.external_per_session)} fee"

    return f"{staff} = {cost}"


def session_cost(costing: Costing) -> str:
    """A session's cost: "£7.25", or "£4.46 (445.67p before rounding)" when it is
    not whole pence, so the session times the sessions a year still makes the
    year's total (domain.md section 8)."""

    session = costing.session
    if session.decimal == session.pence:
        return format_pounds(session.pence)

    return f"{format_pounds(session.pence)} ({format_pence(session.decimal)} before rounding)"


def _length(minutes: int) -> str:
    """A session's length in hours when that is a short decimal, else in minutes."""

    if minutes % 3:
        return f"{minutes} minutes"
    hours = Decimal(minutes) / 60

    return f"{hours.normalize():f} hour{pluralize(hours)}"


def pluralize(count: int | Decimal) -> str:
    return "" if count == 1 else "s"


def _answered(question) -> Answered:  # noqa: ANN001
    role = ROLE_NAMES.get(question.asked_role, question.asked_role)

    return Answered(
        question=question.question,
        asked=f"{role}, {date_text(question.asked_at)}",
        answer=question.answer,
        answered=date_text(question.answered_at) if question.answered_at else "",
    )


def _charts(report, history, views, finance, totals, waves) -> tuple[charts.Chart, ...]:  # noqa: ANN001
    recent = history[-CHART_TERMS:]
    points = [
        charts.TermPoint(
            r.key.label,
            _count(views.get(r.pk), "SEN support"),
            _count(views.get(r.pk), "EHC plans"),
        )
        for r in recent
    ]
    drawn = [charts.sen_over_time(points)]
    view = views.get(report.pk)
    if view is not None and view.needs:
        bars = [
            charts.NeedBar(
                row.code if row.code != "not recorded" else "Not recorded",
                row.sen_support,
                row.ehc_plans,
            )
            for row in view.needs
        ]
        drawn.append(charts.need_mix(bars))
    if finance:
        provision = [
            (w.title.split(" (")[0], _wave_total(report, wave))
            for wave, w in zip((2, 3), waves, strict=True)
        ]
        drawn.append(
            charts.spend_against_budget(
                report.budget.total, report.budget.expenditure, provision
            )
        )

    return tuple(drawn)
