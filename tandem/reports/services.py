"""Every change to a termly report, each atomic and written to the audit trail."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from tandem.audit.services import changed_fields, record
from tandem.lib.concurrency import StaleEdit, save_versioned
from tandem.reports.imports import ImportResult
from tandem.reports.imports.headings import mapping_looks_like_data
from tandem.reports.models import (
    ColumnMapping,
    EhcApplication,
    GovernorQuestion,
    Intervention,
    ReportSettings,
    ReportSubmission,
    SendCount,
    TermlyReport,
)
from tandem.reports.send_numbers import SendNumbers, numbers_problems
from tandem.reports.terms import TermKey
from tandem.schools.models import School

logger = logging.getLogger(__name__)

_COPIED_FIELDS = [
    *TermlyReport.HEADER_FIELDS,
    *TermlyReport.FINANCE_FIELDS,
    *TermlyReport.NARRATIVE_FIELDS,
    "pupils_on_roll",
]
_INTERVENTION_FIELDS = [
    "wave",
    "name",
    "area",
    "delivered_by",
    "hourly_rate",
    "adults",
    "session_minutes",
    "sessions_per_week",
    "weeks",
    "group_size",
    "external_per_session",
    "resources",
]
_APPLICATION_FIELDS = [
    "reference",
    "kind",
    "year_group",
    "need",
    "stage",
    "requested_on",
    "stage_on",
]


def report_settings(school: School) -> ReportSettings:
    settings, _ = ReportSettings.objects.get_or_create(school=school)

    return settings


@transaction.atomic
def set_finance_enabled(school: School, enabled: bool, *, by) -> ReportSettings:  # noqa: ANN001
    settings = report_settings(school)
    if settings.finance_enabled != enabled:
        settings.finance_enabled = enabled
        settings.save(update_fields=["finance_enabled"])
        action = "reports.finance.enabled" if enabled else "reports.finance.disabled"
        record(action, settings, by=by, school=school)

    return settings


def latest_before(school: School, key: TermKey) -> TermlyReport | None:
    period = key.start_year * 3 + key.index

    return (
        TermlyReport.objects.filter(school=school, period__lt=period)
        .order_by("-period")
        .first()
    )


@transaction.atomic
def get_or_start_report(
    school: School,
    academic_year: str,
    term: str,
    *,
    by,  # noqa: ANN001
) -> TermlyReport:
    """The school's report for this term, started as a copy of the last one if new."""

    key = TermKey.of(academic_year, term)
    existing = TermlyReport.objects.filter(
        school=school, academic_year=key.academic_year, term=key.term
    ).first()
    if existing is not None:
        return existing

    source = latest_before(school, key)
    report = TermlyReport(school=school, academic_year=key.academic_year, term=key.term)
    if source is not None:
        for name in _COPIED_FIELDS:
            setattr(report, name, getattr(source, name))
        report.copied_from = source
    report.report_date = timezone.localdate()
    report.save()
    if source is not None:
        _copy_children(source, report)

    record(
        "reports.report.started",
        report,
        by=by,
        copied_from=source.pk if source is not None else None,
    )
    logger.info(
        "TermlyReport %s: started (copied from %s)",
        report.pk,
        getattr(source, "pk", None),
    )

    return report


def _copy_children(source: TermlyReport, report: TermlyReport) -> None:
    SendCount.objects.bulk_create(
        SendCount(
            report=report,
            year_group=c.year_group,
            need=c.need,
            provision=c.provision,
            count=c.count,
        )
        for c in source.counts.all()
    )
    Intervention.objects.bulk_create(
        Intervention(report=report, **{n: getattr(i, n) for n in _INTERVENTION_FIELDS})
        for i in source.interventions.all()
    )
    EhcApplication.objects.bulk_create(
        EhcApplication(report=report, **{n: getattr(a, n) for n in _APPLICATION_FIELDS})
        for a in source.applications.all()
        if a.is_open
    )


def _locked_draft(report: TermlyReport) -> TermlyReport:
    """Re-read the report under a row lock and refuse anything but a draft."""

    fresh = TermlyReport.objects.select_for_update().get(pk=report.pk)
    fresh.require_draft()

    return fresh


@transaction.atomic
def update_report(
    report: TermlyReport,
    values: Mapping[str, object],
    *,
    by,  # noqa: ANN001
    expected_version: int,
) -> TermlyReport:
    """Save header, finance or narrative fields; a stale copy raises StaleEdit."""

    allowed = {
        *TermlyReport.HEADER_FIELDS,
        *TermlyReport.FINANCE_FIELDS,
        *TermlyReport.NARRATIVE_FIELDS,
        "pupils_on_roll",
    }
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"Not report fields: {sorted(unknown)}")

    fresh = _locked_draft(report)
    before = {name: getattr(fresh, name) for name in values}
    changed = changed_fields(before, dict(values))
    for name, value in values.items():
        setattr(report, name, value)
    report.updated_at = timezone.now()
    save_versioned(report, [*values, "updated_at"], expected=expected_version)

    record("reports.report.updated", report, by=by, changed=changed)

    return report


@transaction.atomic
def set_numbers(
    report: TermlyReport,
    numbers: SendNumbers,
    *,
    by,  # noqa: ANN001
    expected_version: int,
) -> TermlyReport:
    """Replace the SEND counts with figures typed in by the SENCO.

    The counts belong to the report, so the report's version guards them: a
    form opened before someone else's save (or an import) is refused.
    """

    problems = numbers_problems(numbers.roll, numbers.sen_support, numbers.ehc_plans)
    if problems:
        raise ValueError(" ".join(problems.values()))
    fresh = _locked_draft(report)
    changed = _numbers_changed(numbers_of(fresh), numbers, fresh.pupils_on_roll)
    _replace_counts(report, _cells_from_numbers(numbers))
    report.pupils_on_roll = numbers.roll
    report.updated_at = timezone.now()
    save_versioned(report, ["pupils_on_roll", "updated_at"], expected=expected_version)
    record("reports.numbers.updated", report, by=by, changed=changed)

    return report


def _numbers_changed(
    before: SendNumbers | None, after: SendNumbers, roll: int | None
) -> list[str]:
    """Which headline figures and tables differ from the stored counts."""

    def plain(numbers: SendNumbers | None) -> dict:
        if numbers is None:
            return {}
        return {
            "sen_support": numbers.sen_support,
            "ehc_plans": numbers.ehc_plans,
            "by_year": {code: dict(c) for code, c in numbers.by_year.items()},
            "by_need": {code: dict(c) for code, c in numbers.by_need.items()},
        }

    return changed_fields(
        {"pupils_on_roll": roll, **plain(before)},
        {"pupils_on_roll": after.roll, **plain(after)},
    )


@transaction.atomic
def apply_sen_import(
    report: TermlyReport,
    result: ImportResult,
    *,
    by,  # noqa: ANN001
    expected_version: int | None = None,
) -> TermlyReport:
    """Replace the report's SEND counts with an import's; a submitted report refuses.

    `expected_version` is the report's version when the file was uploaded, so an
    import confirmed after someone else's edit is refused; the command line,
    which reads and applies in one go, leaves it out.
    """

    fresh = _locked_draft(report)
    roll = result.pupils if result.pupils is not None else fresh.pupils_on_roll
    _replace_counts(report, _cells_from_import(result))
    report.pupils_on_roll = roll
    report.numbers_imported_at = timezone.now()
    report.updated_at = report.numbers_imported_at
    save_versioned(
        report,
        ["pupils_on_roll", "numbers_imported_at", "updated_at"],
        expected=fresh.version if expected_version is None else expected_version,
    )

    record(
        "reports.numbers.imported",
        report,
        by=by,
        pupils=result.pupils,
        rows=result.rows_read,
    )
    logger.info(
        "TermlyReport %s: SEN numbers imported (%s rows)", report.pk, result.rows_read
    )

    return report


Cells = dict[tuple[str, str, str], int]


def _cells_from_import(result: ImportResult) -> Cells:
    cells: Cells = {("", "", "K"): result.sen_support, ("", "", "E"): result.ehc_plan}
    for year, counts in result.by_year.items():
        for provision in ("K", "E", "N"):
            if counts.get(provision):
                cells[(year, "", provision)] = counts[provision]
    for need, counts in result.by_need.items():
        for provision in ("K", "E"):
            if counts.get(provision):
                cells[("", need, provision)] = counts[provision]
    for year, needs in result.by_year_need.items():
        for need, counts in needs.items():
            for provision in ("K", "E"):
                if counts.get(provision):
                    cells[(year, need, provision)] = counts[provision]

    return cells


def _cells_from_numbers(numbers: SendNumbers) -> Cells:
    cells: Cells = {
        ("", "", "K"): numbers.sen_support,
        ("", "", "E"): numbers.ehc_plans,
    }
    for year, counts in numbers.by_year.items():
        for provision in ("K", "E"):
            if counts.get(provision):
                cells[(year, "", provision)] = counts[provision]
    for need, counts in numbers.by_need.items():
        for provision in ("K", "E"):
            if counts.get(provision):
                cells[("", need, provision)] = counts[provision]

    return cells


def _replace_counts(report: TermlyReport, cells: Cells) -> None:
    report.counts.all().delete()
    SendCount.objects.bulk_create(
        SendCount(
            report=report, year_group=year, need=need, provision=provision, count=n
        )
        for (year, need, provision), n in cells.items()
    )


def numbers_of(report: TermlyReport) -> SendNumbers | None:
    """The report's counts as SendNumbers; None when it has none yet."""

    counts = list(report.counts.all())
    if not counts:
        return None

    by_year: dict[str, dict[str, int]] = {}
    by_need: dict[str, dict[str, int]] = {}
    totals = {"K": 0, "E": 0}
    for c in counts:
        if not c.year_group and not c.need and c.provision in totals:
            totals[c.provision] = c.count
        elif c.year_group and not c.need and c.provision in totals:
            by_year.setdefault(c.year_group, {"K": 0, "E": 0})[c.provision] = c.count
        elif c.need and not c.year_group:
            by_need.setdefault(c.need, {"K": 0, "E": 0})[c.provision] = c.count

    return SendNumbers(
        roll=report.pupils_on_roll,
        sen_support=totals["K"],
        ehc_plans=totals["E"],
        by_year=by_year,
        by_need=by_need,
    )


@transaction.atomic
def save_intervention(
    report: TermlyReport,
    intervention: Intervention,
    *,
    by,  # noqa: ANN001
    expected_version: int | None = None,
) -> Intervention:
    """Add an intervention, or save an edit made to the copy at `expected_version`."""

    return _save_item(
        report,
        intervention,
        _INTERVENTION_FIELDS,
        "reports.intervention",
        by=by,
        expected_version=expected_version,
    )


@transaction.atomic
def delete_intervention(
    intervention: Intervention,
    *,
    by,  # noqa: ANN001
    expected_version: int,
) -> None:
    _delete_item(
        intervention,
        "reports.intervention.deleted",
        by=by,
        expected_version=expected_version,
    )


@transaction.atomic
def save_application(
    report: TermlyReport,
    application: EhcApplication,
    *,
    by,  # noqa: ANN001
    expected_version: int | None = None,
) -> EhcApplication:
    """Add an application, or save an edit made to the copy at `expected_version`."""

    return _save_item(
        report,
        application,
        _APPLICATION_FIELDS,
        "reports.application",
        by=by,
        expected_version=expected_version,
    )


@transaction.atomic
def delete_application(
    application: EhcApplication,
    *,
    by,  # noqa: ANN001
    expected_version: int,
) -> None:
    _delete_item(
        application,
        "reports.application.deleted",
        by=by,
        expected_version=expected_version,
    )


Item = Intervention | EhcApplication


def _save_item(
    report: TermlyReport,
    item: Item,
    fields: list[str],
    action: str,
    *,
    by,  # noqa: ANN001
    expected_version: int | None,
) -> Item:
    """Create, or update only if nobody saved since `expected_version` was read.

    Changed fields are named against the stored row, not the instance a form has
    already written its new values into.
    """

    _locked_draft(report)
    item.report = report
    item.full_clean(exclude=["version"])
    if item.pk is None:
        item.save()
        record(f"{action}.added", item, by=by, school=report.school, report=report.pk)
        return item

    if expected_version is None:
        raise ValueError(
            "An edit must say which version of the record it started from."
        )
    stored = type(item)._default_manager.get(pk=item.pk, report=report)
    changed = changed_fields(
        {name: getattr(stored, name) for name in fields},
        {name: getattr(item, name) for name in fields},
    )
    save_versioned(item, fields, expected=expected_version)
    record(
        f"{action}.updated",
        item,
        by=by,
        school=report.school,
        report=report.pk,
        changed=changed,
    )

    return item


def _delete_item(
    item: Item,
    action: str,
    *,
    by,  # noqa: ANN001
    expected_version: int,
) -> None:
    """Delete only the version the person saw; a changed record is not removed."""

    report = item.report
    _locked_draft(report)
    pk = item.pk
    deleted, _ = (
        type(item)._default_manager.filter(pk=pk, version=expected_version).delete()
    )
    if not deleted:
        raise StaleEdit()

    key = "intervention" if isinstance(item, Intervention) else "application"
    record(action, report, by=by, **{key: pk})


def snapshot(report: TermlyReport) -> dict:
    """Everything the report says, as plain JSON, for the frozen version."""

    fields = [*_COPIED_FIELDS, "academic_year", "term"]
    data = {name: _plain(getattr(report, name)) for name in fields}
    data["counts"] = sorted(
        [c.year_group, c.need, c.provision, c.count] for c in report.counts.all()
    )
    data["interventions"] = [
        {n: getattr(i, n) for n in _INTERVENTION_FIELDS}
        for i in report.interventions.all()
    ]
    data["applications"] = [
        {n: _plain(getattr(a, n)) for n in _APPLICATION_FIELDS}
        for a in report.applications.all()
    ]

    return data


def _plain(value: object) -> object:
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[union-attr]

    return value


@transaction.atomic
def submit_report(report: TermlyReport, *, by, expected_version: int) -> TermlyReport:  # noqa: ANN001
    """Lock the report, keep a frozen copy, and make it visible to governors."""

    fresh = TermlyReport.objects.select_for_update().get(pk=report.pk)
    fresh.transition_to(TermlyReport.Status.SUBMITTED)
    fresh.submissions += 1
    fresh.submitted_at = timezone.now()
    fresh.submitted_by = by
    save_versioned(
        fresh,
        ["status", "submissions", "submitted_at", "submitted_by"],
        expected=expected_version,
    )

    data = snapshot(fresh)
    encoded = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    ReportSubmission.objects.create(
        report=fresh,
        number=fresh.submissions,
        submitted_at=fresh.submitted_at,
        submitted_by=by,
        snapshot=data,
        sha256=hashlib.sha256(encoded).hexdigest(),
    )

    record("reports.report.submitted", fresh, by=by, number=fresh.submissions)
    logger.info("TermlyReport %s: submitted (version %s)", fresh.pk, fresh.submissions)

    return fresh


@transaction.atomic
def reopen_report(report: TermlyReport, *, by, expected_version: int) -> TermlyReport:  # noqa: ANN001
    """Back to draft for a correction; the submitted copy is kept."""

    fresh = TermlyReport.objects.select_for_update().get(pk=report.pk)
    fresh.transition_to(TermlyReport.Status.DRAFT)
    save_versioned(fresh, ["status"], expected=expected_version)

    record("reports.report.reopened", fresh, by=by)
    logger.info("TermlyReport %s: reopened", fresh.pk)

    return fresh


@transaction.atomic
def ask_question(
    report: TermlyReport,
    question: str,
    *,
    by,
    role: str,  # noqa: ANN001
) -> GovernorQuestion:
    if report.is_draft:
        raise ValueError("Questions can be asked once the report is submitted.")

    asked = GovernorQuestion.objects.create(
        report=report, question=question.strip(), asked_by=by, asked_role=role
    )

    record(
        "reports.question.asked", asked, by=by, school=report.school, report=report.pk
    )

    return asked


@transaction.atomic
def answer_question(
    question: GovernorQuestion,
    answer: str,
    *,
    by,
    expected_version: int,  # noqa: ANN001
) -> GovernorQuestion:
    before = question.answer
    question.answer = answer.strip()
    question.answered_by = by
    question.answered_at = timezone.now()
    save_versioned(
        question, ["answer", "answered_by", "answered_at"], expected=expected_version
    )

    action = (
        "reports.question.answered" if not before else "reports.question.reanswered"
    )
    record(
        action,
        question,
        by=by,
        school=question.report.school,
        report=question.report_id,
    )

    return question


@transaction.atomic
def save_column_mapping(
    school: School, mapping: Mapping[str, str], *, by
) -> ColumnMapping:  # noqa: ANN001
    """Remember a school's column choices. Headings that are data values (a year
    group, provision, need, number or date) are a pupil's cells, never saved."""

    if mapping_looks_like_data(dict(mapping)):
        raise ValueError("Column headings that look like pupil data are not saved.")
    saved, _ = ColumnMapping.objects.get_or_create(school=school)
    changed = changed_fields(saved.mapping, dict(mapping))
    saved.mapping = dict(mapping)
    saved.save(update_fields=["mapping", "updated_at"])

    record("reports.mapping.saved", saved, by=by, school=school, changed=changed)

    return saved
